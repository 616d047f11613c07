"""`quizapp serve`: gunicorn serving the app, refusing an old schema, and many students writing at once (issue 13)."""

from __future__ import annotations

import gc
import sqlite3
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from live_server import LiveServer, QuizAnswer, Student, quizapp, quizapp_env

from quizapp.cli import cli
from quizapp.serving import ProductionServer, ServeOptions, settle_worker

STUDENTS = 8
QUESTIONS = 20


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`quizapp init` then `quizapp serve` (2 workers x 4 threads) on a fresh instance folder."""
    instance = tmp_path_factory.mktemp("serve-instance")
    env = quizapp_env(instance)
    quizapp(env, "init")
    live = LiveServer(env, instance / "server.log")
    live.start()
    yield live
    live.stop()


def test_serve_refuses_a_database_without_the_schema(empty_app: Flask) -> None:
    runner: FlaskCliRunner = empty_app.test_cli_runner()
    result = runner.invoke(cli, ["serve", "--port", "1"])
    assert result.exit_code == 1
    assert "the database is not set up or is out of date; run `quizapp init` first" in result.output


@pytest.mark.parametrize(("option", "value"), [("--workers", "0"), ("--threads", "0"), ("--port", "70000")])
def test_serve_refuses_a_number_out_of_range(app: Flask, option: str, value: str) -> None:
    result = app.test_cli_runner().invoke(cli, ["serve", option, value])
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.output


def test_the_server_takes_its_settings_from_the_options_and_no_proxy_header_on_its_own() -> None:
    server = ProductionServer(lambda: Flask("unused"), ServeOptions(host="0.0.0.0", port=8123, workers=3, threads=5))
    assert server.cfg.bind == ["0.0.0.0:8123"]
    assert (server.cfg.workers, server.cfg.threads, server.cfg.worker_class_str) == (3, 5, "gthread")
    # quizapp's TRUSTED_PROXIES is the one place that trusts X-Forwarded-*
    assert server.cfg.secure_scheme_headers == {}
    assert server.cfg.forwarder_headers == []


def test_a_worker_keeps_what_it_built_at_start_out_of_full_collections() -> None:
    server = ProductionServer(lambda: Flask("unused"), ServeOptions())
    assert server.cfg.post_worker_init is settle_worker
    try:
        settle_worker(None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_production_server_names_no_version_and_sends_the_policy(server: LiveServer) -> None:
    with urllib.request.urlopen(f"{server.url}/auth/login", timeout=10) as response:
        headers = response.headers
    assert headers["Server"] == "gunicorn"  # gunicorn names no version
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_students_answering_at_once_lose_no_answer_and_never_find_the_database_locked(server: LiveServer) -> None:
    acknowledged: list[QuizAnswer] = []
    failures: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(STUDENTS)

    def study(number: int) -> None:
        try:
            student = Student(server.url)
            student.register(f"writer{number}", f"at-once-{number}-secret")
            quiz_id = student.start_quiz("all", QUESTIONS)
            ready.wait(timeout=60)  # then all answer at once
            while (answer := student.answer_next(quiz_id)) is not None:
                with lock:
                    acknowledged.append(answer)
        except Exception as error:  # noqa: BLE001  reported below, with every other student's
            with lock:
                failures.append(f"student {number}: {error}")

    threads = [threading.Thread(target=study, args=(number,)) for number in range(STUDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert not failures, "\n".join(failures)
    assert len(acknowledged) == STUDENTS * QUESTIONS
    assert stored_answers(Path(server.env["QUIZAPP_INSTANCE_PATH"])) >= {(a.quiz_id, a.card_id) for a in acknowledged}
    log = server.output()
    assert "database is locked" not in log
    assert "Traceback" not in log


def stored_answers(instance: Path) -> set[tuple[int, str]]:
    """Read the (quiz, card) of every quiz answer stored, from the database file itself."""
    with sqlite3.connect(instance / "quizapp.sqlite") as connection:
        return set(connection.execute("SELECT session_id, card_id FROM answers WHERE session_id IS NOT NULL"))
