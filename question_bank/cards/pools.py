"""What a corpus offers as wrong options, gathered once: countries by organisation, people, dates, numbers.

Countries are keyed by ISO code, so that an organisation's members stated in one language are never offered as
wrong options in another; each card writes the codes it picks in its own language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from question_bank.cards.regions import countries_of
from question_bank.cards.values import last_day
from question_bank.entities import find_countries, person_key
from question_bank.extract.dates import DateValue
from question_bank.lang import LanguagePack, get_pack
from question_bank.merge import Corpus
from question_bank.model import MergedFact, Sentence


@dataclass
class Pools:
    """Wrong options and what must never be one, for every card of a corpus."""

    #: organisation -> keys of the countries stated as its members (disputed ones too: never a wrong option)
    members: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: organisation -> keys of the countries stated as its former members
    formers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: organisation -> keys of the countries a sentence names beside it, or beside a list of its members: they may
    #: be members in words no extractor read ("Rusia menjadi pemimpin dengan lima negara anggota lainnya")
    near: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: organisations whose whole membership the corpus gives: it states a count equal to the members it lists
    complete: set[str] = field(default_factory=set)
    #: (file, organisation) -> sentence index -> how many of its members or former members the sentence states
    listed: dict[tuple[str, str], dict[int, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    #: keys of every country the corpus names
    countries: set[str] = field(default_factory=set)
    #: key of a country no CLDR code names -> (language, name): written only in its own language
    unnamed: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: office -> the family-name keys of the people who hold it
    holders: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: quotation -> the family-name keys of the people credited with it (two articles may credit two people)
    speakers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: family-name key -> an office the corpus gives that person (the first qualified one)
    #: (language, person) -> the office the corpus gives that person, in that language
    offices: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (family-name key, full name) of every person, sorted once so each card samples without a scan
    people: list[tuple[str, str]] = field(default_factory=list)
    #: file -> the people its offices and quotations name, sorted
    people_by_file: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: people the caller knows beyond the corpus (the bank's other cards), sorted
    known_people: list[tuple[str, str]] = field(default_factory=list)
    dates_by_subject: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dates_by_sentence: dict[tuple[str, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    #: file -> the latest date the article states
    latest_date: dict[str, DateValue] = field(default_factory=dict)
    numbers_by_noun: dict[str, set[float]] = field(default_factory=lambda: defaultdict(set))
    #: organisation -> its undisputed member facts, for the "which is NOT a member" card
    member_facts: dict[str, list[MergedFact]] = field(default_factory=lambda: defaultdict(list))
    #: (organisation, language) -> its members' names, sorted, as explanations list them (filled when first asked)
    member_names: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: (organisation, regions, language) -> outsiders in the region named by the corpus, by CLDR, and the corpus's
    #: others, each sorted (filled when first asked: every member card of one region shares them)
    outsiders: dict[tuple[str, frozenset[str], str], tuple[list[str], list[str], list[str]]] = field(
        default_factory=dict)
    #: file -> the language pack of its article
    packs: dict[str, LanguagePack] = field(default_factory=dict)


def build_pools(corpus: Corpus, known_people: Iterable[str] = ()) -> Pools:
    """Gather every pool of a corpus once."""
    pools = Pools(packs={file: get_pack(article.language) for file, article in corpus.articles.items()})
    counts: dict[str, set[float]] = defaultdict(set)
    people_by_file: dict[str, set[str]] = defaultdict(set)
    listing: dict[tuple[str, int], set[str]] = defaultdict(set)
    for fact in corpus.facts:
        if fact.kind in ("member", "former_member"):
            key = country_key(fact.value, pack_of(fact, pools), pools)
            (pools.members if fact.kind == "member" else pools.formers)[fact.subject_key].add(key)
            if fact.kind == "member" and not fact.disputed:
                pools.member_facts[fact.subject_key].append(fact)
            for statement in fact.statements:
                listing[(statement.sentence.file, statement.sentence.index)].add(fact.subject_key)
                pools.listed[(statement.sentence.file, fact.subject_key)][statement.sentence.index] += 1
        elif fact.kind == "role":
            pools.holders[fact.subject_key].add(fact.value_key)
            if fact.first.detail.get("qualified") and not fact.disputed:
                pools.offices.setdefault((pack_of(fact, pools).code, fact.value_key), fact.subject)
        elif fact.kind == "speaker":
            pools.speakers[fact.subject_key].add(fact.value_key)
        elif fact.kind == "date":
            _add_date(fact, pools)
        elif fact.kind == "number":
            for statement in fact.statements:
                pools.numbers_by_noun[statement.detail["noun"].split()[0]].add(statement.detail["number"])
            org = fact.first.detail.get("member_count_of")
            if org:
                counts[org].add(fact.first.detail["number"])
        if fact.kind in ("role", "speaker") and fact.value_key in corpus.people:
            for statement in fact.statements:
                people_by_file[statement.sentence.file].add(fact.value_key)
    # the corpus names the whole membership when it names as many members as the organisation is said to have
    # (or more: "ten members" and, later, the eleventh admitted)
    pools.complete = {org for org, stated in counts.items() if len(_stated_members(org, pools)) >= max(stated)}
    pools.people = sorted(corpus.people.items())
    pools.people_by_file = {file: sorted((k, corpus.people[k]) for k in keys) for file, keys in people_by_file.items()}
    pools.known_people = sorted({person_key(name): name for name in known_people if name.strip()}.items())
    _add_countries(corpus, pools, listing)
    return pools


def pack_of(fact: MergedFact, pools: Pools) -> LanguagePack:
    """Return the language pack of the article that first states a fact: its card is asked in that language."""
    return pools.packs[fact.first.sentence.file]


def country_key(name: str, pack: LanguagePack, pools: Pools) -> str:
    """Key a country by its ISO code; one CLDR does not know by its language and name."""
    code = countries_of(pack).code(name)
    if code:
        return code
    key = f"{pack.code}:{name}"
    pools.unnamed[key] = (pack.code, name)
    return key


def country_name(key: str, pack: LanguagePack, pools: Pools) -> str | None:
    """Write a country key in a pack's language, or None if that language has no name for it."""
    name = countries_of(pack).names.get(key)
    if name:
        return name
    language, unnamed = pools.unnamed.get(key, ("", ""))
    return unnamed if language == pack.code else None


