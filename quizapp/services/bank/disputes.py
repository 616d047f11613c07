"""Facts the articles disagree on (the seeds found the CSTO in 1992 and in 2002), grouped for an instructor to settle.

question_bank decides which cards ask one fact: it rebuilds the facts of the articles the disputed cards cite and
groups them as its merge does. An instructor then teaches one value (its card asked without naming its source, the
others retired) or keeps every value attributed to its source; either can be reopened, which makes drafts again.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

import question_bank
from question_bank.disputes import attributed_question, find_disputes, unattributed_question
from question_bank.loading import rebuild_article
from quizapp.db import db, utcnow
from quizapp.models import Article, Card, CardSource, CardStatus
from quizapp.services.bank.review import clear_decision, record_decision, reword


class DisputeState(enum.StrEnum):
    """Where an instructor left a disputed fact."""

    OPEN = "open"  # some card is undecided
    TAUGHT = "taught"  # one value is taught without its source, the others retired
    ATTRIBUTED = "attributed"  # every value is served, each naming its source
    DECIDED = "decided"  # each card decided on its own (approved or retired one by one)


class DisputeNotFound(LookupError):
    """The card named is no disputed card."""


@dataclass(frozen=True)
class DisputeValue:
    """One value the articles give for the fact, and the cards that ask it.

    kind tells values of a membership dispute apart: the same country said to be a member and a former member.
    """

    kind: str
    value: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class DisputeGroup:
    """One fact the articles disagree on, with each value they give."""

    kind: str
    subject: str
    values: tuple[DisputeValue, ...]

    @property
    def cards(self) -> list[Card]:
        """Every card of the group."""
        return [card for value in self.values for card in value.cards]

    @property
    def state(self) -> DisputeState:
        """Say how the dispute stands."""
        cards = self.cards
        if any(card.reviewed_at is None for card in cards):
            return DisputeState.OPEN
        active = [card for card in cards if card.status == CardStatus.ACTIVE]
        if all(card.status == CardStatus.ACTIVE for card in cards):
            return DisputeState.ATTRIBUTED
        others_retired = all(card.status == CardStatus.RETIRED for card in cards if card not in active)
        if len(active) == 1 and active[0].edited_at is not None and others_retired:
            return DisputeState.TAUGHT
        return DisputeState.DECIDED

    @property
    def taught(self) -> Card | None:
        """The card taught as the fact, when one is."""
        if self.state != DisputeState.TAUGHT:
            return None
        return next(card for card in self.cards if card.status == CardStatus.ACTIVE)


@dataclass(frozen=True)
class Settlement:
    """What a resolution did, for the message the instructor sees."""

    group: DisputeGroup
    #: the value now taught, when one is
    taught: str | None = None
    activated: int = 0
    retired: int = 0
    reworded: int = 0
    drafts: int = 0


def list_disputes() -> list[DisputeGroup]:
    """Return every disputed fact with its values, cards, sources and articles, open ones first."""
    cards = list(
        db.session.scalars(
            sa.select(Card)
            .where(Card.disputed.is_(True))
            .options(
                so.selectinload(Card.choices),
                so.selectinload(Card.sources).selectinload(CardSource.article),
                so.selectinload(Card.decks),
            )
            .order_by(Card.id)
        )
    )
    groups = [_group(kind, subject, members) for (kind, subject), members in _same_fact(cards).items()]
    groups.sort(key=lambda g: (g.state != DisputeState.OPEN, g.kind, g.subject))
    return groups


def find_group(card_id: str) -> DisputeGroup:
    """Return the disputed fact a card asks one value of; raise DisputeNotFound if it asks none."""
    for group in list_disputes():
        if any(card.id == card_id for card in group.cards):
            return group
    raise DisputeNotFound(card_id)


def teach_value(card_id: str, reviewer_id: int, now: datetime | None = None) -> Settlement:
    """Teach the value this card asks: serve it without naming its source, and retire the other values' cards."""
    now = now or utcnow()
    group = find_group(card_id)
    activated = retired = reworded = 0
    taught = None
    for card in group.cards:
        if card.id == card_id:
            taught = card.fact_value
            plain = unattributed_question(card.question, card.language)
            if plain is not None and reword(card, plain, now):
                reworded += 1
            # edited_at tells reloads the text is the instructor's; disputed stays, as the articles still disagree
            card.edited_at = now
            activated += card.status != CardStatus.ACTIVE
            record_decision(card, CardStatus.ACTIVE, reviewer_id, now)
        else:
            reworded += _restore_attribution(card, now)
            retired += card.status != CardStatus.RETIRED
            record_decision(card, CardStatus.RETIRED, reviewer_id, now)
    db.session.commit()
    return Settlement(group=group, taught=taught, activated=activated, retired=retired, reworded=reworded)


