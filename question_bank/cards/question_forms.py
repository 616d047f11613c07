"""Ask a fact as a question where one reads better than a sentence with a blank ("When was NATO founded?")."""

from __future__ import annotations

import re
from functools import lru_cache

from question_bank.entities import organisations_in, place_at
from question_bank.lang import LanguagePack

#: A clause longer than this reads better as the sentence it is, with its blank.
MAX_CLAUSE_WORDS = 12
_YEAR = re.compile(r"\b\d{4}\b")
_QUOTES = re.compile(r"[“”\"‘’]")


@lru_cache(maxsize=8)
def _date_phrases(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """Return the patterns of a date's preposition before it at a clause's end and at a sentence's start, and of
    the words that make a clause's date uncertain to be its event's."""
    preposition = pack.patterns.get("date_preposition")
    if preposition is None:
        return None
    blockers = pack.patterns.get("when_blockers", "(?!)")
    return (re.compile(rf"\s+(?:{preposition})\s+$", re.IGNORECASE),
            re.compile(rf"^(?:{preposition})\s+$", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{blockers})(?!\w)", re.IGNORECASE))


def when_question(text: str, span: tuple[int, int], pack: LanguagePack) -> str | None:
    """Ask "When …?" of a short sentence that dates one event at its end or its start, else None.

    Only where the clause left stands alone and the date is surely its event's: no comma, no quotation, no other
    year, no relative clause or other time ("… held in Bandung", "since the summit"), and a first word that is a
    name or one the pack knows as a common word, so that its capital can be told.
    """
    phrases = _date_phrases(pack)
    if phrases is None:
        return None
    at_end, at_start, blockers = phrases
    before, after = text[:span[0]], text[span[1]:]
    tail = at_end.search(before)
    if tail and after.strip() in ("", "."):
        clause = before[:tail.start()]
    elif at_start.match(before) and after.startswith(", "):
        clause = after[2:].rstrip().removesuffix(".")
    else:
        return None
    clause = clause.strip()
    words = clause.split()
    if not words or len(words) > MAX_CLAUSE_WORDS or "," in clause or _QUOTES.search(clause) \
            or _YEAR.search(clause) or clause[-1] in "!?:;" or blockers.search(clause):
        return None
    inversion = pack.patterns.get("when_inversion")
    if inversion:
        moved = re.fullmatch(inversion, clause)
        if moved is None:
            return None
        subject = _uncapitalised(moved.group("subject"), pack)
        clause = subject and f"{moved.group('aux')} {subject} {moved.group('rest')}"
    else:
        clause = _uncapitalised(clause, pack)
    return pack.templates["when"].format(clause=clause) if clause else None


def _uncapitalised(clause: str, pack: LanguagePack) -> str | None:
    """Return a clause as it reads after "When": a name keeps its capital, a common word loses it; None if the
    first word is neither (a capital that may be a person's name or a noun: no way to tell)."""
    first = clause.split()[0]
    if first.lower() in pack.common_words:
        return first.lower() + clause[len(first):]
    if first.isupper() or place_at(clause, 0, pack) is not None:
        return clause
    if any(m.start == 0 for m in organisations_in(clause, pack)):
        return clause
    return None
