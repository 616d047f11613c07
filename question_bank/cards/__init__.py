"""Card generation: templates per fact kind, same-type distractors, a quality gate."""

from __future__ import annotations

from question_bank.cards.generate import generate_cards
from question_bank.cards.quality import Rejection, check_card

__all__ = ["Rejection", "check_card", "generate_cards"]
