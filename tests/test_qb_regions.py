"""Regions from CLDR: the continent or ocean of a country's time zones, and its sovereign neighbours there."""

from __future__ import annotations

import pytest

from question_bank.cards.regions import countries_of, region_of
from question_bank.lang import get_pack

PACK = get_pack("id")


@pytest.mark.parametrize(
    ("name", "regions"),
    [
        ("Kazakhstan", {"Asia"}), ("Indonesia", {"Asia"}), ("Belarus", {"Europe"}), ("Rusia", {"Europe", "Asia"}),
        ("Brasil", {"America"}), ("Mesir", {"Africa"}), ("Australia", {"Pacific"}), ("Fiji", {"Pacific"}),
        ("Maladewa", {"Indian"}), ("Spanyol", {"Europe", "Africa"}),  # Ceuta lies in Africa
    ],
)
def test_a_countrys_region_comes_from_its_time_zones(name: str, regions: set[str]) -> None:
    code = countries_of(PACK).code(name)
    assert code is not None
    assert region_of(code) == regions


def test_neighbours_are_sovereign_countries_of_the_region_named_in_the_packs_language() -> None:
    table = countries_of(PACK)
    names = {table.names[code] for code in table.neighbours("ID")}
    assert {"Malaysia", "Jepang", "Cina", "Kazakhstan"} <= names  # Cina, the pack's name, not CLDR's Tiongkok
    assert "Indonesia" not in names
    assert not {"Hong Kong", "Makau", "Guam"} & names  # territories of another state
    assert not {"Brasil", "Jerman", "Australia"} & names


def test_every_country_name_of_the_pack_has_a_code() -> None:
    table = countries_of(PACK)
    missing = {canonical for canonical in PACK.countries.values() if table.code(canonical) is None}
    assert missing == set()
