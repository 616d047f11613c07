"""The bench's reference page: served only when BENCH_REFERENCE asks for it, and it escapes what it shows."""

from __future__ import annotations

from conftest import TEST_CONFIG, dispose_engines
from flask import Flask

from quizapp import create_app
from quizapp.reference import ADDED, ROWS


def test_the_reference_page_is_not_part_of_the_product(bank_app: Flask) -> None:
    assert bank_app.test_client().get("/bench/fortunes").status_code == 404


def test_with_the_setting_it_shows_a_dozen_rows_and_one_more_sorted_and_escaped(bank_database_url: str) -> None:
    app = create_app({**TEST_CONFIG, "DATABASE_URL": bank_database_url, "BENCH_REFERENCE": True})
    try:
        response = app.test_client().get("/bench/fortunes")
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        assert html.count("<tr><td>") == ROWS + 1
        assert ADDED not in html and "&lt;script&gt;alert(&#34;Additional fortune" in html
        messages = [cell.split("</td><td>")[1].split("</td>")[0] for cell in html.split("<tr><td>")[1:]]
        assert messages == sorted(messages, key=lambda text: text.replace("&lt;", "<").replace("&#34;", '"'))
    finally:
        dispose_engines(app)
