"""Server-drawn SVG charts: well-formed, accessible, escaped, and safe with empty or all-zero data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from markupsafe import Markup

from quizapp.charts import LEVEL_FILLS, accuracy_bars, forecast_bars, review_heatmap

NS = {"svg": "http://www.w3.org/2000/svg"}
TODAY = date(2026, 11, 24)  # a Tuesday
EVIL = '<script>alert("x")</script> & co'


def parse(markup: Markup) -> ET.Element:
    """Parse chart markup as XML, checking the parts every chart must have."""
    assert isinstance(markup, Markup)
    root = ET.fromstring(str(markup))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("width") is None  # sized by its container through the viewBox
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return root


def desc_of(root: ET.Element) -> str:
    """Return the chart's text summary."""
    return root.findtext("svg:desc", default="", namespaces=NS)


def with_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    """Find every element of a tag whose class list contains cls."""
    return [el for el in root.iter(f"{{{NS['svg']}}}{tag}") if cls in el.get("class", "").split()]


def forecast(counts: list[int]) -> list[tuple[date, int]]:
    """Pair counts with the days starting today."""
    return [(TODAY + timedelta(days=i), n) for i, n in enumerate(counts)]


# forecast_bars


def test_forecast_has_one_bar_per_day_with_tooltips() -> None:
    counts = [5, 0, 1] + [2] * 27
    root = parse(forecast_bars(forecast(counts), "Due soon"))
    bars = with_class(root, "g", "bar")
    assert len(bars) == 30
    titles = [bar.findtext("svg:title", namespaces=NS) for bar in bars]
    assert titles[:3] == ["2026-11-24: 5 cards", "2026-11-25: 0 cards", "2026-11-26: 1 card"]
    assert titles[-1] == "2026-12-23: 2 cards"
    assert root.findtext("svg:title", namespaces=NS) == "Due soon"


def test_forecast_bar_heights_follow_the_counts() -> None:
    root = parse(forecast_bars(forecast([10, 5, 0, 10]), "Due soon"))
    heights = [float(rect.get("height", "nan")) for rect in with_class(root, "rect", "value")]
    assert heights[0] == heights[3] > 0
    assert heights[1] == pytest.approx(heights[0] / 2)
    assert heights[2] == 0
    # every bar stands on the same baseline
    assert len({float(r.get("y", "0")) + float(r.get("height", "0")) for r in with_class(root, "rect", "value")}) == 1


def test_forecast_summary_names_total_and_busiest_day() -> None:
    root = parse(forecast_bars(forecast([1, 7, 2]), "Due soon"))
    assert desc_of(root) == "10 cards due from 2026-11-24 to 2026-11-26; busiest day 2026-11-25 with 7 cards."


def test_forecast_all_zero_does_not_divide_by_zero() -> None:
    root = parse(forecast_bars(forecast([0] * 30), "Due soon"))
    assert [r.get("height") for r in with_class(root, "rect", "value")] == ["0"] * 30
    assert desc_of(root) == "No cards due from 2026-11-24 to 2026-12-23."


def test_forecast_without_days() -> None:
    root = parse(forecast_bars([], "Due soon"))
    assert with_class(root, "g", "bar") == []
    assert desc_of(root) == "No days to show."


def test_forecast_labels_weeks_without_the_process_locale() -> None:
    root = parse(forecast_bars(forecast([1] * 30), "Due soon"))
    labels = [t.text for t in with_class(root, "text", "axis") if t.get("text-anchor") == "middle"]
    assert labels == ["Nov 24", "Dec 1", "Dec 8", "Dec 15", "Dec 22"]


def test_forecast_rejects_negative_counts() -> None:
    with pytest.raises(ValueError, match="2026-11-25"):
        forecast_bars(forecast([1, -1]), "Due soon")


def test_forecast_is_deterministic() -> None:
    assert forecast_bars(forecast([3, 1, 4]), "Due") == forecast_bars(forecast([3, 1, 4]), "Due")


# review_heatmap


