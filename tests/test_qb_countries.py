"""Countries: CLDR's names through Babel, the variants CLDR lacks, and misspelt names inside a list."""

from __future__ import annotations

import pytest
from qb_helpers import PROJECT, inline_article

from question_bank import generate, load_article
from question_bank.entities import country_name, find_countries
from question_bank.extract import extract_facts
from question_bank.lang import get_pack
from question_bank.lang.cldr import country_names

PACK = get_pack("id")
ARTICLES = PROJECT / "tests" / "data" / "articles"


def countries_in(text: str) -> list[tuple[str, str]]:
    """Return each country a text names, as (text, canonical name)."""
    return [(m.text, m.canonical) for m in find_countries(text, PACK)]


def members_in(text: str) -> list[tuple[str, str, str]]:
    """Return the member facts of an article written inline, as (organisation, text, canonical name)."""
    facts = extract_facts(inline_article(text), PACK, kinds=["member"])
    return [(f.subject, f.value, f.value_key) for f in facts if f.kind == "member"]


@pytest.mark.parametrize(
    "name",
    ["Pakistan", "Qatar", "Malaysia", "Thailand", "Brasil", "Arab Saudi", "Mesir", "Belgia", "Portugal",
     "Filipina", "Uni Emirat Arab", "Afrika Selatan", "Guinea Ekuatorial", "Timor Leste"],
)
def test_cldr_names_are_countries(name: str) -> None:
    assert country_name(name, PACK) == name
    assert countries_in(f"Delegasi {name} tiba kemarin.") == [(name, name)]


def test_cldr_gives_countries_not_regions_or_groupings() -> None:
    names = country_names("id")
    assert {"PK", "QA", "BR", "EG"} <= set(names)
    assert not {"001", "150", "EU", "EZ", "UN", "QO", "XA", "ZZ", "AQ"} & set(names)
    for region in ("Dunia", "Eropa", "Asia Tenggara", "Uni Eropa", "Perserikatan Bangsa-Bangsa", "Zona Euro"):
        assert country_name(region, PACK) is None, region


@pytest.mark.parametrize(
    ("canonical", "variants"),
    [
        ("Belarus", ["Belarus", "Belarusia", "Byelorusia"]),
        ("Kirgizstan", ["Kirgizstan", "Kyrgyzstan", "Kirgistan"]),
        ("Rusia", ["Rusia", "Russia", "Federasi Rusia", "Negeri Beruang Merah"]),
        ("Cina", ["Cina", "China", "Tiongkok", "RRT"]),
        ("Amerika Serikat", ["Amerika Serikat", "AS", "United States", "Negeri Paman Sam"]),
        ("Inggris", ["Inggris", "Inggris Raya", "Britania Raya", "United Kingdom"]),
        ("Korea Selatan", ["Korea Selatan", "Korsel", "South Korea"]),
        ("Arab Saudi", ["Arab Saudi", "Saudi Arabia"]),
        ("Turki", ["Turki", "Türkiye", "Turkey"]),
        ("Mesir", ["Mesir", "Egypt"]),
        ("Hongaria", ["Hongaria", "Hungaria", "Hungary"]),
        ("Myanmar", ["Myanmar", "Burma"]),
    ],
)
def test_variants_have_one_canonical_name(canonical: str, variants: list[str]) -> None:
    assert {country_name(v, PACK) for v in variants} == {canonical}


def test_english_name_in_indonesian_text() -> None:
    assert countries_in("Kyrgyzstan dan Saudi Arabia menandatangani perjanjian itu.") == [
        ("Kyrgyzstan", "Kirgizstan"), ("Saudi Arabia", "Arab Saudi")]


