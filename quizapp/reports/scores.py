"""Scores for instructors: quiz attempts, answers and progress of their students, filtered and exported."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("scores", __name__, url_prefix="/scores")
