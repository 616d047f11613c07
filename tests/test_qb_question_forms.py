"""A date is asked "When …?" where the sentence is short and the date surely its event's, else as a cloze."""

from __future__ import annotations

import pytest

from question_bank.cards.question_forms import when_question
from question_bank.lang import get_pack


def _ask(sentence: str, date: str, language: str) -> str | None:
    start = sentence.index(date)
    return when_question(sentence, (start, start + len(date)), get_pack(language))


@pytest.mark.parametrize(("sentence", "date", "language", "question"), [
    ("PSSI didirikan di Yogyakarta pada 19 April 1930.", "19 April 1930", "id", "Kapan PSSI didirikan di Yogyakarta?"),
    ("CSTO didirikan pada tahun 2002.", "2002", "id", "Kapan CSTO didirikan?"),
    ("Pada 2002, CSTO didirikan di Moskow.", "2002", "id", "Kapan CSTO didirikan di Moskow?"),
    ("NATO was founded in Washington on April 4, 1949.", "April 4, 1949", "en", "When was NATO founded in Washington?"),
    ("The next summit will be held in Turkey in 2026.", "2026", "en", "When will the next summit be held in Turkey?"),
    ("Armenia is due to leave the bloc on 1 March 2026.", "1 March 2026", "en",
     "When is Armenia due to leave the bloc?"),
])
def test_a_short_sentence_that_dates_its_event_is_asked_when(sentence: str, date: str, language: str,
                                                              question: str) -> None:
    assert _ask(sentence, date, language) == question


@pytest.mark.parametrize(("sentence", "date", "language"), [
    # the date is the conference's, not the movement's birth
    ("Gerakan Non-Blok lahir dari semangat Konferensi Asia Afrika yang digelar di Bandung pada tahun 1955.", "1955",
     "id"),
    ("Azerbaijan memegang keketuaan sejak KTT di Baku pada Oktober 2019.", "Oktober 2019", "id"),
    ("The ban was lifted after talks that ended in 2016.", "2016", "en"),
    # a comma, another year, or a date mid-sentence: the sentence says it better
    ("KTT BRICS dibuka di Rio de Janeiro, Brasil, pada 6 Juli 2025.", "6 Juli 2025", "id"),
    ("Brunei joined in 1984 and Vietnam followed in 1995.", "1984", "en"),
    ("Brunei joined in 1984, Vietnam in 1995.", "1984", "en"),
    # English asks "When" only where an auxiliary can go first; a verb in the past would need its root
    ("Finland joined NATO on April 4, 2023.", "April 4, 2023", "en"),
    # a first word that may be a person or a noun: its capital cannot be told
    ("Pertemuan OPEC berikutnya dijadwalkan berlangsung pada 1 Juni 2025.", "1 Juni 2025", "id"),
])
def test_a_date_that_may_not_be_the_events_stays_a_cloze(sentence: str, date: str, language: str) -> None:
    assert _ask(sentence, date, language) is None
