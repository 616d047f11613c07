"""Turn a merged corpus into multiple-choice cards, one builder per fact kind."""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from question_bank.cards.quality import check_card
from question_bank.cards.values import (
    format_date,
    format_number,
    format_stated,
    nearby_dates,
    nearby_numbers,
    nearby_stated,
)
from question_bank.lang import LanguagePack
from question_bank.merge import Corpus
from question_bank.model import Card, MergedFact, Source
from question_bank.text import fold

#: Options per card: the answer and three wrong ones; three in all where the pool is truly small.
OPTIONS = 4
MIN_OPTIONS = 3
#: A fact a large corpus states a thousand times is shown with its first few sources, not all of them.
MAX_SOURCES = 8
#: A quotation longer than this is cut in the question; the whole one stays in the source.
MAX_QUOTE_WORDS = 40


@dataclass
class _Pools:
    """What the corpus offers as wrong options, computed once."""

    members: dict[str, set[str]]
    formers: dict[str, set[str]]
    holders: dict[str, set[str]]
    dates_by_subject: dict[str, set[str]]
    dates_by_sentence: dict[tuple[str, int], set[str]]
    numbers_by_noun: dict[str, set[float]]
    #: (family-name key, full name) of every person, sorted once so each card samples without a scan
    people: list[tuple[str, str]]
    #: organisation -> its undisputed member facts, for the "which is NOT a member" card
    member_facts: dict[str, list[MergedFact]]


def generate_cards(corpus: Corpus, pack: LanguagePack, include_disputed: bool = False) -> list[Card]:
    """Build every card the corpus supports, passing each through the quality gate."""
    pools = _pools(corpus)
    cards: list[Card] = []
    for fact in corpus.facts:
        if fact.disputed and not include_disputed:
            continue  # an unattributed question would assert one article's claim as the truth
        for card in BUILDERS[fact.kind](fact, corpus, pools, pack):
            if check_card(card, pack) is None:
                cards.append(card)
    cards.extend(c for c in _negated_member_cards(corpus, pools, pack) if check_card(c, pack) is None)
    unique = {card.id: card for card in cards}
    return list(unique.values())


def _pools(corpus: Corpus) -> _Pools:
    members: dict[str, set[str]] = defaultdict(set)
    formers: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, set[str]] = defaultdict(set)
    dated: dict[tuple[str, int], set[str]] = defaultdict(set)
    numbers: dict[str, set[float]] = defaultdict(set)
    member_facts: dict[str, list[MergedFact]] = defaultdict(list)
    for fact in corpus.facts:
        if fact.kind == "member":
            members[fact.subject_key].add(fact.value)
            if not fact.disputed:
                member_facts[fact.subject_key].append(fact)
        elif fact.kind == "former_member":
            formers[fact.subject_key].add(fact.value)
        elif fact.kind == "role":
            holders[fact.subject_key].add(fact.value_key)
        elif fact.kind == "date":
            dates[fact.subject_key].add(fact.value_key)
            for statement in fact.statements:
                dated[(statement.sentence.file, statement.sentence.index)].add(fact.value_key)
        elif fact.kind == "number":
            for statement in fact.statements:
                numbers[statement.detail["noun"].split()[0]].add(statement.detail["number"])
    return _Pools(members, formers, holders, dates, dated, numbers, sorted(corpus.people.items()), member_facts)


def _rng(card_id: str) -> random.Random:
    """Seed option choice and order from the card's id, so the same input gives the same card."""
    return random.Random(int(card_id[:16], 16))


