"""Instructor pages: write a question, edit any question (keeping what students saw), remove one."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.auth import instructor_required, quotas
from quizapp.author.blueprint import bp
from quizapp.author.forms_editor import START_OPTIONS, CardForm, RemoveCardForm
from quizapp.db import db
from quizapp.models import Card, CardStatus, Deck
from quizapp.services.bank import editing, revisions
from quizapp.services.study.decks import find_deck, list_decks


def _render(form: CardForm, card: Card | None, status: int = 200) -> ResponseReturnValue:
    return render_template(
        "author/edit.html",
        form=form,
        card=card,
        answered=editing.students_who_answered(card.id) if card else 0,
        history=revisions.history(card) if card else [],
        remove_form=RemoveCardForm(formdata=None),
    ), status


def _chosen_deck(form: CardForm) -> Deck:
    deck = db.session.get(Deck, int(form.deck.data))
    assert deck is not None, "the form accepts only the ids of existing decks"
    return deck


def _card_page(card: Card) -> str:
    """Return where to go after saving: the card's page."""
    return url_for("author.card", card_id=card.id)


@bp.route("/new", methods=["GET", "POST"])
@instructor_required
@quotas.cards
def new_card() -> ResponseReturnValue:
    """Write a new question; ?deck=<slug> picks its deck."""
    decks = list_decks()
    if request.method == "GET":
        deck = find_deck(request.args.get("deck", ""))
        form = CardForm(decks=decks, data={
            "options": [""] * START_OPTIONS,
            "language": "id",
            "deck": str(deck.id) if deck else "",
        })
        return _render(form, None)
    form = CardForm(decks=decks)
    if form.resizing:
        form.resize()
        return _render(form, None)
    if not form.validate_on_submit():
        return _render(form, None, 400)
    card = editing.create_card(
        form.content(),
        author_id=current_user.id,
        deck=_chosen_deck(form),
        tags=form.tags.data or "",
        language=form.language.data,
        draft=form.draft,
    )
    flash(_("Question saved as a draft.") if form.draft else _("Question published."), "success")
    return redirect(_card_page(card), code=303)


@bp.route("/cards/<card_id>/edit", methods=["GET", "POST"])
@instructor_required
def edit_card(card_id: str) -> ResponseReturnValue:
    """Edit any question; a change students would see becomes a new version, and their answers keep theirs."""
    card = db.get_or_404(Card, card_id)
    decks = list_decks()
    if request.method == "GET":
        home = editing.home_deck(card)
        form = CardForm(decks=decks, data={
            "question": card.question,
            "options": card.options,
            "answer": str(card.answer_index) if card.answer_index is not None else None,
            "explanation": card.explanation,
            "deck": str(home.id) if home else "",
            "tags": card.tags,
            "language": card.language,
        })
        return _render(form, card)
    form = CardForm(decks=decks)
    if form.resizing:
        form.resize()
        return _render(form, card)
    if not form.validate_on_submit():
        return _render(form, card, 400)
    outcome = editing.update_card(
        card,
        form.content(),
        editor_id=current_user.id,
        tags=form.tags.data or "",
        language=form.language.data,
        deck=_chosen_deck(form),
        status=CardStatus.DRAFT if form.draft else CardStatus.ACTIVE,
    )
    if outcome.revision_written:
        flash(_("Question saved as version %(num)d; answers to earlier versions keep the text they were given.",
                num=card.version), "success")
    else:
        flash(_("Question saved as a draft.") if form.draft else _("Question published."), "success")
    return redirect(_card_page(card), code=303)


@bp.post("/cards/<card_id>/remove")
@instructor_required
def remove_card(card_id: str) -> ResponseReturnValue:
    """Delete a question nobody met; retire any other, keeping its answers."""
    card = db.get_or_404(Card, card_id)
    form = RemoveCardForm()
    if not form.validate_on_submit():
        flash(_("The question was not removed: the form had expired. Please try again."), "error")
        return redirect(url_for("author.edit_card", card_id=card_id), code=303)
    if editing.remove_card(card, editor_id=current_user.id) is editing.Removal.DELETED:
        flash(_("Question deleted: nobody had studied it."), "success")
        return redirect(url_for("author.index"), code=303)
    flash(_("Question retired: students are no longer asked it, and their answers to it are kept."), "success")
    return redirect(_card_page(card), code=303)