def test_heatmap_rejects_negative_counts() -> None:
    with pytest.raises(ValueError, match=(TODAY - timedelta(days=1)).isoformat()):
        review_heatmap({TODAY: 1, TODAY - timedelta(days=1): -2}, TODAY, title="Reviews")


def test_heatmap_has_a_cell_per_day_up_to_end() -> None:
    root = parse(review_heatmap({}, TODAY, title="Reviews"))
    cells = with_class(root, "rect", "day")
    # 25 full weeks plus Monday and Tuesday of the last one
    assert len(cells) == 25 * 7 + 2
    assert cells[0].get("data-date") == "2026-06-01"
    assert cells[-1].get("data-date") == "2026-11-24"
    assert len({c.get("y") for c in cells}) == 7
    assert len({c.get("x") for c in cells}) == 26


def test_heatmap_ending_on_sunday_fills_every_column() -> None:
    root = parse(review_heatmap({}, date(2026, 11, 29), weeks=4, title="Reviews"))
    assert len(with_class(root, "rect", "day")) == 28


def test_heatmap_cells_have_titles_and_levels() -> None:
    counts = {TODAY: 8, TODAY - timedelta(days=1): 1, TODAY - timedelta(days=2): 4, TODAY - timedelta(days=3): 6}
    root = parse(review_heatmap(counts, TODAY, weeks=2, title="Reviews"))
    cells = {c.get("data-date"): c for c in with_class(root, "rect", "day")}
    assert cells["2026-11-24"].findtext("svg:title", namespaces=NS) == "2026-11-24: 8 reviews"
    assert cells["2026-11-23"].findtext("svg:title", namespaces=NS) == "2026-11-23: 1 review"
    assert cells["2026-11-16"].findtext("svg:title", namespaces=NS) == "2026-11-16: 0 reviews"
    levels = {day: cell.get("class") for day, cell in cells.items()}
    assert levels["2026-11-24"] == "day level-4"  # the busiest day
    assert levels["2026-11-21"] == "day level-3"  # 6 of 8
    assert levels["2026-11-22"] == "day level-2"  # 4 of 8
    assert levels["2026-11-23"] == "day level-1"  # 1 of 8
    assert levels["2026-11-16"] == "day level-0"
    assert cells["2026-11-24"].get("fill") == LEVEL_FILLS[4]
    assert cells["2026-11-16"].get("fill") == LEVEL_FILLS[0]


def test_heatmap_labels_months_and_weekdays() -> None:
    root = parse(review_heatmap({}, TODAY, title="Reviews"))
    assert [t.text for t in with_class(root, "text", "month")] == ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    assert [t.text for t in with_class(root, "text", "axis")] == ["Mon", "Wed", "Fri"]


def test_heatmap_ignores_days_outside_the_window() -> None:
    counts = {TODAY + timedelta(days=1): 99, date(2020, 1, 1): 50, TODAY: 2}
    root = parse(review_heatmap(counts, TODAY, weeks=1, title="Reviews"))
    assert [c.get("data-count") for c in with_class(root, "rect", "day")] == ["0", "2"]
    assert desc_of(root) == (
        "2 reviews on 1 of 2 days from 2026-11-23 to 2026-11-24; most in one day: 2 on 2026-11-24."
    )


def test_heatmap_all_zero_does_not_divide_by_zero() -> None:
    root = parse(review_heatmap(dict.fromkeys((TODAY - timedelta(days=i) for i in range(30)), 0), TODAY, title="R"))
    assert {c.get("class") for c in with_class(root, "rect", "day")} == {"day level-0"}
    assert desc_of(root) == "No reviews from 2026-06-01 to 2026-11-24."


@pytest.mark.parametrize("weeks", [0, -3])
def test_heatmap_rejects_too_few_weeks(weeks: int) -> None:
    with pytest.raises(ValueError, match="weeks"):
        review_heatmap({}, TODAY, weeks=weeks, title="Reviews")


# accuracy_bars


