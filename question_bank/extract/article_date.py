"""The article's own date, as far as its text tells: the year a day and month given alone belong to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from question_bank.extract.date_forms import (
    DateMention,
    calendar_date,
    dateline_date,
    in_dateline,
    is_span_end,
    opens_with_dateline,
    read_dates,
    reported_as_past,
)
from question_bank.lang import LanguagePack
from question_bank.model import Article
from question_bank.sentences import inside, quoted_spans

#: How far after the article's own date a day and month with no sign of the future may lie and still be in its
#: year ("takes over on 1 December" in an article of 23 November); further on, it is last year's.
NEAR_FUTURE = timedelta(days=62)
#: The sentences at an article's start where a dateline may stand ("THE HAGUE, June 25 (Newswire) – …").
_DATELINE_SENTENCES = 2


@dataclass(frozen=True)
class ArticleDate:
    """When an article was written, as far as its own text tells; any part may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: the latest year the article reports as past: it was written then or later
    latest_past: int | None = None

    @property
    def last_year(self) -> int | None:
        """The latest year an event the article reports as past can have: its own year, else its latest past one."""
        return self.year or self.latest_past

    def year_of(self, month: int, day: int, ahead: bool | None = False, weekday: int | None = None) -> int | None:
        """Return the year of a day and month given without one, or None where the article's year is unknown.

        A weekday names the year by itself among the article's year and the ones either side. Otherwise a date the
        sentence marks as ahead is the next one on or after the article's date; one it may mark so (a mark after
        the date: "Pada 17 Agustus, Indonesia akan …") is the nearest one; any other is the last one before the
        article's date, or shortly after it ("takes over on 1 December" in an article of 23 November).
        """
        if self.year is None:
            return None
        if weekday is not None:
            return _year_by_weekday(month, day, weekday, range(self.year - 1, self.year + 2))
        if self.month is None or self.day is None:
            return self.year
        own = date(self.year, self.month, self.day)
        candidates = [d for d in (calendar_date(y, month, day) for y in (self.year - 1, self.year, self.year + 1)) if d]
        if ahead is None:
            chosen = min(candidates, key=lambda d: abs(d - own), default=None)
        elif ahead:
            chosen = next((d for d in candidates if d >= own - timedelta(days=7)), None)
        else:
            chosen = next((d for d in reversed(candidates) if d <= own + NEAR_FUTURE), None)
        return chosen.year if chosen else None


def _year_by_weekday(month: int, day: int, weekday: int, years: range) -> int | None:
    """The one year of `years` in which the day falls on the weekday, else None (weekdays repeat after 5 years)."""
    fits = [y for y in years if (d := calendar_date(y, month, day)) and d.weekday() == weekday]
    return fits[0] if len(fits) == 1 else None


@dataclass
class _Evidence:
    """What an article's dates say about when it was written."""

    #: every date the article states outside quotations and its dateline
    stated: list[DateMention] = field(default_factory=list)
    #: years it reports as past (dates and bare years), and years it looks ahead to or gives as deadlines
    past: list[int] = field(default_factory=list)
    ahead: list[int] = field(default_factory=list)
    #: years of its past dates that name a month ("March 7, 2024"): events, not eras
    dated: set[int] = field(default_factory=set)

    @property
    def latest(self) -> int | None:
        """The latest year the article reports as past: it was written then or later."""
        return max(self.past, default=None)

    @property
    def upcoming(self) -> int | None:
        """The first year, not before the latest past one, that the article looks ahead to."""
        latest = self.latest
        return min((y for y in self.ahead if latest is not None and y >= latest), default=None)

    def vouches_for(self, year: int) -> bool:
        """Say whether the article's own dates make a year plausible as its own: it names the year, dates an
        event in the year before, or looks ahead to a year soon after ("founded in 1949" alone vouches for none)."""
        return year in self.past or year in self.ahead or year - 1 in self.dated or self.upcoming is not None


