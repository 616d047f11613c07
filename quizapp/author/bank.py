"""Instructor pages: the question bank, filtered and searched; one card in full; decisions one by one or in bulk;
the disputed facts side by side."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from quizapp import labels
from quizapp.auth import instructor_required
from quizapp.auth.redirects import local_path
from quizapp.author.blueprint import bp
from quizapp.author.forms_bank import BulkReviewForm, DecisionForm, DisputeForm
from quizapp.db import db
from quizapp.models import Card, CardOrigin, CardStatus
from quizapp.services.bank import disputes as dispute_service
from quizapp.services.bank import listing
from quizapp.services.bank import review as review_service
from quizapp.urls import page_number

_LABELS = {"kind_label": labels.kind_label, "status_label": labels.status_label, "origin_label": labels.origin_label}


@bp.get("/")
@instructor_required
def index() -> str:
    """List the question bank, filtered and searched, one page at a time, newest change first."""
    return _render_index(request.args, BulkReviewForm())


@bp.post("/bulk")
@instructor_required
def bulk() -> ResponseReturnValue:
    """Approve or retire the ticked questions, then go back to the same filtered page."""
    form = BulkReviewForm()
    back = local_path(form.next.data, url_for("author.index"))
    if not form.validate_on_submit():
        return _render_index(MultiDict(parse_qsl(urlsplit(back).query)), form), 400
    decide = review_service.approve if form.approve.data else review_service.retire
    _flash_outcome(decide(form.card_ids.data or [], current_user.id))
    return redirect(back, 303)


@bp.get("/cards/<card_id>")
@instructor_required
def card(card_id: str) -> str:
    """Show one card in full: its fact, every source, choices, decks, status, review and use."""
    card = db.get_or_404(Card, card_id)
    previous_draft, next_draft = listing.neighbour_drafts(card.id)
    return render_template(
        "author/card.html",
        card=card,
        use=listing.card_use(card.id),
        reviewer=listing.reviewer(card),
        previous_draft=previous_draft,
        next_draft=next_draft,
        form=DecisionForm(),
        can_edit="author.edit_card" in current_app.view_functions,
        **_LABELS,
    )


@bp.post("/cards/<card_id>/approve")
@instructor_required
def approve(card_id: str) -> ResponseReturnValue:
    """Approve one card: it is served to students."""
    return _decide_one(card_id, review_service.approve)


@bp.post("/cards/<card_id>/retire")
@instructor_required
def retire(card_id: str) -> ResponseReturnValue:
    """Retire one card: kept with its history, no longer served."""
    return _decide_one(card_id, review_service.retire)


@bp.get("/disputes")
@instructor_required
def disputes() -> str:
    """Show each fact the articles disagree on, its values and their sources side by side."""
    return _render_disputes()


@bp.post("/disputes/teach")
@instructor_required
def teach_value() -> ResponseReturnValue:
    """Teach the chosen value without naming its source; retire the other values' cards."""
    return _settle(
        lambda card_id: dispute_service.teach_value(card_id, current_user.id),
        lambda done: ngettext(
            "Now teaching %(value)s without naming a source; %(num)d other question retired.",
            "Now teaching %(value)s without naming a source; %(num)d other questions retired.",
            done.retired, value=done.taught or "",
        ),
    )


@bp.post("/disputes/keep")
@instructor_required
def keep_attributed() -> ResponseReturnValue:
    """Serve every value, each question naming its source."""
    return _settle(
        lambda card_id: dispute_service.keep_attributed(card_id, current_user.id),
        lambda done: _("Every value is served, each question naming its source (%(num)d questions).",
                       num=len(done.group.cards)),
    )


@bp.post("/disputes/reopen")
@instructor_required
def reopen_dispute() -> ResponseReturnValue:
    """Undo a settled dispute: its cards become drafts again."""
    return _settle(
        dispute_service.reopen,
        lambda done: _("Reopened: the %(num)d questions of this fact are drafts again.", num=len(done.group.cards)),
    )


# --- helpers --------------------------------------------------------------------------------------------


def _render_index(args: MultiDict[str, str], bulk_form: BulkReviewForm) -> str:
    choices = listing.filter_choices(current_user.id)  # read once: the filter checks them, the page lists them
    bank_filter = listing.BankFilter.parse(args, current_user.id, choices)
    cards = listing.list_cards(bank_filter, args.get("page", 1, type=page_number))
    filter_args = bank_filter.args()

    def page_url(page: int) -> str:
        return url_for("author.index", page=page, **filter_args)

    bulk_form.next.data = page_url(cards.page) if cards.page > 1 else url_for("author.index", **filter_args)
    return render_template(
        "author/index.html",
        cards=cards,
        bank_filter=bank_filter,
        bulk_form=bulk_form,
        page_url=page_url,
        filter_url=lambda **changes: url_for("author.index", **{**filter_args, **changes}),
        counts=listing.status_counts(bank_filter),
        drafts=listing.status_counts()[CardStatus.DRAFT],
        unsettled=listing.unsettled_disputes(),
        classes=choices.classes,
        decks=choices.decks,
        kinds=choices.kinds,
        statuses=list(CardStatus),
        origins=list(CardOrigin),
        **_LABELS,
    )


def _flash_outcome(outcome: review_service.ReviewOutcome) -> None:
    """Say what a decision did, and name the ids it could not apply to."""
    count = len(outcome.changed)
    if outcome.status == CardStatus.ACTIVE:
        flash(ngettext("Approved %(num)d question.", "Approved %(num)d questions.", count), "success")
        already = ngettext("%(num)d was already active.", "%(num)d were already active.", len(outcome.unchanged))
    else:
        flash(ngettext("Retired %(num)d question.", "Retired %(num)d questions.", count), "success")
        already = ngettext("%(num)d was already retired.", "%(num)d were already retired.", len(outcome.unchanged))
    if outcome.unchanged:
        flash(already, "info")
    if outcome.missing:
        flash(_("No question has the id %(ids)s.", ids=", ".join(outcome.missing)), "error")
    if outcome.refused:
        flash(_("Not approved, as it has no single right answer: %(ids)s.", ids=", ".join(outcome.refused)), "error")


def _decide_one(card_id: str, decide: Callable[[list[str], int], review_service.ReviewOutcome]) -> ResponseReturnValue:
    card = db.get_or_404(Card, card_id)
    form = DecisionForm()
    back = local_path(form.next.data, url_for("author.card", card_id=card.id))
    if not form.validate_on_submit():
        flash(_("The form has expired; please try again."), "error")
        return redirect(url_for("author.card", card_id=card.id), 303)
    _flash_outcome(decide([card.id], current_user.id))
    return redirect(back, 303)


def _render_disputes(form: DisputeForm | None = None) -> str:
    return render_template(
        "author/disputes.html", groups=dispute_service.list_disputes(), form=form or DisputeForm(),
        states=dispute_service.DisputeState, **_LABELS,
    )


def _settle(
    resolve: Callable[[str], dispute_service.Settlement], message: Callable[[dispute_service.Settlement], str]
) -> ResponseReturnValue:
    form = DisputeForm()
    if form.validate_on_submit():
        try:
            settlement = resolve(form.card_id.data)
        except dispute_service.DisputeNotFound:
            form.card_id.errors = [_("No disputed fact has this question.")]
        else:
            flash(message(settlement), "success")
            return redirect(url_for("author.disputes"), 303)
    return _render_disputes(form), 400
