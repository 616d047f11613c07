"""The generator on the project's own test articles, against the facts a careful reader finds in them.

The articles in tests/data/articles were written for these tests, on subjects unlike the seeds, in Indonesian
and English, each carrying a trap real news sets (misspelt countries, lines without a full stop, partners
named next to members, day-and-month dates, titles before names, ...). Each reading has a floor at what the
generator reaches today (the issue's target is P 0.90 and R 0.75 in every reading): a change that drops under
one has lost facts, or made wrong cards, on news it was not fitted to. Raise a floor when the generator betters it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from question_bank import Card, generate, read_articles
from tests.gold_scoring import Score, read_gold, score

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
GOLD = sorted((DATA / "gold").glob("*_gold.jsonl"))

#: reading -> (precision, recall) the generator must keep
FLOORS = {
    "all at once": (0.95, 0.86),
    "Indonesian alone": (0.97, 0.87),
    "English alone": (0.95, 0.84),
    "each article alone": (0.95, 0.81),
}


@cache
def _gold() -> tuple[dict, ...]:
    return tuple(read_gold(*GOLD))


def _articles(prefix: str = ""):
    result = read_articles(sorted(ARTICLES.glob(f"{prefix}*.txt")))
    assert not result.errors
    return result.articles


def _score(cards: list[Card], alone: bool = False, prefix: str = "") -> Score:
    gold = [g for g in _gold() if g["file"].startswith(prefix)]
    return score(cards, gold, alone=alone)


def _served(articles) -> list[Card]:
    """The cards a student may be shown: drafts wait for an instructor, as the CLI and quizapp keep them."""
    return [c for c in generate(articles) if not c.is_draft]


READINGS = {
    "all at once": lambda: _score(_served(_articles())),
    "Indonesian alone": lambda: _score(_served(_articles("id_")), prefix="id_"),
    "English alone": lambda: _score(_served(_articles("en_")), prefix="en_"),
    "each article alone": lambda: _score([c for a in _articles() for c in _served([a])], alone=True),
}


def test_the_set_has_thirty_articles_ten_of_them_english() -> None:
    files = sorted(ARTICLES.glob("*.txt"))
    assert len(files) >= 30
    assert sum(f.name.startswith("en_") for f in files) >= 10
    assert {g["file"] for g in _gold()} == {f.name for f in files}


def test_every_gold_fact_quotes_its_article() -> None:
    texts = {f.name: " ".join(f.read_text("utf-8").split()) for f in ARTICLES.glob("*.txt")}
    for row in _gold():
        assert " ".join(row["evidence"].split()) in texts[row["file"]], row


@pytest.mark.parametrize("reading", READINGS)
def test_cards_are_right_and_cover_the_facts(reading: str) -> None:
    result = READINGS[reading]()
    precision, recall = FLOORS[reading]
    report = "\n".join([*result.wrong, *result.missed[:40]])
    assert result.precision >= precision, f"{reading}: precision {result.precision:.3f}\n{report}"
    assert result.recall >= recall, f"{reading}: recall {result.recall:.3f}\n{report}"
