"""Instructor pages: the question bank, its review, the editor, added articles, import and export, item analysis."""

from __future__ import annotations

from quizapp.author import articles as articles  # noqa: F401  each module attaches its routes to bp
from quizapp.author import bank as bank  # noqa: F401
from quizapp.author import editor as editor  # noqa: F401
from quizapp.author import items as items  # noqa: F401
from quizapp.author import transfer as transfer  # noqa: F401
from quizapp.author.blueprint import bp

__all__ = ["bp"]
