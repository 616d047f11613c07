"""Members and former members of an organisation, from lists and membership phrases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from question_bank.entities import Mention, find_countries, list_separator, organisations_in
from question_bank.extract.context import ArticleContext
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import LIST_ITEM

#: an organisation's name where a membership phrase names one: its acronym
ORG = r"[A-Z]{2,8}"


@lru_cache(maxsize=8)
def _phrases(pack: LanguagePack) -> _Phrases:
    """Compile the pack's membership phrases (see the pack's `patterns`: member_lead, left_after, …)."""
    p = pack.patterns
    return _Phrases(
        lead=re.compile(rf"({p['member_lead']})[^.;]{{0,60}}$", re.IGNORECASE),
        left_after=re.compile(rf"^,?\s+{p['left_after']}(?P<org>{ORG})\b"),
        member_of=re.compile(p["member_of"].replace("{org}", ORG)),
        member_until=re.compile(p["member_until"].replace("{org}", ORG)),
    )


@dataclass(frozen=True)
class _Phrases:
    #: what may stand before a list of members ("beranggotakan", "terdiri dari enam negara:", "members include")
    lead: re.Pattern[str]
    #: what may follow a list of countries that have left ("… telah meninggalkan CSTO")
    left_after: re.Pattern[str]
    #: one member named next to its organisation ("anggota CSTO Kazakhstan")
    member_of: re.Pattern[str]
    #: a membership that ended ("Uzbekistan menjadi anggota aliansi CSTO hingga tahun 2012")
    member_until: re.Pattern[str]


@extractor("member")
def extract_members(context: ArticleContext) -> Iterator[Fact]:
    """Yield member and former_member facts stated in each sentence."""
    list_org: str | None = None  # the organisation whose members the list being read names
    for sentence in context.article.sentences:
        countries = find_countries(sentence.text, context.pack)
        item = LIST_ITEM.match(sentence.text)
        if list_org and item:
            # "Anggota ASEAN adalah sebagai berikut:" then "1. Indonesia", "2. Malaysia": one member per item
            yield from (_fact("member", list_org, m, sentence) for m in countries[:1] if m.start == item.end())
            continue
        list_org = _list_lead(sentence.text, context)
        for group in _lists(sentence.text, countries, context):
            yield from _list_facts(sentence, group, context)
        for mention in countries:
            yield from _single_facts(sentence, mention, context)


def _list_lead(text: str, context: ArticleContext) -> str | None:
    """Return the organisation whose members a colon-ended lead names in the list below it, else None."""
    if not text.endswith(":") or not _phrases(context.pack).lead.search(text[:-1]):
        return None
    return _organisation(text, len(text), context)


def _lists(text: str, countries: list[Mention], context: ArticleContext) -> list[list[Mention]]:
    """Group country mentions into lists joined by commas and a final conjunction."""
    groups: list[list[Mention]] = []
    current: list[Mention] = []
    separator = list_separator(context.pack)
    for mention in countries:
        if current and separator.match(text[current[-1].end:mention.start]):
            current.append(mention)
            continue
        if len(current) >= 2:
            groups.append(current)
        current = [mention]
    if len(current) >= 2:
        groups.append(current)
    return groups


def _organisation(text: str, before: int, context: ArticleContext) -> str | None:
    """Return the organisation named nearest before a position, else the article's own subject."""
    orgs = [m for m in organisations_in(text[:before], context.pack)]
    return orgs[-1].canonical if orgs else context.main_org


def _list_facts(sentence: Sentence, group: list[Mention], context: ArticleContext) -> Iterator[Fact]:
    text = sentence.text
    before = text[:group[0].start]
    after = text[group[-1].end:]
    phrases = _phrases(context.pack)
    left = phrases.left_after.match(after)
    if left:
        kind, org = "former_member", left.group("org")
    elif phrases.lead.search(before):
        kind, org = "member", _organisation(text, group[0].start, context)
    else:
        return
    if org is None:
        return
    for mention in group:
        yield _fact(kind, org, mention, sentence)


def _single_facts(sentence: Sentence, mention: Mention, context: ArticleContext) -> Iterator[Fact]:
    text = sentence.text
    phrases = _phrases(context.pack)
    # the phrase is short: look only just before the country, so a long sentence costs no more
    named_after = phrases.member_of.search(text[max(0, mention.start - 30):mention.start])
    if named_after:
        yield _fact("member", named_after.group("org"), mention, sentence)
    until = phrases.member_until.match(text[mention.end:mention.end + 120])
    if until:
        yield _fact("former_member", until.group("org"), mention, sentence)


def _fact(kind: str, org: str, mention: Mention, sentence: Sentence) -> Fact:
    return Fact(
        kind=kind,
        subject=org,
        value=mention.text,
        subject_key=org,
        value_key=mention.canonical,
        sentence=sentence,
        span=(mention.start, mention.end),
        detail={"display": mention.canonical},
    )
