"""Charts as inline SVG drawn on the server: no JavaScript, no external assets, readable by screen readers.

Each function returns Markup ready for a Jinja template. Every piece of text is escaped with
markupsafe.escape on its way in. Shapes carry class names (``bar``, ``day level-0`` … ``level-4``) so the
stylesheet can theme them; fill attributes are only the fallback, since CSS overrides presentation attributes.

Words come through the translation catalog (Flask-Babel's gettext, English outside a request) and month and
weekday names from Babel's locale data for the locale given, like every other text of the pages. Each chart's
coordinate system is about as wide as a phone's reading column (350 px), so that its text, drawn at
``FONT_SIZE`` units, stays at least 12 px where the chart is narrowest; the stylesheet caps how wide a chart
grows on a wide screen.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from babel.dates import format_skeleton, get_day_names, get_month_names
from flask_babel import get_translations
from markupsafe import Markup, escape

from quizapp.percent import whole_percent

#: The size of every chart's text, in the chart's own units.
FONT_SIZE = 14
#: The longest label an accuracy bar shows whole, in characters: about the chart's width at FONT_SIZE.
_LABEL_CHARS = 48
BAR_FILL = "#3b82f6"
TRACK_FILL = "#e5e7eb"
CORRECT_FILL = "#16a34a"
LEVEL_FILLS = ("#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127")
# Hover targets stay invisible but still catch the pointer: fill is not "none", only its opacity is 0.
_HIT = 'fill="#000" fill-opacity="0"'


def _num(value: float) -> str:
    """Format a coordinate compactly: 12.5, 40, 3.33."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Words:
    """The page's translations, looked up once for a chart: Flask-Babel's gettext looks them up again for every word,
    which costs more than the rest of drawing a cell. The same text as Flask-Babel's gettext and ngettext."""

    def __init__(self) -> None:
        self._translations = get_translations()
        self._counted: dict[tuple[str, int], str] = {}

    def gettext(self, string: str, **variables: Any) -> str:
        text = self._translations.ugettext(string)
        return text % variables if variables else text

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> str:
        return self._translations.ungettext(singular, plural, num) % {"num": num, **variables}

    def cards(self, n: int) -> str:
        """Return "1 card" or "5 cards" in the page's language."""
        if (key := ("cards", n)) not in self._counted:
            self._counted[key] = self.ngettext("%(num)d card", "%(num)d cards", n)
        return self._counted[key]

    def escaped_cards(self, n: int) -> str:
        """Return cards(n), escaped (days with the same count share it)."""
        if (key := ("escaped cards", n)) not in self._counted:
            self._counted[key] = escape(self.cards(n))
        return self._counted[key]

    def reviews(self, n: int) -> str:
        """Return "1 review" or "5 reviews" in the page's language, escaped (days with the same count share it)."""
        if (key := ("reviews", n)) not in self._counted:
            self._counted[key] = escape(self.ngettext("%(num)d review", "%(num)d reviews", n))
        return self._counted[key]


@functools.lru_cache(maxsize=1024)
def _short_date(day: date, locale: str) -> Markup:
    """Return "Nov 24" (or "24 Nov" in Indonesian), escaped, from the locale's data, not the process locale's."""
    return escape(format_skeleton("MMMd", day, locale=locale))


def _svg(kind: str, width: float, height: float, title: str, desc: str, body: list[str]) -> Markup:
    """Wrap chart parts in an accessible <svg> element that scales to its container."""
    # Ids come from the content, not a counter, so the same chart renders the same markup every time.
    cid = "chart-" + hashlib.sha256(f"{kind}\0{title}\0{desc}".encode()).hexdigest()[:10]
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" viewBox="0 0 {_num(width)} '
        f'{_num(height)}" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" font-family="sans-serif" font-size="{FONT_SIZE}">'
        f'<title id="{cid}-title">{escape(title)}</title><desc id="{cid}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _check_count(what: str, n: int) -> None:
    """Refuse a negative count, which no chart can draw honestly."""
    if n < 0:
        raise ValueError(f"{what}: count must not be negative, got {n}")


