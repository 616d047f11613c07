"""Where a form may send the browser next: only ever to a page on this site."""

from __future__ import annotations


def local_path(target: str | None, default: str) -> str:
    """Return target if it is a path on this site, else default, so that no link can make quizapp an open redirect.

    Browsers drop tabs and newlines from an address and read a backslash as a slash, so "/<tab>/evil.example"
    and "/\\evil.example" both mean "//evil.example", another site: any of those characters refuses target.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(char) < 0x20 or ord(char) == 0x7F for char in target):
        return default
    return target
