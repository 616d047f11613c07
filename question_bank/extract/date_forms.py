"""Dates as a sentence writes them ("Senin (26/5/2025)", "on Tuesday, June 20", "pada 20 Juni"), and how the
sentence places them in time: ahead of it, a deadline, one end of a span, the dateline that opens it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache

from question_bank.lang import LanguagePack

#: How far before a date a deadline word still governs it ("by the end of 2026", "until the second quarter of").
_DEADLINE_REACH = 30


@dataclass(frozen=True)
class DateValue:
    """A calendar date at the precision the text gives.

    `not_after` is the latest year a wrong option may name: set where the article reports the date as past, so a
    card of an article from 2023 does not offer 2024.
    """

    year: int
    month: int | None = None
    day: int | None = None
    not_after: int | None = field(default=None, compare=False)

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


@dataclass(frozen=True)
class DateMention:
    """A date as a sentence writes it: where it stands and the parts it gives (a year may be left out)."""

    form: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    #: a year given relative to the article's own ("tahun lalu" -1, "next year" +1, "this year" 0), else None
    shift: int | None = None

    def value(self, year: int | None = None) -> DateValue | None:
        """Return the date, its year given where the text leaves it out; None if no calendar has it."""
        year = self.year or year
        if year is None:
            return None
        return DateValue(year, self.month, self.day)


#: What must stand right before a date form: an optional weekday ("Senin, 17 Mei 2022"), a weekday, a weekday
#: or a lead word ("on Tuesday, June 20", "pada 20 Juni"), a lead word, a year's lead word ("pada tahun"), nothing.
_OPTIONAL_WEEKDAY, _WEEKDAY, _WEEKDAY_OR_LEAD, _LEAD, _YEAR_LEAD, _ANY = (
    "weekday?", "weekday", "weekday|lead", "lead", "year lead", "")


@dataclass(frozen=True)
class _Form:
    """One way of writing a date: its pattern, whether it opens with a month name, and what must stand before it."""

    name: str
    pattern: re.Pattern[str]
    before: str = _ANY
    #: the pattern opens with a month name and is tried only where one stands (scanning for it is slow)
    at_month: bool = False


@lru_cache(maxsize=8)
def _forms(pack: LanguagePack) -> tuple[_Form, ...]:
    """The date forms a pack's language writes, most precise first: a match hides the less precise ones within it.

    Each form is matched from its figures or its month name; what must stand before it (a weekday, a lead word)
    is looked at only where it matched, which keeps a sentence's scan fast.
    """
    p = pack.patterns
    months = "|".join(sorted(pack.months, key=len, reverse=True))
    # a day and month without a year is read only with its month capitalised: "may 20" is no date
    capitals = sorted({m.capitalize() for m in pack.months} | {m.upper() for m in pack.months}, key=len, reverse=True)
    capital_months = "(?-i:" + "|".join(capitals) + ")"
    suffix = rf"(?:{p['day_suffix']})?" if p["day_suffix"] else ""
    day, year = rf"(?P<d>\d{{1,2}}){suffix}", r"(?P<y>\d{4})"
    flags = re.IGNORECASE
    return (
        # "Minggu (27/11/2022)", "(13/6/2024)"
        _Form("slash", re.compile(rf"\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/{year}\)"), _OPTIONAL_WEEKDAY),
        # "Senin, 17 Mei 2022", "tanggal 20 April 1994", "24 Februari 2022", "4 March 2025"
        _Form("dmy", re.compile(rf"\b{day}\s+(?P<mn>{months})\.?,?\s+{year}\b", flags), _OPTIONAL_WEEKDAY),
        # "March 4, 2025", "Tuesday, June 20, 2023"
        _Form("mdy", re.compile(rf"(?P<mn>{months})\.?\s+{day},?\s+{year}\b", flags), _OPTIONAL_WEEKDAY, True),
        # "Januari 2022", "November 2022"
        _Form("my", re.compile(rf"(?P<mn>{months})\s+{year}\b", flags), _ANY, True),
        # "pada tahun 2020", "sejak 1949", "in 1967", "awal 2024": the lead word stays out of the date
        _Form("y", re.compile(r"\b(?P<y>1[5-9]\d\d|20\d\d)\b"), _YEAR_LEAD),
        # "Jumat (23/2)": a day and month in brackets is a date only after its weekday
        _Form("slash_dm", re.compile(r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})\)"), _WEEKDAY),
        # "on Tuesday, June 20", "Saturday, 22 November", "pada 20 Juni", "on 24 July": without a year, a day and
        # month is a date after its weekday or a lead word, or opening a sentence
        _Form("dm", re.compile(rf"\b(?<![.,/-]){day}\s+(?P<mn>{capital_months})\b(?!,?\s*\d)"), _WEEKDAY_OR_LEAD),
        _Form("md", re.compile(rf"(?P<mn>{capital_months})\.?\s+{day}\b(?![.,]?\d|%)"), _WEEKDAY_OR_LEAD, True),
        # "pada Desember tahun lalu": a month alone is a date only with a year relative to the article's
        _Form("m", re.compile(rf"(?P<mn>{capital_months})\b(?=\s+(?:{_relative_words(pack)})\b)", flags), _LEAD, True),
    )


@lru_cache(maxsize=8)
def _before(pack: LanguagePack) -> dict[str, re.Pattern[str]]:
    """What may stand right before a date: a weekday ("hari Senin, "), a lead word ("pada "), a year's lead."""
    p = pack.patterns
    weekdays = "|".join(sorted(pack.weekdays, key=len, reverse=True))
    weekday_word = rf"(?:(?:{p['weekday_word']})\s+)?" if p["weekday_word"] else ""
    return {
        _WEEKDAY: re.compile(rf"\b{weekday_word}(?P<wd>{weekdays}),?\s*$", re.IGNORECASE),
        _LEAD: re.compile(rf"(?:^|\b(?:{p['day_lead']})\s+)$", re.IGNORECASE),
        _YEAR_LEAD: re.compile(rf"\b(?:{p['year_lead']})\s+(?:(?:{p['year_word']})\s+)?$", re.IGNORECASE),
    }


