"""Bugs found in the generator, each with the test that would have caught it."""

from __future__ import annotations

import random

from question_bank import generate, load_article, read_articles
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


def test_two_folders_with_the_same_file_name_keep_their_own_sources(tmp_path) -> None:
    """Two a.txt in two folders overwrote each other's outlet and sources in the corpus."""
    for folder, outlet in (("one", "Kompas.com"), ("two", "Tempo.co")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(
            f"{outlet} – CSTO beranggotakan Armenia, Belarus, Kazakhstan, dan Rusia.\n"
            "Sebelumnya, Azerbaijan, Georgia, dan Uzbekistan telah meninggalkan CSTO.\n", encoding="utf-8")
    result = read_articles([tmp_path / "one", tmp_path / "two"])
    assert sorted((a.file, a.outlet) for a in result.articles) == [("one/a.txt", "Kompas"), ("two/a.txt", "Tempo")]
    files = {s.file for card in generate(list(result.articles)) for s in card.sources}
    assert files == {"one/a.txt", "two/a.txt"}


def test_an_organisation_counted_but_never_listed_breaks_no_card() -> None:
    """A member count of an organisation no article lists the members of gave it an empty list of member facts,
    and the "which is NOT a member" card read its first one."""
    text = (
        "Kabar – CSTO beranggotakan Armenia, Belarus, Kazakhstan, dan Rusia.\n"
        "Dewan Kerja Sama Teluk (GCC) terdiri dari enam negara anggota.\n"
    )
    cards = generate([load_article("x.txt", text.encode())])
    assert {c.fact["subject"] for c in cards if c.kind == "member"} == {"CSTO"}