_NONE: frozenset[str] = frozenset()
#: Countries one sentence names that make a list of them.
_A_LIST = 3


def _names(text: str, org: str) -> bool:
    """Say whether a text names an organisation as a word of its own, as the articles write it ("OPEC" in "OPEC+")."""
    return _word(org).search(text) is not None


@lru_cache(maxsize=1024)
def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


_WORD_RUN = re.compile(r"\w+")


def _by_first_word(orgs: Iterable[str]) -> dict[str, list[str]]:
    """Group organisations by their first word ("OPEC" for "OPEC+"); "" holds those that start with none."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for org in orgs:
        first = _WORD_RUN.match(org)
        grouped[first.group() if first else ""].append(org)
    return grouped


def _named_in(sentences: Iterable[Sentence], by_word: dict[str, list[str]]) -> list[str]:
    """Return the organisations that may be named in the sentences: those whose first word is among theirs.

    A name written as a word of its own starts where a word of the text starts, so its first word is one of the
    text's; looking words up keeps this linear in the corpus, where testing every organisation against every
    article was not.
    """
    text = "\n".join(sentence.text for sentence in sentences)
    words = set(_WORD_RUN.findall(text)) & by_word.keys()
    return [org for word in words for org in by_word[word]] + [org for org in by_word.get("", ()) if org in text]


def _speaks_of_membership(text: str, pack: LanguagePack) -> bool:
    """Say whether a text holds a membership word, inside a longer word too ("keanggotaan"): a word too many
    only keeps a country from being a wrong option, and a search of the lower-cased text costs far less."""
    pattern = _membership(pack)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=8)
def _membership(pack: LanguagePack) -> re.Pattern[str] | None:
    """Return the search for a pack's membership words; without any, its member noun as numbers.py reads it."""
    if pack.membership_words:
        return re.compile("|".join(re.escape(w) for w in sorted(pack.membership_words)), re.IGNORECASE)
    noun = pack.patterns.get("member_noun")
    return re.compile(noun, re.IGNORECASE) if noun else None


def _stated_members(org: str, pools: Pools) -> set[str]:
    # .get: an organisation whose members no article lists (only counts them) must not gain an empty list here
    return {country_key(f.value, pack_of(f, pools), pools) for f in pools.member_facts.get(org, ())}


def _add_date(fact: MergedFact, pools: Pools) -> None:
    pools.dates_by_subject[fact.subject_key].add(fact.value_key)
    for statement in fact.statements:
        sentence = statement.sentence
        pools.dates_by_sentence[(sentence.file, sentence.index)].add(fact.value_key)
        value: DateValue = statement.detail["date"]
        latest = pools.latest_date.get(sentence.file)
        if latest is None or last_day(value) > last_day(latest):
            pools.latest_date[sentence.file] = value


def _add_countries(corpus: Corpus, pools: Pools, listing: dict[tuple[str, int], set[str]]) -> None:
    """Key the countries the corpus names, and find those named beside each organisation with members.

    `listing` gives the organisations whose members or former members each sentence states.
    """
    packs = list(dict.fromkeys(pools.packs.values()))  # in article order, so the first pack naming one decides
    for name in corpus.countries:
        code = next((c for c in (countries_of(p).code(name) for p in packs) if c), None)
        if code:
            pools.countries.add(code)
    orgs = sorted(set(pools.members) | set(pools.formers))
    if not orgs:
        return
    listed_in: dict[str, set[str]] = defaultdict(set)
    for (file, _), orgs_listed in listing.items():
        listed_in[file] |= orgs_listed
    keys_of: dict[tuple[str, str], str] = {}
    by_word = _by_first_word(orgs)
    for article in corpus.articles.values():
        pack = pools.packs[article.file]
        listed_here = listed_in.get(article.file, _NONE)
        # an article names few of the corpus's organisations: look for those in each of its sentences
        present = _named_in(article.sentences, by_word)
        for sentence in article.sentences:
            text = sentence.text
            beside = {org for org in present if org in text and _names(text, org)} if present else set()
            beside |= listing.get((article.file, sentence.index), _NONE)
            if listed_here and not listed_here <= beside and _speaks_of_membership(text, pack):
                beside |= listed_here  # "Timor Leste diterima sebagai anggota kesebelas"
            if not listed_here and not beside:
                continue
            mentions = find_countries(text, pack)  # cached: extraction read the sentence with this pack
            if listed_here and len(mentions) >= _A_LIST:
                # another list of countries where an article lists members ("Kursi tetap … dipegang lima negara,
                # yaitu Amerika Serikat, Inggris, …") may be more of them in words no extractor read
                beside |= listed_here
            if not beside:
                continue
            keys = set()
            for mention in mentions:
                key = keys_of.get((pack.code, mention.canonical))
                if key is None:
                    key = keys_of[(pack.code, mention.canonical)] = country_key(mention.canonical, pack, pools)
                keys.add(key)
            for org in beside:
                pools.near[org] |= keys

