"""Confidence: every card says how sure the generator is, drafts fall below a threshold, and the CLI hides them."""

from __future__ import annotations

import dataclasses
import json
from io import StringIO
from pathlib import Path

import pytest
from qb_helpers import PROJECT, SEEDS, inline_article, load_seed, seed_cards

from question_bank import DRAFT_BELOW, Card, generate, load_article
from question_bank.cards.confidence import FACTORS, Doubts, confidence, leans_on_context
from question_bank.cli import main
from question_bank.lang import get_pack

PACK = get_pack("id")
ARTICLES = PROJECT / "tests" / "data" / "articles"

#: A cloze that leans on the sentence before ("Hal ini") and has only three options: a draft.
DRAFT_ARTICLE = (
    "Kabar Minyak – Organisasi Negara-Negara Pengekspor Minyak (OPEC) sepakat memangkas produksi minyak mentah "
    "dalam pertemuan di Wina, Austria.\n"
    "Hal ini merupakan pemangkasan kedua belas sejak kelompok tersebut dibentuk.\n"
)


def by_value(cards: list[Card], value: str) -> Card:
    [card] = [c for c in cards if c.fact["value"] == value and not c.fact.get("negated")]
    return card


# --- the signals ----------------------------------------------------------------------------------------

def test_no_doubt_is_full_confidence() -> None:
    assert confidence(Doubts()) == 1.0


@pytest.mark.parametrize("doubt", sorted(FACTORS))
def test_one_doubt_alone_never_makes_a_draft(doubt: str) -> None:
    value = confidence(Doubts(**{doubt: True}))
    if doubt == "leans_on_context":
        assert value < DRAFT_BELOW  # a question that does not stand alone waits for an instructor
    else:
        assert DRAFT_BELOW <= value < 1.0


def test_a_doubt_about_the_question_and_three_options_make_a_draft() -> None:
    assert confidence(Doubts(leans_on_context=True), options=3) < DRAFT_BELOW
    assert confidence(Doubts(corrected=True, unverified_outsiders=True, single_phrase=True)) < DRAFT_BELOW


def test_a_second_article_halves_the_doubt_about_the_fact_not_about_the_question() -> None:
    assert confidence(Doubts(corrected=True), articles=2) == pytest.approx(1 - (1 - FACTORS["corrected"]) / 2)
    assert confidence(Doubts(leans_on_context=True), articles=2) == FACTORS["leans_on_context"]


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("Hal ini berbeda dengan NATO yang terus menerima anggota baru sejak 1949.", True),
        ("Langkah tersebut diambil pada 5 Juni 2025.", True),
        ("Survei tersebut melibatkan 7.200 petugas lapangan.", True),
        ("Pertemuan puncak itu dihadiri 10 kepala negara.", True),
        ("Namun, hal ini tidak mengubah keputusan pada 2023.", True),
        ("Ia menyatakan bahwa permintaan meningkat pada 2024.", True),
        ("Selain itu, Tasmagambetov menekankan potensi pasukan pada 2022.", False),
        ("Pada Januari 2022, CSTO mengerahkan pasukan penjaga perdamaiannya.", False),
        ("Pasukan penjaga perdamaian Rusia dikerahkan ke wilayah tersebut pada tahun 2020.", False),
        ("Indonesia bergabung pada Januari 2025.", False),
        ("Itulah sebabnya harga naik 3 persen.", False),  # "itu" inside a longer word is no opener
    ],
)
def test_a_sentence_that_points_back_is_found(sentence: str, leans: bool) -> None:
    assert leans_on_context(sentence, PACK) is leans


def test_a_pack_without_the_words_finds_no_context() -> None:
    bare = dataclasses.replace(PACK, context_dependent_openers=(), trailing_demonstratives=frozenset(), patterns={})
    assert not leans_on_context("Hal ini terjadi pada 2020.", bare)


# --- the cards ------------------------------------------------------------------------------------------

def test_every_card_has_a_confidence_in_range() -> None:
    file = "id_asean_ktt_kuala_lumpur.txt"
    cards = [*seed_cards(), *generate([load_article(file, (ARTICLES / file).read_bytes())])]
    for card in cards:
        assert 0.0 <= card.confidence <= 1.0
        assert card.to_dict()["confidence"] == round(card.confidence, 2)


