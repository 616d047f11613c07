"""One percentage rule for every page: whole, rounded down, None for 0 of 0."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from quizapp.percent import whole_percent


@pytest.mark.parametrize(
    ("part", "whole", "percent"),
    [(0, 5, 0), (2, 3, 66), (199, 200, 99), (200, 200, 100), (1, 8, 12), (0.29, 1, 29), (0.5, 1, 50), (0, 0, None)],
)
def test_a_share_is_a_whole_percentage_rounded_down(part: float, whole: float, percent: int | None) -> None:
    assert whole_percent(part, whole) == percent


def test_templates_round_with_the_same_rule(app: Flask) -> None:
    with app.test_request_context():
        assert render_template_string("{{ 0.999|whole_percent }}% {{ 0.29|whole_percent }}%") == "99% 29%"
