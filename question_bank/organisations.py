"""Organisations named in a text: acronyms (CSTO, G20, OPEC+, DK PBB), names (Uni Eropa, the African Union), and
the one key each organisation goes by in an article, however it is written."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from question_bank.lang import LanguagePack
from question_bank.model import Article
from question_bank.text import fold

# An acronym: capitals (CSTO, PBB), a capital and digits (G20, P5), with the plus of an enlarged group (OPEC+).
_ACRONYM = re.compile(r"\b(?<![.-])[A-Z](?:[A-Z]{1,7}|\d{1,2})\+?(?![\w-])")
# An acronym written as a word (Asean, Nato, Mercosur): one only where the article or the pack says so.
_WORD_ACRONYM = re.compile(r"(?<![\w.-])[A-Z][a-z]{2,7}\+?(?![\w’'-])")
# The acronym a text gives in brackets right after a name: "Shanghai Cooperation Organisation (SCO)".
_BRACKETED = re.compile(r"\s*\((?P<acronym>(?:[A-Z]{2,8}|[A-Z]\d{1,2}|[A-Z][a-z]{2,7})\+?)\)")
_ROMAN = re.compile(r"[IVXLC]+")
# A word of an organisation's name: capitalised (also hyphenated, "Non-Blok"), an acronym, or a number ("Group of 20").
_NAME_WORD = r"(?:[A-Z][\w-]*\+?|\d{1,3})"
#: Two short acronyms side by side are one name: "DK PBB" (Dewan Keamanan PBB).
_PAIR_GAP = re.compile(r"\s+")


@dataclass(frozen=True)
class OrgMention:
    """An organisation named in a text: where, as written, and the key it goes by."""

    start: int
    end: int
    text: str
    canonical: str


@dataclass(frozen=True, eq=False)
class OrganisationIndex:
    """What one article calls its organisations: names it ties to an acronym, and the acronyms it writes."""

    #: a name (folded) -> the acronym the article gives it in brackets ("organisasi kerja sama shanghai" -> "SCO")
    aliases: Mapping[str, str] = field(default_factory=dict)
    #: the acronyms the article writes in capitals, so that "Asean" elsewhere is ASEAN
    acronyms: frozenset[str] = frozenset()


_NO_INDEX = OrganisationIndex()


@lru_cache(maxsize=8)
def _patterns(pack: LanguagePack) -> tuple[re.Pattern[str], ...]:
    """Compile the pack's organisation name, its leading article, a dateline's capitals, the name's head, and the
    word that may join two words of a name ("European Coal and Steel Community")."""
    p = pack.patterns
    head = rf"(?:{p['organisation_head']})(?![\w-])"
    name = p["organisation_name"].replace("{word}", _NAME_WORD).replace("{head}", head)
    months = "|".join(sorted(pack.months, key=len, reverse=True))
    dateline = re.compile(
        rf"^(?:[A-Z][A-Z’'.-]+\s+)*[A-Z][A-Z’'.-]+(?=\s*(?:[–—-]|\(|,\s*(?:\d|(?i:{months})\b)))")
    return (re.compile(rf"(?<![\w-])(?:{name})"), re.compile(rf"^(?:{p['organisation_article']})\s+"), dateline,
            re.compile(head), re.compile(p["organisation_joiner"]))


@lru_cache(maxsize=8)
def _title_words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w for title in pack.titles for w in title.split() if w[:1].isupper())


@lru_cache(maxsize=8)
def _leading_words(pack: LanguagePack) -> frozenset[str]:
    """Return the capitalised words that start a sentence but never a name ("The", "In", "Dengan")."""
    return frozenset(w.capitalize() for w in pack.common_words)


def _is_place(text: str, pack: LanguagePack) -> bool:
    key = fold(text)
    return key in pack.countries or key in pack.places or key in pack.epithets


def _key(surface: str, pack: LanguagePack, index: OrganisationIndex) -> str | None:
    """Return the key an organisation goes by, or None if the words name a country or place instead."""
    folded = fold(surface) + ("+" if surface.endswith("+") else "")  # OPEC+ is not OPEC
    if not folded or _is_place(surface, pack):
        return None
    return index.aliases.get(folded) or pack.organisations.get(folded) or surface


def _names(text: str, pack: LanguagePack, index: OrganisationIndex) -> list[OrgMention]:
    """Find the names built on an organisation word ("Uni Eropa", "Gulf Cooperation Council (GCC)")."""
    name, article = _patterns(pack)[:2]
    found = []
    for m in name.finditer(text):
        start, end = _trimmed(text, m.start(), m.end(), pack, index)
        surface = text[start:end]
        lead = article.match(surface)
        if lead:
            start, surface = start + lead.end(), surface[lead.end():]
        if len(surface.split()) < 2:
            continue  # "Union" or "Dewan" alone names nothing
        bracket = _BRACKETED.match(text, end)
        key = _key(_kind_dropped(surface, pack, index), pack, index)
        if bracket:
            acronym = bracket.group("acronym")
            if not acronym.isupper() and fold(acronym) not in pack.organisations:
                acronym = acronym.upper()  # "(Ecowas)" is ECOWAS, as "Asean" is ASEAN
            key = _key(acronym, pack, index) if key is not None else None
            end = bracket.end()
        if key is not None:
            found.append(OrgMention(start, end, text[start:end], key))
    return found


def _kind_dropped(surface: str, pack: LanguagePack, index: OrganisationIndex) -> str:
    """Return the acronym of "Aliansi CSTO" or "the NATO Alliance": a kind of organisation and its acronym name one."""
    words = surface.split()
    folded = fold(surface)
    if len(words) != 2 or folded in index.aliases or folded in pack.organisations:
        return surface
    head = _patterns(pack)[3]
    for kind, acronym in (words, reversed(words)):
        if head.fullmatch(kind) and _ACRONYM.fullmatch(acronym) and not _ROMAN.fullmatch(acronym):
            return acronym
    return surface


_BRACKETED_ACRONYM = re.compile(r"\s*\((?:[A-Z][\w+]*)\)")


def _known_prefix(text: str, words: list[tuple[int, int]], pack: LanguagePack, index: OrganisationIndex) -> int:
    """Return how many of the words, from the first, are the longest form of a known organisation (0 if none)."""
    for n in range(len(words), 1, -1):
        known = fold(text[words[0][0]:words[n - 1][1]])
        if known in index.aliases or known in pack.organisations:
            return n
    return 0


def _trimmed(text: str, start: int, end: int, pack: LanguagePack, index: OrganisationIndex) -> tuple[int, int]:
    """Cut a name's run of capitalised words to the name: not the sentence's first words, not a title or person
    after it ("Dewan Keamanan PBB Vassily Nebenzia"): a name ends at its acronym, place, or the longest known form."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    leading = _leading_words(pack)
    while len(words) > 1 and text[words[0][0]:words[0][1]] in leading:
        words = words[1:]
    before = text[:words[0][0]].split()[-1:]
    if before and before[0][-1] not in ",.;:(“\"" and not _patterns(pack)[1].match(before[0] + " "):
        # "von der Leyen and New Development Bank": a name joined by "and" starts after an article or a stop
        joiner = _patterns(pack)[4]
        joined = [i for i, (s, e) in enumerate(words) if joiner.fullmatch(text, s, e)]
        words = words[joined[-1] + 1:] if joined else words
    titles = _title_words(pack)
    head = _patterns(pack)[3]
    first = next((i for i, (s, e) in enumerate(words) if head.fullmatch(text[s:e])), len(words))
    # a name given its acronym in brackets runs up to the brackets, places inside it and all ("… Afrika Bagian
    # Selatan (SADC)")
    named = _BRACKETED_ACRONYM.match(text, end) is not None or _known_prefix(text, words, pack, index) > 1
    for i, (s, e) in enumerate(words[first + 1:] if not named else [], first + 1):
        word = text[s:e]
        if word in titles:
            words = words[:i]
            break
        if _ACRONYM.fullmatch(word) or _is_place(word, pack):
            if i + 1 < len(words) and text[words[i + 1][0]:words[i + 1][1]][:1].isupper():
                words = words[:i + 1]  # "Komisi Eropa" ends at its place: what follows is a title or a person
            break
    words = words[:_known_prefix(text, words, pack, index) or len(words)]
    return words[0][0], words[-1][1]


