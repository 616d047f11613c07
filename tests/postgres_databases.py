"""The tests' PostgreSQL database: migrated once per run, put back to a saved state before each test.

Migrating takes seconds and loading the seed bank longer, so neither is done per test. After the migrations
(and again after loading the bank) every table of the `public` schema is copied into a schema of its own, a
snapshot; before each test one round trip empties every table, copies the snapshot's rows back and sets
each sequence of ids to where it stood. The tables are read from the database, not from the models, so a
table added by a new migration is reset with the others.

The tables are emptied with DELETE, children first, not with TRUNCATE: on these few rows TRUNCATE, which
makes new files for every table and index and syncs them, took 0.2-0.3 s a test where DELETE takes about 10 ms.
"""

from __future__ import annotations

import psycopg
import sqlalchemy as sa
from psycopg import sql

#: The schema the app's tables live in; snapshots live beside it, each in a schema of its own.
PUBLIC = "public"
#: Left alone by the reset: it records which migrations the schema has.
KEPT = frozenset({"alembic_version"})
#: Kept by triggers, which refill it as the reset deletes and copies back the rows it counts; copied back too,
#: its rows would be counted twice.
KEPT_BY_TRIGGERS = frozenset({"deck_totals", "deck_schedule_totals"})
#: How long the reset waits for a lock before it ends the connections a test left open.
LOCK_TIMEOUT = "5s"


def _conninfo(url: str) -> str:
    """Return a libpq connection string for a SQLAlchemy URL (`postgresql+psycopg://…`)."""
    return sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def with_settings(url: str, **settings: str) -> str:
    """Return url with connections that start with these settings (e.g. search_path, synchronous_commit)."""
    options = " ".join(f"-c{name}={value}" for name, value in settings.items())
    return sa.engine.make_url(url).update_query_dict({"options": options}).render_as_string(hide_password=False)


def worker_database(url: str, worker: str | None) -> str:
    """Return the URL of a pytest-xdist worker's own database beside url's, created if missing (url itself alone)."""
    if not url or not worker:
        return url
    base = sa.engine.make_url(url)
    own = base.set(database=f"{base.database}_{worker}")
    with psycopg.connect(_conninfo(url), autocommit=True) as connection:
        exists = connection.execute("SELECT EXISTS (SELECT FROM pg_database WHERE datname = %s)", (own.database,))
        if not exists.fetchone()[0]:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(own.database)))
    return own.render_as_string(hide_password=False)


class PostgresDatabases:
    """One PostgreSQL database shared by the tests of a run, wiped when the run starts."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.connection = psycopg.connect(_conninfo(url), autocommit=True)
        self.connection.execute(sql.SQL("SET lock_timeout = {}").format(sql.Literal(LOCK_TIMEOUT)))
        # A reset need not wait for the disk: the rows it writes are thrown away at the end of the test.
        self.connection.execute("SET synchronous_commit = off")
        self.restore_scripts: dict[str, sql.Composed] = {}

    def close(self) -> None:
        """Close the connection the resets use."""
        self.connection.close()

    def wipe(self) -> None:
        """Drop every schema the tests own and leave an empty `public` schema."""
        schemas = self.connection.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
        ).fetchall()
        statements = [sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)) for (name,) in schemas]
        statements.append(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(PUBLIC)))
        self.connection.execute(sql.SQL("; ").join(statements))

    def new_schema(self, name: str) -> None:
        """Create schema name empty, dropping what it held, for a test of a fresh install."""
        ident = sql.Identifier(name)
        self.connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}").format(ident))

    def save(self, name: str) -> None:
        """Copy every table of `public` into the snapshot schema name and prepare the script that restores it."""
        snapshot = f"snapshot_{name}"
        self.new_schema(snapshot)
        engine = sa.create_engine(self.url, poolclass=sa.pool.NullPool)
        try:
            metadata = sa.MetaData()
            with engine.connect() as connection:
                metadata.reflect(connection, schema=PUBLIC)
        finally:
            engine.dispose()
        # Parents before children, so that the rows copied back satisfy the foreign keys as they go in.
        tables = [table.name for table in metadata.sorted_tables if table.name not in KEPT | KEPT_BY_TRIGGERS]
        filled = []
        for table in tables:
            source = sql.Identifier(PUBLIC, table)
            copy = sql.Identifier(snapshot, table)
            self.connection.execute(sql.SQL("CREATE TABLE {} AS TABLE {}").format(copy, source))
            if self.connection.execute(sql.SQL("SELECT EXISTS (SELECT FROM {})").format(copy)).fetchone()[0]:
                filled.append(table)
        self.restore_scripts[name] = self._restore_script(snapshot, tables, filled)

    def _restore_script(self, snapshot: str, tables: list[str], filled: list[str]) -> sql.Composed:
        """Return the statements that make `public` hold what the snapshot holds, for one round trip."""
        statements = [sql.SQL("DELETE FROM {}").format(sql.Identifier(PUBLIC, table)) for table in reversed(tables)]
        for table in filled:
            statements.append(
                sql.SQL("INSERT INTO {} OVERRIDING SYSTEM VALUE SELECT * FROM {}").format(
                    sql.Identifier(PUBLIC, table), sql.Identifier(snapshot, table)
                )
            )
        # Each sequence where the snapshot left it: a test's ids do not depend on the tests before it.
        sequences = self.connection.execute(
            "SELECT sequencename, coalesce(last_value, start_value), last_value IS NOT NULL"
            " FROM pg_sequences WHERE schemaname = %s",
            (PUBLIC,),
        ).fetchall()
        for sequence, value, called in sequences:
            statements.append(
                sql.SQL("SELECT setval({}, {}, {})").format(
                    sql.Literal(f"{PUBLIC}.{sequence}"), sql.Literal(value), sql.Literal(called)
                )
            )
        return sql.SQL("; ").join(statements)

    def restore(self, name: str) -> None:
        """Put `public` back to the snapshot name, ending first any connection a test left holding a lock."""
        script = self.restore_scripts[name]
        try:
            self.connection.execute(script)
        except psycopg.errors.LockNotAvailable:
            self.connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            self.connection.execute(script)
