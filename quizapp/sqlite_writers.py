"""SQLite writers queue for their turn on a file lock beside the database, which the kernel hands on at once.

SQLite lets one connection write at a time. A writer that finds the database busy sleeps in SQLite's busy
handler, in steps of 1, 2, 5, 10 and up to 100 ms, and the lock often lies free while it sleeps: under a class's
answers, a write of a few milliseconds waited hundreds. Here each connection of the app, before its first write in a
transaction, takes an exclusive lock on `<database>.writers` (flock, one open file per connection), and lets go once
the transaction has ended; the kernel wakes the next writer the moment it does. SQLite's own lock and busy timeout
stay, for writers outside the app (the command line, another tool), and the kernel drops a dead process's lock, so a
worker killed mid-write holds up no one.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa

#: Statements that write: a transaction's first one waits for the writers' lock.
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
#: Key, in a pooled connection's info, of the open lock file (an int file descriptor).
_LOCK_FILE = "quizapp_writer_lock_fd"
#: Key, in a pooled connection's info, of the turns of the thread that took the lock, while the connection holds it.
_HOLDER = "quizapp_writer_lock_holder"


class _Turns(threading.local):
    """How many of this thread's connections hold the writers' lock.

    A second connection of a thread that holds the lock through another must not wait for it (it would wait for
    ever): SQLite's busy timeout then decides, as it did before this lock.
    """

    held = 0


_turns = _Turns()


def lock_path(database: str) -> Path:
    """Return the writers' lock file of a SQLite database file."""
    return Path(f"{database}.writers")


def queue_writers(engine: sa.Engine) -> None:
    """Make the app's connections to engine's SQLite file take turns to write (nothing for an in-memory database)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return
    path = lock_path(database)

    def open_lock(dbapi_connection: Any, record: Any) -> None:
        record.info[_LOCK_FILE] = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)

    def close_lock(dbapi_connection: Any, record: Any, *_: Any) -> None:
        _release(record.info)
        fd = record.info.pop(_LOCK_FILE, None)
        if fd is not None:
            os.close(fd)

    def before_write(conn: sa.Connection, cursor: Any, statement: str, *_: Any) -> None:
        info = conn.info
        if _HOLDER in info or _turns.held or not statement.lstrip()[:7].upper().startswith(_WRITES):
            return
        fd = info.get(_LOCK_FILE)
        if fd is None:
            return
        fcntl.flock(fd, fcntl.LOCK_EX)  # blocks, without the GIL, until the writer before has finished
        info[_HOLDER] = _turns
        _turns.held += 1

    sa.event.listen(engine, "connect", open_lock)
    sa.event.listen(engine, "close", close_lock)
    sa.event.listen(engine, "invalidate", close_lock)
    sa.event.listen(engine, "before_cursor_execute", before_write)
    # The transaction has ended, by its commit or a rollback, when its connection comes back to the pool: the
    # engine's own commit and rollback events come before the DBAPI's, too early to hand the turn on.
    sa.event.listen(engine, "checkin", lambda dbapi_connection, record: record is not None and _release(record.info))


def _release(info: dict[str, Any]) -> None:
    holder = info.pop(_HOLDER, None)
    if holder is None:
        return
    holder.held -= 1
    fd = info.get(_LOCK_FILE)
    if fd is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)

