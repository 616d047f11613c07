"""The quizapp commands that touch the database: init, generate (loading) and create-user."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskCliRunner

import question_bank
from quizapp.cli import cli, default_seeds_path
from quizapp.db import db, schema_is_current
from quizapp.models import Card, CardStatus, Deck, Role, User

SEED_ARTICLES = question_bank.read_articles([default_seeds_path()]).articles
#: The cards served to students; the bank also keeps the disputed ones, as drafts for an instructor to settle.
SERVED_CARDS = len([c for c in question_bank.generate(SEED_ARTICLES) if not c.is_draft])
SEED_CARDS = len(question_bank.generate(SEED_ARTICLES, include_disputed=True))
PASSWORD_LINE = re.compile(r"Created demo account '(?P<name>\w+)' \((?P<role>\w+)\) with password: (?P<password>\S+)")


@pytest.fixture
def fresh_runner(empty_app: Flask) -> FlaskCliRunner:
    """Return a CLI runner for an app whose database does not exist yet."""
    return empty_app.test_cli_runner()


def users() -> dict[str, User]:
    db.session.remove()
    return {user.username: user for user in db.session.scalars(sa.select(User))}


def card_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Card.id))) or 0


# --- init -------------------------------------------------------------------------------------------


def test_init_sets_up_everything_on_a_fresh_install(empty_app: Flask, fresh_runner: FlaskCliRunner) -> None:
    result = fresh_runner.invoke(cli, ["init"])
    assert result.exit_code == 0, result.output

    with empty_app.app_context():
        assert schema_is_current()
        assert card_count() == SEED_CARDS
        assert db.session.scalar(sa.select(sa.func.count(Deck.id))) == 6
        accounts = users()
        passwords = {m["name"]: m["password"] for m in PASSWORD_LINE.finditer(result.output)}
        assert passwords.keys() == accounts.keys() == {"student", "instructor"}
        assert accounts["student"].role == Role.STUDENT
        assert accounts["instructor"].role == Role.INSTRUCTOR
        for name, password in passwords.items():
            assert len(password) >= 12
            assert accounts[name].check_password(password)
        assert passwords["student"] != passwords["instructor"]
    assert "Database schema is up to date." in result.output
    assert f"{SEED_CARDS} added, 0 updated" in result.output
    # the 2 disputed founding years, and 2 clozes that lean on context
    assert "4 generated questions wait as drafts for an instructor's review" in result.output


def test_init_twice_changes_nothing_and_shows_passwords_once(
    empty_app: Flask, fresh_runner: FlaskCliRunner
) -> None:
    first = fresh_runner.invoke(cli, ["init"])
    assert first.exit_code == 0, first.output
    with empty_app.app_context():
        hashes = {name: user.password_hash for name, user in users().items()}

    second = fresh_runner.invoke(cli, ["init"])
    assert second.exit_code == 0, second.output
    assert "password:" not in second.output
    assert "Demo account 'student' already exists" in second.output
    assert "Demo account 'instructor' already exists" in second.output
    assert "0 added, 0 updated" in second.output
    with empty_app.app_context():
        assert {name: user.password_hash for name, user in users().items()} == hashes
        assert card_count() == SEED_CARDS


def test_init_keeps_an_account_someone_already_made(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["create-user", "student", "--password", "my own secret"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert [m["name"] for m in PASSWORD_LINE.finditer(result.output)] == ["instructor"]
    assert users()["student"].check_password("my own secret")


def test_init_reports_seeds_it_cannot_read(
    runner: FlaskCliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("quizapp.cli.default_seeds_path", lambda: tmp_path / "no-seeds")
    result = runner.invoke(cli, ["init"])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'no-seeds'}: no such file or folder" in result.stderr
    assert "nothing was changed" in result.stderr
    assert users().keys() == {"student", "instructor"}, "the accounts are made even when the seeds are missing"


# --- generate ---------------------------------------------------------------------------------------


def test_generate_loads_the_seeds_into_the_database(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["generate"])
    assert result.exit_code == 0, result.output
    assert f"{SEED_CARDS} added" in result.output
    db.session.remove()
    assert card_count() == SEED_CARDS

    again = runner.invoke(cli, ["generate"])
    assert again.exit_code == 0, again.output
    assert f"0 added, 0 updated, {SEED_CARDS} unchanged, 0 retired" in again.output


def test_generate_retires_the_cards_of_a_corpus_it_is_no_longer_given(runner: FlaskCliRunner) -> None:
    assert runner.invoke(cli, ["generate"]).exit_code == 0
    one_article = sorted(default_seeds_path().glob("*.txt"))[-1]
    result = runner.invoke(cli, ["generate", str(one_article)])
    assert result.exit_code == 0, result.output
    db.session.remove()
    assert card_count() == SEED_CARDS
    retired = db.session.scalar(sa.select(sa.func.count(Card.id)).where(Card.status == CardStatus.RETIRED))
    assert retired and f"{retired} retired" in result.output


def test_generate_with_a_bad_path_changes_nothing(runner: FlaskCliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["generate", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere'}: no such file or folder" in result.stderr
    assert "nothing was changed" in result.stderr
    db.session.remove()
    assert card_count() == 0


def test_generate_print_leaves_the_database_alone(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["generate", "--print"])
    assert result.exit_code == 0, result.output
    assert f"{SERVED_CARDS} cards" in result.stdout
    db.session.remove()
    assert card_count() == 0


def test_generate_before_init_says_to_run_init(fresh_runner: FlaskCliRunner) -> None:
    result = fresh_runner.invoke(cli, ["generate"])
    assert result.exit_code == 1
    assert "run `quizapp init` first" in result.output
    assert "Traceback" not in result.output


# --- create-user ------------------------------------------------------------------------------------


def test_create_user_with_a_password_option(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["create-user", "ayu", "--role", "instructor", "--password", "s3cret-enough"])
    assert result.exit_code == 0, result.output
    assert "Created instructor 'ayu'." in result.output
    user = users()["ayu"]
    assert user.role == Role.INSTRUCTOR
    assert user.check_password("s3cret-enough")


def test_create_user_asks_for_the_password_twice(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["create-user", "budi"], input="s3cret-enough\ns3cret-enough\n")
    assert result.exit_code == 0, result.output
    assert "s3cret-enough" not in result.output, "the password is not echoed"
    user = users()["budi"]
    assert user.role == Role.STUDENT
    assert user.check_password("s3cret-enough")


def test_create_user_asks_again_when_the_passwords_differ(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["create-user", "budi"], input="s3cret-enough\ntypo-enough\nagain-right\nagain-right\n")
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert users()["budi"].check_password("again-right")


@pytest.mark.parametrize("name", ["ayu", "AYU", " ayu "])
def test_create_user_refuses_a_name_that_is_taken(runner: FlaskCliRunner, name: str) -> None:
    assert runner.invoke(cli, ["create-user", "ayu", "--password", "s3cret-enough"]).exit_code == 0
    result = runner.invoke(cli, ["create-user", name, "--password", "other-secret"])
    assert result.exit_code == 1
    assert f"Error: a user named {name.strip()!r} already exists" in result.output
    assert "Traceback" not in result.output
    assert list(users()) == ["ayu"]
    assert users()["ayu"].check_password("s3cret-enough")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create-user", "ayu", "--password", "short"], "the password must be at least 8 characters long"),
        (["create-user", "ayu rahma", "--password", "s3cret-enough"], "may use only letters, digits"),
        (["create-user", "   ", "--password", "s3cret-enough"], "the username is empty"),
        (["create-user", "a" * 81, "--password", "s3cret-enough"], "longer than 80 characters"),
    ],
)
def test_create_user_explains_what_is_wrong(runner: FlaskCliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert message in result.output
    assert users() == {}


def test_create_user_refuses_an_unknown_role(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["create-user", "ayu", "--role", "admin", "--password", "s3cret-enough"])
    assert result.exit_code == 2
    assert "admin" in result.output


def test_create_user_before_init_says_to_run_init(fresh_runner: FlaskCliRunner) -> None:
    result = fresh_runner.invoke(cli, ["create-user", "ayu", "--password", "s3cret-enough"])
    assert result.exit_code == 1
    assert "run `quizapp init` first" in result.output


def test_help_lists_the_database_commands(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    for command in ("init", "generate", "create-user", "db"):
        assert command in result.output