def _start_of(text: str, start: int, before: str, pack: LanguagePack) -> tuple[int, str | None] | None:
    """Where a date matched at `start` begins, taking in the weekday before it, and that weekday; None if a
    weekday or lead word it needs is missing."""
    if not before:
        return start, None
    patterns = _before(pack)
    window = max(0, start - 30)
    if before == _YEAR_LEAD:
        return (start, None) if patterns[_YEAR_LEAD].search(text, window, start) else None
    wd = patterns[_WEEKDAY].search(text, window, start)
    if wd:
        return wd.start(), wd.group("wd")
    if before == _OPTIONAL_WEEKDAY:
        return start, None
    if before in (_WEEKDAY_OR_LEAD, _LEAD) and patterns[_LEAD].search(text, window, start):
        return start, None
    return None


def _relative_words(pack: LanguagePack) -> str:
    p = pack.patterns
    return f"{p['last_year']}|{p['next_year']}|{p['this_year']}"


@lru_cache(maxsize=8)
def _relative_year(pack: LanguagePack) -> re.Pattern[str]:
    """A year named relative to the article's, right after a day and month ("18 September tahun lalu")."""
    p = pack.patterns
    return re.compile(rf"\s+(?:(?P<last>{p['last_year']})|(?P<next>{p['next_year']})|(?P<this>{p['this_year']}))\b",
                      re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_WORD_AT = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def read_dates(text: str, pack: LanguagePack) -> tuple[DateMention, ...]:
    """Find the dates a text writes, most precise reading first, none overlapping, in order; impossible ones dropped."""
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and not _relative_year(pack).search(text):
        return ()  # most sentences: every date but "Desember tahun lalu" has a figure
    months = pack.months
    month_at = [w.start() for w in _WORD_AT.finditer(text) if w.group().lower() in months]
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for form in _forms(pack):
        if not has_digit and form.name != "m":
            continue  # only a month with a relative year ("Desember tahun lalu") is written without a figure
        if form.at_month:
            matches = (m for m in (form.pattern.match(text, at) for at in month_at) if m)
        else:
            matches = form.pattern.finditer(text)
        for m in matches:
            begun = _start_of(text, m.start(), form.before, pack)
            if begun is None:
                continue
            start, weekday = begun
            end = m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))  # an impossible date is not read again at a lower precision
            mention = _mention(form.name, m, start, end, weekday, pack)
            if mention is not None:
                found.append(_with_relative_year(text, mention, pack) if mention.year is None else mention)
    return tuple(sorted(found, key=lambda d: d.start))


def _with_relative_year(text: str, mention: DateMention, pack: LanguagePack) -> DateMention:
    """Take a year named relative to the article's into a date given without one: "18 September tahun lalu"."""
    m = _relative_year(pack).match(text, mention.end)
    if m is None:
        return mention
    shift = -1 if m.group("last") else 1 if m.group("next") else 0
    return replace(mention, end=m.end(), shift=shift)


