"""Small text helpers shared by the stages: folding for comparison and token tests."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w\s-]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, squeeze spaces: the form used to compare names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


def is_capitalised(word: str) -> bool:
    """Say whether a word starts with a capital letter (a proper-noun candidate)."""
    return bool(word) and word[0].isupper()


def words(text: str) -> list[str]:
    """Split text into words, keeping hyphens and apostrophes inside names (Kassym-Jomart, O’Brien)."""
    return re.findall(r"[\w’'-]+", text)
