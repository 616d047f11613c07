"""Charts as inline SVG drawn on the server: no JavaScript, no external assets, readable by screen readers.

Each function returns Markup ready for a Jinja template. Every piece of text is escaped with
markupsafe.escape on its way in. Shapes carry class names (``bar``, ``day level-0`` … ``level-4``) so the
stylesheet can theme them; fill attributes are only the fallback, since CSS overrides presentation attributes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

from quizapp.percent import whole_percent

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BAR_FILL = "#3b82f6"
TRACK_FILL = "#e5e7eb"
CORRECT_FILL = "#16a34a"
LEVEL_FILLS = ("#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127")
# Hover targets stay invisible but still catch the pointer: fill is not "none", only its opacity is 0.
_HIT = 'fill="#000" fill-opacity="0"'


def _num(value: float) -> str:
    """Format a coordinate compactly: 12.5, 40, 3.33."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _plural(n: int, word: str) -> str:
    """Return "1 card" or "5 cards"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _short_date(day: date) -> str:
    """Return "Nov 24" without depending on the process locale, as strftime("%b") would."""
    return f"{_MONTHS[day.month - 1]} {day.day}"


def _svg(kind: str, width: float, height: float, title: str, desc: str, body: list[str]) -> Markup:
    """Wrap chart parts in an accessible <svg> element that scales to its container."""
    # Ids come from the content, not a counter, so the same chart renders the same markup every time.
    cid = "chart-" + hashlib.sha256(f"{kind}\0{title}\0{desc}".encode()).hexdigest()[:10]
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" viewBox="0 0 {_num(width)} '
        f'{_num(height)}" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" font-family="sans-serif" font-size="11">'
        f'<title id="{cid}-title">{escape(title)}</title><desc id="{cid}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _check_count(what: str, n: int) -> None:
    """Refuse a negative count, which no chart can draw honestly."""
    if n < 0:
        raise ValueError(f"{what}: count must not be negative, got {n}")


def forecast_bars(counts: Sequence[tuple[date, int]], title: str) -> Markup:
    """Draw a bar chart of cards falling due on each of the coming days."""
    for day, n in counts:
        _check_count(day.isoformat(), n)
    width, height = 640.0, 200.0
    left, right, top, bottom = 34.0, 8.0, 14.0, 24.0
    plot_w, plot_h = width - left - right, height - top - bottom
    base = top + plot_h
    total = sum(n for _, n in counts)
    # An all-zero forecast still needs a scale: 1 keeps every bar at zero height without dividing by zero.
    peak = max((n for _, n in counts), default=0)
    scale = max(peak, 1)

    if not counts:
        desc = "No days to show."
    elif total == 0:
        desc = f"No cards due from {counts[0][0].isoformat()} to {counts[-1][0].isoformat()}."
    else:
        busiest = max(counts, key=lambda item: item[1])
        desc = (
            f"{_plural(total, 'card')} due from {counts[0][0].isoformat()} to {counts[-1][0].isoformat()}; "
            f"busiest day {busiest[0].isoformat()} with {_plural(busiest[1], 'card')}."
        )

    body = []
    for value in sorted({0, scale // 2, scale}) if peak else [0]:
        y = base - plot_h * value / scale
        body.append(
            f'<line class="grid" x1="{_num(left)}" y1="{_num(y)}" x2="{_num(width - right)}" y2="{_num(y)}" '
            f'stroke="{TRACK_FILL}"/>'
            f'<text class="axis" x="{_num(left - 4)}" y="{_num(y + 4)}" text-anchor="end" fill="currentColor">'
            f"{value}</text>"
        )
    slot = plot_w / max(len(counts), 1)
    for i, (day, n) in enumerate(counts):
        x = left + i * slot
        bar_h = plot_h * n / scale
        body.append(
            f'<g class="bar"><title>{escape(day.isoformat())}: {escape(_plural(n, "card"))}</title>'
            f'<rect class="hit" x="{_num(x)}" y="{_num(top)}" width="{_num(slot)}" height="{_num(plot_h)}" {_HIT}/>'
            f'<rect class="value" x="{_num(x + slot * 0.1)}" y="{_num(base - bar_h)}" width="{_num(slot * 0.8)}" '
            f'height="{_num(bar_h)}" fill="{BAR_FILL}"/></g>'
        )
        if i % 7 == 0:
            body.append(
                f'<text class="axis" x="{_num(x + slot / 2)}" y="{_num(height - 8)}" text-anchor="middle" '
                f'fill="currentColor">{escape(_short_date(day))}</text>'
            )
    return _svg("forecast", width, height, title, desc, body)


def _level(n: int, peak: int) -> int:
    """Map a count to colour level 0 (none) to 4 (the busiest quarter)."""
    if n <= 0 or peak <= 0:
        return 0
    return min(4, -(-4 * n // peak))


def review_heatmap(counts: Mapping[date, int], end: date, weeks: int = 26, *, title: str) -> Markup:
    """Draw a calendar of reviews per day: one column per week (Monday on top), the last one holding end."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    start = end - timedelta(days=end.weekday(), weeks=weeks - 1)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    for day in days:
        _check_count(day.isoformat(), counts.get(day, 0))
    peak = max((counts.get(day, 0) for day in days), default=0)
    total = sum(counts.get(day, 0) for day in days)

    cell, pitch, left, top = 11.0, 13.0, 30.0, 16.0
    width = left + weeks * pitch
    height = top + 7 * pitch + 22.0
    body = []
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
        body.append(
            f'<text class="axis" x="{_num(left - 4)}" y="{_num(top + row * pitch + 9)}" text-anchor="end" '
            f'font-size="9" fill="currentColor">{escape(name)}</text>'
        )
    mondays = [start + timedelta(weeks=col) for col in range(weeks)]
    changes = [col for col in range(1, weeks) if mondays[col].month != mondays[col - 1].month]
    # The first column is labelled too, unless the next month's label would overlap it.
    label_cols = ([0] if not changes or changes[0] >= 3 else []) + changes
    for col in label_cols:
        body.append(
            f'<text class="month" x="{_num(left + col * pitch)}" y="{_num(top - 5)}" font-size="9" '
            f'fill="currentColor">{escape(_MONTHS[mondays[col].month - 1])}</text>'
        )
    for i, day in enumerate(days):
        col, row = divmod(i, 7)
        n = counts.get(day, 0)
        level = _level(n, peak)
        body.append(
            f'<rect class="day level-{level}" x="{_num(left + col * pitch)}" y="{_num(top + row * pitch)}" '
            f'width="{_num(cell)}" height="{_num(cell)}" rx="2" fill="{LEVEL_FILLS[level]}" '
            f'data-date="{escape(day.isoformat())}" data-count="{n}">'
            f"<title>{escape(day.isoformat())}: {escape(_plural(n, 'review'))}</title></rect>"
        )
    legend_y = top + 7 * pitch + 8
    legend_x = width - 5 * pitch - 30
    body.append(
        f'<text class="legend" x="{_num(legend_x - 4)}" y="{_num(legend_y + 9)}" text-anchor="end" font-size="9" '
        f'fill="currentColor">Less</text>'
    )
    for level, fill in enumerate(LEVEL_FILLS):
        body.append(
            f'<rect class="legend level-{level}" x="{_num(legend_x + level * pitch)}" y="{_num(legend_y)}" '
            f'width="{_num(cell)}" height="{_num(cell)}" rx="2" fill="{fill}"/>'
        )
    body.append(
        f'<text class="legend" x="{_num(legend_x + 5 * pitch + 2)}" y="{_num(legend_y + 9)}" font-size="9" '
        f'fill="currentColor">More</text>'
    )

    if total == 0:
        desc = f"No reviews from {start.isoformat()} to {end.isoformat()}."
    else:
        busiest = max(days, key=lambda day: counts.get(day, 0))
        active = sum(1 for day in days if counts.get(day, 0) > 0)
        desc = (
            f"{_plural(total, 'review')} on {active} of {_plural(len(days), 'day')} from {start.isoformat()} "
            f"to {end.isoformat()}; most in one day: {peak} on {busiest.isoformat()}."
        )
    return _svg("heatmap", width, height, title, desc, body)


