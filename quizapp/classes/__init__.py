"""Classes: instructors run them and assign decks; students join them with a code."""

from __future__ import annotations

from quizapp.classes.views import bp

__all__ = ["bp"]
