"""Review pages: spaced repetition of due and new cards, by multiple choice, by typing the answer or as flashcards.

The logic is in quizapp.services.study.review; these views read the request, call it and redirect
(post/redirect/get), so reloading a page never sends an answer again. Time comes from
quizapp.clock.utcnow(), which tests fix through app.config["QUIZAPP_CLOCK"].
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    get_template_attribute,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from quizapp.clock import utcnow
from quizapp.days import StudentDay
from quizapp.models import Deck
from quizapp.services.bank import revisions
from quizapp.services.study import answering, rating, scheduling, tokens, typed, undo
from quizapp.services.study import review as service
from quizapp.services.study.review import Mode, Problem, ReviewError
from quizapp.study.blueprint import bp
from quizapp.study.showing import first_shown


def _problem_message(problem: Problem) -> str:
    messages = {
        Problem.UNKNOWN_CARD: _("That question does not exist. Here is the next one."),
        Problem.RETIRED_CARD: _("That question has been withdrawn, so your answer was not counted."),
        Problem.NOT_IN_DECK: _("That question is not in this deck, so your answer was not counted."),
        Problem.BAD_TOKEN: _("The question form was incomplete or changed, so nothing was counted. "
                             "Please answer again."),
        Problem.EXPIRED_TOKEN: _("That question was shown too long ago, so nothing was counted. "
                                 "Please answer it again."),
        Problem.BAD_CHOICE: _("Please choose one of the options."),
        Problem.BAD_RATING: _("Please rate the card with Again, Hard, Good or Easy."),
    }
    return messages[problem]


def rating_name(rating: int) -> str:
    """Name a rating in the page's language."""
    return {1: _("Again"), 2: _("Hard"), 3: _("Good"), 4: _("Easy")}[int(rating)]


def _review_url(deck: Deck | None, mode: Mode) -> str:
    """Return the address of the next card, keeping the deck and the mode."""
    args: dict[str, Any] = {}
    if deck is not None:
        args["deck"] = deck.slug
    if mode is not Mode.CHOICE:
        args["mode"] = mode.value
    return url_for("study.review", **args)


def _render(template: str, **context: Any) -> str:
    """Render a review page, with the scoring rule every review page explains and the switch between modes."""
    user, locale = current_user._get_current_object(), str(get_locale())
    rule = _fragment(_scoring_note)(locale, user.daily_new_limit, user.daily_review_limit, StudentDay.of(user))
    modes = None
    if "mode" in context:
        deck = context.get("deck")
        modes = _fragment(_review_modes)(
            locale, request.script_root, deck.slug if deck is not None else None, Mode(context["mode"])
        )
    return render_template(template, scoring_note=rule, review_modes=modes, **context)


def _fragment(rendered_once: Callable[..., Markup]) -> Callable[..., Markup]:
    """Return a fragment renderer kept per key, or rendering afresh while templates reload (they are being edited)."""
    return rendered_once.__wrapped__ if current_app.jinja_env.auto_reload else rendered_once  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=256)
