"""Views of the main blueprint: what quizapp is, and whether it is up."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template
from flask.typing import ResponseReturnValue

from quizapp.version import __version__

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    """Show what quizapp is and what is coming."""
    return render_template("main/index.html")


@bp.get("/health")
def health() -> ResponseReturnValue:
    """Report that the app is up, for load balancers and monitoring."""
    return jsonify(status="ok", version=__version__)