def test_accuracy_bars_show_percentages() -> None:
    rows = [("Members", 3, 4), ("Dates", 1, 3), ("Speakers", 0, 0), ("Roles", 5, 5)]
    root = parse(accuracy_bars(rows, "Accuracy by kind"))
    groups = with_class(root, "g", "row")
    assert [g.findtext("svg:text[@class='label']", namespaces=NS) for g in groups] == [r[0] for r in rows]
    assert [g.findtext("svg:text[@class='value']", namespaces=NS) for g in groups] == [
        "75% (3/4)",
        "33% (1/3)",
        "no answers",
        "100% (5/5)",
    ]
    assert groups[0].findtext("svg:title", namespaces=NS) == "Members: 3 of 4 correct (75%)"
    tracks = [float(r.get("width", "nan")) for r in with_class(root, "rect", "track")]
    widths = [float(r.get("width", "nan")) for r in with_class(root, "rect", "bar")]
    assert widths == pytest.approx([tracks[0] * 0.75, tracks[0] / 3, 0, tracks[0]], abs=0.01)


def test_accuracy_rounds_down_so_almost_is_not_all() -> None:
    root = parse(accuracy_bars([("Nearly", 199, 200)], "Accuracy"))
    assert with_class(root, "text", "value")[0].text == "99% (199/200)"


def test_accuracy_cuts_long_labels_but_keeps_them_in_the_tooltip() -> None:
    label = "Which country left the alliance in 2012, and why did it leave"
    group = with_class(parse(accuracy_bars([(label, 1, 2)], "Accuracy")), "g", "row")[0]
    shown = group.findtext("svg:text[@class='label']", namespaces=NS) or ""
    assert len(shown) == 48 and shown.endswith("…")
    assert group.findtext("svg:title", namespaces=NS) == f"{label}: 1 of 2 correct (50%)"


def test_accuracy_cuts_long_labels_before_escaping_them() -> None:
    # Cut on the text, not on its escaped form: "&" counts one character, and is never cut into "&am".
    label = "Tom & Jerry <3 \"cartoons\" & 'shorts' from the years of the studio system"
    group = with_class(parse(accuracy_bars([(label, 1, 2), ("A" * 60, 1, 1)], "Accuracy")), "g", "row")[0]
    assert group.findtext("svg:text[@class='label']", namespaces=NS) == label[:47] + "…"
    assert group.findtext("svg:title", namespaces=NS) == f"{label}: 1 of 2 correct (50%)"


def test_accuracy_without_rows() -> None:
    root = parse(accuracy_bars([], "Accuracy"))
    assert with_class(root, "g", "row") == []
    assert desc_of(root) == "No answers to show."


@pytest.mark.parametrize("row", [("A", 5, 4), ("B", -1, 3)])
def test_accuracy_rejects_impossible_counts(row: tuple[str, int, int]) -> None:
    with pytest.raises(ValueError, match=row[0]):
        accuracy_bars([row], "Accuracy")


# escaping, for every chart


@pytest.mark.parametrize(
    "render",
    [
        lambda: forecast_bars(forecast([1, 2]), EVIL),
        lambda: review_heatmap({TODAY: 1}, TODAY, weeks=2, title=EVIL),
        lambda: accuracy_bars([(EVIL, 1, 2)], EVIL),
    ],
)
def test_text_is_escaped(render) -> None:  # type: ignore[no-untyped-def]
    markup = render()
    assert "<script" not in markup
    assert "&lt;script&gt;" in markup
    root = parse(markup)
    assert root.findtext("svg:title", namespaces=NS) == EVIL


def test_label_with_script_is_escaped_in_text_tooltip_and_summary() -> None:
    markup = accuracy_bars([("<script>alert(1)</script>", 1, 1)], "Accuracy")
    assert "<script>" not in markup
    root = parse(markup)
    group = with_class(root, "g", "row")[0]
    assert group.findtext("svg:text[@class='label']", namespaces=NS) == "<script>alert(1)</script>"
    assert group.findtext("svg:title", namespaces=NS) == "<script>alert(1)</script>: 1 of 1 correct (100%)"
    assert "<script>alert(1)</script>" in desc_of(root)
