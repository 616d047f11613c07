"""Counts and quantities: "enam negara", "lebih dari 3.380 jiwa"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from question_bank.entities import organisations_in
from question_bank.extract.context import ArticleContext
from question_bank.extract.quantities import figure_pattern, news_numbers, scaled_or_money
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import inside, quoted_spans
from question_bank.text import fold

# One is too trivial to ask about, and "satu" is as often "a" as "one".
_SMALLEST = 2
# Past this a "count" is a serial number or noise, and floats lose whole-number precision.
_LARGEST = 1e15


@lru_cache(maxsize=8)
def _pattern(pack: LanguagePack) -> re.Pattern[str]:
    words = "|".join(sorted((w for w, n in pack.number_words.items() if n >= _SMALLEST), key=len, reverse=True))
    nouns = "|".join(sorted(pack.counted_nouns, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,/-])(?P<num>{figure_pattern(pack)}|{words})\s+(?P<noun>{nouns})\b",
        re.IGNORECASE,
    )


_DIGIT = re.compile(r"\d")


def _may_count(text: str, pack: LanguagePack) -> bool:
    """Say cheaply whether a sentence could state a count: it has a digit or a number word."""
    if _DIGIT.search(text):
        return True
    return not _number_words(pack).isdisjoint(text.lower().split())


@lru_cache(maxsize=8)
def _number_words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w for phrase in pack.number_words for w in phrase.split())


def parse_number(text: str, pack: LanguagePack) -> float | None:
    """Read "3.380", "1,5" or "enam" (in Indonesian) as a number; None if it is not one."""
    word = pack.number_words.get(text.lower())
    if word is not None:
        return float(word)
    whole, _, decimals = text.partition(pack.decimal_mark)
    if pack.group_mark in whole and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(pack.group_mark)}\d{{3}})+", whole):
        return None
    try:
        return float(whole.replace(pack.group_mark, "") + ("." + decimals if decimals else ""))
    except ValueError:
        return None


@extractor("number")
def extract_numbers(context: ArticleContext) -> Iterator[Fact]:
    """Yield a number fact for each count, quantity, percentage, ordinal or span stated outside quotations."""
    for sentence in context.article.sentences:
        yield from _sentence_numbers(sentence, context)
        yield from news_numbers(sentence, context)


def _sentence_numbers(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    text = sentence.text
    if not _may_count(text, context.pack):
        return
    quotes = quoted_spans(text)
    for m in _pattern(context.pack).finditer(text):
        start, end = m.span("num")
        value = parse_number(m.group("num"), context.pack)
        if value is None or not _SMALLEST <= value <= _LARGEST or inside(start, quotes):
            continue
        if _terms(context.pack).year_noun.fullmatch(m.group("noun").lower()) and 1500 <= value <= 2100:
            continue  # "2020 tahun" is a year, not a count
        if scaled_or_money(text, start, end, context.pack):
            continue  # "3 juta jiwa" is a quantity, read with its scale below; money is not a count
        noun = m.group("noun").lower()
        after = text[m.end():m.end() + 40].lower()
        following = after.split()[0] if after.split() else ""
        counted = f"{noun} {following}" if _terms(context.pack).member_noun.fullmatch(following) else noun
        org = _members_counted(text, m, context)
        cloze = text[:start] + "___" + text[end:]
        yield Fact(
            kind="number",
            subject=context.pack.templates["member_count_subject"].format(org=org) if org else cloze,
            value=m.group("num"),
            subject_key=f"members:{org}" if org else fold(cloze),
            value_key=_format(value),
            sentence=sentence,
            span=(start, end),
            detail={"number": value, "noun": counted, "member_count_of": org, "cloze": cloze},
        )


def _members_counted(text: str, m: re.Match[str], context: ArticleContext) -> str | None:
    """Return the organisation whose member count this is ("CSTO enam negara", "terdiri dari enam negara")."""
    terms = _terms(context.pack)
    if not terms.country_noun.fullmatch(m.group("noun").lower()):
        return None
    after = text[m.end():m.end() + 30].lower()
    if terms.others_after.match(after):
        return None  # "lima negara anggota lainnya" counts the others, not all
    before = text[:m.start()]
    named = re.search(r"\b([A-Z]{2,8})\)?\s*$", before)
    if named and organisations_in(named.group(1), context.pack):
        return named.group(1)
    if terms.lead_before.search(before):
        orgs = organisations_in(before, context.pack)
        return orgs[-1].canonical if orgs else context.main_org
    return None


@dataclass(frozen=True)
class _Terms:
    """The pack's words for counting an organisation's members, compiled."""

    year_noun: re.Pattern[str]
    member_noun: re.Pattern[str]
    country_noun: re.Pattern[str]
    #: "lima negara anggota lainnya": the count is of the others
    others_after: re.Pattern[str]
    #: "terdiri dari enam negara": the count is of all members
    lead_before: re.Pattern[str]


@lru_cache(maxsize=8)
def _terms(pack: LanguagePack) -> _Terms:
    p = pack.patterns
    return _Terms(
        year_noun=re.compile(p["year_noun"]),
        member_noun=re.compile(p["member_noun"]),
        country_noun=re.compile(p["country_noun"]),
        others_after=re.compile(rf"\s+(?:{p['others']})\b"),
        lead_before=re.compile(rf"\b(?:{p['members_counted_lead']})\s*$", re.IGNORECASE),
    )


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
