"""Offices as a sentence names them, with the person after them.

"Perdana Menteri Malaysia Anwar Ibrahim", "Malaysian Prime Minister Anwar Ibrahim", "Prime Minister of the
Netherlands Dick Schoof", "Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia", "Sekjen NATO Mark Rutte".
An office is a title from the pack, with what qualifies it before it (English: a demonym, country, organisation
or field) and after it (a country, place, acronym, field, or "of/untuk" and an organisation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from question_bank.entities import NAME_WORD, Mention, is_person_name, name_pattern, place_at
from question_bank.extract.titles import (
    is_affiliation,
    is_field,
    is_former,
    is_organisational,
    is_plural,
    is_territorial,
    is_title_word,
    preceded_by,
    title_pattern,
)
from question_bank.lang import LanguagePack
from question_bank.text import fold

#: The most words a person's name has, particles aside ("Luiz Inácio Lula da Silva").
MAX_NAME_WORDS = 5
_SPACE = re.compile(r"[ \t]+")
_WORD = re.compile(rf"[A-Z](?:\.[A-Z])+\.?|(?:[a-z]+-)?{NAME_WORD}|[\w’'-]+")  # "U.S.", "al-Sisi", "bank"
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]{1,9}\+?(?![\w-])")
BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.+-]{1,11})\s*\)")
_PREVIOUS_WORD = re.compile(r"([^\s,;:()“”\"]+) $")
_QUALIFYING_WORD = re.compile(rf"(?:[a-z]+-)?{NAME_WORD}|[A-Z][A-Z0-9&]+\+?")
_DEMONYM_WORDS = (re.compile(r"[A-Z][\w’'-]* [A-Z][\w’'-]*(?![\w-])"), re.compile(r"[A-Z][\w’'-]*(?![\w-])"))
_LOWER_WORD = re.compile(r"[a-z][\w-]*(?![\w-])")
_TOKEN = re.compile(r"\S+")
_COURTESY = re.compile(r"([A-Z]\w*\.?)\s+")


@dataclass(frozen=True)
class Qualifier:
    """What says whose office a title is, or over what: a country, place, organisation or field."""

    text: str
    canonical: str
    #: "place", "org" or "field": only a place or an organisation says whose office it is
    kind: str


@dataclass(frozen=True)
class Office:
    """An office a sentence names: where it stands, its title and qualifiers, and the person it names, if any."""

    start: int
    end: int
    title: str
    #: where the title stands: what is before it qualifies it the English way ("Malaysian Prime Minister")
    title_span: tuple[int, int]
    qualifiers: tuple[Qualifier, ...]
    former: bool
    person: Mention | None

    @property
    def qualified(self) -> bool:
        """Say whether a country, place or organisation says whose office this is."""
        return any(q.kind != "field" for q in self.qualifiers)

    def key(self, pack: LanguagePack) -> str:
        """Return the office's canonical key: its title's full form, then what qualifies it, in order."""
        title = fold(self.title)
        parts = [pack.title_aliases.get(title, title)] + [fold(q.canonical) for q in self.qualifiers]
        return " ".join(p for p in parts if p)


@lru_cache(maxsize=65536)
def offices_in(text: str, pack: LanguagePack) -> tuple[Office, ...]:
    """Find every office a sentence names, each with the person named right after it, if any."""
    found: list[Office] = []
    for m in title_pattern(pack).finditer(text):
        if (found and m.start() < found[-1].end) or text[m.start() - 1:m.start()] == "(" \
                or is_plural(text, m.start(), pack):
            continue  # a title inside the last office, its abbreviation "(PM)", or "para menteri": no one office
        start = _qualifiers_before(text, m.start(), pack)
        before = _read_before(text, start, m.start(), pack)
        after, end, name_at = _qualifiers_after(text, m.end(), pack, territorial=is_territorial(m.group(0), pack),
                                                organisational=is_organisational(m.group(0), pack))
        person = _person_at(text, name_at, pack) if name_at is not None else None
        found.append(Office(start, end, m.group("title"), m.span("title"), tuple(before + after),
                            is_former(text, start, pack), person))
    return tuple(found)


@lru_cache(maxsize=65536)
def office_at(text: str, pos: int, pack: LanguagePack) -> Office | None:
    """Return the office a phrase that begins at pos names, read to its end, when no name follows it
    ("selaku Direktur Pusat Studi Afganistan di Universitas Lanzhou", "was elected chairman of the PSSI")."""
    m = title_pattern(pack).search(text, pos, pos + 80)
    if m is None or _qualifiers_before(text, m.start(), pack, floor=pos) != pos:
        return None
    before = _read_before(text, pos, m.start(), pack)
    after, end, _ = _qualifiers_after(text, m.end(), pack, name_follows=False)
    return Office(pos, end, m.group("title"), m.span("title"), tuple(before + after), is_former(text, pos, pack),
                  None)


# --- before the title (English: "Malaysian Prime Minister", "NATO Secretary-General", "Russia's …") ---------------

def _qualifiers_before(text: str, title_start: int, pack: LanguagePack, floor: int = 0) -> int:
    """Return where the qualifiers written before a title begin (the title's start if there are none)."""
    start = title_start
    while (word := _previous_word(text, start)) is not None and word[0] >= floor:
        begin, surface = word
        core = _without_possessive(surface, pack)
        if not _qualifies_before(text, begin, core, pack, owner=core != surface):
            break
        start = begin
        if core != surface:
            break  # a possessive ("Russia's Foreign Minister") is the first of them
    return start


def _previous_word(text: str, end: int) -> tuple[int, str] | None:
    """Return the word that ends one space before `end`, with where it begins."""
    m = _PREVIOUS_WORD.search(text, max(0, end - 60), end)
    if not m:
        return None
    return m.start(1), m.group(1)


def _without_possessive(word: str, pack: LanguagePack) -> str:
    possessive = possessive_pattern(pack)
    m = possessive.search(word) if possessive else None
    return word[:m.start()] if m and m.end() == len(word) else word


@lru_cache(maxsize=8)
def possessive_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    """Return the pattern of a possessive ending ("Russia's"), in a language that writes one."""
    possessive = pack.patterns.get("possessive")
    return re.compile(possessive) if possessive else None


def _qualifies_before(text: str, begin: int, word: str, pack: LanguagePack, owner: bool = False) -> bool:
    """Say whether a word written before a title qualifies it (a demonym, place, acronym, organisation or field)."""
    if not word[:1].isupper() and not (owner and word.isalpha()):
        return False  # lower case, only an owner before a title: "the bank's governor"
    if word.lower() in pack.function_words or word.lower() in pack.common_words:
        return False
    if preceded_by(word + " ", len(word) + 1, pack.patterns.get("former")):
        return False  # "Mantan Presiden", "Former President": no qualifier, a former office
    lower = word.lower()
    if lower in pack.months or lower in pack.weekdays or lower in pack.honorifics or lower in pack.pronouns:
        return False
    return owner or bool(_QUALIFYING_WORD.fullmatch(word)) or word.lower() in pack.countries \
        or place_at(text, begin, pack) is not None


def _read_before(text: str, start: int, end: int, pack: LanguagePack) -> list[Qualifier]:
    """Read the qualifiers between start and a title's start, in order."""
    out: list[Qualifier] = []
    pos = start
    while pos < end:
        q = _qualifier_at(text, pos, pack)
        if q is None:
            word = _WORD.match(text, pos)
            if word is None:
                break
            surface = _without_possessive(word.group(0), pack)
            place = pack.countries.get(surface.lower()) or pack.countries.get(fold(surface)) \
                or pack.places.get(fold(surface))
            generic = is_field(surface, pack) or is_title_word(surface, pack) or surface.islower() \
                or is_affiliation(surface, pack)
            out.append(Qualifier(surface, place, "place") if place  # "Russia's Foreign Minister"
                       else Qualifier(surface, surface, "field" if generic else "org"))
            pos = word.end()
        else:
            out.append(q[0])
            pos = q[1]
        pos = _skip_space(text, _after_possessive(text, pos, pack))
    return out


# --- after the title ("Perdana Menteri Malaysia", "Minister of Energy and Mineral Resources", "Ketua Umum PSSI") ---

def _qualifiers_after(text: str, pos: int, pack: LanguagePack, name_follows: bool = True, territorial: bool = False,
                      organisational: bool = False) -> tuple[list[Qualifier], int, int | None]:
    """Read the qualifiers after a title: return them, where the office ends, and where a name may begin.

    When a name may follow, a capitalised run right after the office is that name; when none does, it qualifies.
    After a title of a territory ("Wali Kota", "Governor"), the run names the territory first ("Wali Kota
    Surakarta", "Gubernur Jawa Barat Dedi Mulyadi"); after a title only organisations have, a run of three words
    or more names the organisation in its first ("Sekjen Asean Kao Kim Hourn").
    """
    reader = _AfterTitle(text, pack, name_follows, organisational, end=pos, connector_at=pos if territorial else None)
    while reader.step():
        pass
    if reader.name_at is not None:
        return reader.quals, reader.end, reader.name_at
    name_at = _skip_space(text, reader.end)
    if text.startswith(",", name_at):
        name_at = _skip_space(text, name_at + 1)  # "Perdana Menteri Armenia, Nikol Pashinyan,"
    return reader.quals, reader.end, name_at


@dataclass
class _AfterTitle:
    """Reads what follows a title, a qualifier at a time."""

    text: str
    pack: LanguagePack
    name_follows: bool
    organisational: bool
    end: int
    #: after "of", "untuk" (or a territory's title): a qualifier must follow, from here
    connector_at: int | None = None
    #: what a qualifier after the connector is: a field after "dan" joining fields, else an organisation
    joined_kind: str = "org"
    quals: list[Qualifier] = field(default_factory=list)
    #: where the name begins, once a run was split between the office and the name
    name_at: int | None = None

    def step(self) -> bool:
        """Read the next qualifier; say whether to go on."""
        at = _skip_space(self.text, self.end if self.connector_at is None else self.connector_at)
        if self._bracket(at) or self._qualifier(at) or self._connector(at):
            return True
        run = _capitalised_run(self.text, at, self.pack)
        return run is not None and self._run(*run)

    def _add(self, qualifier: Qualifier, end: int) -> bool:
        self.quals.append(qualifier)
        self.end, self.connector_at = _after_possessive(self.text, end, self.pack), None
        return True

    def _bracket(self, at: int) -> bool:
        """An acronym in brackets: the title's own ("(PM)") or the last qualifier's ("… of Indonesia (PSSI)")."""
        bracket = BRACKETED.match(self.text, at)
        if not bracket or self.connector_at is not None:
            return False
        if self.quals:
            last = self.quals[-1]
            self.quals[-1] = Qualifier(f"{last.text} ({bracket.group(1)})", last.canonical, last.kind)
        self.end = bracket.end()
        return True

    def _qualifier(self, at: int) -> bool:
        """A country, place, demonym, acronym or field ("kebijakan luar negeri" too, where no name follows)."""
        q = _qualifier_at(self.text, at, self.pack)
        if q is None and not self.name_follows and all(x.kind == "field" for x in self.quals):
            q = _lower_field_at(self.text, at, self.pack)  # "kepala kebijakan luar negeri UE", not "… PSSI dalam"
        return q is not None and self._add(*q)

    def _connector(self, at: int) -> bool:
        """"of", "for", "untuk", and "dan"/"and" between two qualifiers (two fields may be unknown words)."""
        joined = _connector(self.pack).match(self.text, at) if self.connector_at is None else None
        if joined is None:
            return False
        conjunction = joined.group(1).lower() in self.pack.list_conjunctions
        if conjunction and _qualifier_at(self.text, joined.end(), self.pack) is None \
                and not (self.quals and self.quals[-1].kind == "field"):
            return False  # "dan", "and" never join a qualifier to a name
        self.connector_at = joined.end()
        self.joined_kind = "field" if conjunction else "org"  # "Investasi dan Hilirisasi": a field too
        return True

    def _run(self, words: list[tuple[int, str]], run_end: int) -> bool:
        """A run of capitalised words: an organisation's name, the name after the office, or both."""
        text, pack = self.text, self.pack
        last_org = max((i for i, (_, w) in enumerate(words) if w.lower() in pack.organisation_words), default=-1)
        if last_org < 0 and is_title_word(words[0][1], pack):
            return False  # "Presiden Rusia dan Presiden Cina": another office
        if last_org < 0 and self.quals and _BRACKET_NEXT.match(text, run_end):
            last_org = len(words) - 1  # "Badan Nasional Penanggulangan Bencana (BNPB)": its acronym ends the name
        if last_org >= 0:  # "Football Association", "General Assembly", "Gedung Putih": an organisation's name
            last = _organisation_end(words, last_org, run_end, text, self.name_follows)
            return self._add(Qualifier(_span(text, words, 0, last), _span(text, words, 0, last), "org"),
                             _word_end(words, last))
        if self.connector_at is None and not self.name_follows:
            return self._add(Qualifier(text[words[0][0]:run_end], text[words[0][0]:run_end], "org"), run_end)
        if self.connector_at is None:
            return self._name_run(words)
        if not self.name_follows:
            return self._add(Qualifier(text[words[0][0]:run_end], text[words[0][0]:run_end], self.joined_kind),
                             run_end)
        # after "of"/"for": the whole run qualifies the title, but its last two words are a name when the run is
        # long and nothing else ends it ("for Enlargement Marta Kos", "of the Exchequer Rachel Reeves")
        follows = text[run_end:run_end + 2].lstrip(" ")
        split = len(words) - 2 if len(words) >= 3 and not follows.startswith((",", "(")) else len(words)
        self._add(Qualifier(_span(text, words, 0, split - 1), _span(text, words, 0, split - 1), self.joined_kind),
                  _word_end(words, split - 1))
        self.end = _word_end(words, split - 1)
        if split < len(words):
            self.name_at = words[split][0]
            return False
        return True

    def _name_run(self, words: list[tuple[int, str]]) -> bool:
        """A run right after the office is the name, but for what an organisation's title or a rank leaves before
        it ("Sekjen Asean Kao Kim Hourn", "Kapolda Metro Jaya Irjen Karyoto")."""
        split = 0
        if self.organisational and not self.quals and len(words) >= 3:
            split = 1
        else:
            split = max((i for i, (_, w) in enumerate(words) if i and w.rstrip(".").lower() in self.pack.honorifics),
                        default=0)
        if split:
            surface = _span(self.text, words, 0, split - 1)
            self.quals.append(Qualifier(surface, surface, "org"))
            self.end, self.name_at = _word_end(words, split - 1), words[split][0]
        return False


def _span(text: str, words: list[tuple[int, str]], first: int, last: int) -> str:
    return text[words[first][0]:_word_end(words, last)]


def _word_end(words: list[tuple[int, str]], i: int) -> int:
    return words[i][0] + len(words[i][1])


def _organisation_end(words: list[tuple[int, str]], last_org: int, run_end: int, text: str,
                      name_follows: bool) -> int:
    """Return the index of the last word of an organisation's name in a run, from its last organisation word.

    The words after that word name the organisation too ("Badan Pusat Statistik", "Partai Gerindra"), but when a
    name may follow and three or more are left, the last two are that name ("Gedung Putih Karine Jean-Pierre").
    """
    left = len(words) - 1 - last_org
    if not name_follows or left <= 2 or _BRACKET_NEXT.match(text, run_end):
        return len(words) - 1
    return len(words) - 3


_BRACKET_NEXT = re.compile(r"\s*\(")


def _qualifier_at(text: str, pos: int, pack: LanguagePack) -> tuple[Qualifier, int] | None:
    """Return the country, place, demonym, acronym or field of office that starts at pos, and where it ends."""
    place = place_at(text, pos, pack)
    if place is not None:
        return Qualifier(place.text, place.canonical, "place"), place.end
    for pattern in _DEMONYM_WORDS:  # "South African", "Kazakh"
        m = pattern.match(text, pos)
        if m and m.group(0).lower() in pack.demonyms:
            return Qualifier(m.group(0), pack.demonyms[m.group(0).lower()], "place"), m.end()
    acronym = _ACRONYM.match(text, pos)
    if acronym and not is_title_word(acronym.group(0), pack):
        return Qualifier(acronym.group(0), acronym.group(0), "org"), acronym.end()
    word = _DEMONYM_WORDS[1].match(text, pos)
    if word and is_field(word.group(0), pack) and word.group(0).lower() not in pack.organisation_words:
        return Qualifier(word.group(0), word.group(0), "field"), word.end()
    return None


def _lower_field_at(text: str, pos: int, pack: LanguagePack) -> tuple[Qualifier, int] | None:
    """Return a field or organisation noun written in lower case where no name follows ("kepala kebijakan luar
    negeri UE", "ketua komite pemilihan"): it narrows the office, but only a name or place says whose it is."""
    word = _LOWER_WORD.match(text, pos)
    if word and word.group(0) not in pack.function_words \
            and (is_field(word.group(0), pack) or word.group(0) in pack.organisation_words):
        return Qualifier(word.group(0), word.group(0), "field"), word.end()
    return None


def _capitalised_run(text: str, pos: int, pack: LanguagePack) -> tuple[list[tuple[int, str]], int] | None:
    """Return the capitalised words (and particles) that start at pos, each with where it starts, and the run's end;
    the run stops before a place, acronym or field of office, which the caller reads as a qualifier."""
    m = name_pattern(pack).match(text, pos)
    if m is None:
        return None
    words: list[tuple[int, str]] = []
    for w in _TOKEN.finditer(text, pos, m.end()):
        at = w.start()
        if words and _qualifier_at(text, at, pack) is not None:
            break
        words.append((at, w.group(0)))
    while words and words[-1][1] in pack.name_particles:
        words.pop()
    if not words:
        return None
    return words, words[-1][0] + len(words[-1][1])


def _after_possessive(text: str, pos: int, pack: LanguagePack) -> int:
    possessive = possessive_pattern(pack)
    m = possessive.match(text, pos) if possessive else None
    return m.end() if m else pos


@lru_cache(maxsize=8)
def _connector(pack: LanguagePack) -> re.Pattern[str]:
    """Return the words that join a title to its qualifier ("of the", "untuk", "for")."""
    article = pack.patterns.get("definite")
    tail = rf"(?:(?:{article})\s+)?" if article else ""
    return re.compile(rf"({pack.patterns['role_connector']})\s+{tail}(?=[A-Z])")


# --- the person -------------------------------------------------------------------------------------------------

def _person_at(text: str, pos: int, pack: LanguagePack) -> Mention | None:
    """Return the person's name that starts at pos, after any courtesy ("Pangeran", "Prince"), if it is one."""
    while (word := _COURTESY.match(text, pos)) and word.group(1).lower() in pack.honorifics:
        pos = word.end()
        service = _ACRONYM.match(text, pos)  # a rank's service: "Letjen TNI Suharyanto"
        if service and text[service.end():service.end() + 1] == " ":
            pos = service.end() + 1
    m = name_pattern(pack).match(text, pos)
    if m is None:
        return None
    name = m.group(0)
    named = [w for w in name.split() if w not in pack.name_particles]
    if len(named) > MAX_NAME_WORDS or not is_person_name(name, pack):
        return None
    return Mention(pos, pos + len(name), name, name)


def _skip_space(text: str, pos: int) -> int:
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


__all__ = ["BRACKETED", "Office", "Qualifier", "office_at", "offices_in", "possessive_pattern"]
