"""Named things in a sentence: countries, places, organisations and people, with canonical names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from question_bank.lang import LanguagePack
from question_bank.model import Article
from question_bank.text import fold

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


# A word that may begin a place name: capitalised, not glued to a word or hyphen before it ("pasca-Soviet").
_CAPITAL_WORD = re.compile(r"(?<![\w-])[A-Z][\w’'-]*")
_NEXT_WORD = re.compile(r" ([\w’'-]+)")


@lru_cache(maxsize=8)
def _gazetteer_table(pack: LanguagePack) -> tuple[dict[str, str], int]:
    """Map every variant (lower-case) to its canonical name; also return the most words a variant has."""
    table = {**pack.epithets, **pack.places, **pack.countries}
    return table, max(len(v.split()) for v in table)


@lru_cache(maxsize=8)
def _first_words(pack: LanguagePack) -> frozenset[str]:
    """Return the first word of every variant: most capitalised words start none, and are rejected at once."""
    return frozenset(v.split()[0] for v in _gazetteer_table(pack)[0])


def find_countries(text: str, pack: LanguagePack) -> list[Mention]:
    """Find the countries a text names, in order, each with its canonical name."""
    return [m for m in _gazetteer(text, pack) if m.canonical in _canonical_countries(pack)]


def _gazetteer(text: str, pack: LanguagePack) -> list[Mention]:
    return list(_gazetteer_cached(text, pack))


@lru_cache(maxsize=65536)
def _gazetteer_cached(text: str, pack: LanguagePack) -> tuple[Mention, ...]:
    # Several extractors ask about the same sentence; reading it once is enough.
    found: list[Mention] = []
    covered = 0
    first_words = _first_words(pack)
    for m in _CAPITAL_WORD.finditer(text):
        if m.start() < covered or m.group().rstrip("’'-").lower() not in first_words:
            continue
        mention = place_at(text, m.start(), pack)
        if mention:
            found.append(mention)
            covered = mention.end
    return tuple(found)


def place_at(text: str, pos: int, pack: LanguagePack) -> Mention | None:
    """Return the country or place that starts exactly at pos (the longest one), if one does."""
    table, most = _gazetteer_table(pack)
    first = _CAPITAL_WORD.match(text, pos)
    if first is None or (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_-")):
        return None
    if text[pos:first.end()].rstrip("’'-").lower() not in _first_words(pack):
        return None
    ends = [first.end()]
    while len(ends) < most and (following := _NEXT_WORD.match(text, ends[-1])):
        ends.append(following.end())
    for end in reversed(ends):  # longest first: "Korea Selatan" before "Korea"
        surface = text[pos:end].rstrip("’'-")
        canonical = table.get(surface.lower())
        if canonical is None:
            continue
        if len(surface) <= 3 and not surface.isupper():
            return None  # "as" the word is not AS the country
        return Mention(pos, pos + len(surface), surface, canonical)
    return None


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