def _percent(correct: int, total: int) -> int:
    """Return the whole percentage as every page rounds one, 0 for 0 of 0."""
    return whole_percent(correct, total) or 0


def accuracy_bars(rows: Sequence[tuple[str, int, int]], title: str) -> Markup:
    """Draw one horizontal bar per (label, correct, total) row, with its percentage."""
    for label, correct, total in rows:
        if not 0 <= correct <= total:
            raise ValueError(f"{label}: need 0 <= correct <= total, got {correct} of {total}")
    width, row_h, top = 640.0, 24.0, 6.0
    label_w, text_w = 180.0, 100.0
    track_w = width - label_w - text_w
    height = top * 2 + row_h * max(len(rows), 1)

    body = []
    parts = []
    for i, (label, correct, total) in enumerate(rows):
        y = top + i * row_h
        pct = _percent(correct, total)
        summary = f"{pct}% ({correct}/{total})" if total else "no answers"
        parts.append(f"{label} {summary}")
        # Long labels are cut to fit the label column; the tooltip keeps the whole text.
        shown = label if len(label) <= 28 else label[:27] + "…"
        tooltip = f"{label}: {correct} of {total} correct ({pct}%)" if total else f"{label}: no answers"
        body.append(
            f'<g class="row"><title>{escape(tooltip)}</title>'
            f'<text class="label" x="{_num(label_w - 8)}" y="{_num(y + 16)}" text-anchor="end" '
            f'fill="currentColor">{escape(shown)}</text>'
            f'<rect class="track" x="{_num(label_w)}" y="{_num(y + 4)}" width="{_num(track_w)}" height="16" '
            f'rx="3" fill="{TRACK_FILL}"/>'
            f'<rect class="bar" x="{_num(label_w)}" y="{_num(y + 4)}" '
            f'width="{_num(track_w * correct / total if total else 0)}" height="16" rx="3" fill="{CORRECT_FILL}"/>'
            f'<text class="value" x="{_num(label_w + track_w + 6)}" y="{_num(y + 16)}" fill="currentColor">'
            f"{escape(summary)}</text></g>"
        )
    desc = f"Accuracy: {'; '.join(parts)}." if rows else "No answers to show."
    return _svg("accuracy", width, height, title, desc, body)
