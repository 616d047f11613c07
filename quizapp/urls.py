"""Numbers read from an address: ids and page numbers the database can take, so a huge one is "not found", not a crash.

SQLite refuses an integer past 64 bits with OverflowError, and PostgreSQL refuses an OFFSET past bigint: both
would surface as 500. One converter guards every <int:…> in a route; one type guards every ?page=.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

#: The largest id a database column can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1
#: Pages past this are clamped to it; no listing has a million pages, and offsets stay within bigint.
MAX_PAGE = 1_000_000


class IdConverter(IntegerConverter):
    """Werkzeug's int converter, matching only numbers a database id can be: a larger one is no route (404)."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def page_number(value: str) -> int:
    """Read a ?page= value as a page from 1 to MAX_PAGE; raise ValueError if it is not a whole number.

    For `request.args.get("page", 1, type=page_number)`, which gives the default when ValueError is raised.
    """
    return min(max(int(value), 1), MAX_PAGE)


def init_app(app: Flask) -> None:
    """Make <int:…> in every route the bounded converter; call before any blueprint is registered."""
    app.url_map.converters["int"] = IdConverter
