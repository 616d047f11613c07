"""Typed answers judged: the seeds' own spellings, case and accents, typos let through and typos refused."""

from __future__ import annotations

from pathlib import Path

import fsrs
import pytest

from quizapp.services.study.typed import (
    DiffPart,
    Verdict,
    Why,
    match_typed,
    normalise,
    typed_easy_ms,
    typed_rating,
    typo_allowance,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))

#: A member card of the seeds (options as question_bank generates them): the right one last.
MEMBER_OPTIONS = {
    "Kirgizstan": ["Yaman", "Azerbaijan", "Uzbekistan"],
    "Belarus": ["Uzbekistan", "Prancis", "Azerbaijan"],
    "Rusia": ["Georgia", "Azerbaijan", "Prancis"],
}


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("Kyrgyzstan", "Kirgizstan"),
        ("Kirgistan", "Kirgizstan"),
        ("Belarusia", "Belarus"),
    ],
)
def test_every_spelling_the_seeds_use_for_a_country_is_accepted(typed: str, answer: str) -> None:
    # the seeds themselves write the country both ways: the test is about spellings students have read
    assert typed in SEED_TEXT and answer in SEED_TEXT
    match = match_typed(typed, answer, MEMBER_OPTIONS[answer], "id")
    assert (match.verdict, match.why, match.matched) == (Verdict.ACCEPTED, Why.SPELLING, typed)
    assert match.correct


def test_the_english_name_of_a_country_on_an_indonesian_card_is_another_spelling() -> None:
    match = match_typed("Russia", "Rusia", MEMBER_OPTIONS["Rusia"], "id")
    assert (match.verdict, match.why) == (Verdict.ACCEPTED, Why.SPELLING)


@pytest.mark.parametrize("typed", ["kirgizstan", "KIRGIZSTAN", "  Kirgizstan. ", "Kírgizstán", "kirgiz-stan"])
def test_case_accents_punctuation_and_spacing_do_not_matter(typed: str) -> None:
    match = match_typed(typed, "Kirgizstan", MEMBER_OPTIONS["Kirgizstan"], "id")
    assert match.verdict is Verdict.EXACT
    assert match.diff == (DiffPart("equal", typed.strip()),)


def test_a_name_with_an_apostrophe_typed_without_it_is_exact() -> None:
    assert match_typed("james obrien", "James O’Brien", ["Zhu Yongbiao"], "id").verdict is Verdict.EXACT


@pytest.mark.parametrize(
    ("typed", "answer", "meant"),
    [
        ("Kirgizstn", "Kirgizstan", "Kirgizstan"),  # a letter left out
        ("Kyrgystan", "Kirgizstan", "Kyrgyzstan"),  # a typo of another spelling: measured against that one
        ("Armneia", "Armenia", "Armenia"),  # two letters swapped: one edit
        ("Imangali Tasmagambetof", "Imangali Tasmagambetov", "Imangali Tasmagambetov"),
        ("Januri 2023", "Januari 2023", "Januari 2023"),
    ],
)
def test_a_small_typo_is_close_and_the_diff_shows_it(typed: str, answer: str, meant: str) -> None:
    match = match_typed(typed, answer, ["Uzbekistan", "Azerbaijan", "Maret 2023", "Nikol Pashinyan"], "id")
    assert (match.verdict, match.matched) == (Verdict.CLOSE, meant)
    assert match.correct
    # the diff rebuilds both texts: what was typed from kept and extra runs, the answer from kept and missing
    assert "".join(p.text for p in match.diff if p.op != "missing") == typed
    assert "".join(p.text for p in match.diff if p.op != "extra") == meant
    assert any(p.op != "equal" for p in match.diff)


@pytest.mark.parametrize(
    ("typed", "answer", "options"),
    [
        ("Uzbekistan", "Kirgizstan", MEMBER_OPTIONS["Kirgizstan"]),  # a wrong option, rightly spelt
        ("Iran", "Irak", ["Armenia"]),  # another country is no typo, however near
        ("2021", "2020", ["2019", "2016"]),  # a number one digit off is another number
        ("2002", "2020", ["2019", "2016"]),
        ("Januari 2024", "Januari 2023", ["Maret 2023"]),
        ("Kazakstan", "Kirgizstan", MEMBER_OPTIONS["Kirgizstan"]),  # a spelling of another country
        ("Peskov", "Vladimir Putin", ["Dmitry Peskov"]),  # a wrong option's family name
        ("Psekov", "Vladimir Putin", ["Dmitry Peskov"]),  # and a typo of it
        ("Krgzstn", "Kirgizstan", MEMBER_OPTIONS["Kirgizstan"]),  # three edits on a ten-letter name: too many
        ("Rus", "Rusia", MEMBER_OPTIONS["Rusia"]),
        ("", "Rusia", MEMBER_OPTIONS["Rusia"]),
    ],
)
def test_a_wrong_answer_or_a_typo_too_far_is_wrong(typed: str, answer: str, options: list[str]) -> None:
    match = match_typed(typed, answer, options, "id")
    assert match.verdict is Verdict.WRONG
    assert not match.correct
    # kept runs are shown as typed: the answer comes back but for case
    assert "".join(p.text for p in match.diff if p.op != "extra").casefold() == answer.casefold()


