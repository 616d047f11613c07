"""Load the question bank into the database: articles, their decks, and the cards question_bank makes.

Loading is idempotent and keeps history. The articles given are the whole corpus: a card whose id exists
is updated in place, a new one is added, and a generated card the generator no longer makes is retired,
never deleted, so every answer and schedule pointing to it stays. A retired card that comes back is
active again. Authored and imported cards are never touched, nor are the cards of articles an instructor
added in the app (they are not part of the corpus on disk).

An instructor's decision outlasts any reload: a card an instructor approved or retired keeps its status, and
one they edited keeps its text. Facts the articles disagree on are stored as drafts for an instructor to
settle, unless include_disputed asks for them to be served as they are (attributed to their source). A card
the generator is unsure of (its confidence below question_bank.DRAFT_BELOW) is stored as a draft too, for an
instructor to approve.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
import sqlalchemy.orm as so

import question_bank
from quizapp.db import db, utcnow
from quizapp.models import ALL_DECK_SLUG, Article, Card, CardOrigin, CardSource, CardStatus, Choice, Deck
from quizapp.services.bank.stored_articles import article_text, content_hash, deck_title, slugify

ALL_DECK_TITLE = "All articles"


@dataclass(frozen=True)
class LoadReport:
    """What a load did. When errors is not empty, nothing was stored."""

    articles_added: int = 0
    articles_updated: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    reactivated: int = 0
    errors: tuple[str, ...] = ()
    #: Generated cards in the bank that wait as drafts for an instructor (disputed facts and cards the generator
    #: is unsure of among them): a count of the bank after the load, not of what the load did, so it is left out
    #: of comparisons.
    drafts: int = field(default=0, compare=False)

    @property
    def ok(self) -> bool:
        """Tell whether the load succeeded."""
        return not self.errors

    def summary(self) -> str:
        """Say what changed in one line."""
        return (
            f"cards: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.retired} retired, {self.reactivated} reactivated; "
            f"articles: {self.articles_added} added, {self.articles_updated} updated"
            + (f"; {self.drafts} generated questions wait as drafts for an instructor's review" if self.drafts else "")
        )


def load_bank(
    paths: Iterable[str | Path], *, language: str | None = None, include_disputed: bool = False
) -> LoadReport:
    """Read the articles under paths, generate their cards and store both in one transaction.

    If any path cannot be read, nothing is stored: a partial corpus would retire the cards of the
    articles that failed.
    """
    try:
        result = question_bank.read_articles(paths, language=language)
    except KeyError as exc:  # an unknown language code
        return LoadReport(errors=(str(exc.args[0]),))
    errors = [f"{error.file}: {error.reason}" for error in result.errors]
    if not result.articles and not errors:
        errors.append("no article could be read")
    if errors:
        return LoadReport(errors=tuple(errors))

    # Disputed facts are always stored, as drafts unless asked for: an instructor settles them in the app.
    cards = question_bank.generate(result.articles, include_disputed=True, known_people=bank_people())
    try:
        report = BankWriter(utcnow(), serve_disputed=include_disputed).write(result.articles, cards)
        db.session.commit()
        report = replace(report, drafts=_generated_drafts())
    except Exception:
        db.session.rollback()
        raise
    return report


class BankWriter:
    """Stores one load in the session; the caller commits.

    new_status is the status of a card seen for the first time (draft for an article an instructor adds, so
    that nothing reaches students before they approve it); retire_missing retires the corpus's generated
    cards that this load does not make, which only a load of the whole corpus may do.
    """

    def __init__(
        self,
        now: datetime,
        *,
        new_status: CardStatus = CardStatus.ACTIVE,
        retire_missing: bool = True,
        serve_disputed: bool = False,
    ) -> None:
        self.now = now
        self.new_status = new_status
        self.retire_missing = retire_missing
        self.serve_disputed = serve_disputed
        # what the load did, by LoadReport field name
        self.counts: Counter[str] = Counter()

    def write(self, articles: Sequence[question_bank.Article], cards: Sequence[question_bank.Card]) -> LoadReport:
        article_rows = {article.file: self._upsert_article(article) for article in articles}
        all_deck = self._all_deck()
        taken_slugs = set(db.session.scalars(sa.select(Deck.slug)))
        article_decks = {
            file: self._article_deck(row, article, taken_slugs)
            for (file, row), article in zip(article_rows.items(), articles, strict=True)
        }
        self._write_cards(cards, article_rows, article_decks, all_deck)
        db.session.flush()
        return LoadReport(**self.counts)

    def status_for(self, card: question_bank.Card) -> CardStatus:
        """Return the status a card the generator makes gets, unless an instructor has decided it."""
        if card.fact.get("disputed") and not self.serve_disputed:
            return CardStatus.DRAFT
        if card.is_draft:  # the generator is unsure of it: an instructor approves it before students see it
            return CardStatus.DRAFT
        return self.new_status

    # --- articles and decks ---------------------------------------------------------------------------

    def _upsert_article(self, article: question_bank.Article) -> Article:
        digest = content_hash(article)
        row = db.session.scalar(sa.select(Article).where(Article.file == article.file))
        if row is not None and row.content_hash == digest:
            return row
        if row is None:
            row = Article(file=article.file, created_at=self.now)
            db.session.add(row)
            self.counts["articles_added"] += 1
        else:
            self.counts["articles_updated"] += 1
        row.language = article.language
        row.outlet = article.outlet
        row.headline = article.headline
        row.dateline = article.dateline
        row.text = article_text(article)
        row.content_hash = digest
        row.updated_at = self.now
        return row

    def _all_deck(self) -> Deck:
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == ALL_DECK_SLUG))
        if deck is None:
            deck = Deck(
                slug=ALL_DECK_SLUG,
                title=ALL_DECK_TITLE,
                description="Every card from every article.",
                created_at=self.now,
            )
            db.session.add(deck)
        return deck

    def _article_deck(self, row: Article, article: question_bank.Article, taken_slugs: set[str]) -> Deck:
        """Return the article's deck, made on first load; its slug never changes, so links keep working."""
        title = deck_title(article)
        if row.deck is not None:
            if row.deck.title != title:
                row.deck.title = title
            return row.deck
        base = slugify(article.headline or "") or slugify(Path(article.file).stem) or "article"
        slug = base
        for number in itertools.count(2):
            if slug not in taken_slugs:
                break
            slug = f"{base}-{number}"
        taken_slugs.add(slug)
        deck = Deck(slug=slug, title=title, article=row, created_at=self.now)
        db.session.add(deck)
        return deck

    # --- cards ----------------------------------------------------------------------------------------

    def _write_cards(
        self,
        cards: Sequence[question_bank.Card],
        article_rows: dict[str, Article],
        article_decks: dict[str, Deck],
        all_deck: Deck,
    ) -> None:
        stored = {
            row.id: row
            for row in db.session.scalars(
                sa.select(Card)
                .where(Card.origin == CardOrigin.GENERATED)
                .options(so.selectinload(Card.choices), so.selectinload(Card.sources), so.selectinload(Card.decks))
            )
        }
        # An authored or imported card's id is a uuid and cannot be a generator id; guard anyway, since
        # updating it would silently overwrite an instructor's work.
        foreign_ids = set(db.session.scalars(sa.select(Card.id).where(Card.origin != CardOrigin.GENERATED)))
        produced: set[str] = set()
        for card in cards:
            if card.id in foreign_ids or card.id in produced:
                continue
            produced.add(card.id)
            decks = [all_deck, *dict.fromkeys(article_decks[s.file] for s in card.sources if s.file in article_decks)]
            row = stored.get(card.id)
            if row is None:
                self._add_card(card, article_rows, decks)
            else:
                self._update_card(row, card, article_rows, decks)
        if not self.retire_missing:
            return
        added = _cards_of_added_articles()
        for row in stored.values():
            if row.id in produced or row.status == CardStatus.RETIRED or row.id in added:
                continue
            if row.edited_at is not None:
                continue  # an instructor's own version of the fact stands on its own
            row.status = CardStatus.RETIRED
            row.updated_at = self.now
            self.counts["retired"] += 1

    def _add_card(self, card: question_bank.Card, article_rows: dict[str, Article], decks: list[Deck]) -> None:
        row = Card(
            id=card.id,
            origin=CardOrigin.GENERATED,
            status=self.status_for(card),
            created_at=self.now,
            updated_at=self.now,
        )
        _apply_content(row, card, article_rows)
        row.decks = decks
        db.session.add(row)
        self.counts["added"] += 1

    def _update_card(
        self,
        row: Card,
        card: question_bank.Card,
        article_rows: dict[str, Article],
        decks: list[Deck],
    ) -> None:
        # An instructor's edit wins over the generator's text; the sources still follow the articles.
        changed = _apply_content(row, card, article_rows, text=row.edited_at is None)
        changed = _link_decks(row, decks) or changed
        wanted = row.status
        if row.reviewed_at is None and (row.status == CardStatus.RETIRED or card.fact.get("disputed") or card.is_draft):
            # A card that comes back, a disputed one or one the generator is now unsure of follows this load; a
            # draft held back stays one.
            wanted = self.status_for(card)
        if row.status == CardStatus.RETIRED and wanted != CardStatus.RETIRED:
            row.status = wanted
            self.counts["reactivated"] += 1
        elif row.status != wanted:
            row.status = wanted
            self.counts["updated"] += 1
        elif changed:
            self.counts["updated"] += 1
        else:
            self.counts["unchanged"] += 1
            return
        row.updated_at = self.now


