"""The quality gate every card passes before anyone studies it."""

from __future__ import annotations

from dataclasses import dataclass

from question_bank.lang import LanguagePack
from question_bank.model import Card
from question_bank.text import fold

MIN_OPTIONS = 3


@dataclass(frozen=True)
class Rejection:
    """Why a card was turned away."""

    card_id: str
    reason: str


def check_card(card: Card, pack: LanguagePack) -> Rejection | None:
    """Return why a card may not be served, or None if it passes the gate."""
    folded = [fold(o) for o in card.options]
    if len(set(folded)) != len(folded) or not all(folded):
        return Rejection(card.id, "duplicated or empty options")
    if len(card.options) < MIN_OPTIONS:
        return Rejection(card.id, f"only {len(card.options)} options")
    if not 0 <= card.answer < len(card.options):
        return Rejection(card.id, "answer index out of range")
    answer = folded[card.answer]
    # fold() leaves words separated by single spaces, so padding both sides finds whole words only
    if not card.fact.get("negated") and f" {answer} " in f" {fold(card.question)} ":
        return Rejection(card.id, "the answer is given away in the question")
    if not card.sources:
        return Rejection(card.id, "no source sentence")
    for source in card.sources:
        lowered = source.sentence.lower()
        if lowered.startswith(pack.furniture_prefixes) or lowered in pack.furniture_lines:
            return Rejection(card.id, f"source sentence is page furniture: {source.sentence[:40]!r}")
    return None
