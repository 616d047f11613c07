"""What an instructor sees of the question bank: cards filtered by status, kind and origin."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_sqlalchemy.pagination import Pagination

from quizapp.db import db
from quizapp.models import Card, CardOrigin, CardStatus

PER_PAGE = 50


@dataclass(frozen=True)
class BankFilter:
    """Which cards to list; None means any."""

    status: CardStatus | None = None
    kind: str | None = None
    origin: CardOrigin | None = None

    @classmethod
    def parse(cls, args: dict[str, str]) -> BankFilter:
        """Read a filter from query arguments, ignoring values that name no status, kind or origin."""
        status = args.get("status") or None
        origin = args.get("origin") or None
        return cls(
            status=CardStatus(status) if status in {s.value for s in CardStatus} else None,
            kind=args.get("kind") if args.get("kind") in card_kinds() else None,
            origin=CardOrigin(origin) if origin in {o.value for o in CardOrigin} else None,
        )


def card_kinds() -> list[str]:
    """Return the kinds of card the bank holds, sorted."""
    return list(db.session.scalars(sa.select(Card.kind).distinct().order_by(Card.kind)))


def status_counts() -> dict[CardStatus, int]:
    """Count the bank's cards by status."""
    rows = db.session.execute(sa.select(Card.status, sa.func.count()).group_by(Card.status))
    return {status: count for status, count in rows}


def list_cards(bank_filter: BankFilter, page: int) -> Pagination:
    """Return one page of cards matching the filter, newest change first, with choices and sources loaded."""
    query = sa.select(Card).options(so.selectinload(Card.choices), so.selectinload(Card.sources))
    if bank_filter.status is not None:
        query = query.where(Card.status == bank_filter.status)
    if bank_filter.kind is not None:
        query = query.where(Card.kind == bank_filter.kind)
    if bank_filter.origin is not None:
        query = query.where(Card.origin == bank_filter.origin)
    query = query.order_by(Card.updated_at.desc(), Card.id)
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)
