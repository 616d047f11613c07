"""Instructor pages."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from quizapp.auth import instructor_required

bp = Blueprint("author", __name__, url_prefix="/author")


@bp.get("/")
@instructor_required
def index() -> str:
    """List the question bank."""
    return render_template("placeholder.html", heading=_("Questions"))
