"""Quiz pages: one question at a time, feedback after each answer, and the score at the end.

Answering follows post/redirect/get: the answer form posts, the server records the answer once and
redirects to the feedback page, so reloading or going back never sends the answer again unnoticed. A question
is shown with the signed token both modes use (quizapp.services.study.tokens), which times the answer; its
card and its feedback are the ones review shows (templates/study/card_parts.html). The score page offers to
retry the questions missed. Time comes from the app's one clock (quizapp.clock).
"""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import InputRequired, Regexp

from quizapp.auth import quotas
from quizapp.clock import utcnow
from quizapp.models import QuizItem, QuizSession
from quizapp.services.bank import revisions
from quizapp.services.study import quiz as quiz_service
from quizapp.services.study import tokens, undo
from quizapp.services.study.outcomes import Mode, ReviewError
from quizapp.study.blueprint import bp
from quizapp.study.decks import StartQuizForm
from quizapp.study.showing import first_shown, forget_shown


class AnswerForm(FlaskForm):
    """Answer one question: the card it asks, the token it was shown with and the chosen option (the button)."""

    card_id = HiddenField(
        validators=[InputRequired(message=_l("The answer did not say which question it was for. Please answer again."))]
    )
    token = HiddenField()
    # A button's value, so a plain string checked here: IntegerField would report "Not a valid integer value."
    choice = StringField(
        validators=[
            InputRequired(message=_l("Choose one of the answers.")),
            Regexp(r"^[0-9]{1,3}$", message=_l("Choose one of the answers.")),
        ]
    )


def _quiz_or_404(quiz_id: int) -> QuizSession:
    """Return the logged-in student's quiz; someone else's quiz is as missing as one that does not exist."""
    quiz = quiz_service.get_quiz(quiz_id, current_user.id)
    if quiz is None:
        abort(404)
    return quiz


def _shown_key(quiz: QuizSession, card_id: str) -> str:
    return f"quiz:{quiz.id}:{card_id}"


def _present(quiz: QuizSession, item: QuizItem, now: datetime) -> str:
    """Return the token to show the question with, signed with when it was first shown."""
    shown_at = first_shown(_shown_key(quiz, item.card_id), now)
    return tokens.sign(tokens.Presented(current_user.id, item.card_id, Mode.CHOICE, None, shown_at, quiz.id))


def _shown_at(quiz: QuizSession, card_id: str, token: str | None, now: datetime) -> datetime | None:
    """Return when the server showed the question, from its token; None (the answer is untimed) without one.

    A quiz counts an answer once by its one answer per question, so the token only times it.
    """
    try:
        presented = tokens.read_token(
            token or "", user_id=current_user.id, card_id=card_id, mode=Mode.CHOICE, now=now, quiz_id=quiz.id
        )
    except ReviewError:
        return None
    return presented.shown_at


def _error_message(error: quiz_service.QuizError) -> str:
    """Say in words for the student why an answer could not count."""
    if isinstance(error, quiz_service.OutOfOrderError):
        return _("Please answer the questions in order: question %(num)d is the one to answer now.",
                 num=error.current.position)
    if isinstance(error, quiz_service.ChoiceOutOfRangeError):
        return _("That is not one of the answers. Choose one of the %(num)d answers.", num=error.choices)
    return _("That question is not part of this quiz.")


def _again_form(quiz: QuizSession) -> StartQuizForm:
    """A form to start another quiz on the same deck with as many questions, when that is one of the choices."""
    count = len(quiz.items)
    form = StartQuizForm(formdata=None)
    form.count.data = count if count in quiz_service.QUESTION_COUNTS else quiz_service.DEFAULT_QUESTION_COUNT
    return form


def render_question(
    quiz: QuizSession, item: QuizItem, token: str, chosen: int | None = None, status: int = 200
) -> ResponseReturnValue:
    """Render the question page; chosen preselects the option the student sent before."""
    form = AnswerForm(formdata=None, card_id=item.card_id, token=token)
    response = make_response(
        render_template("study/quiz.html", quiz=quiz, item=item, form=form, chosen=chosen), status
    )
    # The back button must ask the server again, which then shows the question that is current now.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/quiz/<int:quiz_id>")
@login_required
def quiz_question(quiz_id: int) -> ResponseReturnValue:
    """Show the quiz's current question; a quiz with every question answered goes to its score."""
    quiz = _quiz_or_404(quiz_id)
    item = quiz_service.current_item(quiz)
    if item is None:
        return redirect(url_for("study.quiz_result", quiz_id=quiz.id))
    return render_question(quiz, item, _present(quiz, item, utcnow()))


