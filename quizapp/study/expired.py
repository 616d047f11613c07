"""An answer sent from a page left open so long that its form's CSRF token expired keeps the student's choice.

Flask-WTF refuses such a form before any view runs. For an answer, that would lose what the student chose
after reading the question for over an hour (WTF_CSRF_TIME_LIMIT); instead the same question comes back,
with a fresh form, the choice marked and a message asking to press it again. Nothing is counted until then,
so the CSRF check keeps its whole force.
"""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from quizapp import errors
from quizapp.study import quiz, review
from quizapp.study.blueprint import bp

#: The reason Flask-WTF gives for a token older than WTF_CSRF_TIME_LIMIT.
EXPIRED = "The CSRF token has expired."


@bp.errorhandler(CSRFError)
def csrf_refused(error: CSRFError) -> ResponseReturnValue:
    """Show an expired answer's question again with its choice; any other refused form as the app does."""
    if error.description != EXPIRED or not current_user.is_authenticated:
        return errors.http_error(error)
    if request.endpoint == "study.quiz_answer" and request.view_args:
        form = request.form
        return quiz.resend_question(
            int(request.view_args["quiz_id"]), form.get("card_id", ""), form.get("token", ""), form.get("choice", "")
        )
    if request.endpoint in ("study.review_answer", "study.review_typed"):
        return review.resend_answer(request.form)
    return errors.http_error(error)
