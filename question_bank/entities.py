"""Named things in a sentence: countries, places, organisations and people, with canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from question_bank.lang import LanguagePack
from question_bank.organisations import OrgMention, main_organisation, organisation_index, organisations_in
from question_bank.text import fold

__all__ = ["Mention", "OrgMention", "main_organisation", "organisation_index", "organisations_in"]

# The capitals of the Latin alphabets (Á, Ž, Ş, …): names are written in them as often as in A to Z.
_UPPER = "[" + "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper()) + "]"
_LETTER = r"[^\W\d_]"
# A name: capitalised words, with hyphens or apostrophes inside (Kassym-Jomart, O’Brien); an apostrophe and a
# single letter is a possessive ("Modi's"), which ends the name.
NAME_WORD = rf"{_UPPER}{_LETTER}*(?:-{_UPPER}?{_LETTER}+|[’'](?:{_UPPER}|{_LETTER}{{2}}){_LETTER}*)*"
_NAME = re.compile(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{0,5}}")


@dataclass(frozen=True)
class Mention:
    """A named thing found in a text: where it stands and its canonical name."""

    start: int
    end: int
    text: str
    canonical: str
    #: True when the text is a misspelling of the name ("Tukri" for Turki), read so from a list around it
    corrected: bool = False


# A word that may begin a place name: capitalised, not glued to a word or hyphen before it ("pasca-Soviet").
_CAPITAL_WORD = re.compile(r"(?<![\w-])[A-Z][\w’'-]*")
_NEXT_WORD = re.compile(r" ([\w’'-]+)")


@lru_cache(maxsize=8)
def _gazetteer_table(pack: LanguagePack) -> tuple[dict[str, str], int]:
    """Map every variant (lower-case) to its canonical name; also return the most words a variant has."""
    table = {**pack.epithets, **pack.places, **pack.countries}
    return table, max(len(v.split()) for v in table)


@lru_cache(maxsize=8)
def _prefixes(pack: LanguagePack) -> frozenset[str]:
    """Return the first words of every variant, one word, two words and so on ("korea", "korea selatan"): a word is
    among them when it begins a place, which most capitalised words do not, so they are rejected at once."""
    out = set()
    for variant in _gazetteer_table(pack)[0]:
        words = variant.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(out)


def find_countries(text: str, pack: LanguagePack) -> list[Mention]:
    """Find the countries a text names, in order, each with its canonical name; a misspelt item of a list too."""
    return list(_countries(text, pack))


@lru_cache(maxsize=65536)
def _countries(text: str, pack: LanguagePack) -> tuple[Mention, ...]:
    # every extractor and the card stage ask about the same sentence: read it once
    countries = _canonical_countries(pack)
    known = tuple(m for m in _gazetteer_cached(text, pack) if m.canonical in countries)
    return _with_misspelt_items(text, known, pack) if known else known


@lru_cache(maxsize=8)
def list_separator(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of what stands between two items of a list (", ", ", dan ", " and the ")."""
    joiners = "|".join(sorted(pack.list_conjunctions))
    article = pack.patterns.get("list_article", "(?!)")
    return re.compile(rf"^\s*(?:,\s*(?:(?:{joiners})\s+)?|(?:{joiners})\s+)(?:(?:{article})\s+)?$")


