"""Answer totals per user and card, which triggers on answers keep equal to the answers themselves."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask
from test_stats import NOW, Study, make_card, make_deck

from quizapp.db import db
from quizapp.models import Answer, AnswerTotal
from quizapp.services import stats


def totals() -> dict[tuple[int, str], tuple[int, int]]:
    """Return the stored totals by (user, card): answered, correct."""
    rows = db.session.execute(sa.select(AnswerTotal.user_id, AnswerTotal.card_id, AnswerTotal.answered,
                                         AnswerTotal.correct))
    return {(user_id, card_id): (answered, correct) for user_id, card_id, answered, correct in rows}


def counted_from_answers() -> dict[tuple[int, str], tuple[int, int]]:
    """Return the same totals counted from the answers."""
    query = sa.select(
        Answer.user_id, Answer.card_id, sa.func.count(), sa.func.sum(sa.case((Answer.correct, 1), else_=0))
    ).group_by(Answer.user_id, Answer.card_id)
    return {(user_id, card_id): (n, int(right)) for user_id, card_id, n, right in db.session.execute(query)}


def test_the_totals_follow_every_answer_stored_changed_or_deleted(app: Flask) -> None:
    deck = make_deck("d", "Deck")
    first, second = make_card(decks=[deck]), make_card(decks=[deck])
    siti, budi = Study("siti"), Study("budi")
    right = siti.answer(first, True, NOW)
    siti.answer(first, False, NOW)
    budi.answer(first, True, NOW)
    # a bulk insert, as the ORM never does it here, fires the triggers too
    db.session.execute(sa.insert(Answer), [
        {"user_id": siti.id, "card_id": second.id, "chosen_position": 0, "correct": True, "answered_at": NOW}
        for _ in range(3)
    ])
    assert totals() == counted_from_answers() == {
        (siti.id, first.id): (2, 1), (budi.id, first.id): (1, 1), (siti.id, second.id): (3, 3),
    }

    right.correct = False
    db.session.flush()
    assert totals()[(siti.id, first.id)] == (2, 0)
    right.card_id = second.id
    db.session.flush()
    assert totals() == counted_from_answers()

    db.session.execute(sa.delete(Answer).where(Answer.user_id == budi.id))
    assert (budi.id, first.id) not in totals()  # no answer left: no total either
    assert totals() == counted_from_answers()


def test_accuracy_reads_the_totals(app: Flask) -> None:
    deck = make_deck("d", "Deck")
    card = make_card("date", decks=[deck])
    siti = Study()
    for correct in (True, True, False):
        siti.answer(card, correct, NOW)
    db.session.commit()
    by_deck, by_kind = stats.accuracy(siti.id)
    assert [(row.key, row.correct, row.total) for row in by_deck] == [("d", 2, 3)]
    assert [(row.key, row.correct, row.total) for row in by_kind] == [("date", 2, 3)]
