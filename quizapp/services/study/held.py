"""The SQL conditions for a student's held cards (suspended, or buried until later), shared by the queue and holds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from quizapp.models import HeldCard


def held_now(
    user_id: int | sa.BindParameter[Any], card_id: sa.ColumnElement[str], now: datetime | sa.BindParameter[Any]
) -> sa.ColumnElement[bool]:
    """Select the cards (card_id, a column) the user holds at now: suspended, or buried until later than now.

    user_id and now may be bind parameters, for a statement built once and run with each request's values.
    """
    return sa.exists().where(HeldCard.user_id == user_id, HeldCard.card_id == card_id, holds_at(now))


def holds_at(now: datetime | sa.BindParameter[Any]) -> sa.ColumnElement[bool]:
    """Select the held_cards rows that hold their card at now: suspended, or buried until later than now."""
    return sa.or_(HeldCard.suspended, sa.and_(HeldCard.buried_until.is_not(None), HeldCard.buried_until > now))


def suspended(user_id: int, card_id: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """Select the cards (card_id, a column) the user has suspended."""
    return sa.exists().where(HeldCard.user_id == user_id, HeldCard.card_id == card_id, HeldCard.suspended)
