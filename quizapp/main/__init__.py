"""The home page and the health check."""

from __future__ import annotations

from quizapp.main.views import bp

__all__ = ["bp"]
