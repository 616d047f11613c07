"""Numbers read from an address: ids and page numbers the database can take, so a huge one is "not found", not a crash.

PostgreSQL refuses a number past an INTEGER id column's 32 bits ("integer out of range"), SQLite one past 64 bits
with OverflowError, and PostgreSQL an OFFSET past bigint: each would surface as 500. One converter guards every
<int:…> in a route, `parse_id` every id read from a form or query string, one type every ?page=.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

#: The largest id a database column can hold: the ids are INTEGER, 32 bits on PostgreSQL (SQLite holds 64).
MAX_ID = 2**31 - 1
#: Pages past this are clamped to it; no listing has a million pages, and offsets stay within bigint.
MAX_PAGE = 1_000_000


class IdConverter(IntegerConverter):
    """Werkzeug's int converter, matching only numbers a database id can be: a larger one is no route (404)."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def parse_id(text: str) -> int | None:
    """Read an id from text; None if it is not a whole number from 0 to MAX_ID, so no row can have it."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_ID:
        return None
    return int(text)


def page_number(value: str) -> int:
    """Read a ?page= value as a page from 1 to MAX_PAGE; raise ValueError if it is not a whole number.

    For `request.args.get("page", 1, type=page_number)`, which gives the default when ValueError is raised.
    """
    return min(max(int(value), 1), MAX_PAGE)


def init_app(app: Flask) -> None:
    """Make <int:…> in every route the bounded converter; call before any blueprint is registered."""
    app.url_map.converters["int"] = IdConverter
