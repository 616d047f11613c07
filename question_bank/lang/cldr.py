"""Country names from CLDR, as Babel carries them: the names every language pack starts from."""

from __future__ import annotations

import re
from functools import cache

from babel import localedata

# CLDR codes that name no country: groupings and private-use codes (EU, UN, QO, XA, ZZ), and territories
# without a people of their own that no article lists as a member of anything (Antarctica, Bouvet Island,
# the Canary Islands as a code apart from Spain, Jersey and Guernsey, ...). Numeric codes (001, 150) are regions.
_NOT_COUNTRIES = frozenset({
    "AC", "AQ", "BV", "CP", "CQ", "DG", "EA", "EU", "EZ", "GG", "GS", "HM", "IC", "IM", "IO", "JE", "QO", "TA",
    "TF", "UM", "UN", "XA", "XB", "ZZ",
})
# Only names the gazetteer can match: letters, spaces, hyphens and apostrophes ("St. Kitts & Nevis" cannot).
_MATCHABLE = re.compile(r"^[^\W\d_]+(?:[ ’'-][^\W\d_]+)*$")


@cache
def country_names(locale: str) -> dict[str, str]:
    """Return CLDR's name of each country in a language, by ISO 3166 code ("MM" -> "Myanmar")."""
    # Loading the locale's data costs some 40 ms once per process (cached); no Locale is needed for names.
    names = {}
    for code, name in localedata.load(locale)["territories"].items():
        if not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        name = name.split(" (")[0]  # "Myanmar (Burma)": the name, not its gloss
        if _MATCHABLE.match(name):
            names[code] = name
    return names


@cache
def city_names(locale: str) -> dict[str, str]:
    """Return the cities CLDR's time zones name, by zone ("Asia/Kuala_Lumpur" -> "Kuala Lumpur"; "Wina" in id)."""
    # A zone's id spells its city in English; a locale's own spelling ("Moskwa") overrides it where CLDR has one.
    from babel.core import get_global

    localized = localedata.load(locale)["time_zones"]
    names = {}
    for zone in get_global("zone_territories"):
        region, _, city = zone.partition("/")
        if not city or "/" in city or region in ("Etc", "SystemV"):
            continue
        name = localized.get(zone, {}).get("city") or city.replace("_", " ")
        if _MATCHABLE.match(name):
            names[zone] = name
    return names
