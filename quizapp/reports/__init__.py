"""Reports: a student's progress pages (and, for instructors, score exports)."""

from __future__ import annotations

from quizapp.reports.views import bp

from quizapp.reports.scores import bp as scores_bp

__all__ = ["bp", "scores_bp"]
