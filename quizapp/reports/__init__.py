"""Reports: a student's progress pages (and, for instructors, score exports)."""

from __future__ import annotations

from quizapp.reports.scores import bp as scores_bp
from quizapp.reports.views import bp

__all__ = ["bp", "scores_bp"]
