"""Countries by ISO code in a pack's language, and the countries of one region: wrong options from CLDR.

CLDR as Babel carries it has no territory containment, but it maps every time zone to its territory
("Asia/Jakarta" -> "ID"): the zone's first part names a continent or an ocean, which is region enough to
offer Iran and Mongolia, not Brazil, as wrong options beside Kazakhstan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import localedata
from babel.core import get_global

from question_bank.lang import LanguagePack
from question_bank.lang.cldr import country_names
from question_bank.text import fold

# Territories CLDR names that belong to another state (ISO 3166 codes): no organisation of states counts them
# apart, so they make odd wrong options (Guam, Réunion, Hong Kong beside Indonesia).
_DEPENDENT = frozenset({
    "AI", "AS", "AW", "AX", "BL", "BM", "BQ", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF", "GI", "GL", "GP",
    "GU", "HK", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ",
    "SX", "TC", "TK", "VG", "VI", "WF", "YT",
})
# First parts of zone names that are land; an ocean ("Indian", "Atlantic", "Pacific") counts only for a
# territory that has no zone on land (Maldives, Fiji), so Spain is European, not Atlantic for the Canaries.
_LAND = frozenset({"Africa", "America", "Asia", "Europe"})
# Australia's zones have a first part of their own; its neighbours are the Pacific's.
_SAME_AS = {"Australia": "Pacific"}
_NOT_REGIONS = frozenset({"Antarctica", "Arctic", "Etc"})


@cache
def _regions() -> dict[str, frozenset[str]]:
    """Return the regions of each territory by ISO code: the land its zones lie on, else their ocean."""
    parts: dict[str, set[str]] = defaultdict(set)
    for zone, code in get_global("zone_territories").items():
        part = zone.split("/")[0]
        if "/" in zone and part not in _NOT_REGIONS:
            parts[code].add(_SAME_AS.get(part, part))
    return {code: frozenset(found & _LAND or found) for code, found in parts.items()}


@dataclass(frozen=True)
class Countries:
    """The countries one language names: each ISO code's canonical name, and the code of every variant."""

    #: ISO code -> canonical display name in the pack's language ("RU" -> "Rusia")
    names: dict[str, str]
    #: variant (folded) -> ISO code
    codes: dict[str, str]
    #: the codes of `names`, once
    named: frozenset[str]

    def code(self, name: str) -> str | None:
        """Return the ISO code of a country name in this language, or None if it names none."""
        return self.codes.get(fold(name))

    def neighbours(self, code: str) -> tuple[str, ...]:
        """Return the sovereign countries sharing a region with a country, in code order, itself left out."""
        return tuple(other for other in _in_regions(region_of(code), self.named) if other != code)

    def in_regions(self, regions: frozenset[str]) -> tuple[str, ...]:
        """Return the sovereign countries that lie in any of the regions, in code order."""
        return _in_regions(regions, self.named)


@lru_cache(maxsize=8)
def countries_of(pack: LanguagePack) -> Countries:
    """Build the country table of a pack from CLDR's names in its language and the pack's own variants."""
    names: dict[str, str] = {}
    by_canonical: dict[str, str] = {}
    for code, name in country_names(pack.code).items():
        canonical = pack.countries.get(name.lower()) or pack.countries.get(fold(name)) or name
        names[code] = canonical
        by_canonical.setdefault(canonical, code)
    # names the gazetteer cannot match ("Kongo - Kinshasa") still give a code to the pack's own name for them
    for code, name in localedata.load(pack.code)["territories"].items():
        canonical = pack.countries.get(name.replace(" - ", "-").lower())
        if code.isalpha() and code not in names and canonical and canonical not in by_canonical:
            names[code] = canonical
            by_canonical[canonical] = code
    codes = {fold(variant): by_canonical[canonical]
             for variant, canonical in pack.countries.items() if canonical in by_canonical}
    codes.update({fold(name): code for name, code in by_canonical.items()})
    return Countries(names=names, codes=codes, named=frozenset(names))


@lru_cache(maxsize=256)
def _in_regions(regions: frozenset[str], named: frozenset[str]) -> tuple[str, ...]:
    found = _regions()
    return tuple(sorted(c for c in named if c not in _DEPENDENT and found.get(c, frozenset()) & regions))


def every_region() -> frozenset[str]:
    """Return every region some country lies in."""
    return frozenset().union(*_regions().values())


def region_of(code: str) -> frozenset[str]:
    """Return the regions a country lies in ("Europe", "Asia" for Russia); empty if CLDR gives it no zone."""
    return _regions().get(code, frozenset())
