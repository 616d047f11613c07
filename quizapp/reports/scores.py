"""Scores for instructors: their students' quiz attempts, answers and progress, filtered and exported (being written)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("scores", __name__, url_prefix="/scores")