def test_a_wrong_option_typed_is_named_by_its_place_among_the_wrong_options() -> None:
    assert match_typed("uzbekistan", "Kirgizstan", MEMBER_OPTIONS["Kirgizstan"], "id").wrong_option == 2


def test_a_typo_as_near_to_a_wrong_option_as_to_the_answer_is_wrong() -> None:
    # "Mirzoyav" is one edit from the answer and one from a wrong option: which one was meant cannot be told
    assert match_typed("Mirzoyav", "Mirzoyan", ["Mirzoyev"], "en").verdict is Verdict.WRONG
    assert match_typed("Mirzoyav", "Mirzoyan", ["Aliyev"], "en").verdict is Verdict.CLOSE
    # nearer to the wrong option than to the answer
    assert match_typed("Mirzoyevv", "Mirzoyan", ["Mirzoyev"], "en").verdict is Verdict.WRONG


def test_a_persons_family_name_is_accepted_unless_a_wrong_option_shares_it() -> None:
    match = match_typed("putin", "Vladimir Putin", ["Dmitry Peskov", "Ilham Aliyev"], "id")
    assert (match.verdict, match.why, match.matched) == (Verdict.ACCEPTED, Why.SHORT_FORM, "Putin")
    assert match_typed("Pashinian", "Nikol Pashinyan", ["Dmitry Peskov"], "id").verdict is Verdict.CLOSE
    assert match_typed("Putin", "Vladimir Putin", ["Lyudmila Putin"], "id").verdict is Verdict.WRONG


def test_a_number_in_words_and_the_value_as_the_article_states_it_are_accepted() -> None:
    assert match_typed("enam", "6", ["8", "4", "3"], "id").why is Why.SPELLING
    stated = match_typed("Minggu (27/11/2022)", "27 November 2022", ["20 November 2022"], "id",
                         also_written=["Minggu (27/11/2022)"])
    assert (stated.verdict, stated.why) == (Verdict.ACCEPTED, Why.SPELLING)


def test_another_value_of_the_same_fact_is_right_too_but_never_a_wrong_option() -> None:
    members = ["Belarus", "Rusia", "Kazakhstan"]
    match = match_typed("Belarusia", "Armenia", ["Uzbekistan", "Azerbaijan", "Irak"], "id", also_right=members)
    assert (match.verdict, match.why, match.matched) == (Verdict.ACCEPTED, Why.ALSO_RIGHT, "Belarusia")
    confused = match_typed("Irak", "Armenia", ["Irak"], "id", also_right=["Irak"])
    assert confused.verdict is Verdict.WRONG


def test_the_typo_allowance_grows_with_the_length() -> None:
    assert [typo_allowance("x" * n) for n in (3, 4, 8, 9, 13, 14, 40)] == [0, 1, 1, 2, 2, 3, 3]
    assert normalise("Kassym-Jomart  Tokayev!") == "kassymjomarttokayev"


@pytest.mark.parametrize(
    ("typed", "elapsed_ms", "rating"),
    [
        ("Kirgizstan", 2_000, fsrs.Rating.Easy),
        ("Kyrgyzstan", 2_000, fsrs.Rating.Easy),  # a spelling the articles use is the answer, not a typo
        ("Kirgizstan", 20_000, fsrs.Rating.Good),
        ("Kirgizstan", None, fsrs.Rating.Good),  # untimed
        ("Kirgizstan", 60 * 60 * 1000, fsrs.Rating.Good),  # away
        ("Kirgizstn", 2_000, fsrs.Rating.Hard),
        ("Uzbekistan", 2_000, fsrs.Rating.Again),
        ("", 2_000, fsrs.Rating.Again),
    ],
)
def test_a_typed_answer_is_rated_as_recall(typed: str, elapsed_ms: int | None, rating: fsrs.Rating) -> None:
    match = match_typed(typed, "Kirgizstan", MEMBER_OPTIONS["Kirgizstan"], "id")
    assert typed_rating(match, elapsed_ms) is rating


def test_the_easy_limit_allows_for_typing_the_answer_and_another_value_is_never_easy() -> None:
    assert typed_easy_ms("Imangali Tasmagambetov") > typed_easy_ms("Rusia")
    just_in = match_typed("Imangali Tasmagambetov", "Imangali Tasmagambetov", [], "id")
    assert typed_rating(just_in, typed_easy_ms("Imangali Tasmagambetov")) is fsrs.Rating.Easy
    assert typed_rating(just_in, typed_easy_ms("Imangali Tasmagambetov") + 1) is fsrs.Rating.Good
    other = match_typed("Belarus", "Armenia", [], "id", also_right=["Belarus"])
    assert typed_rating(other, 1_000) is fsrs.Rating.Good
