"""The SQLite database: one file in the data dir, WAL, a migration per schema version.

Every write is one transaction, so a crash at any moment leaves the last committed state. A file
that is not a database is moved aside (never deleted) and a fresh one started.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Each entry upgrades the schema by one version; `PRAGMA user_version` records how far we are.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE reading_state (
        path TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        read INTEGER NOT NULL DEFAULT 0,
        updated REAL NOT NULL
    );
    CREATE INDEX reading_state_hash ON reading_state (content_hash);
    CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
)


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


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(
            f"the saved state was written by a newer reader (schema {version}); please upgrade"
        )
    for number in range(version, len(MIGRATIONS)):
        with transaction(conn):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")


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
