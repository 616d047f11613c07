"""`quizapp export scores`: the reports on the command line, their filters and clear errors."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask
from flask.testing import FlaskCliRunner
from scores_helpers import T0, School, build_school, make_class, read_csv

from quizapp.cli import cli
from quizapp.db import db
from quizapp.models import User


@pytest.fixture
def school(bank_app: Flask) -> School:
    bank_app.config["QUIZAPP_CLOCK"] = lambda: T0 + timedelta(days=10)
    with bank_app.app_context():
        return build_school()


@pytest.fixture
def runner(bank_app: Flask, school: School) -> FlaskCliRunner:
    return bank_app.test_cli_runner()


def export(runner: FlaskCliRunner, *args: str) -> Result:
    return runner.invoke(cli, ["export", "scores", *args])


def rows(result: Result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return read_csv(result.stdout_bytes.decode("utf-8"))


def test_without_an_instructor_every_student_is_exported_to_standard_output(runner: FlaskCliRunner) -> None:
    table = rows(export(runner))
    assert table[0][:3] == ["Student", "Class", "Deck"]
    assert {row[0] for row in table[1:]} == {"siti", "budi", "eko", "dewi"}


def test_an_instructor_narrows_the_export_to_their_classes(runner: FlaskCliRunner) -> None:
    assert {row[0] for row in rows(export(runner, "--instructor", "ines"))[1:]} == {"siti", "budi"}
    assert {row[0] for row in rows(export(runner, "--instructor", "OMAR"))[1:]} == {"eko"}


@pytest.mark.parametrize("report", ["attempts", "answers", "students"])
def test_each_report_with_every_filter(runner: FlaskCliRunner, report: str) -> None:
    args = ["--report", report, "--instructor", "ines", "--class", "7b", "--deck", "all", "--from", "2026-03-01",
            "--to", "2026-03-03"]
    table = rows(export(runner, *args))
    assert {(row[0], row[1]) for row in table[1:]} == {("siti", "7B")}


def test_a_class_by_id_and_the_output_file(runner: FlaskCliRunner, school: School, tmp_path: Path) -> None:
    target = tmp_path / "scores.csv"
    result = export(runner, "--class", str(school.class_x), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"Wrote the attempts report to {target}." in result.stderr
    assert result.stdout == ""
    table = read_csv(target.read_bytes().decode("utf-8"))
    assert [row[0] for row in table[1:]] == ["eko"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--instructor", "nobody"], "no instructor is called 'nobody'"),
        (["--instructor", "siti"], "no instructor is called 'siti'"),
        (["--instructor", "ines", "--class", "8X"], "no class of this instructor is called or numbered '8X'"),
        (["--class", "9Z"], "no class is called or numbered '9Z'"),
        (["--class", "2147483648"], "no class is called or numbered '2147483648'"),  # past an INTEGER id
        (["--deck", "nope"], "no deck has the slug 'nope'"),
        (["--from", "2026-13-01"], "'2026-13-01' is not a date written as YYYY-MM-DD, such as 2026-03-01"),
        (["--from", "2026-03-05", "--to", "2026-03-04"], "--to 2026-03-04 is before --from 2026-03-05"),
        (["--report", "grades"], "'grades' is not one of"),
    ],
)
def test_bad_options_are_refused_with_a_clear_message(
    runner: FlaskCliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "scores.csv"
    result = export(runner, *args, "-o", str(target))
    assert result.exit_code != 0
    assert message in " ".join(result.stderr.split())
    assert not target.exists()
    assert "Traceback" not in result.output


def test_two_classes_of_the_same_name_need_the_id(runner: FlaskCliRunner, bank_app: Flask, school: School) -> None:
    with bank_app.app_context():
        make_class("7A", db.session.get(User, school.omar))
    result = export(runner, "--class", "7a")
    assert result.exit_code == 1
    assert "2 classes are called '7a'" in result.stderr and "give the id" in result.stderr
    assert rows(export(runner, "--class", "7A", "--instructor", "omar"))[1:] == []


def test_a_database_not_set_up_asks_for_init(empty_app: Flask) -> None:
    result = empty_app.test_cli_runner().invoke(cli, ["export", "scores"])
    assert result.exit_code == 1
    assert "run `quizapp init` first" in result.stderr
