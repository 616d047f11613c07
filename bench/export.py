"""Measure the answers CSV export: its time against `sqlite3 -csv` running the same query, and its memory.

Builds a SQLite database in a temporary folder (the schema through the migrations, then bulk inserts in chunks,
reproducibly from a seed): one instructor, one class of students, decks of cards, quizzes and N answer rows
(most in quizzes, some in review, a few to cards edited since). Then exports the answers report through the
service (quizapp.services.instructor.scores.answer_rows + quizapp.services.spreadsheet.csv_lines, written to
/dev/null) and runs the service's own SQL, compiled for SQLite, through `sqlite3 -csv` in the same run, taking
turns. Targets: the export takes at most twice as long as sqlite3; its peak memory stays under 150 MB.
Prints figures and asserts nothing; not a test, not run by CI.

    python bench/export.py [--answers 1000000] [--repeat 3] [--seed 0] [--profile]

Needs the project installed (`python -m pip install -e .`) and, for the comparison, the sqlite3 command line
(/usr/bin/sqlite3). Shared machines are noisy: quote medians and the ratio from one run.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import multiprocessing
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

#: The export may take at most this many times as long as sqlite3 -csv on the same query.
TARGET_RATIO = 2.0
#: Peak memory of the export, in MB.
TARGET_MEMORY_MB = 150.0
SQLITE3 = "/usr/bin/sqlite3"
DATABASE_FILE = "quizapp.sqlite"
CHUNK = 20_000

START = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)
QUESTIONS_PER_QUIZ = 10
#: Of the answers, the share given in review rather than in a quiz.
REVIEW_SHARE = 0.2
#: Of the cards, the share edited after students answered them (their earlier text kept as a revision).
EDITED_SHARE = 0.05


def _app(instance: Path) -> Any:
    """Create the app on the database in instance (QUIZAPP_INSTANCE_PATH, as the fixtures do)."""
    os.environ["QUIZAPP_INSTANCE_PATH"] = str(instance)
    from quizapp import create_app

    return create_app({"SECRET_KEY": "bench", "TESTING": False})


def _chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_database(instance: Path, answers: int, students: int, cards: int, seed: int) -> None:
    """Create the schema with the migrations and fill it with bulk inserts (run in a child process)."""
    import flask_migrate
    import sqlalchemy as sa

    from quizapp.db import db
    from quizapp.models import (
        Answer,
        Card,
        CardRevision,
        Choice,
        ClassMember,
        Classroom,
        Deck,
        QuizItem,
        QuizSession,
        User,
        deck_cards,
    )

    rng = random.Random(seed)
    app = _app(instance)
    with app.app_context():
        flask_migrate.upgrade()
        connection = db.session.connection()

        def insert(table: sa.Table, rows: Iterator[dict[str, Any]]) -> None:
            for chunk in _chunks(rows):
                connection.execute(sa.insert(table), chunk)

        insert(User.__table__, iter(
            [{"id": 1, "username": "teacher", "password_hash": "!", "role": "instructor"}]
            + [{"id": 2 + i, "username": f"student{i:05d}", "password_hash": "!", "role": "student"}
               for i in range(students)]
        ))
        insert(Classroom.__table__, iter([{"id": 1, "name": "Bench class", "instructor_id": 1, "join_code": "bench"}]))
        insert(ClassMember.__table__, ({"class_id": 1, "user_id": 2 + i} for i in range(students)))

        decks = 10
        insert(Deck.__table__, ({"id": d + 1, "slug": f"deck-{d}", "title": f"Deck {d}"} for d in range(decks)))
        card_ids = [f"card{c:06d}" for c in range(cards)]
        edited = set(rng.sample(card_ids, int(cards * EDITED_SHARE)))

        def question(c: int) -> str:
            # some questions quote, some have commas, a few start with a formula character
            return (f"{'=' if c % 97 == 0 else ''}Siapa yang mengatakan: “Pertanyaan nomor {c}, "
                    f"tentang \"aliansi\" dan negara anggotanya”?")

        insert(Card.__table__, (
            {"id": card_id, "kind": "speaker", "language": "id", "question": question(c), "origin": "authored",
             "status": "active", "version": 2 if card_id in edited else 1, "created_at": START}
            for c, card_id in enumerate(card_ids)
        ))
        insert(Choice.__table__, (
            {"card_id": card_id, "position": p, "text": f"Pilihan {p} untuk {c}", "is_correct": p == 0}
            for c, card_id in enumerate(card_ids) for p in range(4)
        ))
        insert(CardRevision.__table__, (
            {"card_id": card_id, "version": 1, "question": f"Dulu: {question(c)}",
             "options_json": json.dumps([f"Dulu {p} untuk {c}" for p in range(4)]), "answer_index": 0}
            for c, card_id in enumerate(card_ids) if card_id in edited
        ))
        insert(deck_cards, ({"deck_id": c % decks + 1, "card_id": card_id} for c, card_id in enumerate(card_ids)))

        quizzes = int(answers * (1 - REVIEW_SHARE)) // QUESTIONS_PER_QUIZ
        step = timedelta(days=90) / max(quizzes, 1)
        plan = [(q + 1, 2 + rng.randrange(students), rng.randrange(decks)) for q in range(quizzes)]
        insert(QuizSession.__table__, (
            {"id": quiz_id, "user_id": user_id, "deck_id": deck + 1, "started_at": START + step * quiz_id,
             "finished_at": START + step * quiz_id + timedelta(seconds=15 * QUESTIONS_PER_QUIZ),
             "score": QUESTIONS_PER_QUIZ // 2}
            for quiz_id, user_id, deck in plan
        ))
        deck_of = [[card_id for c, card_id in enumerate(card_ids) if c % decks == d] for d in range(decks)]
        asked = {quiz_id: rng.sample(deck_of[deck], QUESTIONS_PER_QUIZ) for quiz_id, _, deck in plan}
        insert(QuizItem.__table__, (
            {"session_id": quiz_id, "position": p + 1, "card_id": card_id}
            for quiz_id, ids in asked.items() for p, card_id in enumerate(ids)
        ))

        def answer_rows() -> Iterator[dict[str, Any]]:
            for quiz_id, user_id, _ in plan:
                for p, card_id in enumerate(asked[quiz_id]):
                    position = rng.randrange(4)
                    yield {
                        "session_id": quiz_id, "user_id": user_id, "card_id": card_id, "chosen_position": position,
                        "correct": position == 0, "time_taken_ms": rng.randrange(2_000, 40_000),
                        "card_version": 1, "answered_at": START + step * quiz_id + timedelta(seconds=15 * (p + 1)),
                    }
            for r in range(answers - quizzes * QUESTIONS_PER_QUIZ):
                position = rng.randrange(4)
                card_id = rng.choice(card_ids)
                yield {
                    "session_id": None, "user_id": 2 + rng.randrange(students), "card_id": card_id,
                    "chosen_position": position, "correct": position == 0,
                    "time_taken_ms": rng.randrange(1_000, 30_000), "card_version": 2 if card_id in edited else 1,
                    "answered_at": START + timedelta(days=90) * r / answers,
                }

        insert(Answer.__table__, answer_rows())
        db.session.commit()
        db.session.execute(sa.text("ANALYZE"))
        db.session.commit()
        for engine in db.engines.values():
            engine.dispose()


def export_once(app: Any, out: str = os.devnull) -> int:
    """Export the answers report of the class's instructor through the service; return the bytes written."""
    from quizapp.services.instructor import scores
    from quizapp.services.spreadsheet import csv_lines

    written = 0
    with app.app_context(), open(out, "w", encoding="utf-8", newline="") as file:
        rows = scores.answer_rows(scores.Scope.of(1), scores.ScoreFilter())
        for line in csv_lines([str(name) for name in scores.ANSWERS_HEADER], rows):
            written += len(line)
            file.write(line)
    return written


