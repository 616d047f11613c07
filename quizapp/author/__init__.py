"""Instructor pages: the question bank and its review."""

from __future__ import annotations

from quizapp.author.views import bp

__all__ = ["bp"]
