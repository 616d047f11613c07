"""Every instructor page refuses students, found from the app's own URL map so that a new route cannot be missed."""

from __future__ import annotations

import pytest
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient

from quizapp import create_app
from quizapp.db import db
from quizapp.models import Card

#: The instructor's blueprints, and the routes in them that students use too (joining and leaving a class).
INSTRUCTOR_BLUEPRINTS = ("author", "scores", "classes")
OPEN_TO_STUDENTS = {"classes.index", "classes.join", "classes.join_by_code", "classes.leave"}
#: A value for each URL argument: the routes must refuse before they look anything up.
ARGUMENTS = {"card_id": "0" * 20, "class_id": 1, "deck_id": 1, "user_id": 1, "report": "attempts", "code": "X"}


def instructor_routes() -> list[tuple[str, str, str]]:
    """Return (endpoint, method, path) for every instructor-only route of the app."""
    app = create_app({"TESTING": True, "SECRET_KEY": "routes"})
    routes = []
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.split(".")[0]
        if blueprint not in INSTRUCTOR_BLUEPRINTS or rule.endpoint in OPEN_TO_STUDENTS:
            continue
        path = rule.build({name: ARGUMENTS[name] for name in rule.arguments})[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule.endpoint, method, path))
    return sorted(routes)


ROUTES = instructor_routes()


def test_the_instructor_routes_are_all_found() -> None:
    endpoints = {endpoint for endpoint, _, _ in ROUTES}
    assert {"author.index", "author.edit_card", "author.import_questions", "author.items", "scores.download",
            "classes.detail", "classes.assign"} <= endpoints
    assert len(endpoints) >= 25


@pytest.mark.parametrize(("endpoint", "method", "path"), ROUTES, ids=[f"{m} {p}" for _, m, p in ROUTES])
def test_a_student_is_refused_every_instructor_route(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts: Accounts, endpoint: str, method: str, path: str
) -> None:
    with bank_app.app_context():
        card_id = db.session.scalars(db.select(Card.id).order_by(Card.id)).first()
    path = path.replace(ARGUMENTS["card_id"], card_id)
    bank_accounts.login(bank_client, "ayu", "student")
    response = bank_client.open(path, method=method, data={})
    assert response.status_code == 403, (endpoint, response.status_code)
    assert "Traceback" not in response.get_data(as_text=True)
