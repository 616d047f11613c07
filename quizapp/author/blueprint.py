"""The author blueprint, shared by the instructor's question-bank pages."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("author", __name__, url_prefix="/author")
