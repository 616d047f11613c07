"""Deck pages."""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from quizapp.study.blueprint import bp


@bp.get("/")
@login_required
def decks() -> str:
    """List the decks."""
    return render_template("placeholder.html", heading="Decks")
