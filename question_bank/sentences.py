"""Split a paragraph into sentences without cutting a quotation in the middle."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

OPEN_QUOTES = "“‘"
#: Quotation marks as outlets type them: curly pairs, and doubled single quotes (‘’…’’) that stand for them.
_OPENING = ("‘’", "“")
_CLOSING = ("’’", "”")

#: An item of a numbered or bulleted list, up to its text: "1. Indonesia", "2) Malaysia", "- Brasil", "• Rusia".
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-–•*▪·])\s+(?=\S)")

_MARKS = re.compile(r"‘’|’’|[“”\".!?]")
_CLOSERS = "”\")’"


def split_sentences(paragraph: str, abbreviations: frozenset[str] = frozenset()) -> list[str]:
    """Split a paragraph at sentence ends that stand outside every quotation; the text is kept as it is.

    `abbreviations` (lower-case, without their stop: a language pack's) are words after which a stop ends nothing.
    """
    sentences: list[str] = []
    start = 0
    # marks before this position were taken into the sentence just ended; a list item's "1." ends nothing
    item = LIST_ITEM.match(paragraph)
    consumed = item.end() if item else 0
    depth = 0  # curly quotes nest; a straight " toggles
    straight_open = False
    n = len(paragraph)
    # Only quotation marks and stops matter, so visit just those instead of every character.
    for mark in _MARKS.finditer(paragraph):
        i = mark.start()
        if i < consumed:
            continue
        token = mark.group()
        if token in _OPENING:
            depth += 1
            continue
        if token in _CLOSING:
            depth = max(0, depth - 1)
            closed_at = i
        elif token == '"':
            straight_open = not straight_open
            closed_at = None if straight_open else i
        else:
            if depth == 0 and not straight_open and _ends_sentence(paragraph, i, abbreviations):
                end = i + 1
                # a closing quote or bracket right after the stop belongs to this sentence
                while end < n and paragraph[end] in _CLOSERS:
                    end += 1
                sentences.append(paragraph[start:end].strip())
                start = consumed = end
            continue
        after = mark.end()
        # A quotation that closes with its own full stop ("… keamanan.”) ends the sentence when what
        # follows begins a new one: a capital letter or another quotation.
        if closed_at is not None and depth == 0 and not straight_open and closed_at > 0 \
                and paragraph[closed_at - 1] in ".!?" and _next_starts_sentence(paragraph, after):
            # closing marks right after it belong to it too ("… Afganistan."”): alone, one would be a sentence
            while after < n and paragraph[after] in _CLOSERS:
                after += 1
            sentences.append(paragraph[start:after].strip())
            start = consumed = after
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _ends_sentence(text: str, i: int, abbreviations: frozenset[str]) -> bool:
    """Say whether the stop at i ends a sentence (not a decimal, domain, initial or abbreviation)."""
    ch = text[i]
    after = text[i + 1:i + 2]
    if ch == "." and after and (after.isalnum() or after in ".,"):
        return False  # 3.380, BagusNews.com, U.S.
    word = _WORD_BEFORE.search(text[max(0, i - 40):i])  # a bounded look-back keeps this linear
    if ch == "." and word:
        token = word.group(1).lower()
        if token in abbreviations or (len(token) == 1 and token.isalpha() and text[i - 1].isupper()):
            return False
    return _next_starts_sentence(text, i + 1)


def _next_starts_sentence(text: str, j: int) -> bool:
    """Say whether the text after position j starts a new sentence (or the paragraph ends)."""
    # walk the characters rather than slice the rest: a paragraph has many stops, and copying what follows
    # each one made splitting quadratic in the paragraph's length
    end = len(text)
    while j < end and text[j] in "”\")’":
        j += 1
    if j < end and not text[j].isspace():
        return False
    while j < end and text[j].isspace():
        j += 1
    if j == end:
        return True
    first = text[j]
    return first.isupper() or first.isdigit() or first in OPEN_QUOTES + '"('


_QUOTATION = re.compile(r"(?:“|‘’)(?:(?!”|’’).)*(?:”|’’|$)|\"[^\"]*(?:\"|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@lru_cache(maxsize=65536)
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) of each direct quotation in a sentence, quote marks included."""
    # every extractor asks about the same sentence: read it once
    return tuple((m.start(), m.end()) for m in _QUOTATION.finditer(text))


def unquote(quotation: str) -> str:
    """Return a quotation's words without its quotation marks or trailing comma."""
    return quotation.strip(" “”‘’\"").rstrip(",").strip()


def inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Say whether a position falls inside one of the spans."""
    return any(start <= position < end for start, end in spans)