def organisations_in(text: str, pack: LanguagePack, index: OrganisationIndex | None = None) -> list[OrgMention]:
    """Find the organisations a text names, in order, each under its key (CSTO, G20, ASEAN for "Asean")."""
    return list(_organisations(text, pack, index or _NO_INDEX))


@lru_cache(maxsize=65536)
def _organisations(text: str, pack: LanguagePack, index: OrganisationIndex) -> tuple[OrgMention, ...]:
    """Find names first, then the acronyms outside them, then the words the article or pack makes acronyms."""
    found = _names(text, pack, index)
    taken = [(m.start, m.end) for m in found]
    filed = _patterns(pack)[2].match(text)
    if filed:
        taken.append((0, filed.end()))  # "KUALA LUMPUR, May 27 –" is where the story was filed
    acronyms = [m for m in _ACRONYM.finditer(text) if not _inside(m.start(), taken)]
    shouting = len(acronyms) > 2 and _shouting(text)
    i = 0
    while i < len(acronyms):
        m = acronyms[i]
        nxt = acronyms[i + 1] if i + 1 < len(acronyms) else None
        end = m.end()
        if nxt and len(m.group()) == 2 and _PAIR_GAP.fullmatch(text[m.end():nxt.start()]) \
                and not _is_place(m.group(), pack):
            end = nxt.end()  # "DK PBB": a short acronym that qualifies the next one
            i += 1
        mention = _acronym(text, m.start(), end, pack, index)
        if mention and shouting and fold(mention.text) not in pack.organisations \
                and mention.text.rstrip("+") not in index.acronyms:
            mention = None  # "ASEAN LEADERS MEET": only the acronyms known or written so elsewhere
        if mention:
            found.append(mention)
        i += 1
    for m in _WORD_ACRONYM.finditer(text):
        word = m.group()
        known = pack.organisations.get(word.lower())
        key = word.upper() if word.upper().rstrip("+") in index.acronyms else known
        if key and not _inside(m.start(), taken):
            found.append(OrgMention(m.start(), m.end(), word, key))
    return tuple(sorted(found, key=lambda o: o.start))