def _scoring_note(locale: str, new_limit: int, review_limit: int, day: StudentDay) -> Markup:
    """Render the note on how answers are scored, in the request's language (locale) for a student's settings.

    The note is the same on every review page of the student, and its nine sentences cost a good share of the
    page: it is rendered once for each language and settings (unless templates reload, while they are edited).
    """
    rule = {
        "hard_s": rating.hard_min_ms(rating.REFERENCE_OPTIONS) // 1000,
        "away_min": int(service.AWAY_AFTER.total_seconds() // 60),
        "typed_easy_s": typed.TYPED_EASY_BASE_MS // 1000,
        "typed_char_s": format_decimal(typed.TYPING_MS_PER_CHAR / 1000),
        "new_limit": new_limit,
        "review_limit": review_limit,
        "day": day,
    }
    return Markup(get_template_attribute("study/review_parts.html", "scoring_note")(rule))


@functools.lru_cache(maxsize=1024)
def _review_modes(locale: str, root: str, slug: str | None, mode: Mode) -> Markup:
    """Render the switch between review modes of a deck (slug; None for every deck) in a language (locale).

    Its three links and four phrases are the same on every review page in the deck, mode and language: rendered
    once for each (root, where the site is served, is in the key for its links), unless templates reload.
    """
    return Markup(get_template_attribute("study/review_parts.html", "review_modes")(slug, mode.value))


class _BadQuery(Exception):
    """A deck or mode in the query string or form that does not exist."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _read_deck_and_mode(values: Any) -> tuple[Deck | None, Mode]:
    """Read the deck slug and mode from request args or form; raise _BadQuery for unknown ones."""
    slug = values.get("deck", "").strip()
    deck = service.find_deck(slug) if slug else None
    if slug and deck is None:
        raise _BadQuery(_("There is no deck “%(slug)s”; showing cards from every deck.", slug=slug))
    try:
        mode = Mode(values.get("mode") or Mode.CHOICE)
    except ValueError:
        raise _BadQuery(_("Unknown review mode; showing multiple choice.")) from None
    return deck, mode


def _no_store(html: str, status: int = 200) -> ResponseReturnValue:
    # A question page must not come back from the browser cache with an old token after the back button.
    response = make_response(html, status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/review")
@login_required
def review() -> ResponseReturnValue:
    """Show the next card to review, or say when the next one is due."""
    try:
        deck, mode = _read_deck_and_mode(request.args)
    except _BadQuery as error:
        flash(error.message, "error")
        return redirect(url_for("study.review"))
    now, user = utcnow(), current_user._get_current_object()  # the user, not the proxy looked up at each use
    deck_id = deck.id if deck is not None else None
    status = service.queue_status(user, deck_id, now)
    item = service.next_card(user, deck_id, now, status, first=request.args.get("again") or None)
    context = {"deck": deck, "mode": mode, "status": status, "undoable": undo.last_rating(user, now, status)}
    if item is None:
        return _render("study/review_done.html", now=now, **context)
    token = _present(item, mode, now)
    return _no_store(_render("study/review.html", item=item, card=item.card, token=token, **context))


def shown_key(mode: Mode, card_id: str, last_review: datetime | None) -> str:
    """Name the first showing of a review question in the session (see quizapp.study.showing)."""
    return f"review:{mode.value}:{card_id}:{last_review.isoformat() if last_review else 'new'}"


def _present(item: service.ReviewItem, mode: Mode, now: datetime) -> str:
    """Return the token to show the item with, signed with when it was first shown (a reload keeps it)."""
    last_review = item.state.last_review if item.state is not None else None
    shown_at = first_shown(shown_key(mode, item.card.id, last_review), now)
    return tokens.sign(tokens.Presented(current_user.id, item.card.id, mode, last_review, shown_at))


def resend_answer(values: Any) -> ResponseReturnValue:
    """Show the question an answer was sent for again, its choice preselected (or its text typed), to send again.

    The answer's page was open so long that its form expired; the question keeps the token it was shown with
    (its time and its place in the schedule). A question whose token no longer holds goes as any bad answer.
    """
    try:
        deck, mode = _read_deck_and_mode(values)
    except _BadQuery as error:
        flash(error.message, "error")
        return redirect(url_for("study.review"), code=303)
    mode = Mode.TYPED if mode is Mode.TYPED else Mode.CHOICE
    back = _review_url(deck, mode)
    card_id, token, now = values.get("card_id", ""), values.get("token", ""), utcnow()
    try:
        card = service.card_for_review(card_id, deck.id if deck else None)
        presented = tokens.read_token(token, user_id=current_user.id, card_id=card.id, mode=mode, now=now)
    except ReviewError as error:
        flash(_problem_message(error.problem), "error")
        return redirect(back, code=303)
    state = service.state_of(current_user.id, card.id)
    if not service.is_current(state, presented):
        flash(_("You had already answered this question; only your first answer counts."), "info")
        return redirect(back, code=303)
    choice = values.get("choice", "")
    if mode is Mode.TYPED:
        flash(_("This page was open too long, so your answer was not sent yet. "
                "What you typed is still there: send it again."), "info")
    else:
        flash(_("This page was open too long, so your answer was not sent yet. "
                "Your choice is marked: press it again to send it."), "info")
    status = service.queue_status(current_user, deck.id if deck else None, now)
    return _no_store(_render(
        "study/review.html", item=service.ReviewItem.of(card, state), card=card, token=token, deck=deck,
        mode=mode, status=status, chosen=int(choice) if choice.isdigit() and len(choice) <= 3 else None,
        typed_text=values.get("typed", "")[: typed.MAX_TYPED_CHARS],
    ), 400)


@bp.post("/review/answer")
@login_required
def review_answer() -> ResponseReturnValue:
    """Check a multiple-choice answer, count it once, then show its feedback."""
    return _to_feedback(*_apply(Mode.CHOICE, "choice", answering.answer_card))


@bp.post("/review/typed")
@login_required
def review_typed() -> ResponseReturnValue:
    """Judge a typed answer, count it once, then show its feedback with the difference marked."""
    return _to_feedback(*_apply(Mode.TYPED, "typed", answering.answer_typed, as_int=False))


def _to_feedback(deck: Deck | None, result: answering.AnswerResult | None, back: str) -> ResponseReturnValue:
    """Go to an answer's feedback, saying so if it had been counted before; back to the question if none."""
    if result is None:
        return redirect(back)
    if not result.applied:
        flash(_("You had already answered this question; only your first answer counts."), "info")
    if result.answer_id is None:
        return redirect(back)
    return redirect(url_for("study.review_feedback", answer_id=result.answer_id, deck=deck.slug if deck else None))


@bp.get("/review/feedback/<int:answer_id>")
@login_required
def review_feedback(answer_id: int) -> ResponseReturnValue:
    """Show whether the answer was right, the right answer, its explanation and sources, and when it comes back."""
    fb = service.feedback(current_user.id, answer_id)
    if fb is None:
        abort(404)
    try:
        deck, _mode = _read_deck_and_mode(request.args)
    except _BadQuery:
        deck = None
    # the question and options as the student saw them, though the card may have been edited since
    seen = revisions.version_seen(fb.answer)
    text = fb.answer.typed_text
    match = answering.match_answer(fb.card, seen.options, seen.answer_index, text) if text is not None else None
    mode = Mode.CHOICE if match is None else Mode.TYPED
    undoable = undo.last_rating(current_user, utcnow())
    return _render(
        "study/review_feedback.html", fb=fb, card=fb.card, deck=deck, rating_name=rating_name, seen=seen,
        match=match, next_url=_review_url(deck, mode), mode=mode,
        undoable=undoable if undoable is not None and undoable.answer_id == fb.answer.id else None,
    )


@bp.get("/review/reveal")
@login_required
def review_reveal() -> ResponseReturnValue:
    """Show a flashcard's answer, explanation and sources, with the four rating buttons."""
    try:
        deck, _mode = _read_deck_and_mode(request.args)
    except _BadQuery as error:
        flash(error.message, "error")
        return redirect(url_for("study.review", mode=Mode.FLASHCARD.value))
    back = _review_url(deck, Mode.FLASHCARD)
    card_id, token = request.args.get("card_id", ""), request.args.get("token", "")
    try:
        shown = service.reveal(current_user, card_id, token, utcnow(), deck.id if deck else None)
    except ReviewError as error:
        flash(_problem_message(error.problem), "error")
        return redirect(back)
    if shown is None:
        flash(_("You had already rated this card; only your first rating counts."), "info")
        return redirect(back)
    locale = str(get_locale() or "en")
    ratings = [
        {
            "value": int(rating),
            "name": rating_name(rating),
            "short": scheduling.format_interval(interval, locale),
            # the button's text and what a screen reader says come from one measure of the interval
            "long": scheduling.spell_interval(interval, locale),
        }
        for rating, interval in sorted(shown.intervals.items())
    ]
    return _no_store(_render(
        "study/review_reveal.html", card=shown.card, ratings=ratings, token=token, deck=deck,
        mode=Mode.FLASHCARD, rating_name=rating_name,
    ))


@bp.post("/review/rate")
@login_required
def review_rate() -> ResponseReturnValue:
    """Apply the student's rating of a flashcard once, then show the next card."""
    _deck, result, back = _apply(Mode.FLASHCARD, "rating", service.rate_card)
    if result is None:
        return redirect(back)
    if not result.applied:
        flash(_("You had already rated this card; only your first rating counts."), "info")
    elif result.interval is not None:
        # in the words of the button pressed: "8 days" after "8d", not "1 week"
        interval = scheduling.spell_interval(result.interval, str(get_locale() or "en"))
        flash(_("Rated %(rating)s: you will see this card again in %(interval)s.", rating=rating_name(result.rating),
                interval=interval), "success")
    return redirect(back)


def _apply(
    mode: Mode, field: str, apply: Callable[..., Any], as_int: bool = True
) -> tuple[Deck | None, Any | None, str]:
    """Read a posted answer or rating and hand it to the service; on bad input flash why and return no result.

    Returns the deck, the service's result (None when nothing was counted) and the address of the next card.
    """
    try:
        deck, _mode = _read_deck_and_mode(request.form)
    except _BadQuery as error:
        flash(error.message, "error")
        return None, None, url_for("study.review", mode=None if mode is Mode.CHOICE else mode.value)
    back = _review_url(deck, mode)
    try:
        result = apply(
            current_user,
            request.form.get("card_id", ""),
            request.form.get(field, type=int) if as_int else request.form.get(field, ""),
            request.form.get("token", ""),
            utcnow(),
            deck.id if deck is not None else None,
        )
    except ReviewError as error:
        flash(_problem_message(error.problem), "error")
        return deck, None, back
    return deck, result, back