def forecast_bars(counts: Sequence[tuple[date, int]], title: str, locale: str = "en") -> Markup:
    """Draw a bar chart of cards falling due on each of the coming days."""
    for day, n in counts:
        _check_count(day.isoformat(), n)
    width, height = 360.0, 180.0
    left, right, top, bottom = 34.0, 20.0, 14.0, 26.0
    plot_w, plot_h = width - left - right, height - top - bottom
    base = top + plot_h
    total = sum(n for _, n in counts)
    # An all-zero forecast still needs a scale: 1 keeps every bar at zero height without dividing by zero.
    peak = max((n for _, n in counts), default=0)
    scale = max(peak, 1)
    words = _Words()
    _ = words.gettext

    if not counts:
        desc = _("No days to show.")
    elif total == 0:
        desc = _("No cards due from %(start)s to %(end)s.", start=counts[0][0].isoformat(),
                 end=counts[-1][0].isoformat())
    else:
        busiest = max(counts, key=lambda item: item[1])
        desc = _(
            "%(cards)s due from %(start)s to %(end)s; busiest day %(day)s with %(busiest)s.",
            cards=words.cards(total), start=counts[0][0].isoformat(), end=counts[-1][0].isoformat(),
            day=busiest[0].isoformat(), busiest=words.cards(busiest[1]),
        )

    body = []
    for value in sorted({0, scale // 2, scale}) if peak else [0]:
        y = base - plot_h * value / scale
        body.append(
            f'<line class="grid" x1="{_num(left)}" y1="{_num(y)}" x2="{_num(width - right)}" y2="{_num(y)}" '
            f'stroke="{TRACK_FILL}"/>'
            f'<text class="axis" x="{_num(left - 4)}" y="{_num(y + 5)}" text-anchor="end" fill="currentColor">'
            f"{value}</text>"
        )
    slot = plot_w / max(len(counts), 1)
    # What every bar shares is written once; an ISO date is digits and dashes, with nothing in it to escape.
    hit_tail = f'" y="{_num(top)}" width="{_num(slot)}" height="{_num(plot_h)}" {_HIT}/><rect class="value" x="'
    value_width = _num(slot * 0.8)
    for i, (day, n) in enumerate(counts):
        x = left + i * slot
        bar_h = plot_h * n / scale
        body.append(
            f'<g class="bar"><title>{day.isoformat()}: {words.escaped_cards(n)}</title><rect class="hit" x="{_num(x)}'
            f'{hit_tail}{_num(x + slot * 0.1)}" y="{_num(base - bar_h)}" width="{value_width}" '
            f'height="{_num(bar_h)}" fill="{BAR_FILL}"/></g>'
        )
        if i % 7 == 0:
            body.append(
                f'<text class="axis" x="{_num(x + slot / 2)}" y="{_num(height - 8)}" text-anchor="middle" '
                f'fill="currentColor">{_short_date(day, locale)}</text>'
            )
    return _svg("forecast", width, height, title, desc, body)


def _level(n: int, peak: int) -> int:
    """Map a count to colour level 0 (none) to 4 (the busiest quarter)."""
    if n <= 0 or peak <= 0:
        return 0
    return min(4, -(-4 * n // peak))


@functools.cache
def _heatmap_cells(weeks: int) -> tuple[str, ...]:
    """Return where each day's cell of a heatmap of weeks columns goes, day by day from the first Monday."""
    return tuple(
        f'x="{_num(_HEATMAP_LEFT + col * _HEATMAP_PITCH)}" y="{_num(_HEATMAP_TOP + row * _HEATMAP_PITCH)}"'
        for col in range(weeks) for row in range(7)
    )


@functools.lru_cache(maxsize=16)
def _heatmap_days(start: date, n: int) -> tuple[tuple[date, ...], tuple[str, ...]]:
    """Return the n days from start and their ISO dates: a heatmap's days, the same for every student on a day."""
    days = tuple(start + timedelta(days=i) for i in range(n))
    return days, tuple(day.isoformat() for day in days)


# A week's column is 13 units: 26 weeks and the weekday names fit a phone's column at about 1:1.
_HEATMAP_CELL, _HEATMAP_PITCH, _HEATMAP_LEFT, _HEATMAP_TOP = 11.0, 13.0, 34.0, 20.0


def review_heatmap(
    counts: Mapping[date, int], end: date, weeks: int = 26, *, title: str, locale: str = "en"
) -> Markup:
    """Draw a calendar of reviews per day: one column per week (Monday on top), the last one holding end."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    start = end - timedelta(days=end.weekday(), weeks=weeks - 1)
    days, isos = _heatmap_days(start, (end - start).days + 1)
    day_counts = [counts.get(day, 0) for day in days]
    if min(day_counts) < 0:
        _check_count(*next((iso, n) for iso, n in zip(isos, day_counts, strict=True) if n < 0))
    peak = max(day_counts, default=0)
    total = sum(day_counts)
    words = _Words()
    _ = words.gettext

    cell, pitch, left, top = _HEATMAP_CELL, _HEATMAP_PITCH, _HEATMAP_LEFT, _HEATMAP_TOP
    width = max(left + weeks * pitch, 200.0)
    height = top + 7 * pitch + 26.0
    weekdays = get_day_names("abbreviated", locale=locale)
    month_names = get_month_names("abbreviated", locale=locale)
    body = []
    for row in (0, 2, 4):  # Monday, Wednesday, Friday
        body.append(
            f'<text class="axis" x="{_num(left - 4)}" y="{_num(top + row * pitch + 10)}" text-anchor="end" '
            f'fill="currentColor">{escape(weekdays[row])}</text>'
        )
    mondays = [start + timedelta(weeks=col) for col in range(weeks)]
    changes = [col for col in range(1, weeks) if mondays[col].month != mondays[col - 1].month]
    # The first column is labelled too, unless the next month's label would overlap it.
    label_cols = ([0] if not changes or changes[0] >= 3 else []) + changes
    for col in label_cols:
        body.append(
            f'<text class="month" x="{_num(left + col * pitch)}" y="{_num(top - 6)}" '
            f'fill="currentColor">{escape(month_names[mondays[col].month])}</text>'
        )
    size = _num(cell)
    # A cell's markup around its place and its date depends on its count alone: days with the same count share it.
    # An ISO date is digits and dashes: nothing in it to escape.
    shapes: dict[int, tuple[str, str, str, str]] = {}
    for iso, n, place in zip(isos, day_counts, _heatmap_cells(weeks), strict=False):
        if (shape := shapes.get(n)) is None:
            level = _level(n, peak)
            shape = shapes[n] = (
                f'<rect class="day level-{level}" ',
                f' width="{size}" height="{size}" rx="2" fill="{LEVEL_FILLS[level]}" data-date="',
                f'" data-count="{n}"><title>',
                f": {words.reviews(n)}</title></rect>",
            )
        body.append(f"{shape[0]}{place}{shape[1]}{iso}{shape[2]}{iso}{shape[3]}")
    legend_y = top + 7 * pitch + 10
    less, more = _("Less"), _("More")
    # "More" is drawn to the right of the five boxes, which end where the last week's column ends.
    legend_x = width - 5 * pitch - 8 - 8 * len(more)
    body.append(
        f'<text class="legend" x="{_num(legend_x - 4)}" y="{_num(legend_y + 10)}" text-anchor="end" '
        f'fill="currentColor">{escape(less)}</text>'
    )
    for level, fill in enumerate(LEVEL_FILLS):
        body.append(
            f'<rect class="legend level-{level}" x="{_num(legend_x + level * pitch)}" y="{_num(legend_y)}" '
            f'width="{size}" height="{size}" rx="2" fill="{fill}"/>'
        )
    body.append(
        f'<text class="legend" x="{_num(legend_x + 5 * pitch + 2)}" y="{_num(legend_y + 10)}" '
        f'fill="currentColor">{escape(more)}</text>'
    )

    if total == 0:
        desc = _("No reviews from %(start)s to %(end)s.", start=start.isoformat(), end=end.isoformat())
    else:
        busiest = days[day_counts.index(peak)]
        active = sum(1 for n in day_counts if n > 0)
        desc = _(
            "%(reviews)s on %(active)d of %(days)s from %(start)s to %(end)s; most in one day: %(peak)d on %(day)s.",
            reviews=words.ngettext("%(num)d review", "%(num)d reviews", total), active=active,
            days=words.ngettext("%(num)d day", "%(num)d days", len(days)), start=start.isoformat(),
            end=end.isoformat(), peak=peak, day=busiest.isoformat(),
        )
    return _svg("heatmap", width, height, title, desc, body)


def _percent(correct: int, total: int) -> int:
    """Return the whole percentage as every page rounds one, 0 for 0 of 0."""
    return whole_percent(correct, total) or 0


# The accuracy chart's geometry: the label has the chart's whole width to itself, so a long deck name is cut at its
# end, never its start; the bar's track runs beside the percentage.
_BARS_WIDTH, _BARS_ROW, _BARS_TOP, _BARS_TEXT = 360.0, 44.0, 4.0, 112.0
_BARS_TRACK = _BARS_WIDTH - _BARS_TEXT


@functools.cache
def _bar_rows(i: int) -> tuple[str, str, str]:
    """Return where row i of an accuracy chart puts its label, its bar and its percentage (the y coordinates)."""
    y = _BARS_TOP + i * _BARS_ROW
    return _num(y + 15), _num(y + 22), _num(y + 35)


def accuracy_bars(rows: Sequence[tuple[str, int, int]], title: str) -> Markup:
    """Draw one horizontal bar per (label, correct, total) row, its label above it and its percentage beside it."""
    for label, correct, total in rows:
        if not 0 <= correct <= total:
            raise ValueError(f"{label}: need 0 <= correct <= total, got {correct} of {total}")
    width, track_w = _BARS_WIDTH, _BARS_TRACK
    height = _BARS_TOP * 2 + _BARS_ROW * max(len(rows), 1)
    track, value_x = _num(track_w), _num(track_w + 6)

    words = _Words()
    _ = words.gettext
    # The tooltip's words are looked up and escaped once; each row only fills them in, as gettext would. Escaping the
    # words and the label apart gives the same text as escaping the tooltip whole, and the numbers need none.
    with_answers = str(escape(words.gettext("%(label)s: %(correct)d of %(total)d correct (%(percent)d%%)")))
    body = []
    parts = []
    for i, (label, correct, total) in enumerate(rows):
        label_y, bar_y, value_y = _bar_rows(i)
        safe_label = escape(label)
        # Long labels are cut to fit the chart's width; the tooltip keeps the whole text. A label that escaping left
        # as long as it was has nothing to escape, in its start either.
        if len(label) <= _LABEL_CHARS:
            shown = safe_label
        elif len(safe_label) == len(label):
            shown = label[: _LABEL_CHARS - 1] + "…"
        else:
            shown = escape(label[: _LABEL_CHARS - 1] + "…")
        if total:
            pct = _percent(correct, total)
            summary = f"{pct}% ({correct}/{total})"
            tooltip = with_answers % {"label": safe_label, "correct": correct, "total": total, "percent": pct}
            bar_w = _num(track_w * correct / total)
            shown_summary = summary  # digits and signs: nothing in it to escape
        else:
            summary = _("no answers")
            tooltip = escape(_("%(label)s: no answers", label=label))
            bar_w = "0"
            shown_summary = escape(summary)
        parts.append(f"{label} {summary}")
        body.append(
            f'<g class="row"><title>{tooltip}</title>'
            f'<text class="label" x="0" y="{label_y}" fill="currentColor">{shown}</text>'
            f'<rect class="track" x="0" y="{bar_y}" width="{track}" height="16" rx="3" fill="{TRACK_FILL}"/>'
            f'<rect class="bar" x="0" y="{bar_y}" width="{bar_w}" height="16" rx="3" fill="{CORRECT_FILL}"/>'
            f'<text class="value" x="{value_x}" y="{value_y}" fill="currentColor">{shown_summary}</text></g>'
        )
    desc = _("Accuracy: %(rows)s.", rows="; ".join(parts)) if rows else _("No answers to show.")
    return _svg("accuracy", width, height, title, desc, body)