def _mention(form: str, m: re.Match[str], start: int, end: int, weekday_name: str | None,
             pack: LanguagePack) -> DateMention | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    month = int(groups["m"]) if groups.get("m") else pack.months.get(groups["mn"].lower()) if groups.get("mn") else None
    day = int(groups["d"]) if groups.get("d") else None
    weekday = pack.weekdays.get(weekday_name.lower()) if weekday_name else None
    try:
        # "31/2/2022" names no day of any calendar; a leap day without its year is checked in a leap year
        date(year or 2000, month or 1, day or 1)
    except ValueError:
        return None
    return DateMention(form, start, end, year, month, day, weekday)


def calendar_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None where no calendar has it (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- the dateline that opens an article ---------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _dateline_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """A dateline's date: "May 26", "26 May 2025", "Mei 26, 2025"."""
    months = "|".join(sorted(pack.months, key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<mn>{months})\.?\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<mn2>{months})\.?(?:,?\s+(?P<y2>\d{{4}}))?"
        rf"|(?P<d3>\d{{1,2}})[/.-](?P<m3>\d{{1,2}})[/.-](?P<y3>\d{{4}}))\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def _dateline_start(pack: LanguagePack) -> re.Pattern[str]:
    """A dateline opening a sentence: "THE HAGUE, June 25 (Newswire) –", "Jakarta, 26 Mei 2025 -"."""
    return re.compile(rf"^[^\W\d_][^,\n]{{0,40}}?,\s+(?:{_dateline_pattern(pack).pattern})"
                      r"\s*(?:\([^()]{1,40}\)\s*)?(?:[–—]|-{1,2})\s", re.IGNORECASE)


def in_dateline(text: str, mention: DateMention, pack: LanguagePack) -> bool:
    """Say whether a date is the dateline that opens a sentence: it dates the article, not an event."""
    if mention.start > 60:
        return False
    m = _dateline_start(pack).match(text)
    return bool(m and mention.start < m.end())


def dateline_date(text: str, pack: LanguagePack) -> DateMention | None:
    """Read the date a dateline or publication line gives, with or without its year ("May 26", "26/05/2025")."""
    m = _dateline_pattern(pack).search(text)
    if m is None:
        return None
    g = m.groupdict()
    if g["d3"]:
        day, month, year = g["d3"], int(g["m3"]), g["y3"]
    else:
        day, name, year = (g["d"], g["mn"], g["y"]) if g["d"] else (g["d2"], g["mn2"], g["y2"])
        month = pack.months[name.lower()]
    if calendar_date(int(year) if year else 2000, month, int(day)) is None:
        return None
    return DateMention("dateline", m.start(), m.end(), int(year) if year else None, month, int(day))


def opens_with_dateline(text: str, pack: LanguagePack) -> bool:
    """Say whether a sentence opens with a dateline ("THE HAGUE, June 25 (Newswire) – …")."""
    return _dateline_start(pack).match(text) is not None


# --- how a sentence places a date in time ---------------------------------------------------------------------

@lru_cache(maxsize=8)
def _time_patterns(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str]]:
    p = pack.patterns
    return (
        re.compile(rf"\b(?:{p['future_marker']})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{p['deadline_lead']})\b", re.IGNORECASE),
    )


@lru_cache(maxsize=4096)
def _future_marks(text: str, pack: LanguagePack) -> tuple[int, int] | None:
    """Where the first and the last words that look ahead ("will", "akan") stand in a sentence, or None."""
    marks = list(_time_patterns(pack)[0].finditer(text))
    return (marks[0].end(), marks[-1].start()) if marks else None


def ahead(text: str, mention: DateMention, pack: LanguagePack) -> bool | None:
    """Say whether the sentence marks a date as ahead ("will meet on", "akan digelar pada"): True; None where the
    mark only follows the date ("Pada 17 Agustus, Indonesia akan …"), which may or may not govern it; else False."""
    marks = _future_marks(text, pack)
    if marks is None:
        return False
    first_end, last_start = marks
    if first_end <= mention.start:
        return True
    return None if last_start >= mention.end else False


def reported_as_past(text: str, mention: DateMention, pack: LanguagePack) -> bool:
    """Say whether a sentence reports a date as past: nothing marks it as ahead or as a deadline ("by 2035")."""
    if ahead(text, mention, pack) is not False:
        return False
    return not _time_patterns(pack)[1].search(text, max(0, mention.start - _DEADLINE_REACH), mention.start)


_SPAN_AFTER = re.compile(r"\s*[-–/]\s*\d{2,4}\b")
_SPAN_BEFORE = re.compile(r"\d{4}\s*[-–/]\s*$")


def is_span_end(text: str, mention: DateMention) -> bool:
    """Say whether a year is one end of a span ("2019-2020", "2025/2026"): a span is a number, not a date."""
    return bool(_SPAN_AFTER.match(text, mention.end) or _SPAN_BEFORE.search(text, max(0, mention.start - 12),
                                                                            mention.start))

