"""Views of the main blueprint: what quizapp is, and whether it is up."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.auth.redirects import local_path
from quizapp.db import db
from quizapp.i18n import LANGUAGES
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


@bp.post("/language")
def set_language() -> ResponseReturnValue:
    """Remember the UI language chosen in the switch, then go back to the page it was chosen on."""
    lang = request.form.get("lang", "")
    if lang in LANGUAGES:
        session["lang"] = lang
        if current_user.is_authenticated:
            current_user.locale = lang
            db.session.commit()
    return redirect(local_path(request.form.get("next"), url_for("main.index")))