def keep_attributed(card_id: str, reviewer_id: int, now: datetime | None = None) -> Settlement:
    """Serve every value of the fact this card asks, each question naming its source."""
    now = now or utcnow()
    group = find_group(card_id)
    activated = reworded = 0
    for card in group.cards:
        reworded += _restore_attribution(card, now)
        activated += card.status != CardStatus.ACTIVE
        record_decision(card, CardStatus.ACTIVE, reviewer_id, now)
    db.session.commit()
    return Settlement(group=group, activated=activated, reworded=reworded)


def reopen(card_id: str, now: datetime | None = None) -> Settlement:
    """Undo the decision on the fact this card asks: every card a draft again, attributed, undecided."""
    now = now or utcnow()
    group = find_group(card_id)
    reworded = drafts = 0
    for card in group.cards:
        reworded += _restore_attribution(card, now)
        drafts += card.status != CardStatus.DRAFT
        clear_decision(card, CardStatus.DRAFT, now)
    db.session.commit()
    return Settlement(group=group, drafts=drafts, reworded=reworded)


def _restore_attribution(card: Card, now: datetime) -> int:
    """Ask a card taught without its source as the generator does, naming it again; return 1 if reworded."""
    if card.edited_at is None or not card.sources or card.sources[0].article is None:
        return 0
    attributed = attributed_question(card.question, card.sources[0].article.source_name, card.language)
    if attributed is None:
        return 0  # reworded since by hand: the instructor's text stands
    reword(card, attributed, now)
    card.edited_at = None
    return 1


def _same_fact(cards: Sequence[Card]) -> dict[tuple[str, str], list[Card]]:
    """Group the disputed cards by the fact they ask, as question_bank's merge groups them."""
    by_id = {card.id: card for card in cards}
    articles = {source.article.id: source.article for card in cards for source in card.sources if source.article}
    groups: dict[tuple[str, str], list[Card]] = defaultdict(list)
    for dispute in find_disputes(_articles(articles.values())):
        for card_id in dispute.card_ids:
            if card_id in by_id:
                groups[(dispute.kind, dispute.subject_key)].append(by_id.pop(card_id))
    # a card question_bank no longer finds disputed (its article is gone or changed) still needs settling
    for card in by_id.values():
        groups[(card.kind, card.fact_subject or card.question)].append(card)
    return groups


def _articles(rows: Iterable[Article]) -> list[question_bank.Article]:
    """Rebuild question_bank's articles from the stored ones, skipping any in a language it has no pack for."""
    articles = []
    for row in sorted(rows, key=lambda article: article.file):
        try:
            articles.append(rebuild_article(row.file, row.text, row.language, row.outlet, row.headline, row.dateline))
        except KeyError:
            continue
    return articles


def _group(kind: str, subject: str, cards: list[Card]) -> DisputeGroup:
    """Put a fact's cards under the values they ask, in order of value."""
    by_value: dict[tuple[str, str], list[Card]] = defaultdict(list)
    for card in cards:
        by_value[(card.kind, card.fact_value or "")].append(card)
    values = tuple(
        DisputeValue(value_kind, value, tuple(by_value[(value_kind, value)]))
        for value_kind, value in sorted(by_value, key=lambda key: (key[1], key[0]))
    )
    return DisputeGroup(kind=kind, subject=subject, values=values)