def bank_people() -> list[str]:
    """Return the people the bank's cards name as office holders or speakers, for wrong options beyond a corpus."""
    query = (
        sa.select(Card.fact_value)
        .where(Card.kind.in_(("role", "speaker")), Card.status != CardStatus.RETIRED, Card.fact_value.is_not(None))
        .distinct()
        .order_by(Card.fact_value)
    )
    return [name for name in db.session.scalars(query) if name]


def _generated_drafts() -> int:
    """Count the generated cards waiting as drafts for an instructor."""
    generated_draft = sa.and_(Card.origin == CardOrigin.GENERATED, Card.status == CardStatus.DRAFT)
    query = sa.select(sa.func.count(Card.id)).where(generated_draft)
    return db.session.scalar(query) or 0


def _cards_of_added_articles() -> set[str]:
    """Return the ids of generated cards whose every source is an article an instructor added in the app."""
    from_added = sa.select(CardSource.card_id).join(Article).where(Article.added_by_id.is_not(None))
    from_corpus = sa.select(CardSource.card_id).join(Article, isouter=True).where(Article.added_by_id.is_(None))
    return set(db.session.scalars(from_added.except_(from_corpus)))


def _apply_content(
    row: Card, card: question_bank.Card, article_rows: dict[str, Article], *, text: bool = True
) -> bool:
    """Make row say what card says, changing only what differs; return whether anything did.

    With text False only the sources are brought up to date: the question, choices and explanation stay.
    """
    changed = False
    if text:
        changed = _apply_text(row, card)
    for position, source in enumerate(card.sources):
        article = article_rows.get(source.file)
        if position < len(row.sources):
            stored = row.sources[position]
            if (stored.article, stored.sentence) != (article, source.sentence):
                stored.article, stored.sentence = article, source.sentence
                changed = True
        else:
            row.sources.append(CardSource(position=position, article=article, sentence=source.sentence))
            changed = True
    if len(row.sources) > len(card.sources):
        del row.sources[len(card.sources):]
        changed = True
    return changed


