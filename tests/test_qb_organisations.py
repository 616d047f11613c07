"""Organisations: acronyms of every shape, names built on an organisation word, one key per organisation."""

from __future__ import annotations

import pytest
from qb_helpers import inline_article

from question_bank.entities import main_organisation, organisation_index, organisations_in
from question_bank.lang import get_pack

ID = get_pack("id")
EN = get_pack("en")


def orgs(text: str, pack=ID, context: str = "") -> list[tuple[str, str]]:
    """Return (as written, key) of each organisation a sentence names, the article's other text read first."""
    index = organisation_index([context, text], pack)
    return [(m.text, m.canonical) for m in organisations_in(text, pack, index)]


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        ("Pertemuan G20 dan G7 digelar bersama.", ID, [("G20", "G20"), ("G7", "G7")]),
        ("OPEC+ sepakat memangkas produksi.", ID, [("OPEC+", "OPEC+")]),
        ("Sidang DK PBB ditunda.", ID, [("DK PBB", "DK PBB")]),
        ("Para menteri UE bertemu.", ID, [("UE", "UE")]),
        ("The P5 and the EU met.", EN, [("P5", "P5"), ("EU", "EU")]),
    ],
)
def test_acronyms_of_every_shape(text: str, pack, expected: list[tuple[str, str]]) -> None:
    assert orgs(text, pack) == expected


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        ("Menteri dari Uni Eropa dan Uni Afrika hadir.", ID, [("Uni Eropa", "UE"), ("Uni Afrika", "Uni Afrika")]),
        ("Gerakan Non-Blok menggelar KTT.", ID, [("Gerakan Non-Blok", "Gerakan Non-Blok")]),
        ("Dewan Keamanan PBB Vassily Nebenzia membuka sidang.", ID, [("Dewan Keamanan PBB", "DK PBB")]),
        ("Leaders of the African Union and the European Union met.", EN,
         [("African Union", "African Union"), ("European Union", "EU")]),
        ("It sits on the UN Security Council this year.", EN, [("UN Security Council", "UN Security Council")]),
        ("The Economic Community of West African States held talks.", EN,
         [("Economic Community of West African States", "Economic Community of West African States")]),
        ("It joined the European Coal and Steel Community.", EN,
         [("European Coal and Steel Community", "European Coal and Steel Community")]),
    ],
)
def test_names_built_on_an_organisation_word(text: str, pack, expected: list[tuple[str, str]]) -> None:
    assert orgs(text, pack) == expected


def test_a_name_and_the_acronym_it_is_given_in_brackets_are_one_organisation() -> None:
    first = "Komunitas Pembangunan Afrika Bagian Selatan (SADC) menggelar KTT."
    assert orgs(first) == [("Komunitas Pembangunan Afrika Bagian Selatan (SADC)", "SADC")]
    later = "Negara anggota Komunitas Pembangunan Afrika Bagian Selatan bertemu lagi."
    assert orgs(later, context=first) == [("Komunitas Pembangunan Afrika Bagian Selatan", "SADC")]
    english = "The Economic Community of West African States (ECOWAS) met."
    assert orgs("The Economic Community of West African States said so.", EN, english)[0][1] == "ECOWAS"


def test_an_acronym_written_as_a_word_is_keyed_in_capitals() -> None:
    assert orgs("The Asean summit opened.", EN) == [("Asean", "ASEAN")]  # the pack knows Asean
    # an organisation no pack lists: the article writes it in capitals elsewhere
    assert orgs("The Ecowas summit opened.", EN, "ECOWAS leaders met on Monday.") == [("Ecowas", "ECOWAS")]
    assert orgs("The Ecowas summit opened.", EN) == []


@pytest.mark.parametrize(
    ("text", "pack"),
    [
        ("Presiden AS dan pejabat UEA serta RI bertemu.", ID),
        ("The US, the UK and the UAE agreed.", EN),
        ("KTT itu dibuka pukul 10.00 WIB.", ID),
        ("Uni Emirat Arab dan Uni Soviet disebut.", ID),
        ("KUALA LUMPUR, May 27 (Newswire) – Leaders met.", EN),
        ("Komisi III membahas hal itu bersama PM dan TV.", ID),
    ],
)
def test_countries_places_and_signs_are_no_organisations(text: str, pack) -> None:
    assert [key for _, key in orgs(text, pack) if key not in ("Komisi III",)] == []


def test_a_kind_of_organisation_before_its_acronym_is_that_organisation() -> None:
    assert orgs("Aliansi CSTO didirikan pada 2002.") == [("Aliansi CSTO", "CSTO")]


def test_the_main_organisation_counts_names_and_acronyms_under_one_key() -> None:
    article = inline_article(
        "Shanghai Cooperation Organisation leaders meet\n\n"
        "The Shanghai Cooperation Organisation (SCO) met in Tianjin with NATO watching. "
        "The Shanghai Cooperation Organisation was founded in 2001. NATO said little.\n"
    )
    assert main_organisation(article, EN) == "SCO"


def test_an_acronym_given_in_brackets_as_a_word_is_keyed_in_capitals() -> None:
    text = "The Economic Community of West African States (Ecowas) met. Ecowas said so."
    assert [key for _, key in orgs(text, EN)] == ["ECOWAS", "ECOWAS"]


def test_a_headline_set_in_capitals_names_only_known_organisations() -> None:
    headline = "ASEAN LEADERS MEET IN JAKARTA AMID TRADE FEARS"
    assert orgs(headline, EN) == [("ASEAN", "ASEAN")]
    assert orgs("Leaders met on Monday.", EN, headline) == []  # "LEADERS" made no acronym of "Leaders"
