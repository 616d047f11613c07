"""Offices as a sentence names them, with the person after them.

"Perdana Menteri Malaysia Anwar Ibrahim", "Malaysian Prime Minister Anwar Ibrahim", "Prime Minister of the
Netherlands Dick Schoof", "Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia", "Sekjen NATO Mark Rutte".
An office is a title from the pack, with what qualifies it before it (English: a demonym, country, organisation
or field) and after it (a country, place, acronym, field, or "of/untuk" and an organisation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from question_bank.entities import (
    NAME_WORD,
    Mention,
    is_name_stop,
    is_person_name,
    name_pattern,
    place_at,
)
from question_bank.lang import LanguagePack
from question_bank.text import fold

#: The most words a person's name has, particles aside ("Luiz Inácio Lula da Silva").
MAX_NAME_WORDS = 5
_SPACE = re.compile(r"[ \t]+")
_WORD = re.compile(rf"[A-Z](?:\.[A-Z])+\.?|(?:[a-z]+-)?{NAME_WORD}|[\w’'-]+")  # "U.S.", "al-Sisi", "bank"
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]{1,9}\+?(?![\w-])")
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.+-]{1,11})\s*\)")
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


@lru_cache(maxsize=8)
def title_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a title as news writes it ("Perdana Menteri", "perdana menteri", "Juru Bicara"); a
    title written as an acronym ("PM", "CEO") only in capitals."""
    variants = {v for t in pack.titles for v in ((t,) if t.isupper() else (t, t.lower(), t[0].upper() + t[1:].lower(),
                                                                         t.title()))}
    return re.compile(rf"(?<![\w-])(?P<title>{word_tree(sorted(variants))})(?![\w-])")


