"""One account per name whatever its case, decided by the database, and a clear form error for a lost race."""

from __future__ import annotations

import threading

import flask_migrate
import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp.db import db
from quizapp.models import Role, User
from quizapp.services import users
from quizapp.services.users import UsernameTaken, create_user, find_user

PASSWORD = "correct horse"
TAKEN = "That username is taken; choose another."


def register(client: FlaskClient, username: str) -> tuple[int, str]:
    response = client.post("/auth/register", data={"username": username, "password": PASSWORD, "confirm": PASSWORD})
    return response.status_code, response.get_data(as_text=True)


def names(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(User.username).order_by(User.id)))


def test_the_database_refuses_a_second_spelling_of_a_name(app: Flask) -> None:
    db.session.add(User(username="Ayu", password_hash="x"))
    db.session.commit()
    db.session.add(User(username="aYU", password_hash="x"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()


def test_the_loser_of_a_race_gets_the_form_error_not_a_500(
    accounts: Accounts, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both checks ran before the other registration committed: only the database can tell.
    accounts.create("ayu")
    monkeypatch.setattr("quizapp.auth.forms.find_user", lambda name: None)
    monkeypatch.setattr(users, "find_user", lambda name: None)

    response = client.post("/auth/register", data={"username": "AYU", "password": PASSWORD, "confirm": PASSWORD})

    page = Page.of(response)
    assert response.status_code == 200
    assert page.field_errors("username") == TAKEN
    db.session.remove()
    assert db.session.scalars(sa.select(User.username)).all() == ["ayu"]


def test_create_user_turns_the_lost_race_into_username_taken(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    create_user("ayu", PASSWORD)
    monkeypatch.setattr(users, "find_user", lambda name: None)
    with pytest.raises(UsernameTaken, match="a user named 'Ayu' already exists"):
        create_user("Ayu", PASSWORD)
    # the session was rolled back and goes on working
    assert create_user("budi", PASSWORD, Role.STUDENT).id


def test_ten_simultaneous_registrations_of_one_name_make_one_account(own_app: Flask) -> None:
    spellings = ["race", "RACE", "Race", "rAce", "raCe", "racE", "RAce", "rACE", "RaCe", "rAcE"]
    results: list[tuple[int, str]] = []
    start = threading.Barrier(len(spellings))

    def attempt(name: str) -> None:
        client = own_app.test_client()
        start.wait()
        results.append(register(client, name))

    threads = [threading.Thread(target=attempt, args=(name,)) for name in spellings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * 9 + [302], statuses
    assert all(TAKEN in body for status, body in results if status == 200)
    assert [name.casefold() for name in names(own_app)] == ["race"]


def test_find_user_reads_the_folded_name(app: Flask) -> None:
    create_user("Budi.Santoso", PASSWORD)
    assert find_user("  budi.SANTOSO ").username == "Budi.Santoso"
    assert find_user("budi") is None


def test_the_migration_renames_the_later_spellings_of_a_name(app: Flask) -> None:
    flask_migrate.downgrade(revision="599d18406ba7")
    insert = sa.text(
        "INSERT INTO users (id, username, password_hash, role, created_at, daily_new_limit, daily_review_limit) "
        "VALUES (:id, :name, 'x', 'student', '2026-01-01 00:00:00', 20, 200)"
    )
    with db.engine.begin() as connection:
        for user_id, name in [(1, "Ayu"), (2, "ayu"), (3, "budi"), (4, "AYU"), (5, "ayu-2")]:
            connection.execute(insert, {"id": user_id, "name": name})
        # a row that refers to a renamed user: the upgrade must keep it
        connection.execute(sa.text("INSERT INTO classes (id, name, instructor_id, join_code, created_at) "
                                   "VALUES (1, '7A', 2, 'ABCD2345', '2026-01-01 00:00:00')"))

    flask_migrate.upgrade()

    db.session.remove()
    rows = db.session.execute(sa.select(User.id, User.username, User.username_key).order_by(User.id)).all()
    assert [tuple(row) for row in rows] == [
        (1, "Ayu", "ayu"), (2, "ayu-2x-2", "ayu-2x-2"), (3, "budi", "budi"), (4, "AYU-4", "ayu-4"),
        (5, "ayu-2", "ayu-2"),
    ]
    assert db.session.scalar(sa.text("SELECT instructor_id FROM classes")) == 2
