"""How dates and numbers are written in options, and the nearby wrong values a card offers."""

from __future__ import annotations

import calendar
import random
from functools import lru_cache

from question_bank.extract.dates import DateValue
from question_bank.lang import LanguagePack

#: Wrong dates a card wants (four options in all).
_ENOUGH = 3


@lru_cache(maxsize=128)
def month_name(month: int, pack: LanguagePack) -> str:
    """Return the full name of a month in the pack's language."""
    names = [name for name, number in pack.months.items() if number == month]
    return max(names, key=len).capitalize()


def format_date(value: DateValue, pack: LanguagePack) -> str:
    """Write a date at its own precision, as the pack writes it: "2020", "Januari 2022", "27 November 2022"."""
    if value.month is None:
        return str(value.year)
    month = month_name(value.month, pack)
    if value.day is None:
        return f"{month} {value.year}"
    return pack.date_format.format(day=value.day, month=month, year=value.year)


def format_number(value: float, pack: LanguagePack) -> str:
    """Write a number as the pack's language does: "3.380" and "1,5" in Indonesian, "3,380" and "1.5" in English."""
    if value == int(value):
        return _marks(f"{int(value):,}", pack)
    return _marks(f"{value:,.2f}".rstrip("0"), pack)


def _marks(written: str, pack: LanguagePack) -> str:
    """Swap Python's "," and "." for the pack's group and decimal marks."""
    return written.replace(",", "\x00").replace(".", pack.decimal_mark).replace("\x00", pack.group_mark)


def nearby_dates(value: DateValue, rng: random.Random, avoid: set[str],
                 latest: DateValue | None = None) -> list[DateValue]:
    """Offer dates near a date, at the same precision, none equal to it or to any in `avoid` (keys).

    `latest` is the latest date the article states: an event before it is past, and a wrong date after it would
    give itself away, so none is offered where enough others are left (and one still falls after the answer).
    """
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
    if value.not_after is not None:  # the article reports the date as past: no wrong option after its own year
        candidates = [c for c in candidates if c.year <= value.not_after]
    rng.shuffle(candidates)
    offered = [c for c in candidates if c.key != value.key and c.key not in avoid]
    if latest is None or last_day(value) >= first_day(latest):
        return offered
    possible = [c for c in offered if first_day(c) <= last_day(latest)]
    later = next((c for c in possible if first_day(c) > last_day(value)), None)
    if len(possible) < _ENOUGH or later is None:
        return offered
    if all(first_day(c) < first_day(value) for c in possible[:_ENOUGH]):
        # every wrong date shown earlier would mark the answer as the latest option: show a later one too
        possible.remove(later)
        possible.insert(_ENOUGH - 1, later)
    return possible


def first_day(value: DateValue) -> tuple[int, int, int]:
    """Return the first day a date at its precision may mean, as (year, month, day), for comparing."""
    return value.year, value.month or 1, value.day or 1


def last_day(value: DateValue) -> tuple[int, int, int]:
    """Return the last day a date at its precision may mean (31 stands for any month's last)."""
    return value.year, value.month or 12, value.day or 31


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


def format_figure(value: float, decimals: int, pack: LanguagePack) -> str:
    """Write a figure with as many decimals as the article wrote, as its language does ("1,3", "3.380")."""
    if decimals == 0:
        return format_number(float(round(value)), pack)
    return _marks(f"{value:,.{decimals}f}", pack)


def _ordinal_word(n: int, pack: LanguagePack) -> str | None:
    return next((w for w, v in pack.ordinal_words.items() if v == n), None)


def format_stated(detail: dict, pack: LanguagePack) -> str:
    """Write a quantity, percentage, ordinal, fraction or span the way its article states it."""
    return _render(detail, detail["number"], pack) or ""


def _render(detail: dict, number: float, pack: LanguagePack) -> str | None:
    shape = detail["shape"]
    if shape in ("quantity", "percent"):
        scale = detail["number"] / detail["figure"]
        figure_text = format_figure(number / scale, detail["decimals"], pack)
        return figure_text + detail["suffix"]
    if shape == "ordinal":
        return pack.ordinal_format(int(number))
    if shape == "ordinal_word":
        return _ordinal_word(int(number), pack)
    if shape == "span":
        length = detail["last"] - detail["first"]
        return f"{int(number)}{detail['joiner']}{int(number) + length}"
    if shape == "fraction":
        names = [w for w, v in pack.fraction_words.items() if abs(v - number) < 1e-9]
        if abs(number - detail["number"]) < 1e-9:
            names = [detail["stated"].lower()]
        if not names:
            return None
        name = min(names, key=len)
        return name.capitalize() if detail["stated"][0].isupper() else name
    return None


def nearby_stated(detail: dict, rng: random.Random, avoid: set[float], pack: LanguagePack) -> list[str]:
    """Offer wrong values of the same shape as a stated one: same scale, unit, decimals and kind, all possible."""
    value, shape = detail["number"], detail["shape"]
    if shape in ("quantity", "percent"):
        scale = value / detail["figure"]
        decimals = detail["decimals"]
        figures = [round(detail["figure"] * f, decimals) for f in (0.5, 0.65, 0.8, 1.25, 1.4, 1.6, 2.0)]
        if decimals == 0 and detail["figure"] >= 20:
            figures = [_two_digits(f) for f in figures]
        if decimals == 0 and detail["figure"] <= 12:
            figures = [detail["figure"] + d for d in (-3, -2, -1, 1, 2, 3, 4)]
        smallest = 10 ** -decimals if decimals else (1 if shape == "percent" or scale > 1 else 2)
        largest = 100 if shape == "percent" and value <= 100 else float("inf")  # a share stays a share
        if scale > 1:  # "0,7 juta" or "1.000 ribu" would be written with another scale word
            smallest, largest = max(smallest, 1), 999
        candidates = [f * scale for f in figures if smallest <= f <= largest]
    elif shape in ("ordinal", "ordinal_word"):
        candidates = [value + d for d in (-2, -1, 1, 2, 3) if value + d >= 2]
        if shape == "ordinal_word":
            candidates = [c for c in candidates if _ordinal_word(int(c), pack)]
    elif shape == "span":
        candidates = [value + d for d in (-3, -2, -1, 1, 2, 3)]
    elif shape == "fraction":
        candidates = sorted(set(pack.fraction_words.values()))
    else:
        return []
    if detail.get("floor") is not None:  # the sentence states a smaller value of the same kind
        candidates = [c for c in candidates if c > detail["floor"]]
    if detail.get("ceiling") is not None:  # ... or a larger one
        candidates = [c for c in candidates if c < detail["ceiling"]]
    rng.shuffle(candidates)
    out: list[str] = []
    answer = _render(detail, value, pack)
    for c in candidates:
        text = _render(detail, c, pack)
        if text and text != answer and text not in out and not any(abs(c - a) < 1e-9 for a in avoid):
            out.append(text)
    return out


def _two_digits(value: float) -> float:
    """Round a figure to two significant digits, as a plausible wrong one is written ("3.380" -> "2.700")."""
    step = 10 ** max(len(str(int(value))) - 2, 0)
    return float(round(value / step) * step)