def word_tree(words: list[str]) -> str:
    """Return a pattern matching any of the words, written as a tree of their letters: Python's regular expressions
    try a long list of alternatives one by one at every position, but a tree once (ten times faster here)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


@lru_cache(maxsize=65536)
def offices_in(text: str, pack: LanguagePack) -> tuple[Office, ...]:
    """Find every office a sentence names, each with the person named right after it, if any."""
    found: list[Office] = []
    for m in title_pattern(pack).finditer(text):
        if (found and m.start() < found[-1].end) or text[m.start() - 1:m.start()] == "(" \
                or _is_plural(text, m.start(), pack):
            continue  # a title inside the last office, its abbreviation "(PM)", or "para menteri": no one office
        start = _qualifiers_before(text, m.start(), pack)
        before = _read_before(text, start, m.start(), pack)
        after, end, name_at = _qualifiers_after(text, m.end(), pack, territorial=_is_territorial(m.group(0), pack),
                                                organisational=_is_organisational(m.group(0), pack))
        person = _person_at(text, name_at, pack) if name_at is not None else None
        found.append(Office(start, end, m.group("title"), m.span("title"), tuple(before + after),
                            _is_former(text, start, pack), person))
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
    return Office(pos, end, m.group("title"), m.span("title"), tuple(before + after), _is_former(text, pos, pack),
                  None)


def office_text(office: Office, text: str, pack: LanguagePack) -> str:
    """Return an office as the sentence writes it, without a leading article or the title's own abbreviation; in a
    language that names an office's owner after it, an owner written before the title is moved there
    ("Malaysian Prime Minister" -> "Prime Minister of Malaysia", "Russia's Foreign Minister" -> "… of Russia")."""
    template = pack.templates.get("office_of")
    before = [q for q in office.qualifiers if text.find(q.text, office.start, office.title_span[0]) >= 0]
    possessive = _possessive(pack)
    owned = bool(possessive and possessive.search(text, office.start, office.title_span[0]))
    owners = before if owned else [q for q in before if q.kind != "field"]  # "the bank's governor": the bank's
    if template and owners and (owned or len({q.kind for q in owners}) == 1):
        fields = [q.text for q in before if q.kind == "field" and q not in owners]
        head = " ".join([*fields, _capitalised(office.title)])
        tail = _without_abbreviation(text[office.title_span[1]:office.end], office.title)
        owner = owner_name(owners, pack)
        article = pack.patterns.get("definite")
        if article and not owner.startswith(f"{article} ") and re.search(
                rf"(?<![\w-])(?i:{article})\s+$", text[max(0, office.start - 10):office.start]):
            owner = f"{article} {owner}"  # "the Bank's governor" -> "Governor of the Bank"
        return template.format(office=f"{head} {tail}".strip(), owner=owner)
    phrase = _without_abbreviation(text[office.start:office.end].strip(" ,"), office.title)
    return _capitalised(" ".join(phrase.split()))


def owner_name(owners: list[Qualifier], pack: LanguagePack) -> str:
    """Name the country or organisation an office belongs to, with the article the language gives it ("the
    United Kingdom", "the European Commission", "NATO")."""
    if owners[0].kind == "place":
        name = " ".join(dict.fromkeys(q.canonical for q in owners))
    else:
        name = " ".join(q.text for q in owners)
    article = pack.patterns.get("definite")
    definite = pack.patterns.get("definite_name")
    if article and (len(name.split()) > 1 and owners[0].kind != "place" or definite and re.fullmatch(definite, name)):
        return f"{article} {name}"
    return name


def _without_abbreviation(phrase: str, title: str) -> str:
    """Drop the title's own abbreviation from a phrase ("Perdana Menteri (PM) Malaysia")."""
    m = _BRACKETED.search(phrase)
    if m and _is_abbreviation_of(m.group(1), title):
        phrase = phrase[:m.start()].rstrip() + " " + phrase[m.end():].lstrip()
    return " ".join(phrase.split()) if phrase.strip() else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_abbreviation_of(abbreviation: str, title: str) -> bool:
    """Say whether an acronym abbreviates a title ("PM" for "Perdana Menteri")."""
    initials = "".join(w[0] for w in re.split(r"[\s-]+", title) if w).upper()
    return abbreviation.upper() == initials


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
    possessive = _possessive(pack)
    m = possessive.search(word) if possessive else None
    return word[:m.start()] if m and m.end() == len(word) else word


@lru_cache(maxsize=8)
def _possessive(pack: LanguagePack) -> re.Pattern[str] | None:
    """Return the pattern of a possessive ending ("Russia's"), in a language that writes one."""
    possessive = pack.patterns.get("possessive")
    return re.compile(possessive) if possessive else None


def _qualifies_before(text: str, begin: int, word: str, pack: LanguagePack, owner: bool = False) -> bool:
    """Say whether a word written before a title qualifies it (a demonym, place, acronym, organisation or field)."""
    if not word[:1].isupper() and not (owner and word.isalpha()):
        return False  # lower case, only an owner before a title: "the bank's governor"
    if word.lower() in pack.function_words or word.lower() in pack.common_words:
        return False
    if _preceded_by(word + " ", len(word) + 1, pack.patterns.get("former")):
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
            generic = _is_field(surface, pack) or _is_title_word(surface, pack) or surface.islower() \
                or _is_affiliation(surface, pack)
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
    quals: list[Qualifier] = []
    end = pos
    connector_at: int | None = pos if territorial else None  # after "of", "untuk": a qualifier must follow
    joined_kind = "org"
    while True:
        at = _skip_space(text, end if connector_at is None else connector_at)
        bracket = _BRACKETED.match(text, at)
        if bracket and connector_at is None:
            if quals:  # "Football Association of Indonesia (PSSI)", "Energi dan Sumber Daya Mineral (ESDM)"
                quals[-1] = Qualifier(f"{quals[-1].text} ({bracket.group(1)})", quals[-1].canonical, quals[-1].kind)
            end = bracket.end()
            continue
        q = _qualifier_at(text, at, pack)
        if q is None and not name_follows and all(x.kind == "field" for x in quals):
            q = _lower_field_at(text, at, pack)  # "kepala kebijakan luar negeri UE", not "… PSSI dalam kongres"
        if q is not None:
            quals.append(q[0])
            end, connector_at = _after_possessive(text, q[1], pack), None
            continue
        if connector_at is None and (joined := _connector(pack).match(text, at)):
            if joined.group(1).lower() in pack.list_conjunctions and _qualifier_at(text, joined.end(), pack) is None \
                    and not (quals and quals[-1].kind == "field"):
                break  # "dan", "and" join two qualifiers, never a qualifier to a name; two fields may be unknown
            connector_at = joined.end()
            # "Investasi dan Hilirisasi": what a conjunction adds to a field is a field too
            joined_kind = "field" if joined.group(1).lower() in pack.list_conjunctions else "org"
            continue
        run = _capitalised_run(text, at, pack)
        if run is None:
            break
        words = run[0]
        last_org = max((i for i, (_, w) in enumerate(words) if w.lower() in pack.organisation_words), default=-1)
        if last_org < 0 and _is_title_word(words[0][1], pack):
            break  # "Presiden Rusia dan Presiden Cina": another office
        if last_org < 0 and quals and _BRACKET_NEXT.match(text, run[1]):
            last_org = len(words) - 1  # "Badan Nasional Penanggulangan Bencana (BNPB)": its acronym ends the name
        if last_org >= 0:  # "Football Association", "General Assembly", "Gedung Putih": an organisation's name
            last = _organisation_end(words, last_org, run[1], text, name_follows)
            surface = text[words[0][0]:words[last][0] + len(words[last][1])]
            quals.append(Qualifier(surface, surface, "org"))
            end, connector_at = _after_possessive(text, words[last][0] + len(words[last][1]), pack), None
            continue
        if connector_at is None and name_follows and organisational and not quals and len(words) >= 3:
            quals.append(Qualifier(words[0][1], words[0][1], "org"))
            return quals, words[0][0] + len(words[0][1]), words[1][0]
        if connector_at is None and name_follows:
            rank = max((i for i, (_, w) in enumerate(words) if i and w.rstrip(".").lower() in pack.honorifics),
                       default=0)
            if rank:  # "Kapolda Metro Jaya Irjen Karyoto": what comes before the rank is the office's
                surface = text[words[0][0]:words[rank - 1][0] + len(words[rank - 1][1])]
                quals.append(Qualifier(surface, surface, "org"))
                end = words[rank - 1][0] + len(words[rank - 1][1])
                return quals, end, words[rank][0]
            break  # a capitalised run right after the office: the name
        if not name_follows:
            surface = text[words[0][0]:run[1]]
            quals.append(Qualifier(surface, surface, joined_kind if connector_at is not None else "org"))
            end, connector_at = _after_possessive(text, run[1], pack), None
            continue
        # after "of"/"for": the whole run qualifies the title, but its last two words are a name when the run is
        # long and nothing else ends it ("for Enlargement Marta Kos", "of the Exchequer Rachel Reeves")
        follows = text[run[1]:run[1] + 2].lstrip(" ")
        split = len(words) - 2 if len(words) >= 3 and not follows.startswith((",", "(")) else len(words)
        surface = text[words[0][0]:words[split - 1][0] + len(words[split - 1][1])]
        quals.append(Qualifier(surface, surface, joined_kind))
        end, connector_at = words[split - 1][0] + len(words[split - 1][1]), None
        if split < len(words):
            return quals, end, words[split][0]
    name_at = _skip_space(text, end)
    if text.startswith(",", name_at):
        name_at = _skip_space(text, name_at + 1)  # "Perdana Menteri Armenia, Nikol Pashinyan,"
    return quals, end, name_at


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
    if acronym and not _is_title_word(acronym.group(0), pack):
        return Qualifier(acronym.group(0), acronym.group(0), "org"), acronym.end()
    word = _DEMONYM_WORDS[1].match(text, pos)
    if word and _is_field(word.group(0), pack) and word.group(0).lower() not in pack.organisation_words:
        return Qualifier(word.group(0), word.group(0), "field"), word.end()
    return None


def _lower_field_at(text: str, pos: int, pack: LanguagePack) -> tuple[Qualifier, int] | None:
    """Return a field or organisation noun written in lower case where no name follows ("kepala kebijakan luar
    negeri UE", "ketua komite pemilihan"): it narrows the office, but only a name or place says whose it is."""
    word = _LOWER_WORD.match(text, pos)
    if word and word.group(0) not in pack.function_words \
            and (_is_field(word.group(0), pack) or word.group(0) in pack.organisation_words):
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
    possessive = _possessive(pack)
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


def _is_former(text: str, start: int, pack: LanguagePack) -> bool:
    """Say whether the words just before an office make it a former one ("mantan", "former", "ex-")."""
    return _preceded_by(text, start, pack.patterns.get("former"))


def _is_plural(text: str, start: int, pack: LanguagePack) -> bool:
    """Say whether a title is read as a plural ("para menteri"), which names no one office."""
    return _preceded_by(text, start, pack.patterns.get("plural_lead"))


def _preceded_by(text: str, start: int, pattern: str | None) -> bool:
    return bool(pattern) and _ending_with(pattern).search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=32)
