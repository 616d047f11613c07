"""Reports: a student's progress pages (and, for instructors, score exports)."""

from __future__ import annotations

from quizapp.reports import scores as scores  # noqa: F401  attaches its routes to bp
from quizapp.reports.views import bp

__all__ = ["bp"]
