"""Explanations that tell the student what the source sentence does not: other members, the outlet, the office."""

from __future__ import annotations

import dataclasses

from qb_helpers import CSTO_MEMBERS, inline_article, seed_cards

from question_bank import Card, generate
from question_bank.cards.explain import explain, others
from question_bank.lang import get_pack

PACK = get_pack("id")


def answered(kind: str, value: str) -> Card:
    [card] = [c for c in seed_cards() if c.kind == kind and c.options[c.answer] == value
              and not c.fact.get("negated")]
    return card


def test_a_member_card_names_the_other_members() -> None:
    card = answered("member", "Belarus")
    assert card.explanation == ("Belarus adalah anggota CSTO, bersama Armenia, Kazakhstan, Kirgizstan, Rusia, "
                                "dan Tajikistan.")


def test_a_former_member_card_names_members_that_stayed() -> None:
    card = answered("former_member", "Georgia")
    assert card.explanation.startswith("Georgia telah meninggalkan CSTO, yang kini beranggotakan antara lain ")
    named = card.explanation.split("antara lain ")[1].rstrip(".").replace(" dan ", " ").split(", ")
    assert set(named) <= CSTO_MEMBERS and len(named) == 5


def test_a_role_card_names_its_outlet() -> None:
    assert answered("role", "Dmitry Peskov").explanation.endswith(", menurut BagusNews.")


def test_a_speaker_card_names_the_office_the_corpus_gives() -> None:
    """The quotation's sentence says "katanya"; the office stands in another sentence, or another article."""
    cards = [c for c in seed_cards() if c.kind == "speaker" and "Tapi setidaknya" in c.question]
    assert [c.explanation for c in cards] == ["Kutipan ini diucapkan oleh Dmitry Peskov, Juru bicara Kremlin."]


def test_a_cloze_card_names_its_outlet_or_headline() -> None:
    assert answered("date", "1949").explanation == "Jawabannya 1949, seperti ditulis BagusNews."
    assert answered("date", "2012").explanation.startswith("Jawabannya 2012, seperti ditulis “Putin Kumpulkan")


def test_a_member_count_lists_the_members_where_the_corpus_gives_them_all() -> None:
    [card] = [c for c in seed_cards() if c.question == "Berapa jumlah negara anggota CSTO?"]
    assert card.explanation == ("CSTO beranggotakan 6 negara: Armenia, Belarus, Kazakhstan, Kirgizstan, Rusia, "
                                "dan Tajikistan.")


def test_an_article_without_outlet_or_headline_gets_the_plain_explanation() -> None:
    article = dataclasses.replace(inline_article("Armenia terlibat dalam perang dengan Azerbaijan pada tahun 2020."),
                                  outlet=None, headline=None)
    [card] = generate([article])
    assert card.explanation == "Jawabannya 2020, seperti tertulis di artikel."


def test_a_pack_without_the_richer_templates_falls_back_to_the_plain_ones() -> None:
    plain = {k: v for k, v in PACK.templates.items() if not k.endswith(("_with", "_source", "_office", "_joined"))}
    bare = dataclasses.replace(PACK, templates=plain)
    assert explain(bare, "explain_role", "explain_role_source", value="A", subject="B", source="C") == \
        "A menjabat sebagai B."
    assert others(["A", "B", "C"], bare) == "A, B, C"
    assert others(["A", "B", "C"], PACK) == "A, B, dan C"
    assert others([], PACK) is None
