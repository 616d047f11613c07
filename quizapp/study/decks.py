"""Deck pages: the list of decks, one deck with its counts and what to do next, and starting a quiz."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, SubmitField
from wtforms.validators import AnyOf

from quizapp.auth import quotas
from quizapp.clock import utcnow
from quizapp.models import Deck
from quizapp.services.instructor import assignments as assignment_service
from quizapp.services.study import decks as deck_service
from quizapp.services.study import holds
from quizapp.services.study import quiz as quiz_service
from quizapp.study.blueprint import bp
from quizapp.study.deck_list import deck_rows


def _to_int(value: Any) -> int | None:
    """Read a whole number from a form value; None for anything else, which the validator then reports."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class StartQuizForm(FlaskForm):
    """Start a quiz: how many questions."""

    count = SelectField(
        _l("Number of questions"),
        coerce=_to_int,
        choices=[SelectChoice(str(count)) for count in quiz_service.QUESTION_COUNTS],
        default=quiz_service.DEFAULT_QUESTION_COUNT,
        validate_choice=False,
        validators=[
            AnyOf(
                quiz_service.QUESTION_COUNTS,
                message=_l("Choose 5, 10 or 20 questions."),
            )
        ],
    )
    submit = SubmitField(_l("Start a quiz"))


@bp.get("/")
@login_required
def decks() -> str:
    """List the decks, assigned ones first with their due dates, then the one of every article and the others.

    Students do not see a deck whose questions all wait for an instructor's approval; instructors see every deck.
    """
    now = utcnow()
    overviews = deck_service.student_overviews(
        current_user.id, assignment_service.student_assignments(current_user.id), now,
        hide_unserved=not current_user.is_instructor,
    )
    return render_template(
        "study/decks.html", rows=deck_rows(overviews), default_count=quiz_service.DEFAULT_QUESTION_COUNT, now=now
    )


def _deck_or_404(slug: str) -> Deck:
    deck = deck_service.find_deck(slug)
    if deck is None:
        abort(404)
    return deck


def _render_deck(deck: Deck, form: StartQuizForm) -> str:
    (overview,) = deck_service.overviews(current_user.id, [deck], utcnow())
    unfinished = quiz_service.unfinished_quiz(current_user.id, deck.id)
    progress = None
    if unfinished is not None:
        current = quiz_service.current_item(unfinished)
        progress = (current.position if current else len(unfinished.items), len(unfinished.items))
    article_decks = [] if deck.article is not None else deck_service.article_decks()
    return render_template(
        "study/deck.html", overview=overview, form=form, unfinished=unfinished, progress=progress,
        article_decks=article_decks, suspended=holds.suspended_cards(current_user.id, deck.id),
    )


@bp.get("/decks/<slug>")
@login_required
def deck(slug: str) -> str:
    """Show a deck: its counts, the article it comes from, what to do next and a form to start a quiz."""
    return _render_deck(_deck_or_404(slug), StartQuizForm())


@bp.post("/decks/<slug>/quiz")
@login_required
@quotas.quizzes
def start_quiz(slug: str) -> ResponseReturnValue:
    """Start a quiz over the deck, then show its first question."""
    deck = _deck_or_404(slug)
    form = StartQuizForm()
    if not form.validate_on_submit():
        return _render_deck(deck, form), 400
    try:
        quiz = quiz_service.start_quiz(current_user.id, deck.id, form.count.data, now=utcnow())
    except quiz_service.EmptyDeckError:
        flash(_("This deck has no questions to ask yet."), "error")
        return redirect(url_for("study.deck", slug=deck.slug), code=303)
    return redirect(url_for("study.quiz_question", quiz_id=quiz.id), code=303)
