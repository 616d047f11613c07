"""Progress pages."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import login_required

bp = Blueprint("reports", __name__, url_prefix="/progress")


@bp.get("/")
@login_required
def progress() -> str:
    """Show the student's progress."""
    return render_template("placeholder.html", heading="Progress")