def card_id(kind: str, subject_key: str, value_key: str, negated: bool = False) -> str:
    """Derive a card's stable id from what it asks, never from position or time."""
    text = "\x1f".join((kind, fold(subject_key), fold(value_key), "not" if negated else ""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _sources(fact: MergedFact, corpus: Corpus) -> tuple[Source, ...]:
    """Name the sentences that state the fact: the first MAX_SOURCES of them, in corpus order."""
    seen: dict[tuple[str, str], Source] = {}
    for statement in fact.statements:
        s = statement.sentence
        seen.setdefault((s.file, s.text), Source(s.file, s.text, corpus.article(s.file).outlet))
        if len(seen) == MAX_SOURCES:
            break
    return tuple(seen.values())


def _assemble(kind: str, cid: str, question: str, answer: str, wrong: list[str], fact: dict,
              sources: tuple[Source, ...], explanation: str, pack: LanguagePack, rng: random.Random) -> Card | None:
    """Shuffle the answer in among the wrong options (with the card's own generator) and build the card."""
    picked: list[str] = []
    for option in wrong:
        if fold(option) != fold(answer) and fold(option) not in {fold(p) for p in picked}:
            picked.append(option)
        if len(picked) == OPTIONS - 1:
            break
    if len(picked) < MIN_OPTIONS - 1:
        return None
    options = [answer, *picked]
    rng.shuffle(options)
    return Card(
        id=cid, kind=kind, language=pack.code, question=question, options=tuple(options),
        answer=options.index(answer), fact=fact, sources=sources, explanation=explanation,
    )


def _sample_people(people: list[tuple[str, str]], excluded: set[str], rng: random.Random) -> list[str]:
    """Pick wrong options among people at random, skipping the excluded keys, in time independent of the pool."""
    if len(people) <= 4 * OPTIONS + len(excluded):
        return _shuffled([name for key, name in people if key not in excluded], rng)
    picked: dict[str, str] = {}
    # a large pool: random draws almost never hit an excluded or already-picked person, so few tries suffice
    for _ in range(20 * OPTIONS):
        key, name = people[rng.randrange(len(people))]
        if key not in excluded:
            picked.setdefault(key, name)
        if len(picked) == OPTIONS - 1:
            break
    return list(picked.values())


def _shuffled(items: set[str] | list[str], rng: random.Random) -> list[str]:
    ordered = sorted(items)
    rng.shuffle(ordered)
    return ordered


def _member_cards(fact: MergedFact, corpus: Corpus, pools: _Pools, pack: LanguagePack) -> Iterator[Card]:
    org = fact.subject
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    rng = _rng(cid)
    members, formers = pools.members[fact.subject_key], pools.formers[fact.subject_key]
    if fact.kind == "member":
        # former members are the best wrong options (they were true once); one outsider keeps cards varied
        former, outside = _shuffled(formers - members, rng), _shuffled(set(corpus.countries) - members - formers, rng)
        wrong = former[:OPTIONS - 2] + outside[:1] + former[OPTIONS - 2:] + outside[1:]
    else:
        wrong = _shuffled(members - formers, rng)
    card = _assemble(
        fact.kind, cid, pack.templates[fact.kind].format(subject=org), fact.value, wrong,
        _fact_dict(fact), _sources(fact, corpus),
        pack.templates[f"explain_{fact.kind}"].format(value=fact.value, subject=org), pack, rng=rng,
    )
    if card:
        yield card


def _negated_member_cards(corpus: Corpus, pools: _Pools, pack: LanguagePack) -> Iterator[Card]:
    """One "which is NOT a member" card per organisation, its answer a former member or an outsider."""
    for org, stated in sorted(pools.members.items()):
        formers = pools.formers[org]
        members = stated - formers  # a country also called a former member is disputed: not served either way
        outsiders = sorted(formers - stated) or sorted(set(corpus.countries) - stated - formers)
        if len(members) < OPTIONS - 1 or not outsiders:
            continue
        statements = pools.member_facts[org]
        cid = card_id("member", org, "", negated=True)
        rng = _rng(cid)
        answer = rng.choice(outsiders)
        wrong = _shuffled(members, rng)[:OPTIONS - 1]
        sources = tuple(dict.fromkeys(s for f in statements for s in _sources(f, corpus)))
        fact = {"subject": org, "value": answer, "negated": True}
        explanation = pack.templates["explain_member_negated"].format(
            value=answer, subject=org, others=", ".join(sorted(members)))
        card = _assemble("member", cid, pack.templates["member_negated"].format(subject=org), answer, wrong,
                         fact, sources[:3], explanation, pack, rng=rng)
        if card:
            yield card


def _role_cards(fact: MergedFact, corpus: Corpus, pools: _Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    holders = pools.holders[fact.subject_key]
    rng = _rng(cid)
    wrong = _sample_people(pools.people, holders, rng)
    card = _assemble(
        fact.kind, cid, pack.templates["role"].format(subject=fact.subject), fact.value,
        wrong, _fact_dict(fact), _sources(fact, corpus),
        pack.templates["explain_role"].format(value=fact.value, subject=fact.subject), pack, rng=rng,
    )
    if card:
        yield card


def _speaker_cards(fact: MergedFact, corpus: Corpus, pools: _Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    words = fact.subject.split()
    quote = " ".join(words[:MAX_QUOTE_WORDS]) + (" …" if len(words) > MAX_QUOTE_WORDS else "")
    rng = _rng(cid)
    wrong = _sample_people(pools.people, {fact.value_key}, rng)
    card = _assemble(
        fact.kind, cid, pack.templates["speaker"].format(subject=quote), fact.value,
        wrong, _fact_dict(fact), _sources(fact, corpus),
        pack.templates["explain_speaker"].format(value=fact.value), pack, rng=rng,
    )
    if card:
        yield card


def _date_cards(fact: MergedFact, corpus: Corpus, pools: _Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    value = fact.first.detail["date"]
    sentence = fact.first.sentence
    # another date of the same event (a disputed one) or of the same sentence could read as true
    avoid = pools.dates_by_subject[fact.subject_key] | pools.dates_by_sentence[(sentence.file, sentence.index)]
    rng = _rng(cid)
    wrong = [format_date(d, pack) for d in nearby_dates(value, rng, avoid)]
    yield from _cloze_card(fact, cid, format_date(value, pack), wrong, corpus, pack, rng)


def _number_cards(fact: MergedFact, corpus: Corpus, pools: _Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    value = fact.first.detail["number"]
    noun = fact.first.detail["noun"].split()[0]
    rng = _rng(cid)
    if "shape" in fact.first.detail:  # a quantity, percentage, ordinal, fraction or span, written as stated
        detail = fact.first.detail
        wrong = nearby_stated(detail, rng, pools.numbers_by_noun[noun], pack)
        yield from _cloze_card(fact, cid, format_stated(detail, pack), wrong, corpus, pack, rng)
        return
    wrong = [format_number(n, pack) for n in nearby_numbers(value, rng, pools.numbers_by_noun[noun])]
    org = fact.first.detail.get("member_count_of")
    if org:
        question = pack.templates["member_count"].format(subject=org)
        answer = format_number(value, pack)
        card = _assemble(fact.kind, cid, question, answer, wrong, _fact_dict(fact), _sources(fact, corpus),
                         pack.templates["explain_cloze"].format(value=answer), pack, rng=rng)
        if card:
            yield card
        return
    yield from _cloze_card(fact, cid, format_number(value, pack), wrong, corpus, pack, rng)


def _cloze_card(fact: MergedFact, cid: str, answer: str, wrong: list[str], corpus: Corpus,
                pack: LanguagePack, rng: random.Random) -> Iterator[Card]:
    """Ask for the value blanked out of the sentence that states it."""
    statement = fact.first
    start, end = statement.span or (0, 0)
    text = statement.sentence.text
    cloze = text[:start] + "___" + text[end:]
    question = pack.templates["cloze"].format(cloze=cloze)
    data = _fact_dict(fact)
    if fact.disputed:
        source = corpus.article(statement.sentence.file).source_name
        question = pack.templates["cloze_attributed"].format(source=source, cloze=cloze)
    card = _assemble(fact.kind, cid, question, answer, wrong, data, _sources(fact, corpus),
                     pack.templates["explain_cloze"].format(value=answer), pack, rng=rng)
    if card:
        yield card


def _fact_dict(fact: MergedFact) -> dict:
    data: dict = {"subject": fact.subject, "value": fact.value}
    if fact.disputed:
        data["disputed"] = True
    return data


Builder = Callable[[MergedFact, Corpus, _Pools, LanguagePack], Iterator[Card]]

#: fact kind -> the function that turns one merged fact into cards
BUILDERS: dict[str, Builder] = {
    "member": _member_cards,
    "former_member": _member_cards,
    "role": _role_cards,
    "speaker": _speaker_cards,
    "date": _date_cards,
    "number": _number_cards,
}
