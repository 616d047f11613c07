"""Named things in a sentence: countries, places, organisations and people, with canonical names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from question_bank.lang import LanguagePack
from question_bank.model import Article
from question_bank.text import fold

_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w-]*\s+){1,6}?[A-Z][\w-]*)\s*\(([A-Z]{2,8})\)")
_ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")
# A name: capitalised words, with hyphens or apostrophes inside (Kassym-Jomart, O’Brien).
NAME_WORD = r"[A-Z][a-zA-Z]*(?:[-’'][A-Z]?[a-zA-Z]+)*"
_NAME = re.compile(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{0,5}}")


@dataclass(frozen=True)
class Mention:
    """A named thing found in a text: where it stands and its canonical name."""

    start: int
    end: int
    text: str
    canonical: str


@lru_cache(maxsize=8)
def _gazetteer_pattern(pack: LanguagePack) -> re.Pattern[str]:
    variants = sorted({*pack.countries, *pack.places, *pack.epithets}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(v) for v in variants) + r")(?![\w-])", re.IGNORECASE)


def find_countries(text: str, pack: LanguagePack) -> list[Mention]:
    """Find the countries a text names, in order, each with its canonical name."""
    return [m for m in _gazetteer(text, pack) if m.canonical in _canonical_countries(pack)]


def find_places(text: str, pack: LanguagePack) -> list[Mention]:
    """Find countries and other places a text names, in order."""
    return _gazetteer(text, pack)


def _gazetteer(text: str, pack: LanguagePack) -> list[Mention]:
    return list(_gazetteer_cached(text, pack))


@lru_cache(maxsize=4096)
def _gazetteer_cached(text: str, pack: LanguagePack) -> tuple[Mention, ...]:
    # Several extractors ask about the same sentence; reading it once is enough.
    return tuple(filter(None, (_mention(m, pack) for m in _gazetteer_pattern(pack).finditer(text))))


def _mention(m: re.Match[str], pack: LanguagePack) -> Mention | None:
    surface = m.group(1)
    key = surface.lower()
    if not surface[0].isupper():
        return None  # "as" the word is not AS the country
    if len(surface) <= 3 and not surface.isupper():
        return None
    canonical = pack.countries.get(key) or pack.places.get(key) or pack.epithets.get(key)
    return Mention(m.start(1), m.end(1), surface, canonical) if canonical else None


def place_at(text: str, pos: int, pack: LanguagePack) -> Mention | None:
    """Return the country or place that starts exactly at pos, if one does."""
    m = _gazetteer_pattern(pack).match(text, pos)
    return _mention(m, pack) if m else None


@lru_cache(maxsize=8)
def _canonical_countries(pack: LanguagePack) -> frozenset[str]:
    return frozenset(pack.countries.values())


def country_name(text: str, pack: LanguagePack) -> str | None:
    """Return the canonical name of a country, or None if the text does not name one."""
    key = fold(text)
    return pack.countries.get(key) or pack.epithets.get(key)


def is_place(text: str, pack: LanguagePack) -> bool:
    """Say whether a text names a country, place or epithet rather than a person."""
    key = fold(text)
    return key in pack.countries or key in pack.places or key in pack.epithets


def acronyms(article: Article) -> dict[str, str]:
    """Map each long organisation name an article defines ("… Kolektif (CSTO)") to its acronym."""
    found: dict[str, str] = {}
    for sentence in article.sentences:
        for m in _ACRONYM_DEF.finditer(sentence.text):
            found[fold(m.group(1))] = m.group(2)
    return found


def main_organisation(article: Article, pack: LanguagePack) -> str | None:
    """Return the organisation an article is about: the acronym it names most often."""
    counts: Counter[str] = Counter()
    for sentence in article.sentences:
        for m in _ACRONYM.finditer(sentence.text):
            word = m.group(0)
            if fold(word) not in pack.countries and fold(word) not in pack.places:
                counts[word] += 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def organisations_in(text: str, pack: LanguagePack) -> list[Mention]:
    """Find the acronyms of organisations a text names (CSTO, NATO), in order."""
    return [
        Mention(m.start(), m.end(), m.group(0), m.group(0))
        for m in _ACRONYM.finditer(text)
        if fold(m.group(0)) not in pack.countries and fold(m.group(0)) not in pack.places
    ]


def person_names(text: str, pack: LanguagePack, start: int = 0) -> list[Mention]:
    """Find runs of capitalised words from `start` that could be a person's name (not a place or title)."""
    found = []
    for m in _NAME.finditer(text, start):
        parts = m.group(0).split()
        # trim leading words that are titles or places ("Presiden Rusia Vladimir Putin" -> "Vladimir Putin")
        while parts and (is_place(parts[0], pack) or _is_title_word(parts[0], pack)):
            parts = parts[1:]
        if not parts or any(is_place(p, pack) for p in parts):
            continue
        name = " ".join(parts)
        offset = m.end(0) - len(name)
        found.append(Mention(offset, m.end(0), name, name))
    return found


@lru_cache(maxsize=8)
def _title_words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w.lower() for title in pack.titles for w in title.split())


def _is_title_word(word: str, pack: LanguagePack) -> bool:
    return word.lower() in _title_words(pack)


def person_key(name: str) -> str:
    """Return the key that identifies a person across mentions: the folded family name."""
    parts = fold(name).split()
    return parts[-1] if parts else ""
