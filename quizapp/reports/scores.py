"""Score exports for instructors (being written)."""

from __future__ import annotations

from quizapp.reports.views import bp as bp
