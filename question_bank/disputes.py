"""Disputed facts: which cards ask the values articles disagree on, and their questions with or without a source."""

from __future__ import annotations

import re
import string
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from question_bank.cards.generate import card_id
from question_bank.lang import get_pack
from question_bank.merge import dispute_key
from question_bank.model import Article, MergedFact
from question_bank.pipeline import build_corpus

#: Each template that names its source ("Menurut {source}, …"), and the one asking the same without it.
_ATTRIBUTED_TEMPLATES = {"cloze_attributed": "cloze"}


@dataclass(frozen=True)
class Dispute:
    """One fact the articles disagree on: its kind, its canonical subject and the card of each value stated."""

    kind: str
    subject_key: str
    #: the id of the card each disputed value would get, in corpus order
    card_ids: tuple[str, ...]


def find_disputes(articles: Sequence[Article]) -> tuple[Dispute, ...]:
    """Return every fact the articles disagree on, with the ids of the cards that ask each value."""
    if not articles:
        return ()
    groups: dict[tuple[str, ...], list[MergedFact]] = defaultdict(list)
    for fact in build_corpus(articles).facts:
        if fact.disputed:
            groups[dispute_key(fact.kind, fact.subject_key, fact.value_key)].append(fact)
    return tuple(
        Dispute(
            kind=facts[0].kind,
            subject_key=facts[0].subject_key,
            card_ids=tuple(card_id(f.kind, f.subject_key, f.value_key) for f in facts),
        )
        for facts in groups.values()
    )


def unattributed_question(question: str, language: str) -> str | None:
    """Return the question asked without naming its source, or None if it names none (or was reworded)."""
    templates = get_pack(language).templates
    for attributed, plain in _ATTRIBUTED_TEMPLATES.items():
        match = _pattern(templates[attributed]).fullmatch(question)
        if match:
            fields = {name: value for name, value in match.groupdict().items() if name != "source"}
            return templates[plain].format(**fields)
    return None


def attributed_question(question: str, source: str, language: str) -> str | None:
    """Return the question naming source as the generator asks it, or None if it is not a question it attributes."""
    templates = get_pack(language).templates
    for attributed, plain in _ATTRIBUTED_TEMPLATES.items():
        match = _pattern(templates[plain]).fullmatch(question)
        if match:
            return templates[attributed].format(source=source, **match.groupdict())
    return None


@lru_cache(maxsize=32)
def _pattern(template: str) -> re.Pattern[str]:
    """Turn a str.format template into a pattern that reads its fields back out of a question."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field:
            parts.append(f"(?P<{field}>.+?)")
    return re.compile("".join(parts), re.DOTALL)
