"""Add an article in the app: question_bank reads it and makes draft cards from it, and it becomes a deck.

Nothing an added article yields reaches students before an instructor approves it: its new cards are drafts.
A card the bank already holds (the same fact, from another article) is not made twice: it joins the new
article's deck and gains its source sentence, and keeps its text and status. BankWriter would rewrite it
from this one article (other distractors, fewer sources, out of its own decks), which would change what
students are answering without a new version.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

import question_bank
from question_bank.loading import MAX_ARTICLE_BYTES
from quizapp.db import db, utcnow
from quizapp.models import Article, Card, CardSource, CardStatus, Deck
from quizapp.services.bank.loading import BankWriter, bank_people
from quizapp.services.bank.stored_articles import slugify

__all__ = ["MAX_ARTICLE_BYTES", "AddArticleError", "AddedArticle", "AlreadyAddedError", "add_article", "stored_name"]

_NAME_SLUG_LENGTH = 40


class AddArticleError(ValueError):
    """An article that cannot be added; reason says why in words for the instructor."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AlreadyAddedError(AddArticleError):
    """The same text was added before; article is the one stored then."""

    def __init__(self, article: Article) -> None:
        super().__init__(f"this text was added already, as {article.file}")
        self.article = article


@dataclass(frozen=True)
class AddedArticle:
    """What adding an article stored: the article, its deck, its new draft cards and the known cards it joined."""

    article: Article
    deck: Deck
    drafts: int
    joined: int


def stored_name(data: bytes, title: str | None, upload_name: str | None) -> str:
    """Name an added article's file so it never clashes with the corpus: added-<slug>-<digest of the text>.txt."""
    stem = upload_name.rsplit(".", 1)[0] if upload_name else ""
    # an article's first line is usually its headline
    first_line = next((line for line in data[:1000].decode("utf-8", "ignore").splitlines() if line.strip()), "")
    candidates = (title or "", stem, first_line)
    slug = next((s[:_NAME_SLUG_LENGTH] for s in map(slugify, candidates) if s), "article")
    return f"added-{slug.rstrip('-')}-{hashlib.sha256(data).hexdigest()[:12]}.txt"


def add_article(
    data: bytes,
    *,
    language: str | None,
    added_by_id: int,
    title: str | None = None,
    upload_name: str | None = None,
    now: datetime | None = None,
) -> AddedArticle:
    """Read an article's bytes (in `language`, or the one its words tell when None), store it with its deck and
    draft cards in one transaction, and commit.

    Raise AddArticleError (nothing stored) when question_bank cannot read it or it was added already.
    """
    now = now or utcnow()
    title = (title or "").strip() or None
    file = stored_name(data, title, upload_name)
    digest = file.rsplit("-", 1)[1]
    earlier = db.session.scalar(sa.select(Article).where(Article.file.like(f"added-%-{digest}")))
    if earlier is not None:
        raise AlreadyAddedError(earlier)
    try:
        article = question_bank.load_article(file, data, language)
    except question_bank.ArticleError as exc:
        raise AddArticleError(exc.reason) from None
    except KeyError as exc:  # no language pack for this language
        raise AddArticleError(str(exc.args[0])) from None
    if article.headline is None and title:
        article = dataclasses.replace(article, headline=title)

    # one article names few people: the bank's others make the wrong options of its office and quotation cards
    cards = question_bank.generate([article], include_disputed=True, known_people=bank_people())
    known = set(db.session.scalars(sa.select(Card.id).where(Card.id.in_([card.id for card in cards]))))
    try:
        BankWriter(now, new_status=CardStatus.DRAFT, retire_missing=False).write(
            [article], [card for card in cards if card.id not in known]
        )
        row = db.session.scalar(sa.select(Article).where(Article.file == file))
        assert row is not None and row.deck is not None, "BankWriter stores the article and its deck"
        row.added_by_id = added_by_id
        for card in cards:
            if card.id in known:
                _join(db.session.get_one(Card, card.id), card, row, now)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return AddedArticle(article=row, deck=row.deck, drafts=len(cards) - len(known), joined=len(known))


def _join(row: Card, card: question_bank.Card, article: Article, now: datetime) -> None:
    """Put a card the bank holds in the added article's deck and cite the article's sentences; keep its text."""
    assert article.deck is not None
    if article.deck not in row.decks:
        row.decks.append(article.deck)
    cited = {(source.article_id, source.sentence) for source in row.sources}
    for source in card.sources:
        if source.file == article.file and (article.id, source.sentence) not in cited:
            row.sources.append(CardSource(position=len(row.sources), article=article, sentence=source.sentence))
    row.updated_at = now
