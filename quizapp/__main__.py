"""Run the quizapp command as `python -m quizapp`."""

from __future__ import annotations

from quizapp.cli import main

main()
