"""English articles: told apart from Indonesian ones, read with the English pack, asked in English."""

from __future__ import annotations

import pytest

from question_bank import generate, load_article
from question_bank.lang import detect_language, get_pack

ENGLISH = """\
JAKARTA, May 26 (Newswire) –
Leaders of Southeast Asia gathered in Kuala Lumpur on Monday, May 26, 2025, for the 46th summit of the bloc.
The region has about 680 million people and trade between its members grew by 4.2% last year.
Output was cut by 1,250 barrels a day, after 3,380 people had signed the petition.
"""

INDONESIAN = """\
Warta Kawasan, Kuala Lumpur –
Para pemimpin Asia Tenggara berkumpul dalam KTT ke-46 di Kuala Lumpur pada Senin (26/5/2025).
Kawasan ini memiliki penduduk sekitar 680 juta jiwa dan perdagangan tumbuh 4,2 persen tahun lalu.
"""


@pytest.mark.parametrize(("text", "language"), [
    ("The president said that Indonesia will remain a member of the bloc.", "en"),
    ("Presiden mengatakan bahwa Indonesia akan tetap menjadi anggota blok itu.", "id"),
    ("12345 — 678", "id"),  # no word of either language: the default
])
def test_each_text_is_told_by_its_own_words(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_an_article_is_read_in_its_own_language() -> None:
    assert load_article("en.txt", ENGLISH.encode()).language == "en"
    assert load_article("id.txt", INDONESIAN.encode()).language == "id"
    # a language given by the caller wins over what the words say
    assert load_article("en.txt", ENGLISH.encode(), language="id").language == "id"


def test_english_cards_are_written_in_english() -> None:
    cards = generate([load_article("en.txt", ENGLISH.encode())])
    by_answer = {c.options[c.answer]: c for c in cards}
    assert {"May 26, 2025", "46th", "680 million", "4.2%"} <= set(by_answer)
    date = by_answer["May 26, 2025"]
    assert date.language == "en"
    assert date.question.startswith("Complete the sentence: ")
    # wrong options are written the English way too: month first, ordinal suffixes, a decimal point
    assert all(o.split()[0] in {"April", "May", "June"} for o in date.options)
    assert all(o.endswith(("st", "nd", "rd", "th")) for o in by_answer["46th"].options)
    assert all("." in o and "," not in o for o in by_answer["4.2%"].options)


def test_english_figures_use_a_comma_between_thousands() -> None:
    cards = generate([load_article("en.txt", ENGLISH.encode())])
    answers = {c.options[c.answer] for c in cards}
    assert "3,380" in answers  # read as three thousand, not 3.38
    assert "1,250" in answers


def test_indonesian_figures_keep_their_own_marks() -> None:
    cards = generate([load_article("id.txt", INDONESIAN.encode())])
    answers = {c.options[c.answer] for c in cards}
    assert {"ke-46", "680 juta", "4,2 persen"} <= answers


def test_cities_come_from_cldr_in_both_languages() -> None:
    assert get_pack("id").places["vienna"] == "Wina"
    assert get_pack("en").places["kuala lumpur"] == "Kuala Lumpur"
    assert "lima" not in get_pack("id").places  # "lima" is five in Indonesian, not Peru's capital
