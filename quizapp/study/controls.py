"""The student's controls over their own cards, as in Anki: undo the last rating, suspend, unsuspend or bury a card.

Each is a form posted from a question, feedback or deck page (CSRF-checked, like every form), and each acts on
the logged-in student's own schedule only: there is no way to name another student's. The logic is in
quizapp.services.study.undo and quizapp.services.study.holds; these views call them, say what happened and go
back to the page the form names (a path on this site only).
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp.auth.redirects import local_path
from quizapp.clock import utcnow
from quizapp.services.study import holds, undo
from quizapp.services.study import quiz as quiz_service
from quizapp.services.study import review as review_service
from quizapp.services.study.outcomes import Mode
from quizapp.study.blueprint import bp
from quizapp.study.review import shown_key
from quizapp.study.showing import forget_shown


def _back(default: str) -> str:
    """Return the page the form says to go back to, if it is on this site, else default."""
    return local_path(request.form.get("back"), default)


def _review_args() -> dict[str, Any]:
    """Return the deck and mode the form names, as arguments of the review page; unknown ones are left out."""
    args: dict[str, Any] = {}
    slug = request.form.get("deck", "").strip()
    if slug and review_service.find_deck(slug) is not None:
        args["deck"] = slug
    if request.form.get("mode") == Mode.FLASHCARD.value:
        args["mode"] = Mode.FLASHCARD.value
    return args


@bp.post("/review/undo/<int:rating_id>")
@login_required
def undo_rating(rating_id: int) -> ResponseReturnValue:
    """Undo the student's last rating, then ask the card again (or, for a quiz answer, show it again)."""
    undone = undo.undo_rating(current_user, rating_id, utcnow())
    if undone is None:
        flash(_("There is nothing to undo: that rating was already undone, or it is no longer your latest one "
                "from today."), "info")
        return redirect(_back(url_for("study.review", **_review_args())), code=303)
    if undone.quiz_id is not None:
        quiz = quiz_service.get_quiz(undone.quiz_id, current_user.id)
        item = quiz_service.item_for(quiz, undone.card_id) if quiz is not None else None
        flash(_("Its effect on your reviews is undone. Your answer stays in the quiz’s score."), "success")
        if item is None:
            return redirect(_back(url_for("study.decks")), code=303)
        return redirect(url_for("study.quiz_feedback", quiz_id=undone.quiz_id, position=item.position), code=303)
    # Time the question again from its new showing, not from the first one, which the undo has brought back.
    state = review_service.state_of(current_user.id, undone.card_id)
    last_review = state.last_review if state is not None else None
    for mode in Mode:
        forget_shown(shown_key(mode, undone.card_id, last_review))
    flash(_("Your last rating is undone: the card is back as it was before. Answer it again."), "success")
    return redirect(url_for("study.review", again=undone.card_id, **_review_args()), code=303)


def _card_or_flash(card_id: str) -> Any:
    card = holds.active_card(card_id)
    if card is None:
        flash(_("That question does not exist or has been withdrawn."), "error")
    return card


@bp.post("/cards/<card_id>/suspend")
@login_required
def suspend_card(card_id: str) -> ResponseReturnValue:
    """Suspend the card for the student: review leaves it out until they unsuspend it on the deck page."""
    back = _back(url_for("study.review", **_review_args()))
    card = _card_or_flash(card_id)
    if card is not None:
        holds.suspend(current_user, card)
        flash(_("Card suspended: it will not come up in your reviews until you unsuspend it on its deck’s page."),
              "success")
    return redirect(back, code=303)


@bp.post("/cards/<card_id>/unsuspend")
@login_required
def unsuspend_card(card_id: str) -> ResponseReturnValue:
    """Unsuspend the card for the student: it comes back in review where its schedule has it."""
    back = _back(url_for("study.decks"))
    if holds.unsuspend(current_user, card_id):
        flash(_("Card unsuspended: it is back in your reviews."), "success")
    else:
        flash(_("That card was not suspended."), "info")
    return redirect(back, code=303)


@bp.post("/cards/<card_id>/bury")
@login_required
def bury_card(card_id: str) -> ResponseReturnValue:
    """Bury the card for the student until their next day begins."""
    back = _back(url_for("study.review", **_review_args()))
    card = _card_or_flash(card_id)
    if card is not None:
        until = holds.bury(current_user, card, utcnow())
        flash(_("Card buried: it comes back in your reviews from %(when)s.",
                when=format_datetime(until, "d MMM y, HH:mm zzz")), "success")
    return redirect(back, code=303)
