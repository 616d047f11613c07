"""Reading a whole article: which articles a user may read, and its text with a card's sentences marked."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Article, Card, CardSource, CardStatus, ClassDeck, ClassMember, Deck, User


@dataclass(frozen=True)
class Passage:
    """A stretch of an article's paragraph; marked when it is a sentence the card's fact comes from."""

    text: str
    marked: bool = False


def readable_article(user: User, article_id: int) -> Article | None:
    """Return the article if the user may read it, else None.

    Instructors read every article. A student reads the articles behind what they may study: an article that
    a served (active) question cites, or whose deck a class of theirs was assigned. An article whose questions
    all wait for an instructor's approval stays hidden, as its deck is.
    """
    article = db.session.get(Article, article_id)
    if article is None or user.is_instructor:
        return article
    served = sa.select(CardSource.id).join(Card, Card.id == CardSource.card_id).where(
        CardSource.article_id == article_id, Card.status == CardStatus.ACTIVE
    )
    assigned = (
        sa.select(ClassDeck.deck_id)
        .join(Deck, Deck.id == ClassDeck.deck_id)
        .join(ClassMember, ClassMember.class_id == ClassDeck.class_id)
        .where(Deck.article_id == article_id, ClassMember.user_id == user.id)
    )
    if db.session.scalar(sa.select(sa.exists(served))) or db.session.scalar(sa.select(sa.exists(assigned))):
        return article
    return None


def card_sentences(card_id: str, article: Article) -> list[str]:
    """Return the sentences of the card that stand in this article; none for an unknown card."""
    return list(db.session.scalars(
        sa.select(CardSource.sentence)
        .where(CardSource.card_id == card_id, CardSource.article_id == article.id)
        .order_by(CardSource.position)
    ))


def paragraphs(text: str, marked: list[str]) -> list[list[Passage]]:
    """Split an article's text into paragraphs (blank lines between them), each a list of passages.

    Every occurrence of a marked sentence is its own passage with marked set; the rest of the text is kept as it
    is, so the passages of a paragraph put together give the paragraph back.
    """
    result = []
    for block in text.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        passages = [Passage(block)]
        for sentence in (s for s in marked if s):
            split: list[Passage] = []
            for passage in passages:
                if passage.marked or sentence not in passage.text:
                    split.append(passage)
                    continue
                pieces = passage.text.split(sentence)
                for i, piece in enumerate(pieces):
                    if i:
                        split.append(Passage(sentence, marked=True))
                    if piece:
                        split.append(Passage(piece))
            passages = split
        result.append(passages)
    return result
