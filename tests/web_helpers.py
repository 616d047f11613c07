"""Helpers for tests of the web pages: read a rendered page, and make a request as a browser's next one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from html.parser import HTMLParser

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from quizapp.db import db

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """A rendered page: its elements with their attributes, and the text inside each of them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self._texts: list[list[str]] = []
        self._ancestors: list[tuple[str, ...]] = []
        self._open: list[tuple[str, int]] = []
        self.feed(html)
        self.close()

    @classmethod
    def of(cls, response: TestResponse) -> Page:
        """Parse the body of response."""
        return cls(response.get_data(as_text=True))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        self._texts.append([])
        self._ancestors.append(tuple(open_tag for open_tag, _ in self._open))
        if tag not in _VOID:
            self._open.append((tag, len(self.elements) - 1))

    def handle_endtag(self, tag: str) -> None:
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        for _, index in self._open:
            self._texts[index].append(data)

    def find_all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        """Return the attributes of every tag element whose attributes include attrs."""
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def find(self, tag: str, **attrs: str) -> dict[str, str]:
        """Return the attributes of the one tag element whose attributes include attrs."""
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    def _text(self, index: int) -> str:
        return " ".join("".join(self._texts[index]).split())

    def texts(self, tag: str, **attrs: str) -> list[str]:
        """Return the text inside each tag element whose attributes include attrs, white space collapsed."""
        return [
            self._text(index)
            for index, (t, a) in enumerate(self.elements)
            if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]

    def links(self, inside: str = "html") -> dict[str, str]:
        """Return the links within any inside element (such as "nav"), as their text -> their address."""
        return {
            self._text(index): attrs["href"]
            for index, (tag, attrs) in enumerate(self.elements)
            if tag == "a" and inside in self._ancestors[index]
        }

    def text(self, element_id: str) -> str:
        """Return the text inside the one element with this id, white space collapsed."""
        found = [index for index, (_, a) in enumerate(self.elements) if a.get("id") == element_id]
        assert len(found) == 1, f"expected one element with id {element_id!r}, found {len(found)}"
        return self._text(found[0])

    def field_errors(self, name: str) -> str:
        """Return the error text shown next to the form field called name, as the field itself points to it."""
        (control,) = [a for t, a in self.elements if t in {"input", "select", "textarea"} and a.get("name") == name]
        assert control.get("aria-invalid") == "true", f"{name} is not marked invalid"
        return self.text(control["aria-describedby"])

    def invalid_fields(self) -> set[str]:
        """Return the names of the form fields marked invalid."""
        return {a["name"] for _, a in self.elements if a.get("aria-invalid") == "true" and "name" in a}

    @property
    def lang(self) -> str:
        """Return the language the page says it is in."""
        return self.find("html")["lang"]


def as_next_request(app: Flask, client: FlaskClient, path: str, **kwargs: object) -> TestResponse:
    """GET path in an app context of its own, as a browser's next request would be served.

    pytest-flask keeps one app context open for the whole test, and the test client's requests share it, so
    Flask-Login's current user and Flask-Babel's locale, both cached in `g`, would carry over from the
    previous request. A fresh context makes the request rely, like a real one, only on what the browser
    sends: the session and remember cookies and the headers.
    """
    with app.app_context():
        return client.get(path, **kwargs)  # type: ignore[arg-type]


class Clock:
    """A clock the test moves by hand; the app reads it through QUIZAPP_CLOCK."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@contextmanager
def counted(app: Flask) -> Iterator[list[str]]:
    """Collect the SQL statements the app's engine runs inside the block (counts are exact, unlike timings)."""
    statements: list[str] = []

    def collect(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", collect)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", collect)
