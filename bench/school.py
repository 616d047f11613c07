"""The school-sized database bench/serve.py loads: built reproducibly from a seed, cached by a hash of its sizes.

By default as in issue 13: 1,000 students, 5,000 cards in 100 decks, 504,500 review states, 1,000,000 review-log
rows and 1,000,000 answers; one heavy student has 100,000 of each. The schema comes from the migrations of the
quizapp checkout that builds it (a child process with that checkout first on its path), so a cached file is reused
only by code with the same migrations. The database is a SQLite file, or a database on a PostgreSQL server kept by
its name (`cached_postgres_database`), which each run copies with CREATE DATABASE … TEMPLATE.

    python bench/school.py DATABASE_URL PARAMS_JSON    (what the cached_* functions run; not meant to be typed)
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

#: Bump when the data the build writes changes, so that an old cached file is not reused.
BUILD_VERSION = 2
CHUNK = 20_000
SECRET_KEY = "bench-serve-secret"
PASSWORD = "bench-password"

@dataclass(frozen=True)
class Params:
    """What the database holds; its hash names the cached file."""

    seed: int
    day: str  # the UTC day the data leads up to (history ends the day before; cards fall due around it)
    students: int
    cards: int
    decks: int
    states_per_student: int
    heavy_reviews: int
    reviews: int
    answers: int

    @classmethod
    def scaled(cls, scale: float, seed: int, day: date) -> Params:
        """Scale the issue's sizes; decks stay at 100 from scale 1 up."""
        cards = max(100, round(5_000 * scale))
        return cls(
            seed=seed, day=day.isoformat(), students=max(4, round(1_000 * scale)), cards=cards,
            decks=max(2, round(100 * min(scale, 1.0))), states_per_student=cards // 10,
            heavy_reviews=round(100_000 * scale), reviews=round(1_000_000 * scale), answers=round(1_000_000 * scale),
        )

    def key(self, schema: str) -> str:
        """Hash the parameters, the build's version and the schema it is built with."""
        text = json.dumps({**asdict(self), "build": BUILD_VERSION, "schema": schema}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


HEAVY_USER_ID = 2  # the student with a long history; ordinary students follow
ORDINARY_USER_ID = 3
INSTRUCTOR_ID = 1
WORDS = ("aliansi negara anggota keamanan kolektif organisasi perjanjian menteri pertahanan presiden "
         "rusia armenia kazakhstan belarus kirgistan tajikistan sidang dewan sekretaris jenderal tahun "
         "wilayah perbatasan latihan militer pasukan damai kerja sama pernyataan resmi laporan").split()


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_database(url: str, params: Params) -> None:
    """Create the schema with the migrations of the quizapp imported, then fill it with bulk inserts."""
    import flask_migrate
    import fsrs
    import sqlalchemy as sa
    from werkzeug.security import generate_password_hash

    import question_bank
    from quizapp import create_app
    from quizapp.db import db
    from quizapp.models import (
        Answer,
        Article,
        Card,
        CardSource,
        Choice,
        Deck,
        QuizItem,
        QuizSession,
        ReviewLog,
        ReviewState,
        User,
        deck_cards,
    )

    rng = random.Random(params.seed)
    midnight = datetime.combine(date.fromisoformat(params.day), clock_time(), tzinfo=UTC)
    app = create_app({"SECRET_KEY": SECRET_KEY, "DATABASE_URL": url})
    with app.app_context():
        flask_migrate.upgrade()
        connection = db.session.connection()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA synchronous=OFF")

        def insert(table: Any, rows: Iterator[dict[str, Any]]) -> None:
            for chunk in _chunks(rows):
                connection.execute(sa.insert(table), chunk)

        def words(n: int) -> str:
            return " ".join(rng.choice(WORDS) for _ in range(n))

        password = generate_password_hash(PASSWORD)
        insert(User.__table__, iter(
            [{"id": INSTRUCTOR_ID, "username": "teacher", "username_key": "teacher", "password_hash": password,
              "role": "instructor"}]
            + [{"id": HEAVY_USER_ID + i, "username": f"student{i:05d}", "username_key": f"student{i:05d}",
                "password_hash": password, "role": "student"} for i in range(params.students)]
        ))

        # Articles of about 8 kB, one deck each, and "all".
        texts = ["\n\n".join(". ".join(words(14).capitalize() for _ in range(5)) + "." for _ in range(12))
                 for _ in range(params.decks)]
        insert(Article.__table__, (
            {"id": a + 1, "file": f"article-{a:03d}.txt", "language": "id", "outlet": f"Outlet {a % 7}",
             "headline": words(8).capitalize(), "text": text, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
             "created_at": midnight - timedelta(days=800)}
            for a, text in enumerate(texts)
        ))
        insert(Deck.__table__, iter(
            # every row names every column: an executemany takes its columns from the first row
            [{"id": 1, "slug": "all", "title": "All articles", "article_id": None}]
            + [{"id": a + 2, "slug": f"article-{a:03d}", "title": texts[a][:60], "article_id": a + 1}
               for a in range(params.decks)]
        ))
        card_ids = [f"{c:020x}" for c in range(params.cards)]
        kinds = list(question_bank.KINDS)
        retired = set(rng.sample(range(params.cards), params.cards // 50))
        insert(Card.__table__, (
            {"id": card_id, "kind": kinds[c % len(kinds)], "language": "id",
             "question": f"Siapa yang {words(10)} pada tahun {1990 + c % 30}?", "fact_subject": words(3),
             "fact_value": words(2), "explanation": words(20), "origin": "generated",
             "status": "retired" if c in retired else "active",
             "created_at": midnight - timedelta(days=800, seconds=-c),
             "updated_at": midnight - timedelta(days=800)}
            for c, card_id in enumerate(card_ids)
        ))
        insert(Choice.__table__, (
            {"card_id": card_id, "position": p, "text": words(3), "is_correct": p == c % 4}
            for c, card_id in enumerate(card_ids) for p in range(4)
        ))
        insert(CardSource.__table__, (
            {"card_id": card_id, "position": 0, "article_id": c % params.decks + 1, "sentence": words(16)}
            for c, card_id in enumerate(card_ids)
        ))
        insert(deck_cards, (
            {"deck_id": deck_id, "card_id": card_id}
            for c, card_id in enumerate(card_ids) for deck_id in (1, c % params.decks + 2)
        ))
        deck_of = [[card_ids[c] for c in range(d, params.cards, params.decks)] for d in range(params.decks)]

        heavy_history, history = 730, 120
        ordinary = params.students - 1
        per_student_reviews = (params.reviews - params.heavy_reviews) // max(ordinary, 1)
        per_student_answers = (params.answers - params.heavy_reviews) // max(ordinary, 1)
        students = [(HEAVY_USER_ID, card_ids, params.heavy_reviews, params.heavy_reviews, heavy_history)] + [
            (user_id, rng.sample(card_ids, params.states_per_student), per_student_reviews, per_student_answers,
             history)
            for user_id in range(ORDINARY_USER_ID, HEAVY_USER_ID + params.students)
        ]

        def moment(days_back: float) -> datetime:
            """A time of day between 06:00 and 22:00, days_back days before the data's day."""
            day = midnight - timedelta(days=int(days_back) + 1)
            return day + timedelta(hours=6, seconds=rng.randrange(16 * 3600))

        def review_rows() -> Iterator[dict[str, Any]]:
            for user_id, cards, reviews, _, span in students:
                seen: set[str] = set()
                for k in range(reviews):
                    card_id = cards[k % len(cards)]
                    at = moment(span * (1 - k / reviews))
                    first = card_id not in seen
                    seen.add(card_id)
                    rating = rng.choices((1, 2, 3, 4), (10, 10, 60, 20))[0]
                    stability = None if first else round(rng.uniform(1, 60), 2)
                    yield {
                        "user_id": user_id, "card_id": card_id, "rating": rating, "reviewed_at": at,
                        "review_duration_ms": rng.randrange(2_000, 30_000),
                        "state_before": int(fsrs.State.Learning) if first else int(fsrs.State.Review),
                        "step_before": 0 if first else None, "stability_before": stability,
                        "difficulty_before": None if first else round(rng.uniform(1, 10), 2),
                        "due_before": at - timedelta(hours=rng.randrange(0, 48)),
                        "state_after": int(fsrs.State.Relearning if rating == 1 and not first else fsrs.State.Review),
                        "step_after": None, "stability_after": round(rng.uniform(1, 60), 2),
                        "difficulty_after": round(rng.uniform(1, 10), 2),
                        "due_after": at + timedelta(days=rng.randrange(1, 60)),
                    }

        insert(ReviewLog.__table__, review_rows())

        def state_rows() -> Iterator[dict[str, Any]]:
            for user_id, cards, _, _, _ in students:
                for card_id in cards:
                    state = rng.choices((1, 2, 3), (10, 80, 10))[0]
                    last = moment(rng.uniform(0, 60))
                    # about one card in ten is due before the data's day, the rest over the next two months
                    due = (midnight - timedelta(minutes=rng.randrange(1, 4 * 1440)) if rng.random() < 0.1
                           else midnight + timedelta(minutes=rng.randrange(1440, 60 * 1440)))
                    yield {
                        "user_id": user_id, "card_id": card_id, "state": state, "step": None if state == 2 else 0,
                        "stability": round(rng.uniform(1, 60), 2), "difficulty": round(rng.uniform(1, 10), 2),
                        "due": due, "last_review": min(last, due - timedelta(minutes=1)),
                    }

        insert(ReviewState.__table__, state_rows())

        # A fifth of the answers come from quizzes of ten questions over one article's deck, the rest from review.
        quiz_plan: list[tuple[int, int, int, list[str], datetime]] = []
        quiz_id = 0
        for user_id, _cards, _, answers, span in students:
            for _ in range(answers // 5 // 10):
                quiz_id += 1
                deck = rng.randrange(params.decks)
                asked = rng.sample(deck_of[deck], min(10, len(deck_of[deck])))
                quiz_plan.append((quiz_id, user_id, deck + 2, asked, moment(rng.uniform(0, span))))
        insert(QuizSession.__table__, (
            {"id": q, "user_id": user_id, "deck_id": deck_id, "started_at": at,
             "finished_at": at + timedelta(seconds=15 * len(asked)), "score": len(asked) // 2}
            for q, user_id, deck_id, asked, at in quiz_plan
        ))
        insert(QuizItem.__table__, (
            {"session_id": q, "position": p + 1, "card_id": card_id}
            for q, _, _, asked, _ in quiz_plan for p, card_id in enumerate(asked)
        ))

        def answer_rows() -> Iterator[dict[str, Any]]:
            for q, user_id, _, asked, at in quiz_plan:
                for p, card_id in enumerate(asked):
                    position = rng.randrange(4)
                    yield {"session_id": q, "user_id": user_id, "card_id": card_id, "chosen_position": position,
                           "correct": position == int(card_id, 16) % 4, "time_taken_ms": rng.randrange(2_000, 30_000),
                           "card_version": 1, "answered_at": at + timedelta(seconds=15 * (p + 1))}
            quizzed = {}
            for _, user_id, _, asked, _ in quiz_plan:
                quizzed[user_id] = quizzed.get(user_id, 0) + len(asked)
            for user_id, cards, _, answers, span in students:
                for _ in range(answers - quizzed.get(user_id, 0)):
                    card_id = rng.choice(cards)
                    position = rng.randrange(4)
                    yield {"session_id": None, "user_id": user_id, "card_id": card_id, "chosen_position": position,
                           "correct": position == int(card_id, 16) % 4, "time_taken_ms": rng.randrange(2_000, 30_000),
                           "card_version": 1, "answered_at": moment(rng.uniform(0, span))}

        insert(Answer.__table__, answer_rows())
        if connection.dialect.name == "postgresql":
            # rows inserted with their ids leave the sequences behind; the server's own inserts would collide
            for table in (User.__table__, Article.__table__, Deck.__table__, QuizSession.__table__):
                connection.execute(sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM {table.name}))"
                ))
        db.session.commit()
        connection = db.session.connection()
        connection.exec_driver_sql("ANALYZE")
        db.session.commit()
        db.engine.dispose()


def schema_of(app_dir: Path) -> str:
    """Name the schema of the code in app_dir by its migration files."""
    versions = sorted(p.name for p in (app_dir / "quizapp" / "migrations" / "versions").glob("*.py"))
    return hashlib.sha256("\n".join(versions).encode()).hexdigest()[:16]


def child_env(app_dir: Path, instance: Path | None = None, **extra: str) -> dict[str, str]:
    """Return the environment that makes a child process import quizapp from app_dir."""
    env = {**os.environ, "PYTHONPATH": str(app_dir), "QUIZAPP_SECRET_KEY": SECRET_KEY, **extra}
    if instance is not None:
        env["QUIZAPP_INSTANCE_PATH"] = str(instance)
    return env


def cached_database(params: Params, app_dir: Path, cache: Path) -> Path:
    """Return the cached database for params built with app_dir's migrations, building it first if need be."""
    path = cache / f"quizapp-{params.key(schema_of(app_dir))}.sqlite"
    if path.exists():
        print(f"Database: {path} (cached)")
        return path
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    start = time.perf_counter()
    _build(f"sqlite:///{partial}", params, app_dir)
    partial.rename(path)
    Path(f"{partial}.writers").unlink(missing_ok=True)  # the writers' lock file of the app that built it
    print(f"Database: built {path} ({path.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - start:.0f} s")
    return path


def cached_postgres_database(params: Params, app_dir: Path, server: str) -> str:
    """Return the name of the database on server (a URL whose role may create databases) built for params with
    app_dir's migrations, building it first if need be."""
    import sqlalchemy as sa

    name = f"quizapp_bench_{params.key(schema_of(app_dir))}"
    partial = f"{name}_partial"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            if connection.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
                print(f"Database: {name} on PostgreSQL (cached)")
                return name
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{partial}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{partial}"')
        start = time.perf_counter()
        _build(sa.make_url(server).set(database=partial).render_as_string(hide_password=False), params, app_dir)
        with engine.connect() as connection:
            connection.exec_driver_sql(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
            size = connection.scalar(sa.text("SELECT pg_database_size(:name)"), {"name": name})
    finally:
        engine.dispose()
    print(f"Database: built {name} on PostgreSQL ({size / 2**20:.0f} MiB) in {time.perf_counter() - start:.0f} s")
    return name


def _build(url: str, params: Params, app_dir: Path) -> None:
    """Build the database at url in a child process that imports quizapp from app_dir."""
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-build-") as instance:
        subprocess.run(
            [sys.executable, __file__, url, json.dumps(asdict(params))],
            env=child_env(app_dir, Path(instance)), cwd=app_dir, check=True,
        )


if __name__ == "__main__":
    build_database(sys.argv[1], Params(**json.loads(sys.argv[2])))
