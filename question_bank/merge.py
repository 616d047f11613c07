"""Corpus merge: canonical entities, one fact with many sources, and disputes between articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from question_bank.model import Article, Fact, MergedFact
from question_bank.text import fold

#: Kinds whose value for one subject should agree across articles; disagreement marks a dispute.
_SINGLE_VALUED = ("date", "number")
#: Kinds that say whether a country is in an organisation: "member" and "former" of one country disagree.
_MEMBERSHIP = ("member", "former_member")


@dataclass(frozen=True)
class Corpus:
    """What the corpus says: merged facts, and the people and countries it names (distractor pools)."""

    articles: dict[str, Article]
    facts: tuple[MergedFact, ...]
    people: dict[str, str]
    countries: tuple[str, ...]

    def article(self, file: str) -> Article:
        """Return the article a file name refers to."""
        return self.articles[file]


def merge_facts(articles: Sequence[Article], facts: Iterable[Fact], countries: Iterable[str] = ()) -> Corpus:
    """Merge the facts of every article into one corpus, resolving names and marking disputes.

    `countries` are the countries the articles name anywhere: wrong options for membership cards.
    """
    facts = list(facts)
    people = _people(facts)
    qualified: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "role" and fact.detail.get("qualified"):
            qualified[fact.value_key].append(fact)
    resolved = [f for f in (_resolve(f, qualified, people) for f in facts) if f is not None]
    groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in resolved:
        groups[(fact.kind, fact.subject_key, fact.value_key)].append(fact)
    disputed = _disputes(groups)
    merged = []
    for key, statements in groups.items():
        statements.sort(key=lambda f: (f.sentence.file, f.sentence.index, f.span or (0, 0)))
        first = statements[0]
        merged.append(MergedFact(
            kind=first.kind,
            subject=first.subject,
            value=first.detail.get("display", first.value),
            subject_key=first.subject_key,
            value_key=first.value_key,
            statements=tuple(statements),
            disputed=key in disputed,
        ))
    merged.sort(key=lambda m: (m.first.sentence.file, m.first.sentence.index, m.kind, m.value_key))
    named = {f.detail["display"] for f in resolved if f.kind in ("member", "former_member")} | set(countries)
    return Corpus(
        articles={a.file: a for a in articles},
        facts=tuple(merged),
        people=people,
        countries=tuple(sorted(named)),
    )


def _people(facts: list[Fact]) -> dict[str, str]:
    """Map each person's family name to the fullest name an office or a quotation gives them."""
    people: dict[str, str] = {}
    for fact in facts:
        # a bare office ("Direktur Pusat Studi …") may have read a phrase as a name; only qualified ones count
        if fact.kind == "speaker" or fact.kind == "role" and fact.detail.get("qualified"):
            key = fact.value_key
            if len(fact.value) > len(people.get(key, "")):
                people[key] = fact.value
    return people


def _resolve(fact: Fact, qualified: dict[str, list[Fact]], people: dict[str, str]) -> Fact | None:
    """Give a fact its canonical names; drop a bare office ("Presiden") no article qualifies."""
    if fact.kind == "speaker":
        return replace(fact, detail={**fact.detail, "display": people.get(fact.value_key, fact.value)})
    if fact.kind != "role":
        return fact
    display = people.get(fact.value_key, fact.value)
    if fact.detail.get("qualified"):
        return replace(fact, detail={**fact.detail, "display": display})
    title = fold(fact.detail["title"])
    for other in qualified.get(fact.value_key, ()):
        if other.subject_key.startswith(title):
            return replace(fact, subject=other.subject, subject_key=other.subject_key,
                           detail={**fact.detail, "display": display})
    return None


def dispute_key(kind: str, subject_key: str, value_key: str) -> tuple[str, ...]:
    """Return what the statements of one fact share: two facts with one key and different values disagree."""
    if kind in _SINGLE_VALUED:
        return (kind, subject_key)
    if kind in _MEMBERSHIP:
        return ("membership", subject_key, value_key)
    return (kind, subject_key, value_key)


def _disputes(groups: dict[tuple[str, str, str], list[Fact]]) -> set[tuple[str, str, str]]:
    """Find the facts whose subject two articles give different values, or a member also called former."""
    by_fact: dict[tuple[str, ...], list[tuple[str, str, str]]] = defaultdict(list)
    for key in groups:
        by_fact[dispute_key(*key)].append(key)
    return {key for keys in by_fact.values() if len(keys) > 1 for key in keys}