def article_date(article: Article, pack: LanguagePack) -> ArticleDate:
    """Date an article from its dateline or publication line, else from the dates its text gives."""
    evidence = _evidence(article, pack)
    latest = evidence.latest
    own = _own_day(article, pack)
    if own is not None and own.year:
        return ArticleDate(own.year, own.month, own.day, latest)
    reference = _weekday_date(evidence)
    if reference is None:
        year = _only_year(evidence)
        if year is None:
            return ArticleDate(latest_past=latest)
        return ArticleDate(year, own.month if own else None, own.day if own else None, latest)
    if own is not None and own.month and own.day:
        near = ArticleDate(reference.year, reference.month, reference.day)
        return ArticleDate(near.year_of(own.month, own.day), own.month, own.day, latest)
    return ArticleDate(reference.year, reference.month, reference.day, latest)


def _evidence(article: Article, pack: LanguagePack) -> _Evidence:
    """Gather the dates an article states and the years it reports as past or looks ahead to."""
    evidence = _Evidence()
    for sentence in article.sentences:
        text = sentence.text
        found = read_dates(text, pack)
        if not found and not _BARE_YEAR.search(text):
            continue
        quotes = quoted_spans(text)
        for d in found:
            if inside(d.start, quotes) or in_dateline(text, d, pack):
                continue
            evidence.stated.append(d)
            if d.year and not is_span_end(text, d):
                past = reported_as_past(text, d, pack)
                (evidence.past if past else evidence.ahead).append(d.year)
                if past and d.month:
                    evidence.dated.add(d.year)
        evidence.past += _bare_years(text, quotes, pack)
    return evidence


def _weekday_date(evidence: _Evidence) -> date | None:
    """The latest date the text gives with its weekday ("Senin (26/5/2025)"), its year found where left out.

    "on Monday, May 26" names its year by its weekday, among the few years the article can be from: around its
    full dates, else from its latest past year to a little after, and not after two years before the first year
    it looks ahead to. In a span of five years or less a day falls on a weekday once at most.
    """
    stated, latest, upcoming = evidence.stated, evidence.latest, evidence.upcoming
    full = [date(d.year, d.month, d.day) for d in stated if d.weekday is not None and d.year and d.month and d.day]
    partial = [d for d in stated if d.weekday is not None and d.year is None and d.month and d.day]
    if full:
        years = range(max(full).year - 1, max(full).year + 2)
    elif latest is None:
        return None
    elif upcoming is not None:
        years = range(max(latest, upcoming - 2), upcoming + 1)
    else:
        years = range(latest, latest + 2)
    found = [date(y, d.month, d.day) for d in partial
             if d.month and d.day and d.weekday is not None
             and (y := _year_by_weekday(d.month, d.day, d.weekday, years)) is not None
             and (full or evidence.vouches_for(y))]
    found += full
    if found and max(found) - min(found) <= timedelta(days=366):
        return max(found)
    return max(full, default=None)


#: a bare year ("its third cut of 2025", "pemilihan tahunan 2024 di"): a year, not a count, when no noun follows
_BARE_YEAR = re.compile(r"(?<![\w.,/-])(?:1[89]\d\d|20\d\d)(?![\w/-]|[.,]\d)")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]*)")


def _bare_years(text: str, quotes: list[tuple[int, int]], pack: LanguagePack) -> list[int]:
    """Years a sentence names as past without a date's lead word, after a lower-case word and before no noun."""
    years = []
    for m in _BARE_YEAR.finditer(text):
        before = text[max(0, m.start() - 30):m.start()].split()
        after = _NEXT_WORD.match(text, m.end()).group(1).lower()
        if not before or not before[-1][:1].islower() or (after and after not in pack.function_words):
            continue
        mention = DateMention("bare", m.start(), m.end(), int(m.group()), None, None)
        if not inside(m.start(), quotes) and not is_span_end(text, mention) and reported_as_past(text, mention, pack):
            years.append(mention.year)
    return years


def _only_year(evidence: _Evidence) -> int | None:
    """The one year of every past date the article gives, when two or more of them name a month: else None."""
    years = set(evidence.past)
    if len(years) == 1 and sum(1 for d in evidence.stated if d.month and d.year in years) >= 2:
        return years.pop()
    return None


def _own_day(article: Article, pack: LanguagePack) -> DateMention | None:
    """The date the article's dateline or publication line gives, with or without its year."""
    texts = [article.dateline] if article.dateline else []
    texts += [s.text for s in article.sentences[:_DATELINE_SENTENCES] if opens_with_dateline(s.text, pack)]
    return next((d for d in (dateline_date(text, pack) for text in texts) if d is not None), None)
