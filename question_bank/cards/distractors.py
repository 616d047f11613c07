"""Wrong options for countries and people, best first, none of them stated as true."""

from __future__ import annotations

import random
from dataclasses import dataclass

from question_bank.cards.pools import Pools, country_name
from question_bank.cards.regions import countries_of, every_region, region_of
from question_bank.lang import LanguagePack

#: Wrong options a card needs at most (four options in all).
WANTED = 3
#: Where CLDR's countries stand among the outsider groups of _outsiders.
_CLDR = 1


@dataclass(frozen=True)
class Picked:
    """Wrong options, best first, and those that come from outside the corpus (CLDR, the caller's people)."""

    options: tuple[str, ...]
    outside: frozenset[str] = frozenset()


def shuffled(items: set[str] | list[str], rng: random.Random) -> list[str]:
    """Return the items in an order drawn from the card's generator, the same for the same items."""
    ordered = sorted(items)
    rng.shuffle(ordered)
    return ordered


def wrong_countries(kind: str, org: str, answer: str, pools: Pools, pack: LanguagePack,
                    rng: random.Random) -> Picked:
    """Offer countries that are not (for a former_member card: never were and still are) what the card asks.

    Former members come first for a member card, members first for a former_member card: each was true of the
    organisation once, or is still. Then outsiders: countries the corpus names in the answer's region, then
    countries CLDR puts in that region, then the corpus's others. Never a country the corpus states as a
    member or former member, nor one it names beside the organisation.
    """
    members, formers = pools.members[org], pools.formers[org]
    closest = formers - members if kind == "member" else members - formers
    best = [n for n in (country_name(k, pack, pools) for k in _few(sorted(closest), rng)) if n]
    code = countries_of(pack).code(answer)
    groups = _outsiders(org, region_of(code) if code else frozenset(), pools, pack)
    # a member card shows one outsider among two former members, to keep cards varied when there were many
    shown_best = min(len(best), WANTED - 1) if kind == "member" else min(len(best), WANTED)
    need = WANTED - shown_best + 1  # one spare, for a key with no name in the card's language
    keys: list[str] = []
    from_cldr: set[str] = set()
    for place, group in enumerate(groups):  # draw from the next group only where the one before falls short
        drawn = rng.sample(group, min(len(group), need - len(keys)))
        keys += drawn
        if place == _CLDR:
            from_cldr = {country_name(k, pack, pools) or "" for k in drawn}
        if len(keys) >= need:
            break
    outsiders = [n for n in (country_name(k, pack, pools) for k in keys) if n]
    ordered = best[:shown_best] + outsiders[:1] + best[shown_best:] + outsiders[1:]
    return Picked(tuple(ordered), frozenset(from_cldr))


def _outsiders(org: str, region: frozenset[str], pools: Pools,
               pack: LanguagePack) -> tuple[list[str], list[str], list[str]]:
    """Return the countries that are none of the organisation's, by where they come from (see wrong_countries).

    The answer is always among the excluded (a member or former member), so every card of one region shares them.
    """
    cache_key = (org, region, pack.code)
    if cache_key not in pools.outsiders:
        taken = pools.members[org] | pools.formers[org] | pools.near[org]
        named = pools.countries - taken
        complete, home = org in pools.complete, frozenset()
        if not complete:
            # the corpus does not list the whole membership: a country of the members' own regions may be a member
            # it never names (Montenegro of NATO), so the outsiders come from regions no stated member lies in
            home = frozenset().union(*(region_of(k) for k in pools.members[org] | pools.formers[org]))
            region = every_region() - home
            named = {k for k in named if region_of(k) and not region_of(k) & home}
        same = sorted(k for k in named if region_of(k) & region)
        others = sorted(k for k in named if not region_of(k) & region)
        cldr = [k for k in countries_of(pack).in_regions(region)
                if k not in taken and k not in named and (complete or not region_of(k) & home)]
        pools.outsiders[cache_key] = (same, cldr, others)
    return pools.outsiders[cache_key]


def _few(keys: list[str], rng: random.Random) -> list[str]:
    """Draw one more than the wanted wrong options from sorted keys, in an order drawn from the card's generator.

    A card shows three wrong options at most; the one more stands in for a key with no name in the card's language.
    """
    return rng.sample(keys, min(len(keys), WANTED + 1))


def wrong_people(file: str, excluded: set[str], pools: Pools, rng: random.Random) -> Picked:
    """Offer people who are not the answer: the article's own first, then the corpus's, then the caller's."""
    picked: dict[str, str] = {}
    for key, name in shuffled_pairs(pools.people_by_file.get(file, []), rng):
        if key not in excluded:
            picked.setdefault(key, name)
    if len(picked) < WANTED:
        for key, name in sample_people(pools.people, excluded | set(picked), rng):
            picked.setdefault(key, name)
    outside: set[str] = set()
    if len(picked) < WANTED:
        for key, name in sample_people(pools.known_people, excluded | set(picked), rng):
            if key not in picked:
                picked[key] = name
                outside.add(name)
    return Picked(tuple(picked.values()), frozenset(outside))


def shuffled_pairs(pairs: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    """Return (key, name) pairs in an order drawn from the card's generator."""
    ordered = list(pairs)
    rng.shuffle(ordered)
    return ordered


def sample_people(people: list[tuple[str, str]], excluded: set[str], rng: random.Random) -> list[tuple[str, str]]:
    """Pick people at random, skipping the excluded keys, in time independent of the pool."""
    if len(people) <= 4 * (WANTED + 1) + len(excluded):
        return [pair for pair in shuffled_pairs(people, rng) if pair[0] not in excluded]
    picked: dict[str, str] = {}
    # a large pool: random draws almost never hit an excluded or already-picked person, so few tries suffice
    for _ in range(20 * (WANTED + 1)):
        key, name = people[rng.randrange(len(people))]
        if key not in excluded:
            picked.setdefault(key, name)
        if len(picked) == WANTED:
            break
    return list(picked.items())