def test_only_the_seed_clozes_that_lean_on_context_are_drafts() -> None:
    drafts = [c for c in seed_cards() if c.is_draft]
    assert [c.question.split("“")[1][:18] for c in drafts] == ["Aliansi ini dibent", "Hal ini berbeda de"]
    assert [c for c in seed_cards(include_disputed=True) if c.is_draft] == drafts


def test_a_cloze_that_points_back_is_less_sure() -> None:
    nato = [c for c in seed_cards() if c.kind == "date" and c.options[c.answer] == "1949"]
    assert [c.confidence for c in nato] == [FACTORS["leans_on_context"]]


def test_a_misspelt_country_is_less_sure() -> None:
    file = "id_asean_ktt_kuala_lumpur.txt"
    cards = generate([load_article(file, (ARTICLES / file).read_bytes())])
    assert by_value(cards, "Singapura").confidence < by_value(cards, "Malaysia").confidence == 1.0


def test_a_member_in_passing_with_outsiders_from_cldr_is_less_sure() -> None:
    """003 names Kazakhstan "anggota CSTO" once; its other members go unlisted, so CLDR's outsiders may be some."""
    card = by_value(generate([load_seed("003")]), "Kazakhstan")
    assert card.confidence == pytest.approx(FACTORS["single_phrase"] * FACTORS["unverified_outsiders"])


def test_a_whole_membership_makes_outsiders_from_cldr_sure() -> None:
    text = "Kabar Pagi – ASEAN beranggotakan empat negara, yaitu Indonesia, Malaysia, Thailand, dan Vietnam.\n"
    cards = [c for c in generate([inline_article(text)]) if c.kind == "member"]
    assert cards and all(c.confidence == 1.0 for c in cards)


def test_a_quotation_continued_from_an_earlier_sentence_is_less_sure() -> None:
    speakers = [c for c in seed_cards() if c.kind == "speaker"]
    continued = [c for c in speakers if "Tapi setidaknya" in c.question]  # "…," katanya: Peskov, named before
    named = [c for c in speakers if c.options[c.answer] == "Nikol Pashinyan"]
    assert [c.confidence for c in continued] == [FACTORS["continued_speaker"]]
    assert [c.confidence for c in named] == [1.0]


def test_a_draft_from_an_article() -> None:
    [card] = generate([inline_article(DRAFT_ARTICLE)])
    assert len(card.options) == 3
    assert card.is_draft
    assert card.to_dict()["confidence"] < DRAFT_BELOW


# --- the command line -----------------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT_ARTICLE, encoding="utf-8")
    return path


def test_drafts_are_not_printed_by_default(draft_file: Path) -> None:
    status, out, err = run("generate", str(draft_file), "--format", "jsonl")
    assert (status, out, err) == (0, "", "")
    status, text, _ = run("generate", str(draft_file))
    assert text == "0 cards\ndrafts not shown: 1 (--include-drafts prints them)\n"


def test_include_drafts_prints_them_marked(draft_file: Path) -> None:
    status, out, _ = run("generate", str(draft_file), "--format", "jsonl", "--include-drafts")
    [card] = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert card["draft"] is True and card["confidence"] < DRAFT_BELOW
    status, text, _ = run("generate", str(draft_file), "--include-drafts")
    assert text.splitlines()[0].startswith("[1] number  confidence 0.")
    assert "(draft)" in text.splitlines()[0]
    assert text.endswith("1 cards\n")


def test_a_card_that_is_no_draft_has_no_draft_key() -> None:
    status, out, _ = run("generate", str(SEEDS), "--format", "jsonl", "--include-drafts")
    assert status == 0
    cards = [json.loads(line) for line in out.splitlines()]
    assert all(("draft" in card) == (card["confidence"] < DRAFT_BELOW) for card in cards)


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("It replaces a ten-year vision that was adopted in 2015.", True),
        ("That meeting took place on May 3, 2025.", True),
        ("However, this decision was taken in 2020.", True),
        ("Italy joined the alliance in 1949.", False),
        ("Items were sold in 2020.", False),
    ],
)
def test_a_pack_without_openers_of_its_own_uses_its_pointing_back_pattern(sentence: str, leans: bool) -> None:
    """The English pack has dates.py's deictic_opener pattern but no openers yet: its clozes are checked too."""
    english = get_pack("en")
    assert not english.context_dependent_openers
    assert leans_on_context(sentence, english) is leans