def resend_question(quiz_id: int, card_id: str, token: str, choice: str) -> ResponseReturnValue:
    """Show the question an answer was sent for again, its choice preselected, to be submitted again.

    The answer's page was open so long that its form expired; the question keeps the token it was shown with
    (so the answer is timed from the first showing) unless it is no longer the one to answer.
    """
    quiz = _quiz_or_404(quiz_id)
    item = quiz_service.current_item(quiz)
    here = url_for("study.quiz_question", quiz_id=quiz.id)
    if item is None or item.card_id != card_id:
        flash(_("This page was open too long to send your answer. Please answer again."), "info")
        return redirect(here, code=303)
    now = utcnow()
    if _shown_at(quiz, card_id, token, now) is None:
        token = _present(quiz, item, now)
    position = int(choice) if choice.isdigit() and len(choice) <= 3 else None
    flash(_("This page was open too long, so your answer was not sent yet. "
            "Your choice is marked: press it again to send it."), "info")
    return render_question(quiz, item, token, chosen=position, status=400)


@bp.post("/quiz/<int:quiz_id>/answer")
@login_required
def quiz_answer(quiz_id: int) -> ResponseReturnValue:
    """Record the student's answer to the current question once, then show the feedback."""
    quiz = _quiz_or_404(quiz_id)
    here = url_for("study.quiz_question", quiz_id=quiz.id)
    form = AnswerForm()
    if not form.validate_on_submit():
        field = form.card_id if form.card_id.errors else form.choice
        flash(field.errors[0] if field.errors else _("Please answer again."), "error")
        return redirect(here, code=303)
    card_id = form.card_id.data
    now = utcnow()
    try:
        recorded = quiz_service.answer(
            quiz, card_id, int(form.choice.data), now, _shown_at(quiz, card_id, form.token.data, now)
        )
    except quiz_service.QuizError as error:
        flash(_error_message(error), "error")
        return redirect(here, code=303)
    forget_shown(_shown_key(quiz, card_id))
    if not recorded.counted_now:
        flash(_("You had already answered this question; your first answer counts."), "info")
    item = quiz_service.item_for(quiz, card_id)
    assert item is not None, "an answer is stored only for a card of the quiz"
    return redirect(url_for("study.quiz_feedback", quiz_id=quiz.id, position=item.position), code=303)


@bp.get("/quiz/<int:quiz_id>/feedback/<int:position>")
@login_required
def quiz_feedback(quiz_id: int, position: int) -> ResponseReturnValue:
    """Show whether the answer was right, the right answer, the explanation and the sources."""
    quiz = _quiz_or_404(quiz_id)
    item = quiz_service.item_at(quiz, position)
    if item is None:
        abort(404)
    given = quiz_service.find_answer(quiz, item.card_id)
    if given is None:
        flash(_("Answer this question first."), "info")
        return redirect(url_for("study.quiz_question", quiz_id=quiz.id))
    undoable = undo.last_rating(current_user, utcnow())
    return render_template(
        "study/quiz_feedback.html",
        quiz=quiz,
        item=item,
        card=item.card,
        given=given,
        # the question and options as the student saw them, though the card may have been edited since
        seen=revisions.version_seen(given),
        finished=quiz.finished_at is not None,
        undoable=undoable if undoable is not None and undoable.answer_id == given.id else None,
    )


@bp.get("/quiz/<int:quiz_id>/result")
@login_required
def quiz_result(quiz_id: int) -> ResponseReturnValue:
    """Show the score of a finished quiz and each question with its right answer."""
    quiz = _quiz_or_404(quiz_id)
    if quiz.finished_at is None:
        flash(_("Answer every question to see your score."), "info")
        return redirect(url_for("study.quiz_question", quiz_id=quiz.id))
    result = quiz_service.result(quiz)
    return render_template(
        "study/quiz_result.html",
        result=result,
        seen=revisions.versions_seen(line.answer for line in result.lines if line.answer),
        form=_again_form(quiz),
    )


@bp.post("/quiz/<int:quiz_id>/retry")
@login_required
@quotas.quizzes
def quiz_retry(quiz_id: int) -> ResponseReturnValue:
    """Start a quiz of the questions missed in this one, then show its first question."""
    quiz = _quiz_or_404(quiz_id)  # CSRFProtect has checked the form's token
    try:
        retry = quiz_service.start_retry(quiz, now=utcnow())
    except quiz_service.NothingMissedError:
        # an unfinished quiz's score page sends the student back to its question, and says why
        if quiz.finished_at is not None:
            flash(_("There is no missed question to retry."), "info")
        return redirect(url_for("study.quiz_result", quiz_id=quiz.id), code=303)
    return redirect(url_for("study.quiz_question", quiz_id=retry.id), code=303)
