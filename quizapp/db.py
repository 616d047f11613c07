"""The database: the SQLAlchemy object, its declarative base, SQLite settings and migrations.

Every datetime stored is timezone-aware UTC: `Mapped[datetime]` maps to `UTCDateTime`, which refuses naive
values and returns aware ones on SQLite too (SQLite itself keeps no offset).
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlalchemy.orm as so
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask, current_app
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

from quizapp.clock import utcnow as utcnow  # the one clock, for the models' defaults and older imports
from quizapp.days import sqlite_day_shift
from quizapp.sqlite_writers import queue_writers

#: Where the Alembic environment and revisions live; inside the package so that they ship with it.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: How long a SQLite connection waits for another one's write to finish before giving up with "database is
#: locked": writes here take milliseconds, so only a server far past its capacity waits this long.
SQLITE_BUSY_TIMEOUT_MS = 15_000

#: The SQL function, on SQLite, that helps find a student's day of a timestamp (SQLite knows no time zones):
#: date(timestamp, SQLITE_DAY_SHIFT(timestamp, zone, start_hour)), see quizapp.days.sqlite_day_shift.
SQLITE_DAY_SHIFT = "quizapp_day_shift"

#: Predictable constraint names, so that migrations can find a constraint again to alter or drop it.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back as an aware UTC datetime."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive datetime has no defined instant; guessing local time or UTC would hide a bug.
            raise ValueError(f"naive datetime {value!r}: quizapp stores only timezone-aware datetimes")
        value = value.astimezone(UTC)
        # SQLite has no timezone type; it keeps the UTC wall time and the offset is put back on reading.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def str_enum(enum_class: type[enum.StrEnum], name: str) -> sa.Enum:
    """Return a column type that stores the enum's values as text, checked by the database."""
    return sa.Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(so.DeclarativeBase):
    """The declarative base of every quizapp model."""

    # One registry carries both settings: Flask-SQLAlchemy subclasses this base, and SQLAlchemy refuses a
    # subclass that inherits a registry from a base declaring type_annotation_map beside it.
    registry = so.registry(
        metadata=sa.MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={datetime: UTCDateTime()},
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate(directory=str(MIGRATIONS_DIR), render_as_batch=True)


def plain_rows(statement: sa.Executable, params: Mapping[str, Any]) -> Sequence[sa.Row[Any]]:
    """Run a statement of plain columns on the session's connection and return its rows.

    The session's ORM layer does nothing for such a statement but costs a page up to a tenth of a millisecond a
    statement; pending changes are flushed first, as the session would (unless its autoflush is off).
    """
    if db.session.autoflush:
        db.session.flush()
    return db.session.connection().execute(statement, params).all()


def init_app(app: Flask) -> None:
    """Wire the database and migrations into app; the URL comes from the DATABASE_URL setting."""
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    db.init_app(app)
    migrate.init_app(app, db)
    with app.app_context():
        for engine in db.engines.values():
            if engine.dialect.name == "sqlite":
                sa.event.listen(engine, "connect", _configure_sqlite)
                queue_writers(engine)


def _configure_sqlite(dbapi_connection: sqlite3.Connection, connection_record: Any) -> None:
    """Enforce foreign keys, use write-ahead logging, wait for other writers and add the students' days on every
    new SQLite connection."""
    dbapi_connection.create_function(SQLITE_DAY_SHIFT, 3, sqlite_day_shift, deterministic=True)
    cursor = dbapi_connection.cursor()
    try:
        # Writers take turns: one that finds the database busy waits for its turn instead of failing at once.
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # SQLite ignores foreign keys unless each connection asks for them.
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL lets readers go on while one writer commits; an in-memory database answers "memory" and stays so.
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def schema_is_current() -> bool:
    """Tell whether the database has every migration applied (needs an app context)."""
    config = current_app.extensions["migrate"].migrate.get_config()
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with db.engine.connect() as connection:
        applied = set(MigrationContext.configure(connection).get_current_heads())
    return applied == heads
