"""Bugs found in the generator, each with the test that would have caught it."""

from __future__ import annotations

import random

from question_bank import generate, load_article
from question_bank.cards.values import nearby_dates
from question_bank.extract.dates import DateValue


def test_nearby_dates_never_offers_a_day_the_month_lacks() -> None:
    """30 Maret moved back a month gave "30 Februari 2023"."""
    for seed in range(20):
        for near in nearby_dates(DateValue(2023, 3, 30), random.Random(seed), set()):
            assert not (near.month == 2 and near.day > 28), near


def test_an_impossible_date_in_the_text_is_not_a_fact() -> None:
    text = (
        "Pada 31 Februari 2022, sebuah peristiwa terjadi di Moskow.\n"
        "Armenia terlibat dalam perang pada tahun 2020.\n"
    )
    cards = generate([load_article("x.txt", text.encode())])
    values = [c.fact["value"] for c in cards if c.kind == "date"]
    assert values == ["2020"]
