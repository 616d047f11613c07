"""Events and their dates, keeping the precision the text gives (year, month or day)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from question_bank.entities import organisations_in
from question_bank.extract.context import ArticleContext
from question_bank.extract.date_forms import (
    DateMention,
    DateValue,
    ahead,
    in_dateline,
    is_span_end,
    read_dates,
    reported_as_past,
)
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import inside, quoted_spans
from question_bank.text import fold

__all__ = ["DateValue", "extract_dates"]

_WORD = re.compile(r"[^\W\d_]+")


@extractor("date")
def extract_dates(context: ArticleContext) -> Iterator[Fact]:
    """Yield a date fact for each dated event a sentence states outside quotations and citations."""
    for sentence in context.article.sentences:
        yield from _sentence_dates(sentence, context)


def _sentence_dates(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    text = sentence.text
    pack = context.pack
    found = read_dates(text, pack)
    if not found:
        return
    quotes = quoted_spans(text)
    for i, mention in enumerate(found):
        start, end = mention.start, mention.end
        if inside(start, quotes) or in_dateline(text, mention, pack) or is_span_end(text, mention):
            continue
        if _cited(text, mention, pack) or _in_range(text, found, i, pack):
            continue
        value = _value(text, mention, context)
        if value is None or not _names_an_event(text, mention, pack):
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


def _value(text: str, mention: DateMention, context: ArticleContext) -> DateValue | None:
    """The date a mention gives, its year taken from the article's own date where the text leaves it out.

    A date the article reports as past carries the article's last year, so no wrong option is later than it.
    """
    pack, own = context.pack, context.own_date
    year = mention.year
    if year is None and mention.shift is not None:
        year = own.year + mention.shift if own.year else None  # "18 September tahun lalu"
    elif year is None and mention.month and mention.day:
        year = own.year_of(mention.month, mention.day, ahead(text, mention, pack), mention.weekday)
    if year is None:
        return None  # without a year there is no card: a wrong year would be worse than none
    last = own.last_year
    past = last is not None and year <= last and reported_as_past(text, mention, pack)
    return DateValue(year, mention.month, mention.day, not_after=last if past else None)


def _cited(text: str, mention: DateMention, pack: LanguagePack) -> bool:
    """Say whether a date dates a citation ("dikutip pada …", "…, according to Reuters"), not an event."""
    pattern = _citation_pattern(pack)
    if pattern.search(text[max(0, mention.start - 60):mention.start].lower()):
        return True
    # "said on Monday, June 2, according to Reuters": the citation follows the saying whose date it is
    after = text[mention.end:mention.end + 40].lower()
    if not re.match(rf"\W{{0,3}}(?:\w+\s+)?(?:{pattern.pattern})", after):
        return False
    before = _WORD.findall(text[max(0, mention.start - 30):mention.start].lower())
    return any(w in pack.before_quote_verbs or w in pack.after_quote_verbs for w in before)


@lru_cache(maxsize=8)
def _citation_pattern(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(pack.citation_words)) + r")\b")


def _in_range(text: str, found: Sequence[DateMention], i: int, pack: LanguagePack) -> bool:
    """Say whether a date is one end of a span ("akhir 2022 hingga awal 2023"): a span of months or years dates
    no one event; a span of days ("from May 20 to June 11") has an event at each end."""
    mention = found[i]
    neighbours = (found[i - 1] if i > 0 else None, found[i + 1] if i + 1 < len(found) else None)
    partners = [other for other in neighbours if other is not None and _joined(text, mention, other, pack)]
    if partners:
        return not (mention.day and all(other.day for other in partners))
    # "antara April dan September 2025": the first end is a bare month, which is no date of its own
    return bool(_bare_month_range(pack).search(text, max(0, mention.start - 40), mention.start))


def _joined(text: str, a: DateMention, b: DateMention, pack: LanguagePack) -> bool:
    """Say whether two dates are joined as the ends of one span ("2022 hingga 2023", "between April 19 and June 1")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    if _range_joiner(pack).fullmatch(text, first.end, second.start):
        return True
    opened = _range_open(pack).search(text, max(0, first.start - 20), first.start)
    return bool(opened and _range_and(pack).fullmatch(text, first.end, second.start))


@lru_cache(maxsize=8)
def _range_joiner(pack: LanguagePack) -> re.Pattern[str]:
    p = pack.patterns
    return re.compile(rf"\s*(?:{p['range_joiner']})\s+(?:(?:{p['period_word']})\s+)?", re.IGNORECASE)


@lru_cache(maxsize=8)
def _range_open(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pack.patterns['range_open']})\s+$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _range_and(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{pack.patterns['range_and']})\s+", re.IGNORECASE)


@lru_cache(maxsize=8)
def _bare_month_range(pack: LanguagePack) -> re.Pattern[str]:
    months = "|".join(sorted(pack.months, key=len, reverse=True))
    p = pack.patterns
    return re.compile(rf"\b(?:{p['range_open']})\s+(?:{months})\s+(?:{p['range_and']})\s+$", re.IGNORECASE)


def _names_an_event(text: str, mention: DateMention, pack: LanguagePack) -> bool:
    """Say whether a sentence says what happened on its date: "It happened on June 20." says nothing, nor does
    "Pertemuan tersebut berlangsung pada 4 Februari.", whose event is named only in an earlier sentence."""
    opener = deictic_opener(pack).match(text, 0, mention.start)
    begin = opener.end() if opener else 0
    rest = _empty_context(pack).sub(" ", f"{text[begin:mention.start]} {text[mention.end:]}")
    words = [w for w in _WORD.findall(rest.lower())
             if w not in pack.function_words and w not in pack.months and w not in pack.weekdays]
    return len(words) >= (2 if opener else 1)


@lru_cache(maxsize=8)
def deictic_opener(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of an opening that points back to an earlier sentence ("Pertemuan tersebut", "It")."""
    return re.compile(rf"(?:{pack.patterns['deictic_opener']})\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _empty_context(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pack.patterns['empty_context']})\b", re.IGNORECASE)


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
