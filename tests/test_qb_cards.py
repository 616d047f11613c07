"""Card generation on the five seeds: options, answers, provenance, disputes, determinism, recall."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace

import pytest
from qb_helpers import (
    CSTO_FORMER_MEMBERS,
    CSTO_MEMBERS,
    SEED_FILES,
    date_key,
    in_file_verbatim,
    inline_article,
    load_seed,
    number_value,
    seed_articles,
    seed_cards,
    seed_path,
    starts_with_furniture,
)

from question_bank import KINDS, Article, Card, Source, build_corpus, generate, load_article
from question_bank.cards import check_card
from question_bank.cards.generate import card_id
from question_bank.lang import get_pack

PACK = get_pack("id")
CARDS = seed_cards()
FILES = {name: short for short, name in SEED_FILES.items()}
ARMENIA_QUOTE = "Armenia adalah sekutu kami"


def card_param(card: Card) -> object:
    return pytest.param(card, id=f"{card.kind}-{card.fact['value']}-{card.id[:6]}")


def wrong_options(card: Card) -> set[str]:
    return {o for i, o in enumerate(card.options) if i != card.answer}


def right(card: Card) -> str:
    return card.options[card.answer]


def of_kind(kind: str, negated: bool = False) -> list[Card]:
    return [c for c in CARDS if c.kind == kind and bool(c.fact.get("negated")) is negated]


def fresh_articles() -> list[Article]:
    """Load the seeds again from disk, sharing nothing with other tests."""
    return [load_article(seed_path(short).name, seed_path(short).read_bytes()) for short in sorted(SEED_FILES)]


# --- every card -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("card", [card_param(c) for c in CARDS])
def test_card_shape(card: Card) -> None:
    assert card.kind in KINDS
    assert card.language == "id"
    assert re.fullmatch(r"[0-9a-f]{20}", card.id)
    assert len(card.options) == 4  # the seeds give every kind a pool large enough for four
    assert len({o.strip().casefold() for o in card.options}) == len(card.options)
    assert all(o.strip() for o in card.options)
    assert 0 <= card.answer < len(card.options)
    assert card.question.strip() and card.explanation.strip()
    assert right(card) in card.explanation
    assert card.sources
    assert check_card(card, PACK) is None


@pytest.mark.parametrize("card", [card_param(c) for c in CARDS])
def test_fact_value_is_the_right_option(card: Card) -> None:
    value = card.fact["value"]
    assert card.fact["subject"]
    if card.kind == "date":
        assert date_key(value) is not None
        assert date_key(value) == date_key(right(card))
    elif card.kind == "number":
        assert number_value(value) is not None
        assert number_value(value) == number_value(right(card))
    else:
        assert value == right(card)


@pytest.mark.parametrize("card", [card_param(c) for c in CARDS])
def test_sources_name_a_seed_and_one_of_its_sentences(card: Card) -> None:
    for source in card.sources:
        assert source.file in FILES
        article = load_seed(FILES[source.file])
        assert source.sentence in {s.text for s in article.sentences}
        assert source.outlet == article.outlet
        assert not starts_with_furniture(source.sentence), source.sentence
        assert source.sentence != article.headline
    # every source is, word for word and mark for mark, part of a line of its file
    for source in card.sources:
        text = seed_path(FILES[source.file]).read_text(encoding="utf-8")
        assert any(source.sentence in " ".join(line.split()) for line in text.splitlines()), source.sentence


def test_every_card_has_a_source_verbatim_in_its_file() -> None:
    missing = [(c.kind, c.fact["value"]) for c in CARDS
               if not any(in_file_verbatim(s.file, s.sentence) for s in c.sources)]
    assert missing == []


def test_card_ids_are_distinct() -> None:
    ids = [c.id for c in CARDS]
    assert len(set(ids)) == len(ids)


def test_to_dict_is_the_jsonl_contract() -> None:
    for card in CARDS:
        data = json.loads(json.dumps(card.to_dict(), ensure_ascii=False))
        assert set(data) == {"id", "kind", "language", "question", "options", "answer", "fact", "sources",
                             "explanation", "confidence"}
        assert 0 <= data["confidence"] <= 1 and data["confidence"] == round(card.confidence, 2)
        assert data["options"] == list(card.options)
        assert {"subject", "value"} <= set(data["fact"])
        assert all(set(s) == {"file", "sentence"} for s in data["sources"])


# --- distractors that could be true -----------------------------------------------------------------------

@pytest.mark.parametrize("card", [card_param(c) for c in of_kind("member")])
def test_member_card_offers_no_member_as_a_wrong_option(card: Card) -> None:
    assert right(card) in CSTO_MEMBERS
    assert wrong_options(card).isdisjoint(CSTO_MEMBERS)
    assert card.question == "Manakah di antara negara berikut yang merupakan anggota CSTO?"
    assert card.fact["subject"] == "CSTO"


def test_member_cards_prefer_former_members_as_wrong_options() -> None:
    for card in of_kind("member"):
        assert len(wrong_options(card) & CSTO_FORMER_MEMBERS) >= 2, card.options


def test_negated_member_card() -> None:
    [card] = of_kind("member", negated=True)
    assert "BUKAN" in card.question
    assert right(card) not in CSTO_MEMBERS
    assert wrong_options(card) <= CSTO_MEMBERS
    assert card.fact == {"subject": "CSTO", "value": right(card), "negated": True}


@pytest.mark.parametrize("card", [card_param(c) for c in of_kind("former_member")])
def test_former_member_card_offers_no_former_member_as_a_wrong_option(card: Card) -> None:
    assert right(card) in CSTO_FORMER_MEMBERS
    assert wrong_options(card).isdisjoint(CSTO_FORMER_MEMBERS)
    assert wrong_options(card) <= CSTO_MEMBERS


@pytest.mark.parametrize("card", [card_param(c) for c in of_kind("role")])
def test_role_card_wrong_options_are_other_people(card: Card) -> None:
    people = set(build_corpus(seed_articles()).people.values())
    assert set(card.options) <= people
    assert card.question == f"Siapa yang menjabat sebagai {card.fact['subject']}?"


@pytest.mark.parametrize("card", [card_param(c) for c in of_kind("date")])
def test_date_card_wrong_options_have_the_same_precision(card: Card) -> None:
    keys = [date_key(o) for o in card.options]
    assert all(keys)
    assert len({len(k) for k in keys}) == 1, card.options
    assert len(set(keys)) == len(keys)
    assert card.question.startswith("Lengkapi kalimat berikut: “") and "___" in card.question


def test_date_card_offers_no_other_date_of_its_sentence() -> None:
    article = inline_article("Pada Januari 2022, CSTO mengerahkan pasukan ke Kazakhstan, dan pada Februari 2022 "
                             "Moskow melancarkan operasi militer di Ukraina.")
    cards = {right(c): c for c in generate([article])}
    assert set(cards) == {"Januari 2022", "Februari 2022"}
    assert "Februari 2022" not in cards["Januari 2022"].options
    assert "Januari 2022" not in cards["Februari 2022"].options


def test_speaker_cards_never_credit_the_armenia_quote() -> None:
    for card in CARDS:
        assert ARMENIA_QUOTE not in card.question
        if card.kind == "speaker":
            assert all(ARMENIA_QUOTE not in s.sentence for s in card.sources)


# --- the founding year, which the seeds dispute ----------------------------------------------------------

def is_founding(card: Card) -> bool:
    return card.kind == "date" and any("didirikan pada tahun" in s.sentence for s in card.sources)


def test_founding_year_is_not_served_by_default() -> None:
    assert not [c for c in CARDS if is_founding(c)]
    assert not [c for c in CARDS if c.fact.get("disputed")]
    for card in CARDS:
        assert "1992" not in card.question and "1992" not in card.options
    [status] = [c for c in of_kind("date") if right(c) == "2002"]
    assert status.sources[0].sentence.startswith("Pada tahun 2002, status CSTO naik")


def test_founding_year_is_attributed_when_disputed_cards_are_included() -> None:
    cards = seed_cards(include_disputed=True)
    founding = {right(c): c for c in cards if is_founding(c)}
    assert set(founding) == {"1992", "2002"}
    for card in cards:
        assert bool(card.fact.get("disputed")) is is_founding(card)
    for card in founding.values():
        assert card.fact["disputed"] is True
        assert card.question.startswith("Menurut ")
    assert founding["1992"].question.startswith("Menurut Perspektif, lengkapi kalimat berikut:")
    assert founding["2002"].question.startswith(
        "Menurut “Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS”, lengkapi")
    assert "2002" not in founding["1992"].options and "1992" not in founding["2002"].options
    assert {c.id for c in cards} - {c.id for c in CARDS} == {c.id for c in founding.values()}


def test_negated_card_does_not_serve_a_disputed_member() -> None:
    members = inline_article("CSTO beranggotakan Armenia, Belarus, dan Rusia sejak lama.", "a.txt")
    formers = inline_article("Sebelumnya, Armenia, Georgia, dan Uzbekistan telah meninggalkan CSTO.", "b.txt")
    cards = generate([members, formers])
    assert not [c for c in cards if c.kind == "member" and c.fact["value"] == "Armenia"]  # disputed: not served
    for card in cards:
        assert "Armenia" not in card.options, card


# --- determinism and stable ids ---------------------------------------------------------------------------

def as_json(cards: list[Card]) -> str:
    return "\n".join(json.dumps(c.to_dict(), ensure_ascii=False) for c in cards)


def test_two_runs_give_identical_json() -> None:
    first = as_json(generate(fresh_articles()))
    second = as_json(generate(fresh_articles()))
    assert first == second
    assert first == as_json(list(CARDS))


@pytest.mark.parametrize("seed", range(4))
def test_article_order_does_not_change_the_cards(seed: int) -> None:
    articles = fresh_articles()
    random.Random(seed).shuffle(articles)
    shuffled = generate(articles)
    assert {c.id for c in shuffled} == {c.id for c in CARDS}
    by_id = {c.id: c.to_dict() for c in CARDS}
    assert all(c.to_dict() == by_id[c.id] for c in shuffled)


def test_ids_come_from_kind_subject_and_value() -> None:
    [belarus] = [c for c in of_kind("member") if right(c) == "Belarus"]
    assert belarus.id == card_id("member", "CSTO", "Belarus")
    [peskov] = [c for c in of_kind("role") if right(c) == "Dmitry Peskov"]
    assert peskov.id == card_id("role", "juru bicara kremlin", "peskov")
    assert card_id("member", "CSTO", "Belarus", negated=True) != belarus.id


def test_ids_do_not_depend_on_the_rest_of_the_corpus() -> None:
    few = generate([load_seed("001"), load_seed("002")])
    ids = {(c.kind, c.fact["value"]): c.id for c in CARDS}
    shared = [c for c in few if (c.kind, c.fact["value"]) in ids and not c.fact.get("negated")]
    assert {c.fact["value"] for c in shared if c.kind == "member"} == CSTO_MEMBERS
    for card in shared:
        assert card.id == ids[(card.kind, card.fact["value"])]


# --- recall floor -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("country", sorted(CSTO_MEMBERS))
def test_every_member_has_a_card(country: str) -> None:
    assert [right(c) for c in of_kind("member")].count(country) == 1


@pytest.mark.parametrize("country", sorted(CSTO_FORMER_MEMBERS))
def test_every_former_member_has_a_card(country: str) -> None:
    assert [right(c) for c in of_kind("former_member")].count(country) == 1


@pytest.mark.parametrize(
    ("person", "office"),
    [
        ("Nikol Pashinyan", "Perdana Menteri Armenia"),
        ("Vladimir Putin", "Presiden Rusia"),
        ("Dmitry Peskov", "Juru bicara Kremlin"),
        ("Imangali Tasmagambetov", "Sekretaris Jenderal CSTO"),
        ("Ilham Aliyev", "Presiden Azerbaijan"),
        ("Ararat Mirzoyan", "Menteri Luar Negeri Armenia"),
        ("James O’Brien", "Asisten Menteri Luar Negeri AS untuk Eropa dan Eurasia"),
        ("Kassym-Jomart Tokayev", "Presiden Kazakhstan"),
        ("Zhu Yongbiao", "Direktur Pusat Studi Afganistan di Universitas Lanzhou"),
    ],
)
def test_every_office_holder_has_a_role_card(person: str, office: str) -> None:
    cards = [c for c in of_kind("role") if right(c) == person]
    assert [c.fact["subject"] for c in cards] == [office]


SPEAKERS = [
    ("Sejarah dua abad terakhir menunjukkan", "Imangali Tasmagambetov", "001"),
    ("Kami akan meninggalkan (CSTO)", "Nikol Pashinyan", "002"),
    ("Selalu ada upaya untuk (menyebabkan) disintegrasi CSTO", "Dmitry Peskov", "003"),
    ("Tapi setidaknya sekarang kita melihat", "Dmitry Peskov", "003"),
    ("Dan itu sepenuhnya menunjukkan relevansi", "Dmitry Peskov", "003"),
    ("Beberapa dari negara Barat tengah menghakimi CSTO", "Zhu Yongbiao", "004"),
]


@pytest.mark.parametrize(("quote", "speaker", "short"), SPEAKERS)
def test_every_direct_quotation_has_a_speaker_card(quote: str, speaker: str, short: str) -> None:
    [card] = [c for c in of_kind("speaker") if quote in c.question]
    assert right(card) == speaker
    assert card.question.startswith("Siapa yang mengatakan: “")
    assert [FILES[s.file] for s in card.sources] == [short]


def test_there_are_exactly_six_speaker_cards() -> None:
    assert len(of_kind("speaker")) == len(SPEAKERS)


@pytest.mark.parametrize(
    "date",
    ["2020", "2021", "November 2022", "Januari 2023", "1949", "Januari 2022", "Februari 2022", "27 November 2022",
     "28 November 2022", "17 Mei 2022", "2012", "20 April 1994", "2002", "24 Februari 2022"],
)
def test_every_dated_event_has_a_date_card(date: str) -> None:
    assert date in [right(c) for c in of_kind("date")]


@pytest.mark.parametrize(
    ("question", "answer"),
    [("Berapa jumlah negara anggota CSTO?", "6"), ("lebih dari ___ jiwa", "3.380")],
)
def test_number_cards(question: str, answer: str) -> None:
    [card] = [c for c in of_kind("number") if question in c.question]
    assert right(card) == answer


# --- the quality gate -------------------------------------------------------------------------------------

GOOD = Card(
    id="0" * 20, kind="member", language="id",
    question="Manakah di antara negara berikut yang merupakan anggota CSTO?",
    options=("Armenia", "Azerbaijan", "Georgia", "Uzbekistan"), answer=0,
    fact={"subject": "CSTO", "value": "Armenia"},
    sources=(Source("001_e93b1a53fa8a29f7.txt", "CSTO didirikan pada tahun 1992 setelah pecahnya Uni Soviet."),),
    explanation="Armenia adalah anggota CSTO.",
)


def test_quality_gate_passes_a_good_card() -> None:
    assert check_card(GOOD, PACK) is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"options": ("Armenia", "Azerbaijan", "Georgia", "Azerbaijan")}, "duplicated"),
        ({"options": ("Armenia", "azerbaijan", "Georgia", "Azerbaijan ")}, "duplicated"),
        ({"options": ("Armenia", "", "Georgia", "Uzbekistan")}, "empty"),
        ({"question": "Apakah Armenia merupakan anggota CSTO?"}, "given away"),
        ({"options": ("Armenia", "Azerbaijan"), "answer": 0}, "only 2 options"),
        ({"answer": 4}, "out of range"),
        ({"answer": -1}, "out of range"),
        ({"sources": ()}, "no source"),
        ({"sources": (Source("003_2d129ffc0313dd5f.txt", "Baca Juga: Barat Jangan Ragu untuk Setop"),)}, "furniture"),
        ({"sources": (Source("003_2d129ffc0313dd5f.txt", "Editor: Muhammad Syahrianto"),)}, "furniture"),
    ],
    ids=["duplicate", "duplicate-folded", "empty", "leaked-answer", "too-few", "index-high", "index-negative",
         "no-source", "furniture-baca-juga", "furniture-editor"],
)
def test_quality_gate_rejects(changes: dict, reason: str) -> None:
    card = replace(GOOD, **changes)
    rejection = check_card(card, PACK)
    assert rejection is not None
    assert rejection.card_id == card.id
    assert reason in rejection.reason


def test_quality_gate_accepts_three_options_and_a_negated_question() -> None:
    assert check_card(replace(GOOD, options=("Armenia", "Azerbaijan", "Georgia")), PACK) is None
    negated = replace(GOOD, question="Manakah yang BUKAN anggota CSTO? (Armenia keluar?)",
                      fact={"subject": "CSTO", "value": "Armenia", "negated": True})
    assert check_card(negated, PACK) is None
