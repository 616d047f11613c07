"""Sign and check the token a question is shown with, in review and in a quiz alike.

The token names the student, the card, how it is asked (the review mode; a quiz asks by multiple choice and
names the quiz), the card's last review at that moment and when the question was shown. The answer's time is
measured from that moment on the server's clock, and the last review lets review count an answer once.
"""

from __future__ import annotations

import typing as t
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer

from quizapp.services.study.outcomes import Mode, Problem, ReviewError

if t.TYPE_CHECKING:
    from quizapp.services.study.queue import ReviewItem

#: A question shown longer ago than this cannot be answered with its token any more; the student gets it anew.
TOKEN_MAX_AGE = timedelta(hours=12)
_TOKEN_SALT = "quizapp.review.presented"
_NEW = "new"


@dataclass(frozen=True)
class Presented:
    """What the server knew when it showed a question, read back from the signed token."""

    user_id: int
    card_id: str
    mode: Mode
    last_review: datetime | None
    shown_at: datetime
    quiz_id: int | None = None  # the quiz that asked the question; None in review

    def elapsed_ms(self, now: datetime) -> int | None:
        """Return the milliseconds from showing the question to now, None if the clock went backwards."""
        return elapsed_ms(self.shown_at, now)


def elapsed_ms(shown_at: datetime | None, now: datetime) -> int | None:
    """Return the milliseconds from shown_at to now; None if unknown or if the clock went backwards."""
    if shown_at is None or shown_at > now:
        return None
    return int((now - shown_at) / timedelta(milliseconds=1))


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_TOKEN_SALT)


def sign(presented: Presented) -> str:
    """Return the signed token of a question's showing."""
    data: dict[str, t.Any] = {
        "u": presented.user_id,
        "c": presented.card_id,
        "m": presented.mode.value,
        "r": presented.last_review.isoformat() if presented.last_review is not None else _NEW,
        "t": presented.shown_at.astimezone(UTC).isoformat(),
    }
    if presented.quiz_id is not None:
        data["q"] = presented.quiz_id
    return _serializer().dumps(data)


def present(user_id: int, item: ReviewItem, mode: Mode, now: datetime) -> str:
    """Return the signed token to show a review item's question with, shown now."""
    last_review = item.state.last_review if item.state is not None else None
    return sign(Presented(user_id, item.card.id, mode, last_review, now))


def read_token(
    token: str, *, user_id: int, card_id: str, mode: Mode, now: datetime, quiz_id: int | None = None
) -> Presented:
    """Check a token came from sign() for this user, card, mode and quiz, and is not too old."""
    try:
        data = _serializer().loads(token)
        presented = Presented(
            user_id=int(data["u"]),
            card_id=str(data["c"]),
            mode=Mode(data["m"]),
            last_review=None if data["r"] == _NEW else datetime.fromisoformat(data["r"]),
            shown_at=datetime.fromisoformat(data["t"]),
            quiz_id=int(data["q"]) if "q" in data else None,
        )
    except (BadData, KeyError, TypeError, ValueError) as exc:
        raise ReviewError(Problem.BAD_TOKEN) from exc
    if (presented.user_id, presented.card_id, presented.mode, presented.quiz_id) != (user_id, card_id, mode, quiz_id):
        raise ReviewError(Problem.BAD_TOKEN)
    if now - presented.shown_at > TOKEN_MAX_AGE:
        raise ReviewError(Problem.EXPIRED_TOKEN)
    return presented