def _shouting(text: str) -> bool:
    """Say whether a text is set in capitals (a headline), so that its words are no acronyms."""
    words = text.split()
    return 2 * sum(w.isupper() and len(w) > 1 for w in words) > len(words)


def _acronym(text: str, start: int, end: int, pack: LanguagePack, index: OrganisationIndex) -> OrgMention | None:
    """Read capitals as an organisation's acronym unless they are a country, a place, a numeral or no name at all."""
    word = text[start:end]
    folded = fold(word)
    if folded in pack.not_organisations or folded in pack.currency_words or _ROMAN.fullmatch(word):
        return None
    key = _key(word, pack, index)
    if key is None:
        return None
    if len(word) == 2 and word.isalpha() and folded not in pack.organisations and word not in index.aliases.values():
        return None  # two capitals are an office or a sign (PM, TV) unless known or given in brackets
    return OrgMention(start, end, word, key)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def organisation_index(texts: Iterable[str], pack: LanguagePack) -> OrganisationIndex:
    """Read what an article calls its organisations: names given an acronym in brackets, acronyms in capitals."""
    aliases: dict[str, str] = {}
    acronyms: set[str] = set()
    for text in texts:
        for mention in _names(text, pack, _NO_INDEX) if "(" in text else ():
            bracket = _BRACKETED.search(mention.text)
            if bracket:
                name = mention.text[:bracket.start()]
                aliases[fold(name)] = mention.canonical
        filed = _patterns(pack)[2].match(text)  # a dateline's capitals ("TIANJIN, September 1") are a city
        written = [m.group().rstrip("+") for m in _ACRONYM.finditer(text, filed.end() if filed else 0)]
        if len(written) <= 2 or not _shouting(text):  # a headline set in capitals: its words are no acronyms
            acronyms.update(written)
    acronyms.update(key for key in aliases.values() if key.isupper())
    return OrganisationIndex(aliases, frozenset(acronyms))


def main_organisation(article: Article, pack: LanguagePack, index: OrganisationIndex | None = None) -> str | None:
    """Return the organisation an article is about: the one it names most often, its headline counted too."""
    texts = [article.headline or "", *(s.text for s in article.sentences)]
    index = index or organisation_index(texts, pack)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for text in texts:
        for mention in organisations_in(text, pack, index):
            counts[mention.canonical] += 1
            first.setdefault(mention.canonical, len(first))
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], first[key]))
