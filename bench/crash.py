"""Crash the production server during a load of answers and show that every answer it acknowledged is stored.

Sets up a fresh instance folder (`quizapp init`), starts `quizapp serve` on it and registers students over HTTP.
Then, each round: the students answer quiz questions as fast as they can, each from a thread of its own; after
a while the server and its workers are killed with SIGKILL (as `kill -9` of its process group), the server is
started again, and the database file is read directly: every answer the server acknowledged (a redirect to its
feedback page) must be there, and `PRAGMA integrity_check` must say ok. Prints figures per round and exits with
status 1 if an acknowledged answer is missing or the database is damaged. Not a test, not run by CI.

    python bench/crash.py [--rounds 3] [--students 8] [--seconds 5] [--workers N] [--threads 2] [--seed 0]

Needs the project installed (`python -m pip install -e .`).
"""

from __future__ import annotations

import argparse
import http.client
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from live_server import LiveServer, QuizAnswer, Student, quizapp, quizapp_env  # noqa: E402

from quizapp.serving import DEFAULT_THREADS, DEFAULT_WORKERS  # noqa: E402

QUESTIONS = 20


@dataclass
class Load:
    """What the students' threads saw during one round."""

    acknowledged: list[QuizAnswer] = field(default_factory=list)
    #: Requests the crash cut off: sent, but never answered.
    cut_off: int = 0
    #: Anything else that went wrong, which a healthy server never causes.
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Round:
    """The figures of one round."""

    acknowledged: int
    answers_per_second: float
    cut_off: int
    missing: int
    #: Stored but never acknowledged: committed, then killed before the reply went out.
    unacknowledged: int
    integrity: str
    restart_seconds: float


def student_loop(student: Student, quiz: list[int], load: Load, crashed: threading.Event) -> None:
    """Answer quiz questions until the server goes away, starting a new quiz when one is finished."""
    while not crashed.is_set():
        try:
            if not quiz:
                quiz.append(student.start_quiz("all", QUESTIONS))
            answer = student.answer_next(quiz[0], choice=random.randrange(2))
        # refused, reset or broken off (a page cut short reads as a page without its form): the server is gone
        except (OSError, http.client.HTTPException, AssertionError) as error:
            with load.lock:
                if crashed.is_set():
                    load.cut_off += 1
                else:
                    load.errors.append(f"{type(error).__name__}: {str(error)[:500]}")
            return
        if answer is None:
            quiz.clear()
            continue
        with load.lock:
            load.acknowledged.append(answer)


def stored_answers(database: Path) -> set[tuple[int, str]]:
    """Read the (quiz, card) of every quiz answer stored, from the database file itself."""
    with sqlite3.connect(database) as connection:
        return set(connection.execute("SELECT session_id, card_id FROM answers WHERE session_id IS NOT NULL"))


def integrity(database: Path) -> str:
    """Return what SQLite's own check of the whole database file says ("ok" when it is intact)."""
    with sqlite3.connect(database) as connection:
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))


def crash_round(server: LiveServer, students: list[Student], quizzes: list[list[int]], seconds: float,
                database: Path) -> Round:
    """Load the server, kill it mid-load, start it again and check what the database holds."""
    before = stored_answers(database)
    load = Load()
    crashed = threading.Event()
    threads = [threading.Thread(target=student_loop, args=(student, quiz, load, crashed), daemon=True)
               for student, quiz in zip(students, quizzes, strict=True)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    # a random moment, so that the kill meets requests at every stage of their work
    time.sleep(seconds * random.uniform(0.7, 1.3))
    crashed.set()
    server.kill()
    elapsed = time.monotonic() - started
    for thread in threads:
        thread.join(timeout=60)
    if load.errors:
        raise SystemExit("errors before the crash:\n" + "\n".join(load.errors))

    restart = time.monotonic()
    server.start()
    restart_seconds = time.monotonic() - restart

    stored = stored_answers(database)
    acknowledged = {(answer.quiz_id, answer.card_id) for answer in load.acknowledged}
    return Round(
        acknowledged=len(load.acknowledged),
        answers_per_second=len(load.acknowledged) / elapsed,
        cut_off=load.cut_off,
        missing=len(acknowledged - stored),
        unacknowledged=len(stored - before - acknowledged),
        integrity=integrity(database),
        restart_seconds=restart_seconds,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0, help="about how long the load runs before the kill")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    random.seed(args.seed)

    with tempfile.TemporaryDirectory(prefix="quizapp-crash-") as folder:
        instance = Path(folder)
        database = instance / "quizapp.sqlite"
        # The students here answer faster than anyone can read; a school's per-student limits would stop them.
        env = quizapp_env(instance, QUIZ_LIMIT_PER_USER="100000 per minute")
        quizapp(env, "init")
        server = LiveServer(env, instance / "server.log", command=(
            "serve", "--workers", str(args.workers), "--threads", str(args.threads)))
        server.start()
        try:
            students = [Student(server.url) for _ in range(args.students)]
            for number, student in enumerate(students):
                student.register(f"crash{number}", f"crash-test-{number}-secret")
            quizzes: list[list[int]] = [[] for _ in students]
            print(f"{args.students} students, gunicorn {args.workers} workers x {args.threads} threads, "
                  f"kill -9 after about {args.seconds:g} s, {args.rounds} rounds")
            print(f"{'round':>5} {'acked':>6} {'ans/s':>6} {'cut off':>7} {'missing':>7} {'unacked':>7} "
                  f"{'restart s':>9}  integrity")
            rounds = []
            for number in range(1, args.rounds + 1):
                result = crash_round(server, students, quizzes, args.seconds, database)
                rounds.append(result)
                print(f"{number:>5} {result.acknowledged:>6} {result.answers_per_second:>6.1f} {result.cut_off:>7} "
                      f"{result.missing:>7} {result.unacknowledged:>7} {result.restart_seconds:>9.2f}  "
                      f"{result.integrity}")
        finally:
            server.stop()
        log = server.output()

    lost = sum(result.missing for result in rounds)
    damaged = [result.integrity for result in rounds if result.integrity != "ok"]
    print(f"median answers/s {statistics.median(r.answers_per_second for r in rounds):.1f}; "
          f"acknowledged {sum(r.acknowledged for r in rounds)}, missing after the crash {lost}; "
          f"integrity ok in {len(rounds) - len(damaged)} of {len(rounds)} rounds; "
          f"'database is locked' in the server log: {log.count('database is locked')}")
    return 1 if lost or damaged else 0


if __name__ == "__main__":
    sys.exit(main())
