"""Review pages."""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from quizapp.study.blueprint import bp


@bp.get("/review")
@login_required
def review() -> str:
    """Review due cards."""
    return render_template("placeholder.html", heading="Review")
