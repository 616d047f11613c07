"""Sign and check the token a review question is shown with, so that its answer or rating counts once."""

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


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_TOKEN_SALT)


def present(user_id: int, item: ReviewItem, mode: Mode, now: datetime) -> str:
    """Return the signed token to show the item's question with."""
    last_review = item.state.last_review if item.state is not None else None
    return _serializer().dumps({
        "u": user_id,
        "c": item.card.id,
        "m": mode.value,
        "r": last_review.isoformat() if last_review is not None else _NEW,
        "t": now.astimezone(UTC).isoformat(),
    })


def read_token(token: str, *, user_id: int, card_id: str, mode: Mode, now: datetime) -> Presented:
    """Check a token came from present() for this user, card and mode, and is not too old."""
    try:
        data = _serializer().loads(token)
        presented = Presented(
            user_id=int(data["u"]),
            card_id=str(data["c"]),
            mode=Mode(data["m"]),
            last_review=None if data["r"] == _NEW else datetime.fromisoformat(data["r"]),
            shown_at=datetime.fromisoformat(data["t"]),
        )
    except (BadData, KeyError, TypeError, ValueError) as exc:
        raise ReviewError(Problem.BAD_TOKEN) from exc
    if (presented.user_id, presented.card_id, presented.mode) != (user_id, card_id, mode):
        raise ReviewError(Problem.BAD_TOKEN)
    if now - presented.shown_at > TOKEN_MAX_AGE:
        raise ReviewError(Problem.EXPIRED_TOKEN)
    return presented
