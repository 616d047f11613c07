"""Studying: decks, quizzes and spaced-repetition review."""

from __future__ import annotations

from quizapp.study import articles as articles  # noqa: F401  each module attaches its routes to bp
from quizapp.study import controls as controls  # noqa: F401
from quizapp.study import decks as decks  # noqa: F401
from quizapp.study import expired as expired  # noqa: F401
from quizapp.study import quiz as quiz  # noqa: F401
from quizapp.study import review as review  # noqa: F401
from quizapp.study.blueprint import bp

__all__ = ["bp"]