def test_a_misspelt_name_in_a_list_is_read_and_the_list_goes_on() -> None:
    text = "ASEAN beranggotakan Indonesia, Malaysia, Tukri, Filipnia, Vietnam, dan Laos."
    assert countries_in(text) == [
        ("Indonesia", "Indonesia"), ("Malaysia", "Malaysia"), ("Tukri", "Turki"), ("Filipnia", "Filipina"),
        ("Vietnam", "Vietnam"), ("Laos", "Laos")]
    assert [m.corrected for m in find_countries(text, PACK)] == [False, False, True, True, False, False]
    assert [key for _, _, key in members_in(text)] == [
        "Indonesia", "Malaysia", "Turki", "Filipina", "Vietnam", "Laos"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # first and last items, and a name of two words
        ("BRICS beranggotakan Brazill, Rusia, dan Afrika Selatn.",
         [("Brazill", "Brasil"), ("Rusia", "Rusia"), ("Afrika Selatn", "Afrika Selatan")]),
        ("OPEC terdiri dari Irak, Kuwiat serta Venezuella.",
         [("Irak", "Irak"), ("Kuwiat", "Kuwait"), ("Venezuella", "Venezuela")]),
    ],
)
def test_misspelt_names_at_either_end_of_a_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert countries_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anggotanya yaitu Malaysia, Thailand, dan Sekretariat ASEAN.",  # a capitalised word that is no country
        "Menurut Jokowi, Malaysia dan Thailand sepakat.",  # a person before a country
        "Pertemuan di Jakarta, Malaysia dan Thailand.",  # a known place is not a misspelt country
        "Delegasi Malaysia dan Tukri tiba kemarin malam.",  # not in a list of three: still a list of two
        "Malaysia, Nigeri dan Thailand.",  # one edit from Niger and from Nigeria: no way to tell
        "Malaysia, Irab dan Thailand.",  # too short for a tolerant match: Iran or Irak?
        "Malaysia, Ghana dan Chad.",  # real countries are never read as misspellings of others
    ],
)
def test_no_misspelling_is_guessed_where_none_is(text: str) -> None:
    found = find_countries(text, PACK)
    corrected = [m.text for m in found if m.corrected]
    if "Tukri" in text:
        assert corrected == ["Tukri"]
    else:
        assert corrected == []
    assert {m.canonical for m in found} <= {"Malaysia", "Thailand", "Ghana", "Chad", "Turki"}


def test_a_person_named_like_an_english_country_name_stays_a_person() -> None:
    assert countries_in("Michael Jordan tiba di Malaysia.") == [("Malaysia", "Malaysia")]


@pytest.mark.parametrize(
    ("file", "organisation", "members"),
    [
        ("id_asean_ktt_kuala_lumpur.txt", "ASEAN",
         {"Brunei Darussalam", "Filipina", "Indonesia", "Kamboja", "Laos", "Malaysia", "Myanmar", "Singapura",
          "Thailand", "Vietnam", "Timor Leste"}),  # "Timor Leste diterima sebagai anggota kesebelas"
        ("id_opec_pangkas_produksi.txt", "OPEC",
         {"Aljazair", "Arab Saudi", "Gabon", "Guinea Ekuatorial", "Irak", "Iran", "Republik Kongo", "Kuwait",
          "Libya", "Nigeria", "Uni Emirat Arab", "Venezuela"}),
        ("id_brics_ktt_rio.txt", "BRICS",
         {"Brasil", "Rusia", "India", "Cina", "Afrika Selatan", "Mesir", "Etiopia", "Iran", "Uni Emirat Arab",
          "Indonesia"}),
    ],
)
def test_member_cards_of_the_test_articles(file: str, organisation: str, members: set[str]) -> None:
    article = load_article(file, (ARTICLES / file).read_bytes())
    cards = [c for c in generate([article]) if c.kind == "member" and not c.fact.get("negated")]
    assert {c.fact["subject"] for c in cards} == {organisation}
    assert {c.fact["value"] for c in cards} == members
    for card in cards:
        assert not (set(card.options) - {card.options[card.answer]}) & members, card

