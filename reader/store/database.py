"""The SQLite database: one file in the data dir, WAL, a migration per schema version.

Every write is one transaction, so a crash at any moment leaves the last committed state.

Only a file SQLite itself calls corrupt (or not a database) is ever moved aside, and then it is
kept beside the new one (`reader.db.corrupt-…`), never deleted: `reader bookmarks import` reads
its bookmarks back. Every other failure at open — locked by another program, a full disk, a
folder that cannot be written — is reported as a `StoreError` with a `kind` and nothing moved.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.store.migrations import MIGRATIONS

__all__ = [
    "MIGRATIONS",
    "StoreError",
    "connect",
    "connect_read_only",
    "migrate",
    "problem_kind",
    "set_aside",
    "set_aside_files",
    "transaction",
]

# How long an open or a write waits for another process's lock before it is reported.
BUSY_TIMEOUT_SECONDS = 10.0
SET_ASIDE_MARK = ".corrupt-"

_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_FULL = {sqlite3.SQLITE_FULL}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}


class StoreError(Exception):
    """The store could not be opened or written; the message says why, for the user.

    `kind`: "corrupt", "busy", "full", "read-only", "newer", "foreign" or "other"."""

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


def problem_kind(error: BaseException) -> str:
    """What went wrong, from SQLite's own error code (never from the message's wording)."""
    if isinstance(error, StoreError):
        return error.kind
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "read-only" if isinstance(error, PermissionError) else "other"
    primary = code & 0xFF
    for kind, codes in (
        ("corrupt", _CORRUPT),
        ("busy", _BUSY),
        ("full", _FULL),
        ("read-only", _READ_ONLY),
    ):
        if primary in codes:
            return kind
    return "other"


def is_damage(error: BaseException) -> bool:
    return problem_kind(error) == "corrupt"


def describe(error: BaseException, path: Path) -> str:
    """A sentence for the user: what happened to the database at `path`, and what to do."""
    kind = problem_kind(error)
    if kind == "busy":
        return (
            f"{path} is locked by another program (waited {BUSY_TIMEOUT_SECONDS:.0f} s); "
            "close it and start reader again"
        )
    if kind == "full":
        return f"the disk holding {path.parent} is full; nothing was changed"
    if kind == "read-only":
        return f"{path.parent} cannot be written ({error})"
    if kind == "corrupt":
        return f"{path} is damaged ({error})"
    return f"{path}: {error}"


def connect(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating or migrating) the database. Returns the connection and a warning, if any.

    Raises `StoreError` (with its `kind`) when the database cannot be used as it is; a file
    SQLite calls corrupt is moved aside and a fresh database started, with a warning that says
    where the old one went and how to get its bookmarks back."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"cannot create {path.parent}: {error.strerror or error}", "read-only"
        ) from error
    try:
        return open_database(path), None
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise StoreError(describe(error, path), problem_kind(error)) from error
        try:
            kept = set_aside(path)
        except OSError as move_error:
            raise StoreError(describe(error, path), "corrupt") from move_error
        warning = (
            f"Saved state was unreadable ({error}); kept it as {kept.name} and started afresh. "
            f"`reader bookmarks import {kept}` brings back the bookmarks it still holds."
        )
    try:
        return open_database(path), warning
    except sqlite3.DatabaseError as error:
        raise StoreError(describe(error, path), problem_kind(error)) from error


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The database as it is, for reading only (no migration, nothing written): for a data
    folder that cannot be written, or a file set aside. Raises `StoreError`."""
    if not path.is_file():
        raise StoreError(f"{path} does not exist", "other")
    uri = "file:" + urllib.parse.quote(str(path.resolve()))
    last: sqlite3.Error | None = None
    # `immutable` where the folder cannot hold the WAL index: nothing else can write there.
    for options in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(
                uri + options, uri=True, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as error:
            last = error
            if problem_kind(error) != "read-only":
                break
    assert last is not None
    raise StoreError(describe(last, path), problem_kind(last)) from last


def copy_database(source: sqlite3.Connection, target: Path) -> sqlite3.Connection:
    """A migrated copy of `source` at `target` (a scratch database for a session that cannot
    write the real one: what it holds is shown, nothing is written back)."""
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    try:
        source.backup(conn)
        conn.close()
        return open_database(target)
    except sqlite3.DatabaseError:
        conn.close()
        raise


def open_existing(path: Path) -> sqlite3.Connection:
    """A second connection to a database `connect` has already opened and migrated (for a
    worker thread: each thread that writes has its own connection)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    # WAL is a property of the file, set by `connect`: switching it again could only race.
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_database(path: Path) -> sqlite3.Connection:
    """Open, creating or migrating: raises SQLite's own errors (`connect` sorts them).

    SQLite answers "locked" at once, without waiting, in a few races (two processes switching
    a new file to WAL together): those are tried again until `BUSY_TIMEOUT_SECONDS`."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            _configure(conn)
            migrate(conn)
            return conn
        except sqlite3.OperationalError as error:
            conn.close()
            if problem_kind(error) != "busy" or time.monotonic() > deadline:
                raise
        except BaseException:
            conn.close()
            raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def set_aside(path: Path) -> Path:
    """Move a damaged database (and its WAL files) beside itself under a dated name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}{SET_ASIDE_MARK}{stamp}")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.name}{SET_ASIDE_MARK}{stamp}-{number}")
    # The main file first: a database without its WAL is still a database.
    for suffix in ("", "-wal", "-shm"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            os.replace(companion, Path(str(kept) + suffix))
    return kept


def set_aside_files(data_dir: Path) -> list[Path]:
    """Databases ever set aside in `data_dir`, oldest first (their WAL files not listed)."""
    try:
        found = [
            path
            for path in data_dir.iterdir()
            if SET_ASIDE_MARK in path.name and not path.name.endswith(("-wal", "-shm"))
        ]
    except OSError:
        return []
    return sorted(found)


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def statements(script: str) -> Iterator[str]:
    """A migration script's statements one by one (a trigger's body stays whole)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if _code(pending) not in ("", ";"):
                yield pending.strip()
            pending = ""
    if _code(pending) not in ("", ";"):
        yield pending.strip()  # an unfinished statement: SQLite says what is wrong with it


def _code(sql: str) -> str:
    """The SQL without its comment lines and blank space around it."""
    lines = (line for line in sql.splitlines() if not line.strip().startswith("--"))
    return "\n".join(lines).strip()


def migrate(conn: sqlite3.Connection, migrations: tuple[str | Callable, ...] = MIGRATIONS) -> None:
    """Bring the schema up to date in one `BEGIN IMMEDIATE` transaction.

    The version is read again once the write lock is held, so when two processes open an old
    database at once the second finds the work done. A migration is a SQL script (run a
    statement at a time, triggers whole) or a callable taking the connection."""
    version = _user_version(conn)
    _check_version(version, migrations)
    if version == len(migrations):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(conn)
        _check_version(version, migrations)
        for number in range(version, len(migrations)):
            step = migrations[number]
            if callable(step):
                step(conn)
            else:
                for statement in statements(step):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _check_version(version: int, migrations: tuple) -> None:
    if version > len(migrations):
        raise StoreError(
            f"the saved state was written by a newer reader (schema {version}); please upgrade",
            "newer",
        )
    if version < 0:
        raise StoreError(
            f"the saved state has a schema reader never wrote ({version}); move it away to start "
            "afresh",
            "foreign",
        )


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
