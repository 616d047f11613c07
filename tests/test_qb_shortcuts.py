"""The generator's shortcuts answer as the slower reading they spare would."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from question_bank.cards.pools import _by_first_word, _named_in
from question_bank.entities import _list_neighbours, _may_follow_an_item
from question_bank.lang import get_pack
from question_bank.loading import _SIGN_OFF, _TERMINAL, _ends_with_stop, _without_sign_off
from question_bank.model import Sentence

_LINE = st.text(alphabet=st.sampled_from(list("ab .!?”\"’)(*[]/Â€�,:")), max_size=30)


@given(_LINE)
def test_a_line_ends_with_a_stop_as_the_whole_pattern_says(line: str) -> None:
    assert _ends_with_stop(line) == (_TERMINAL.search(line) is not None)


@given(_LINE)
def test_a_sign_off_is_dropped_as_the_whole_pattern_says(line: str) -> None:
    assert _without_sign_off(line) == _SIGN_OFF.sub("", line)


_WORDS = st.sampled_from(["OPEC", "OPEC+", "G20", "Uni Eropa", "CSTO", "+X", "ASEAN", "Asean", "SCO"])


@given(st.lists(_WORDS, max_size=5, unique=True), st.lists(st.sampled_from(
    ["OPEC+", "G20", "G2", "Uni", "Eropa", "CSTOX", "ASEAN-nya", "+X", "x", ",", " "]), max_size=8))
def test_the_organisations_an_article_may_name_include_every_one_it_names(orgs: list[str], words: list[str]) -> None:
    text = " ".join(words)
    sentences = [Sentence(file="a.txt", paragraph=0, index=0, text=text)]
    named = {org for org in orgs if re.search(rf"(?<!\w){re.escape(org)}(?!\w)", text)}
    assert named <= set(_named_in(sentences, _by_first_word(orgs)))


@given(st.lists(st.sampled_from(["Tukri", "Brunei", "the", ", ", " dan ", " and ", ", and the ", " ", "-", ". "]),
                max_size=6).map("".join))
def test_the_precheck_for_an_item_before_a_country_misses_none(before: str) -> None:
    for code in ("id", "en"):
        text = before + "Laos"
        found = _list_neighbours(get_pack(code))[1].search(text, max(0, len(before) - 60), len(before))
        if found:
            assert _may_follow_an_item(text, len(before), get_pack(code))


_LEAD_PARTS = ["anggota ", "NATO ", "yaitu ", "terdiri dari ", "dibentuk ", "oleh ", "members ", "include ",
               "the ", ", ", "antara lain ", "negara ", "lima ", "x" * 40 + " ", "founded by ", "such as "]


@given(st.lists(st.sampled_from(_LEAD_PARTS), max_size=40).map("".join), st.sampled_from(["id", "en"]))
def test_a_lists_lead_is_found_near_the_list_as_far_back(before: str, code: str) -> None:
    """The lead patterns end where the list starts: looking back a window finds what the whole text does."""
    from question_bank.extract.members import _LEAD_WINDOW, _phrases

    phrases = _phrases(get_pack(code))
    for pattern in (phrases.lead, phrases.org_list):
        whole = pattern.search(before)
        near = pattern.search(before, max(0, len(before) - _LEAD_WINDOW))
        assert (whole and whole.span()) == (near and near.span())
