"""The app factory, its config layers, the main pages, the error pages and the quizapp command."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp import create_app
from quizapp.cli import cli, default_seeds_path
from quizapp.config import project_root, resolve_instance_path
from quizapp.version import __version__

PROJECT_ROOT = Path(__file__).resolve().parent.parent


# --- config -----------------------------------------------------------------------------------------


def write_instance_config(instance_path: Path, text: str) -> None:
    instance_path.mkdir(parents=True, exist_ok=True)
    (instance_path / "config.py").write_text(text, encoding="utf-8")


def test_instance_path_comes_from_the_environment(instance_path: Path) -> None:
    app = create_app()
    assert app.instance_path == str(instance_path)
    assert instance_path.is_dir()


def test_instance_path_defaults_to_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZAPP_INSTANCE_PATH", raising=False)
    assert project_root() == PROJECT_ROOT
    assert resolve_instance_path() == str(PROJECT_ROOT / "instance")


def test_missing_instance_config_is_fine(instance_path: Path) -> None:
    app = create_app()
    assert app.config["DATABASE_URL"] == f"sqlite:///{instance_path.as_posix()}/quizapp.sqlite"


def test_instance_config_overrides_defaults(instance_path: Path) -> None:
    write_instance_config(
        instance_path, 'DATABASE_URL = "sqlite:///elsewhere.sqlite"\nGREETING = "instance"\n'
    )
    app = create_app()
    assert app.config["DATABASE_URL"] == "sqlite:///elsewhere.sqlite"
    assert app.config["GREETING"] == "instance"


def test_env_overrides_instance_config(instance_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_instance_config(instance_path, 'DATABASE_URL = "sqlite:///instance.sqlite"\n')
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", "postgresql://quiz@db/quizapp")
    assert create_app().config["DATABASE_URL"] == "postgresql://quiz@db/quizapp"


def test_test_config_overrides_env(instance_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", "postgresql://quiz@db/quizapp")
    app = create_app({"DATABASE_URL": "sqlite://"})
    assert app.config["DATABASE_URL"] == "sqlite://"


# --- secret key -------------------------------------------------------------------------------------


def test_secret_key_is_generated_once_and_reused(instance_path: Path) -> None:
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    assert first == second
    assert len(first) >= 32
    assert key_file.read_text(encoding="ascii").strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_fresh_instance_folders_get_different_secret_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, instance_path: Path
) -> None:
    keys = []
    for name in ("one", "two"):
        monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path / name))
        keys.append(create_app().config["SECRET_KEY"])
    assert keys[0] != keys[1]


def test_secret_key_from_env_is_used_verbatim_and_not_stored(
    instance_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A digits-only secret must stay a string: JSON decoding of env values would make it a number.
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "12345")
    assert create_app().config["SECRET_KEY"] == "12345"
    assert not (instance_path / "secret_key").exists()


def test_empty_secret_key_file_is_an_error_that_names_it(instance_path: Path) -> None:
    instance_path.mkdir(parents=True)
    (instance_path / "secret_key").write_text("\n", encoding="ascii")
    with pytest.raises(RuntimeError, match="secret_key is empty"):
        create_app()


# --- pages ------------------------------------------------------------------------------------------


def test_health_reports_ok_and_version(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "version": __version__}
    assert __version__ != "unknown"


def test_home_page_says_what_quizapp_is(client: FlaskClient) -> None:
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "multiple-choice" in page
    assert "spaced repetition" in page
    assert 'href="/auth/register"' in page and 'href="/auth/login"' in page


def test_pages_use_only_local_assets(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "//" not in page.replace("<!doctype html>", "")
    css = client.get("/static/quizapp.css")
    assert css.status_code == 200
    assert css.mimetype == "text/css"
    css.close()


def test_404_is_a_friendly_page(client: FlaskClient) -> None:
    response = client.get("/no/such/page")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Page not found" in page
    assert 'href="/"' in page
    assert "Traceback" not in page


def test_other_http_errors_are_friendly_pages(client: FlaskClient) -> None:
    response = client.post("/health")
    assert response.status_code == 405
    assert "Method Not Allowed" in response.get_data(as_text=True)
    assert 'href="/"' in response.get_data(as_text=True)


def test_unhandled_error_gives_friendly_500_and_is_logged(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("database password is hunter2")

    with caplog.at_level(logging.ERROR):
        response = client.get("/boom")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong" in page
    assert "Traceback" not in page
    assert "hunter2" not in page
    assert "RuntimeError" not in page
    assert any(record.exc_info for record in caplog.records), "the exception must still reach the log"


# --- command line -----------------------------------------------------------------------------------


def test_cli_help_lists_generate(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    assert "generate" in result.output
    assert "run" in result.output


def test_cli_routes_lists_the_main_pages(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["routes"])
    assert result.exit_code == 0, result.output
    assert "main.health" in result.output
    assert "/health" in result.output


def test_console_script_help_lists_generate(instance_path: Path) -> None:
    script = Path(sys.executable).parent / "quizapp"
    assert script.exists(), (
        f"no quizapp console script beside {sys.executable}; run: python -m pip install -e ."
    )
    result = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, env=os.environ.copy(), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "generate" in result.stdout


@pytest.fixture
def fake_question_bank_cli(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Stand in for question_bank.cli and record each argv it is called with."""
    calls: list[list[str]] = []

    def main(argv: list[str] | None = None) -> int:
        calls.append(list(argv or []))
        return 3

    module = types.ModuleType("question_bank.cli")
    module.main = main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "question_bank.cli", module)
    return calls


def test_generate_print_defaults_to_the_seeds_as_text(
    runner: FlaskCliRunner, fake_question_bank_cli: list[list[str]]
) -> None:
    # Without --print or --format, generate loads the bank into the database (tests/test_cli_init.py).
    result = runner.invoke(cli, ["generate", "--print"])
    assert fake_question_bank_cli == [["generate", str(PROJECT_ROOT / "seeds"), "--format", "text"]]
    assert default_seeds_path() == PROJECT_ROOT / "seeds"
    assert result.exit_code == 3, "the question_bank exit status must come through"


def test_generate_passes_paths_and_options_through(
    runner: FlaskCliRunner, fake_question_bank_cli: list[list[str]]
) -> None:
    args = ["generate", "a.txt", "more/", "--format", "jsonl", "--include-disputed", "--include-drafts"]
    result = runner.invoke(cli, args)
    assert fake_question_bank_cli == [args]
    assert result.exit_code == 3


def test_generate_rejects_an_unknown_format(
    runner: FlaskCliRunner, fake_question_bank_cli: list[list[str]]
) -> None:
    result = runner.invoke(cli, ["generate", "--format", "csv"])
    assert result.exit_code == 2
    assert "csv" in result.output
    assert fake_question_bank_cli == []


def test_generate_prints_the_seed_question_bank_as_jsonl(runner: FlaskCliRunner) -> None:
    result = runner.invoke(cli, ["generate", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    cards = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert cards, "the seed articles must give at least one card"
    for card in cards:
        assert {"id", "kind", "language", "question", "options", "answer", "fact", "sources"} <= card.keys()
        assert 0 <= card["answer"] < len(card["options"])
