"""Who holds which office: "Perdana Menteri Armenia, Nikol Pashinyan", "X selaku Direktur …"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from question_bank.entities import NAME_WORD, is_place, person_key, place_at
from question_bank.extract.context import ArticleContext
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.text import fold

_NAME = re.compile(rf"^,?\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
_GAP = re.compile(r"\s+")
_ACRONYM = re.compile(r"[A-Z]{2,8}\b")


@lru_cache(maxsize=8)
def _title_pattern(pack: LanguagePack) -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(pack.titles, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<title>{titles})(?![\w-])", re.IGNORECASE)


@extractor("role")
def extract_roles(context: ArticleContext) -> Iterator[Fact]:
    """Yield a role fact for each office a sentence gives a named person."""
    for sentence in context.article.sentences:
        yield from _title_first(sentence, context)
        yield from _name_first(sentence, context)


def _title_first(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    """'Perdana Menteri Armenia, Nikol Pashinyan' and 'Presiden Kassym-Jomart Tokayev'."""
    text = sentence.text
    for m in _title_pattern(context.pack).finditer(text):
        title = m.group("title")
        qualifier, pos = _qualifier(text, m.end(), context.pack)
        name = _NAME.match(text[pos:])
        if not name:
            continue
        person = name.group("name")
        if is_place(person.split()[-1], context.pack) or _looks_like_title(person, context.pack):
            continue  # "Direktur Pusat Studi Afganistan" names a body, not a person
        if not qualifier:
            qualifier = _nationality(person, context)
        office = _office(title, qualifier)
        yield Fact(
            kind="role",
            subject=office,
            value=person,
            subject_key=fold(office) if qualifier else "bare:" + fold(title),
            value_key=person_key(person),
            sentence=sentence,
            span=(pos + name.start("name"), pos + name.start("name") + len(person)),
            detail={"title": title, "qualified": bool(qualifier)},
        )


def _name_first(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    """'Zhu Yongbiao selaku Direktur Pusat Studi Afganistan di Universitas Lanzhou,'."""
    text = sentence.text
    for m in _name_first_pattern(context.pack).finditer(text):
        person = m.group("name")
        if is_place(person.split()[0], context.pack) or _looks_like_title(person, context.pack):
            continue
        office = " ".join(m.group("office").split())
        yield Fact(
            kind="role",
            subject=office,
            value=person,
            subject_key=fold(office),
            value_key=person_key(person),
            sentence=sentence,
            span=m.span("name"),
            detail={"title": office, "qualified": True},
        )


@lru_cache(maxsize=8)
def _name_first_pattern(pack: LanguagePack) -> re.Pattern[str]:
    joiners = "|".join(sorted(pack.role_after_name))
    titles = "|".join(re.escape(t) for t in sorted(pack.titles, key=len, reverse=True))
    return re.compile(rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s+(?:{joiners})\s+"
                      rf"(?P<office>(?:{titles})\b[^,.;]{{0,80}})")


def _qualifier(text: str, pos: int, pack: LanguagePack) -> tuple[str, int]:
    """Read the places and bodies that qualify a title ("Armenia", "AS untuk Eropa dan Eurasia")."""
    parts: list[str] = []
    while gap := _GAP.match(text, pos):
        at = gap.end()
        joined = _connector(pack).match(text[at:]) if parts else None
        if joined and (place := _place_at(text, at + joined.end(), pack)):
            parts += [joined.group(1), place[0]]
            pos = place[1]
            continue
        place = _place_at(text, at, pack)
        if place is None:
            break
        parts.append(place[0])
        pos = place[1]
    return " ".join(parts), pos


@lru_cache(maxsize=8)
def _connector(pack: LanguagePack) -> re.Pattern[str]:
    """Return the words that join two qualifiers of a title ("untuk Eropa dan Eurasia")."""
    return re.compile(rf"({pack.patterns['role_connector']})\s+", re.IGNORECASE)


def _place_at(text: str, pos: int, pack: LanguagePack) -> tuple[str, int] | None:
    """Return the place or organisation acronym starting exactly at pos, with where it ends."""
    mention = place_at(text, pos, pack)
    if mention:
        return mention.text, mention.end
    acronym = _ACRONYM.match(text, pos)
    if acronym:
        return acronym.group(0), acronym.end()
    return None


def _looks_like_title(name: str, pack: LanguagePack) -> bool:
    title_words = _title_words(pack)
    return any(w.lower() in title_words for w in name.split())


@lru_cache(maxsize=8)
def _title_words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w.lower() for t in pack.titles for w in t.split())


def _nationality(person: str, context: ArticleContext) -> str:
    """Find the country an article ties a person to ("Tokayev dari Kazakhstan"), or ''."""
    surname = person.split()[-1]
    pattern = re.compile(rf"\b{re.escape(surname)}\s+(?:{context.pack.patterns['origin']})\s+(\w+)")
    for sentence in context.article.sentences:
        m = pattern.search(sentence.text) if surname in sentence.text else None
        if m and fold(m.group(1)) in context.pack.countries:
            return context.pack.countries[fold(m.group(1))]
    return ""


def _office(title: str, qualifier: str) -> str:
    # keep the title's capitalisation from the text, but a sentence-initial lower-case title reads oddly
    title = title[0].upper() + title[1:]
    return f"{title} {qualifier}".strip()
