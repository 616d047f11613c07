"""The instructor's commands: `quizapp import` and the `quizapp export` group; each module adds its own."""

from __future__ import annotations

from flask.cli import AppGroup

#: `quizapp export scores …` and `quizapp export bank …` attach themselves here.
export_group = AppGroup("export", help="Export scores or the question bank to files.")