@lru_cache(maxsize=8)
def _list_neighbours(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of a capitalised item just after, and just before, an item of a list."""
    joiners = "|".join(sorted(pack.list_conjunctions))
    separator = rf"(?:\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+)"
    item = rf"(?P<item>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
    return re.compile(rf"{separator}{item}"), re.compile(rf"(?<![\w-]){item}{separator}$")


def _with_misspelt_items(text: str, known: tuple[Mention, ...], pack: LanguagePack) -> tuple[Mention, ...]:
    """Add the misspelt countries that stand next to a known one in a list ("Malaysia, Tukri, dan Laos")."""
    after, before = _list_neighbours(pack)
    found = {m.start: m for m in known}
    todo = list(known)
    while todo:
        mention = todo.pop()
        right = after.match(text, mention.end)
        left = before.search(text, max(0, mention.start - 60), mention.start) \
            if _may_follow_an_item(text, mention.start, pack) else None
        for m, from_end in ((right, False), (left, True)):
            guess = _misspelt_country(m.group("item"), pack, from_end) if m else None
            if guess is None:
                continue
            surface, canonical = guess
            start = m.end("item") - len(surface) if from_end else m.start("item")
            if not any(start < other.end and other.start < start + len(surface) for other in found.values()):
                found[start] = Mention(start, start + len(surface), surface, canonical, corrected=True)
                todo.append(found[start])
    return tuple(found[start] for start in sorted(found))


def _may_follow_an_item(text: str, start: int, pack: LanguagePack) -> bool:
    """Say whether what stands before `start` may part two items of a list: a comma, or a joining word ("dan")."""
    # a cheap test that spares most mentions the search for a misspelt item before them
    tail = text[max(0, start - 30):start].rstrip()
    if not tail or tail[-1] == ",":
        return bool(tail)
    return _list_joining_end(pack).search(tail) is not None


@lru_cache(maxsize=8)
def _list_joining_end(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a list's joining words at a text's end ("dan", "and the", "as well as")."""
    joiners = "|".join(sorted(pack.list_conjunctions))
    article = pack.patterns.get("list_article", "(?!)")
    return re.compile(rf"(?<![\w-])(?:{joiners}|{article})$")


@lru_cache(maxsize=4096)
def _misspelt_country(words: str, pack: LanguagePack, from_end: bool) -> tuple[str, str] | None:
    """Return the leading (or trailing) words of a capitalised run that misspell one country, and that country."""
    table = _gazetteer_table(pack)[0]
    parts = words.split()
    for n in range(len(parts), 0, -1):  # the longest reading first: "Arab Saudy" before "Arab"
        surface = " ".join(parts[-n:] if from_end else parts[:n])
        key = fold(surface)
        if surface.isupper() or key in table or surface.lower() in table:
            continue  # an acronym is an organisation; a known name is not a misspelling of another one
        allowed = 2 if len(key) >= 9 else 1 if len(key) >= 5 else 0
        near = {
            canonical
            for name, canonical in _spellings(pack).get(key[0], ())
            if abs(len(name) - len(key)) <= allowed and _edits(key, name, allowed) <= allowed
        } if allowed else set()
        if len(near) == 1:
            return surface, near.pop()
        if near:
            return None  # near two countries: no way to tell which was meant
    return None


@lru_cache(maxsize=8)
def _spellings(pack: LanguagePack) -> dict[str, tuple[tuple[str, str], ...]]:
    """Return the folded names of the countries, by first letter, with their canonical names."""
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for name, canonical in pack.countries.items():
        key = fold(name)
        if key:
            by_letter.setdefault(key[0], []).append((key, canonical))
    return {letter: tuple(names) for letter, names in by_letter.items()}


def _edits(a: str, b: str, most: int) -> int:
    """Return the edits (insert, delete, substitute, swap two neighbours) from a to b, or most + 1 if more."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > most:
            return most + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=65536)
def _gazetteer_cached(text: str, pack: LanguagePack) -> tuple[Mention, ...]:
    # Several extractors ask about the same sentence; reading it once is enough.
    found: list[Mention] = []
    covered = 0
    first_words = _prefixes(pack)  # a single word is among them only where it begins a place
    for m in _CAPITAL_WORD.finditer(text):
        # most capitalised words begin no place: rejected here, before anything else is read
        if m.start() < covered or m.group().rstrip("’'-").lower() not in first_words:
            continue
        mention = _place_from(text, m.start(), m.end(), pack)
        if mention:
            found.append(mention)
            covered = mention.end
    return tuple(found)


def place_at(text: str, pos: int, pack: LanguagePack) -> Mention | None:
    """Return the country or place that starts exactly at pos (the longest one), if one does."""
    first = _CAPITAL_WORD.match(text, pos)
    if first is None or (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_-")):
        return None
    if text[pos:first.end()].rstrip("’'-").lower() not in _prefixes(pack):
        return None
    return _place_from(text, pos, first.end(), pack)


def _place_from(text: str, pos: int, first_end: int, pack: LanguagePack) -> Mention | None:
    """Return the longest country or place that begins with the capitalised word from pos to first_end, a word
    that begins one."""
    table, most = _gazetteer_table(pack)
    prefixes = _prefixes(pack)
    ends = [first_end]
    # only as far as the words read so far begin some name: most capitalised words are followed by no place
    while len(ends) < most and (following := _NEXT_WORD.match(text, ends[-1])) \
            and text[pos:following.end()].rstrip("’'-").lower() in prefixes:
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


@lru_cache(maxsize=8)
def name_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a person's name: capitalised words, with the particles of the language between them
    ("Ursula von der Leyen", "Abdulaziz bin Salman") and an article glued to a word ("Haitham al-Ghais")."""
    prefix = pack.patterns.get("name_prefix")
    word = rf"(?:(?:{prefix})-)?{NAME_WORD}" if prefix else NAME_WORD
    particles = "|".join(sorted(pack.name_particles, key=len, reverse=True))
    particle = rf"(?:(?:{particles})\s+)*" if particles else ""
    # a name may begin with its particle when it is a family name alone ("von der Leyen said")
    # long enough for a title, its qualifiers and the name in one run ("Menteri Energi Arab Saudi Pangeran …")
    return re.compile(rf"(?<![\w’'-]){particle}{word}(?:\s+{particle}{word}){{0,11}}")


_WORD = re.compile(r"\S+")
_PREFIXED_NAME_WORD = re.compile(rf"(?:[a-z]+-)?{NAME_WORD}")


def person_names(text: str, pack: LanguagePack, start: int = 0, full: bool = False) -> list[Mention]:
    """Find the names of people from `start`: in each capitalised run, the words after the last one that is a
    title, place, demonym, organisation word or courtesy ("Saudi Energy Minister Prince Abdulaziz bin Salman");
    with `full`, only from runs of two words or more, where a full name may stand (faster: most runs are one word)."""
    return [m for m in _person_names(text, pack, full) if m.start >= start]


@lru_cache(maxsize=65536)
def _person_names(text: str, pack: LanguagePack, full: bool) -> tuple[Mention, ...]:
    found = []
    # the places of the sentence, read once (and shared with the other stages that ask about this sentence)
    places = {m.start: m for m in _gazetteer_cached(text, pack)}
    for m in name_pattern(pack).finditer(text):
        if full and " " not in m.group(0):
            continue
        words = [w.span() for w in _WORD.finditer(text, m.start(), m.end())]
        first = _after_last_stop(text, words, places, pack)
        while 0 < first < len(words) and text[words[first][0]:words[first][1]] in pack.name_particles:
            first += 1  # "Presiden de …": a particle does not begin a name after a title
        if first < len(words):
            begin, end = words[first][0], words[-1][1]
            found.append(Mention(begin, end, text[begin:end], text[begin:end]))
    return tuple(found)


def _after_last_stop(text: str, words: list[tuple[int, int]], places: dict[int, Mention], pack: LanguagePack) -> int:
    """Return the index of the first word after the last word that cannot be part of a person's name."""
    first = 0
    i = 0
    while i < len(words):
        begin, end = words[i]
        word = text[begin:end]
        lower = word.lower()
        place = places.get(begin)
        if place is not None:
            while i < len(words) and words[i][0] < place.end:
                i += 1
            first = i
            continue
        if lower in _demonym_heads(pack) and i + 1 < len(words) \
                and text[begin:words[i + 1][1]].lower() in pack.demonyms:  # "South African", "Sri Lankan"
            i += 2
            first = i
            continue
        if is_name_stop(word, pack):
            first = i + 1
        i += 1
    return first


@lru_cache(maxsize=8)
def _demonym_heads(pack: LanguagePack) -> frozenset[str]:
    return frozenset(d.split()[0] for d in pack.demonyms if " " in d)


@lru_cache(maxsize=65536)
def is_name_stop(word: str, pack: LanguagePack) -> bool:
    """Say whether a capitalised word is no part of a person's name: a title, place, demonym, acronym, organisation
    word, field of office, courtesy, month, weekday or common word ("Presiden", "Malaysian", "Bank", "The")."""
    lower = word.lower()
    return (
        lower in _name_stop_words(pack)
        or (word.isupper() and len(word) > 1)
        or is_place(word, pack)
        or bool(_office_field(pack).fullmatch(lower))
    )


@lru_cache(maxsize=8)
def _name_stop_words(pack: LanguagePack) -> frozenset[str]:
    return (_title_words(pack) | pack.demonyms.keys() | pack.organisation_words | pack.office_fields
            | pack.honorifics | pack.months.keys() | pack.weekdays.keys() | pack.function_words | pack.common_words
            | pack.pronouns | pack.title_aliases.keys())


@lru_cache(maxsize=8)
def _office_field(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a word formed as a field of government ("Kebudayaan", "Enlargement")."""
    return re.compile(pack.patterns.get("office_field", r"(?!)"))


def is_person_name(name: str, pack: LanguagePack) -> bool:
    """Say whether a run of words can be a person's name: capitalised words (and particles), none of which is a
    title, place, organisation word or other word that stops a name."""
    words = name.split()
    named = [w for w in words if w not in pack.name_particles]
    if not named or len(named) > 5 or not all(_PREFIXED_NAME_WORD.fullmatch(w) for w in named):
        return False
    return not any(is_name_stop(w.split("-")[-1] if w[0].islower() else w, pack) for w in named)


@lru_cache(maxsize=8)
def _title_words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w.lower() for title in pack.titles for w in title.split())


def _is_title_word(word: str, pack: LanguagePack) -> bool:
    return word.lower() in _title_words(pack)


def person_key(name: str) -> str:
    """Return the key that identifies a person across mentions: the folded family name."""
    parts = fold(name).split()
    return parts[-1] if parts else ""