def _ending_with(pattern: str) -> re.Pattern[str]:
    # "then-Prime Minister": a marker glued to the words before the title counts too
    return re.compile(rf"(?i:(?<![\w-])(?:{pattern}))(?:(?<=-)[\w-]+)?\s*$")


def _is_organisational(title: str, pack: LanguagePack) -> bool:
    """Say whether a title is only an organisation's, in a language that names the organisation right after it
    ("Sekjen Asean Kao Kim Hourn"; English says "Asean Secretary-General")."""
    pattern = pack.patterns.get("title_then_organisation")
    return bool(pattern) and _territorial(pattern).fullmatch(title) is not None


def _is_affiliation(word: str, pack: LanguagePack) -> bool:
    """Say whether a word names a party or side ("Republican Senator"), not whose office it is."""
    pattern = pack.patterns.get("affiliation")
    return bool(pattern) and _territorial(pattern).fullmatch(word) is not None


def _is_territorial(title: str, pack: LanguagePack) -> bool:
    """Say whether a title is the office of a territory, whose name follows it ("Wali Kota", "Gubernur")."""
    pattern = pack.patterns.get("territorial_title")
    return bool(pattern) and _territorial(pattern).fullmatch(title) is not None


@lru_cache(maxsize=8)
def _territorial(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _is_field(word: str, pack: LanguagePack) -> bool:
    lower = word.lower()
    return lower in pack.office_fields or bool(_field_pattern(pack).fullmatch(lower))


@lru_cache(maxsize=8)
def _field_pattern(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(pack.patterns.get("office_field", r"(?!)"))


def _is_title_word(word: str, pack: LanguagePack) -> bool:
    return word.lower() in _title_words(pack)


@lru_cache(maxsize=8)
def _title_words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w.lower() for t in pack.titles for w in t.split())


def _skip_space(text: str, pos: int) -> int:
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


__all__ = ["Office", "Qualifier", "is_name_stop", "office_at", "office_text", "offices_in", "title_pattern",
           "word_tree"]
