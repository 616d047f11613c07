"""Events and their dates, keeping the precision the text gives (year, month or day)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from question_bank.entities import organisations_in
from question_bank.extract.context import ArticleContext
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import inside, quoted_spans
from question_bank.text import fold

_HAS_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class DateValue:
    """A calendar date at the precision the text gives."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """Say how precise the date is: year, month or day."""
        return "day" if self.day else "month" if self.month else "year"

    @cached_property
    def key(self) -> str:
        """Return an ISO-like key at the date's own precision (2022, 2022-01, 2022-11-27)."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@lru_cache(maxsize=8)
def _patterns(pack: LanguagePack) -> list[tuple[str, re.Pattern[str]]]:
    months = "|".join(sorted(pack.months, key=len, reverse=True))
    weekdays = "|".join(sorted(pack.weekdays, key=len, reverse=True))
    flags = re.IGNORECASE
    return [
        # "Minggu (27/11/2022)", "(13/6/2024)"
        ("slash", re.compile(rf"(?:\b(?:{weekdays})\s*)?\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})\)", flags)),
        # "Senin, 17 Mei 2022", "tanggal 20 April 1994", "24 Februari 2022"
        ("dmy", re.compile(
            rf"(?:\b(?:hari\s+)?(?:{weekdays}),?\s+)?"
            rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{months})\.?\s+(?P<y>\d{{4}})\b", flags)),
        # "March 4, 2025", "Tuesday, June 20, 2023"
        ("mdy", re.compile(
            rf"(?:\b(?:{weekdays}),?\s+)?\b(?P<mn>{months})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", flags)),
        # "Januari 2022", "November 2022"
        ("my", re.compile(rf"\b(?P<mn>{months})\s+(?P<y>\d{{4}})\b", flags)),
        # "pada tahun 2020", "sejak 1949", "in 1967"
        ("y", re.compile(rf"\b(?:{pack.patterns['year_lead']})\s+(?:{pack.patterns['year_word']}\s+)?"
                         rf"(?P<y>1[5-9]\d\d|20\d\d)\b", flags)),
    ]


@extractor("date")
def extract_dates(context: ArticleContext) -> Iterator[Fact]:
    """Yield a date fact for each dated event a sentence states outside quotations and citations."""
    for sentence in context.article.sentences:
        yield from _sentence_dates(sentence, context)


def _sentence_dates(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    text = sentence.text
    if not _HAS_YEAR.search(text):
        return  # every date this extractor reads has a year; most sentences have none
    quotes = quoted_spans(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, DateValue]] = []
    for name, pattern in _patterns(context.pack):
        for m in pattern.finditer(text):
            start, end = m.span()
            if name == "y":
                start = m.start("y")  # keep "pada tahun" in the sentence; blank only the year
            if any(s < end and start < e for s, e in taken):
                continue
            value = _value(m, context.pack)
            taken.append((start, end))  # an impossible date is not read again at a lower precision
            if value is None:
                continue
            found.append((start, end, value))
    found.sort()
    for i, (start, end, value) in enumerate(found):
        if inside(start, quotes) or _cited(text, start, context.pack) or _in_range(text, found, i, context.pack):
            continue
        cloze = text[:start] + "___" + text[end:]
        yield Fact(
            kind="date",
            subject=cloze,
            value=text[start:end],
            subject_key=_event_key(text, start, context) or fold(cloze),
            value_key=value.key,
            sentence=sentence,
            span=(start, end),
            detail={"date": value},
        )


def _value(m: re.Match[str], pack: LanguagePack) -> DateValue | None:
    groups = m.groupdict()
    year = int(groups["y"])
    month = int(groups["m"]) if groups.get("m") else pack.months.get(groups["mn"].lower()) if groups.get("mn") else None
    day = int(groups["d"]) if groups.get("d") else None
    try:
        date(year, month or 1, day or 1)  # "31/2/2022" names no day of any calendar
    except ValueError:
        return None
    return DateValue(year, month, day)


def _cited(text: str, start: int, pack: LanguagePack) -> bool:
    """Say whether a date dates a citation ("dikutip pada …", "Menurut Reuters, Kamis …"), not an event."""
    window = text[max(0, start - 60):start].lower()
    return bool(_citation_pattern(pack).search(window))


@lru_cache(maxsize=8)
def _citation_pattern(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(pack.citation_words)) + r")\b")


def _in_range(text: str, found: list[tuple[int, int, DateValue]], i: int, pack: LanguagePack) -> bool:
    """Say whether a date is one end of a range ("akhir 2022 hingga awal 2023"): it dates no one event."""
    joiner = _range_joiner(pack)
    start, end, _ = found[i]
    before = found[i - 1] if i > 0 else None
    after = found[i + 1] if i + 1 < len(found) else None
    if after and joiner.match(text[end:after[0]]):
        return True
    return bool(before and joiner.match(text[before[1]:start]))


@lru_cache(maxsize=8)
def _range_joiner(pack: LanguagePack) -> re.Pattern[str]:
    p = pack.patterns
    return re.compile(rf"^\s*(?:{p['range_joiner']})\s+(?:(?:{p['period_word']})\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _event_verbs(pack: LanguagePack) -> tuple[str, ...]:
    # Verbs whose date the corpus should agree on: two articles giving two founding years is a dispute.
    return tuple(pack.patterns["event_verb"].split("|"))


def _event_key(text: str, start: int, context: ArticleContext) -> str | None:
    """Key an event that other articles may date too (an organisation's founding), else None."""
    window = text[max(0, start - 40):start].lower()
    verb = next((v for v in _event_verbs(context.pack) if v in window), None)
    if verb is None:
        return None
    orgs = organisations_in(text[:start], context.pack)
    org = orgs[-1].canonical if orgs else context.main_org
    return f"{org}:{verb}" if org else None
