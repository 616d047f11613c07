"""Instructor pages: items (being written)."""

from __future__ import annotations

from quizapp.author.blueprint import bp as bp
