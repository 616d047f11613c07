"""Instructor pages: the question bank as generated, filtered by status, kind and origin."""

from __future__ import annotations

from flask import render_template, request

from quizapp.auth import instructor_required
from quizapp.author.blueprint import bp
from quizapp.services.bank import listing as bank_view


@bp.get("/")
@instructor_required
def index() -> str:
    """List the question bank, one page at a time."""
    bank_filter = bank_view.BankFilter.parse(request.args)
    page = request.args.get("page", 1, type=int)
    return render_template(
        "author/index.html",
        cards=bank_view.list_cards(bank_filter, max(page, 1)),
        bank_filter=bank_filter,
        kinds=bank_view.card_kinds(),
        counts=bank_view.status_counts(),
    )
