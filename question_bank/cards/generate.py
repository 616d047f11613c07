"""Turn a merged corpus into multiple-choice cards, one builder per fact kind, each in its article's language."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from question_bank.cards.confidence import NO_DOUBT, Doubts, confidence, leans_on_context
from question_bank.cards.distractors import Picked, shuffled, wrong_countries, wrong_people
from question_bank.cards.explain import explain, others, source_name
from question_bank.cards.pools import Pools, build_pools, country_name, pack_of
from question_bank.cards.quality import check_card
from question_bank.cards.question_forms import when_question
from question_bank.cards.regions import countries_of
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
#: A member-count explanation lists the members only up to this many.
MAX_LISTED_MEMBERS = 12


def generate_cards(corpus: Corpus, include_disputed: bool = False, known_people: Iterable[str] = ()) -> list[Card]:
    """Build every card the corpus supports, each in its own article's language, passing each through the gate.

    `known_people` are names the caller knows beyond the corpus (the bank's other cards): wrong options for a
    role or speaker card where the corpus names too few people.
    """
    pools = build_pools(corpus, known_people)
    cards: list[Card] = []
    for fact in corpus.facts:
        if fact.disputed and not include_disputed:
            continue  # an unattributed question would assert one article's claim as the truth
        pack = pack_of(fact, pools)
        cards.extend(c for c in BUILDERS[fact.kind](fact, corpus, pools, pack) if check_card(c, pack) is None)
    for card, pack in _negated_member_cards(corpus, pools):
        if check_card(card, pack) is None:
            cards.append(card)
    unique = {card.id: card for card in cards}
    return list(unique.values())


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


def _articles(fact: MergedFact) -> int:
    """Count the articles that state a fact."""
    return len({statement.sentence.file for statement in fact.statements})


def _assemble(kind: str, cid: str, question: str, answer: str, wrong: Iterable[str], fact: dict,
              sources: tuple[Source, ...], explanation: str, pack: LanguagePack, rng: random.Random,
              doubts: Doubts = NO_DOUBT, articles: int = 1, outside: Picked | None = None,
              outside_doubt: str = "") -> Card | None:
    """Shuffle the answer in among the wrong options (with the card's own generator) and build the card.

    Where a wrong option shown is one of `outside`'s (from beyond the corpus), `outside_doubt` holds too.
    """
    picked: list[str] = []
    seen = {fold(answer)}
    for option in wrong:
        folded = fold(option)
        if folded not in seen:
            seen.add(folded)
            picked.append(option)
            if len(picked) == OPTIONS - 1:
                break
    if len(picked) < MIN_OPTIONS - 1:
        return None
    if outside_doubt and outside is not None and not outside.outside.isdisjoint(picked):
        doubts = replace(doubts, **{outside_doubt: True})
    options = [answer, *picked]
    rng.shuffle(options)
    return Card(
        id=cid, kind=kind, language=pack.code, question=question, options=tuple(options),
        answer=options.index(answer), fact=fact, sources=sources, explanation=explanation,
        confidence=confidence(doubts, articles, len(options)),
    )


def _member_cards(fact: MergedFact, corpus: Corpus, pools: Pools, pack: LanguagePack) -> Iterator[Card]:
    org = fact.subject
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    rng = _rng(cid)
    picked = wrong_countries(fact.kind, fact.subject_key, fact.value, pools, pack, rng)
    doubts = Doubts(single_phrase=_in_passing(fact, pools), corrected=_misspelt(fact, pack))
    # a country CLDR puts in the region may be a member the corpus never lists (where it lists them all, none
    # is), or a former member: no corpus lists every country that ever left
    unverified = fact.kind == "former_member" or fact.subject_key not in pools.complete
    card = _assemble(
        fact.kind, cid, pack.templates[fact.kind].format(subject=org), fact.value, picked.options,
        _fact_dict(fact), _sources(fact, corpus), _explain_membership(fact, pools, pack), pack, rng,
        doubts, _articles(fact), picked, "unverified_outsiders" if unverified else "",
    )
    if card:
        yield card


def _in_passing(fact: MergedFact, pools: Pools) -> bool:
    """Say whether every statement of a membership is a passing phrase, not an item of a list.

    A list states two or more memberships in one sentence ("beranggotakan A, B, dan C"), or one an item in
    neighbouring sentences (a numbered list below its lead).
    """
    for statement in fact.statements:
        counts = pools.listed[(statement.sentence.file, fact.subject_key)]
        index = statement.sentence.index
        if counts.get(index - 1, 0) + counts.get(index, 0) + counts.get(index + 1, 0) >= 2:
            return False
    return True


def _misspelt(fact: MergedFact, pack: LanguagePack) -> bool:
    """Say whether every statement of a country spells it in a way the pack does not know (read as a misspelling)."""
    table = countries_of(pack)
    return all(table.code(s.value) is None and fold(s.value) not in pack.epithets for s in fact.statements)


def _member_names(org: str, pools: Pools, pack: LanguagePack, without: str = "") -> list[str]:
    """Name the organisation's stated members that are not former members, sorted, in the pack's language."""
    names = pools.member_names.get((org, pack.code))
    if names is None:
        keys = pools.members[org] - pools.formers[org]
        names = sorted({n for n in (country_name(k, pack, pools) for k in keys) if n})
        pools.member_names[(org, pack.code)] = names
    return [n for n in names if n != without]


def _explain_membership(fact: MergedFact, pools: Pools, pack: LanguagePack) -> str:
    members = others(_member_names(fact.subject_key, pools, pack, without=fact.value), pack)
    return explain(pack, f"explain_{fact.kind}", f"explain_{fact.kind}_with",
                   value=fact.value, subject=fact.subject, others=members)


def _negated_member_cards(corpus: Corpus, pools: Pools) -> Iterator[tuple[Card, LanguagePack]]:
    """One "which is NOT a member" card per organisation, its answer a former member or a surely-not member."""
    for org, statements in sorted(pools.member_facts.items()):
        if not statements:
            continue
        pack = pack_of(statements[0], pools)
        stated, formers = pools.members[org], pools.formers[org]
        members = _member_names(org, pools, pack)  # a country also called a former member is disputed: not served
        taken = stated | formers | pools.near[org]
        outsiders = sorted(pools.countries - taken)
        if not outsiders and org in pools.complete:  # the corpus lists every member: any other country is none
            first = countries_of(pack).code(statements[0].value)
            outsiders = [k for k in countries_of(pack).neighbours(first) if k not in taken] if first else []
        candidates = sorted(formers - stated) or outsiders
        names = [n for n in (country_name(k, pack, pools) for k in candidates) if n]
        if len(members) < OPTIONS - 1 or not names:
            continue
        cid = card_id("member", org, "", negated=True)
        rng = _rng(cid)
        answer = rng.choice(names)
        wrong = shuffled(members, rng)[:OPTIONS - 1]
        sources = tuple(dict.fromkeys(s for f in statements for s in _sources(f, corpus)))
        fact = {"subject": statements[0].subject, "value": answer, "negated": True}
        explanation = pack.templates["explain_member_negated"].format(
            value=answer, subject=statements[0].subject, others=others(members, pack, MAX_LISTED_MEMBERS))
        doubts = Doubts(unverified_outsiders=not (formers - stated) and org not in pools.complete)
        card = _assemble("member", cid, pack.templates["member_negated"].format(subject=statements[0].subject),
                         answer, wrong, fact, sources[:3], explanation, pack, rng, doubts)
        if card:
            yield card, pack


def _role_cards(fact: MergedFact, corpus: Corpus, pools: Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    rng = _rng(cid)
    picked = wrong_people(fact.first.sentence.file, pools.holders[fact.subject_key], pools, rng)
    doubts = Doubts(qualified_elsewhere=not any(s.detail.get("qualified") for s in fact.statements))
    explanation = explain(pack, "explain_role", "explain_role_source", value=fact.value, subject=fact.subject,
                          source=source_name(fact, corpus))
    card = _assemble(
        fact.kind, cid, pack.templates["role"].format(subject=fact.subject), fact.value, picked.options,
        _fact_dict(fact), _sources(fact, corpus), explanation, pack, rng, doubts, _articles(fact),
        picked, "outside_people",
    )
    if card:
        yield card


def _speaker_cards(fact: MergedFact, corpus: Corpus, pools: Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    words = fact.subject.split()
    quote = " ".join(words[:MAX_QUOTE_WORDS]) + (" …" if len(words) > MAX_QUOTE_WORDS else "")
    rng = _rng(cid)
    # another article may credit the same words to someone else: never a wrong option either
    picked = wrong_people(fact.first.sentence.file, {fact.value_key} | pools.speakers[fact.subject_key], pools, rng)
    # "…," katanya: the name stands in an earlier sentence, found by following the article
    continued = all(fact.value_key not in fold(s.sentence.text).split() for s in fact.statements)
    doubts = Doubts(continued_speaker=continued, cut_quote=len(words) > MAX_QUOTE_WORDS)
    office = pools.offices.get((pack.code, fact.value_key))  # an office named in another language reads oddly
    explanation = explain(pack, "explain_speaker", "explain_speaker_office" if office else "explain_speaker_source",
                          value=fact.value, office=office, source=source_name(fact, corpus))
    card = _assemble(
        fact.kind, cid, pack.templates["speaker"].format(subject=quote), fact.value, picked.options,
        _fact_dict(fact), _sources(fact, corpus), explanation, pack, rng, doubts, _articles(fact),
        picked, "outside_people",
    )
    if card:
        yield card


def _date_cards(fact: MergedFact, corpus: Corpus, pools: Pools, pack: LanguagePack) -> Iterator[Card]:
    cid = card_id(fact.kind, fact.subject_key, fact.value_key)
    value = fact.first.detail["date"]
    sentence = fact.first.sentence
    # another date of the same event (a disputed one) or of the same sentence could read as true
    avoid = pools.dates_by_subject[fact.subject_key] | pools.dates_by_sentence[(sentence.file, sentence.index)]
    rng = _rng(cid)
    near = nearby_dates(value, rng, avoid, pools.latest_date.get(sentence.file))
    wrong = [format_date(d, pack) for d in near]
    yield from _cloze_card(fact, cid, format_date(value, pack), wrong, corpus, pack, rng)


def _number_cards(fact: MergedFact, corpus: Corpus, pools: Pools, pack: LanguagePack) -> Iterator[Card]:
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
        members = _member_names(org, pools, pack) if org in pools.complete else []
        listed = others(members, pack, MAX_LISTED_MEMBERS) if len(members) <= MAX_LISTED_MEMBERS else None
        explanation = explain(pack, "explain_cloze", "explain_member_count", value=format_number(value, pack),
                              subject=org, others=listed)
        card = _assemble(fact.kind, cid, question, format_number(value, pack), wrong, _fact_dict(fact),
                         _sources(fact, corpus), explanation, pack, rng, articles=_articles(fact))
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
    if fact.kind == "date":
        question = when_question(text, (start, end), pack) or question
    data = _fact_dict(fact)
    if fact.disputed:
        source = corpus.article(statement.sentence.file).source_name
        question = pack.templates["cloze_attributed"].format(source=source, cloze=cloze)
    explanation = explain(pack, "explain_cloze", "explain_cloze_source", value=answer,
                          source=source_name(fact, corpus))
    doubts = Doubts(leans_on_context=leans_on_context(text, pack))
    card = _assemble(fact.kind, cid, question, answer, wrong, data, _sources(fact, corpus), explanation, pack, rng,
                     doubts, _articles(fact))
    if card:
        yield card


def _fact_dict(fact: MergedFact) -> dict:
    data: dict = {"subject": fact.subject, "value": fact.value}
    if fact.disputed:
        data["disputed"] = True
    return data


Builder = Callable[[MergedFact, Corpus, Pools, LanguagePack], Iterator[Card]]

#: fact kind -> the function that turns one merged fact into cards
BUILDERS: dict[str, Builder] = {
    "member": _member_cards,
    "former_member": _member_cards,
    "role": _role_cards,
    "speaker": _speaker_cards,
    "date": _date_cards,
    "number": _number_cards,
}