def _apply_text(row: Card, card: question_bank.Card) -> bool:
    """Make row's question, fact, choices and explanation say what card says; return whether any changed."""
    changed = False
    values = {
        "kind": card.kind,
        "language": card.language,
        "question": card.question,
        "fact_subject": card.fact.get("subject"),
        "fact_value": card.fact.get("value"),
        "negated": bool(card.fact.get("negated", False)),
        "disputed": bool(card.fact.get("disputed", False)),
        "explanation": card.explanation,
    }
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True

    # Choices and sources are updated position by position, never replaced, so no row is deleted and
    # re-made under the same (card, position).
    for position, text in enumerate(card.options):
        is_correct = position == card.answer
        if position < len(row.choices):
            choice = row.choices[position]
            if (choice.text, choice.is_correct) != (text, is_correct):
                choice.text, choice.is_correct = text, is_correct
                changed = True
        else:
            row.choices.append(Choice(position=position, text=text, is_correct=is_correct))
            changed = True
    if len(row.choices) > len(card.options):
        del row.choices[len(card.options):]
        changed = True
    return changed


def _link_decks(row: Card, decks: list[Deck]) -> bool:
    """Put row in exactly these of the decks the corpus manages (its article decks and "all"); leave others alone.

    The deck of an article an instructor added is not the corpus's: a card it shares with the corpus stays in it.
    """
    wanted = set(decks)
    changed = False
    for deck in list(row.decks):
        from_corpus = deck.article is not None and deck.article.added_by_id is None
        if (deck.slug == ALL_DECK_SLUG or from_corpus) and deck not in wanted:
            row.decks.remove(deck)
            changed = True
    for deck in decks:
        if deck not in row.decks:
            row.decks.append(deck)
            changed = True
    return changed
