"""quiz pages."""

from __future__ import annotations

from quizapp.study.blueprint import bp as bp
