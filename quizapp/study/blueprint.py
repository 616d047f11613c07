"""The study blueprint, shared by the deck, quiz and review pages."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("study", __name__, url_prefix="/study")