def sqlite3_query(app: Any) -> str:
    """Return the service's SQL for the same report, compiled for SQLite with its values written in."""
    from quizapp.services.instructor import scores

    with app.app_context():
        query = scores.answers_query(scores.Scope.of(1), scores.ScoreFilter())
        from quizapp.db import db

        return str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))


def sqlite3_once(database: Path, sql: str) -> None:
    """Run sql through `sqlite3 -csv`, writing to /dev/null."""
    with open(os.devnull, "wb") as devnull:
        subprocess.run([SQLITE3, "-csv", "-header", str(database), sql], stdout=devnull, check=True)


def timed(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def traced_peak(app: Any) -> float:
    """Return the peak memory (MB) Python allocates during one export, as tracemalloc sees it."""
    gc.collect()
    tracemalloc.start()
    try:
        export_once(app)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def max_rss_mb() -> float:
    """Return this process's peak resident size so far (ru_maxrss is in kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def profile(app: Any, top: int = 15) -> None:
    """Profile one export and print the functions that take the most time."""
    profiler = cProfile.Profile()
    profiler.enable()
    export_once(app)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\nTop {top} functions by own time (one export under cProfile, which slows small calls most):")
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)
    for (file, line, name), (_, calls, own, cumulative, _) in rows[:top]:
        print(f"{calls:>10} {own:>8.3f} {cumulative:>8.3f}  {Path(file).name}:{line} {name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Build the database, time the export against sqlite3 and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=1_000_000, help="answer rows (default: 1000000)")
    parser.add_argument("--students", type=int, default=300, help="students in the class (default: 300)")
    parser.add_argument("--cards", type=int, default=2_000, help="cards over 10 decks (default: 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median is quoted (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the data (default: 0)")
    parser.add_argument("--profile", action="store_true", help="also profile one export with cProfile")
    parser.add_argument("--keep", action="store_true", help="keep the database folder and print where it is")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-export-"))
    try:
        print(f"Python {sys.version.split()[0]}; {args.answers:,} answers, {args.students} students, "
              f"{args.cards} cards; seed {args.seed}; {args.repeat} runs each")
        # Built in a child process, so that building does not raise this process's peak memory.
        start = time.perf_counter()
        child = multiprocessing.get_context("spawn").Process(
            target=build_database, args=(folder, args.answers, args.students, args.cards, args.seed)
        )
        child.start()
        child.join()
        if child.exitcode != 0:
            print("building the database failed", file=sys.stderr)
            return 1
        database = folder / DATABASE_FILE
        print(f"Built {database.stat().st_size / 1e6:.0f} MB of SQLite in {time.perf_counter() - start:.1f} s")

        app = _app(folder)
        with app.app_context():
            from quizapp.services.instructor import scores  # noqa: F401  imported before the memory baseline
        rss_before = max_rss_mb()
        size = export_once(app)  # warm the page cache and the app before anything is timed
        have_sqlite3 = shutil.which(SQLITE3) is not None
        sql = sqlite3_query(app)
        if have_sqlite3:
            sqlite3_once(database, sql)
        else:
            print(f"{SQLITE3} is missing: the comparison with sqlite3 -csv is skipped")

        service_times: list[float] = []
        sqlite3_times: list[float] = []
        for round_number in range(1, args.repeat + 1):
            print(f"  round {round_number} …", file=sys.stderr, flush=True)
            service_times.append(timed(lambda: export_once(app)))
            if have_sqlite3:
                sqlite3_times.append(timed(lambda: sqlite3_once(database, sql)))

        service = statistics.median(service_times)
        print()
        def runs(times: list[float]) -> str:
            return "  ".join(f"{t:.2f}" for t in times)

        print(f"{'what':<34} {'median s':>9} {'runs':>30}")
        print(f"{'export (service + csv_lines)':<34} {service:>9.2f} {runs(service_times):>30}")
        if have_sqlite3:
            baseline = statistics.median(sqlite3_times)
            print(f"{'sqlite3 -csv, same query':<34} {baseline:>9.2f} {runs(sqlite3_times):>30}")
        print(f"CSV written: {size / 1e6:.0f} MB of text, {args.answers / service:,.0f} rows/s")
        print()
        if have_sqlite3:
            ratio = service / baseline
            verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
            print(f"Ratio export / sqlite3: {ratio:.2f} (target ≤ {TARGET_RATIO:.0f}): {verdict}")
        # ru_maxrss only grows: its rise over every export of this run is the most any one of them added
        rss_delta = max_rss_mb() - rss_before
        traced = traced_peak(app)
        verdict = "met" if max(traced, rss_delta) < TARGET_MEMORY_MB else "MISSED"
        print(f"Peak memory of the export: tracemalloc {traced:.1f} MB; ru_maxrss rose {rss_delta:.1f} MB over "
              f"the exports, from {rss_before:.1f} MB (target < {TARGET_MEMORY_MB:.0f} MB): {verdict}")
        print(f"Peak resident size of this process (ru_maxrss): {max_rss_mb():.1f} MB")
        if args.profile:
            profile(app)
        with app.app_context():
            from quizapp.db import db

            for engine in db.engines.values():
                engine.dispose()
    finally:
        if args.keep:
            print(f"Database kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
