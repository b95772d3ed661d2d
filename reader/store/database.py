"""The SQLite database: one file in the data dir, WAL, a migration per schema version.

Every write is one transaction, so a crash at any moment leaves the last committed state. A file
that is not a database is moved aside (never deleted) and a fresh one started.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.store.migrations import MIGRATIONS

__all__ = ["MIGRATIONS", "StoreError", "connect", "migrate", "transaction"]


class StoreError(Exception):
    """The store could not be opened; the message says why, for the user."""


def connect(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating or migrating) the database. Returns the connection and a warning, if any."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create {path.parent}: {error.strerror or error}") from error
    warning = None
    try:
        conn = _open(path)
    except sqlite3.DatabaseError as error:
        # Corrupt or foreign file: keep it for the user, start afresh.
        kept = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            companion = Path(str(path) + suffix)
            if companion.exists():
                companion.rename(Path(str(kept) + suffix))
        warning = (
            f"Saved state was unreadable ({error}); kept it as {kept.name} and started afresh."
        )
        conn = _open(path)
    return conn, warning


def open_existing(path: Path) -> sqlite3.Connection:
    """A second connection to a database `connect` has already opened and migrated (for a
    worker thread: each thread that writes has its own connection)."""
    return _configure(sqlite3.connect(path, timeout=5.0, isolation_level=None))


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    try:
        _configure(conn)
        migrate(conn)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def migrate(conn: sqlite3.Connection, migrations: tuple[str | Callable, ...] = MIGRATIONS) -> None:
    """Bring the schema up to date, one version per transaction.

    A migration is a whole SQL script (run by `executescript`, so triggers and FTS5 tables with
    `;` inside them work) or a callable taking the connection."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(migrations):
        raise StoreError(
            f"the saved state was written by a newer reader (schema {version}); please upgrade"
        )
    for number in range(version, len(migrations)):
        step = migrations[number]
        if callable(step):
            with transaction(conn):
                step(conn)
                conn.execute(f"PRAGMA user_version = {number + 1}")
            continue
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{step}\n;PRAGMA user_version = {number + 1};\nCOMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """`BEGIN … COMMIT`, rolled back on any error (connections run in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
