"""How dates and numbers are written in options, and the nearby wrong values a card offers."""

from __future__ import annotations

import calendar
import random
from functools import lru_cache

from question_bank.extract.dates import DateValue
from question_bank.lang import LanguagePack


@lru_cache(maxsize=128)
def month_name(month: int, pack: LanguagePack) -> str:
    """Return the full name of a month in the pack's language."""
    names = [name for name, number in pack.months.items() if number == month]
    return max(names, key=len).capitalize()


def format_date(value: DateValue, pack: LanguagePack) -> str:
    """Write a date at its own precision: "2020", "Januari 2022", "27 November 2022"."""
    if value.month is None:
        return str(value.year)
    month = month_name(value.month, pack)
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"


def format_number(value: float) -> str:
    """Write a number the Indonesian way: a dot between thousands, a comma before decimals."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".rstrip("0").replace(",", "_").replace(".", ",").replace("_", ".")


def nearby_dates(value: DateValue, rng: random.Random, avoid: set[str]) -> list[DateValue]:
    """Offer dates near a date, at the same precision, none equal to it or to any in `avoid` (keys)."""
    candidates: list[DateValue] = []
    if value.day:
        for delta in (-7, -3, -1, 1, 2, 5):
            day = value.day + delta
            if 1 <= day <= 28:
                candidates.append(DateValue(value.year, value.month, day))
        for delta in (-1, 1):
            month = (value.month or 1) + delta
            # 30 Maret moved a month back would be 30 Februari, which no calendar has
            if 1 <= month <= 12 and value.day <= calendar.monthrange(value.year, month)[1]:
                candidates.append(DateValue(value.year, month, value.day))
    elif value.month:
        for delta in (-3, -2, -1, 1, 2, 3):
            month = value.month + delta
            if 1 <= month <= 12:
                candidates.append(DateValue(value.year, month))
        candidates += [DateValue(value.year - 1, value.month), DateValue(value.year + 1, value.month)]
    else:
        candidates = [DateValue(value.year + d) for d in (-4, -3, -2, -1, 1, 2, 3, 4)]
    rng.shuffle(candidates)
    return [c for c in candidates if c.key != value.key and c.key not in avoid]


def nearby_numbers(value: float, rng: random.Random, avoid: set[float]) -> list[float]:
    """Offer numbers near a number, of the same kind (whole, similar size), none in `avoid`."""
    if value <= 12:
        candidates = [value + d for d in (-3, -2, -1, 1, 2, 3, 4) if value + d >= 2]
    else:
        digits = len(str(int(value)))
        step = 10 ** max(digits - 2, 0)
        candidates = [round(value * f / step) * step for f in (0.5, 0.7, 0.8, 1.25, 1.5, 2.0)]
    rng.shuffle(candidates)
    seen: set[float] = set()
    out = []
    for c in candidates:
        if c != value and c not in avoid and c not in seen:
            seen.add(c)
            out.append(float(c))
    return out
