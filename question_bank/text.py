"""Small text helpers shared by the stages: folding for comparison and token tests."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w\s-]")
# What NFKD splits off Latin letters (é -> e + U+0301); a regex removes it far faster than a loop in Python.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, squeeze spaces: the form used to compare names."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = text.lower()
    text = text.replace("’", "").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", text).split())
