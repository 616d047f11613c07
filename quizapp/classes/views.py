"""Class pages (being written)."""

from __future__ import annotations

from flask import Blueprint
from flask_login import login_required

bp = Blueprint("classes", __name__, url_prefix="/classes")


@bp.get("/")
@login_required
def index() -> str:
    """List the user's classes."""
    return "classes"
