"""The store under bad luck: many processes at once, a lock held elsewhere, a full disk, a
schema nobody wrote. Only a database SQLite calls corrupt is ever set aside."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.store import database as db
from reader.store.database import MIGRATIONS, StoreError, connect, migrate

REPO = Path(__file__).resolve().parent.parent
RUNS = 20


def _reader(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "READER_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run_together(data_dir: Path, count: int) -> list[tuple[int, str]]:
    processes = [_reader(data_dir, "bookmarks", "list") for _ in range(count)]
    results = []
    for process in processes:
        _out, err = process.communicate(timeout=120)
        results.append((process.returncode, err))
    return results


def _schema_2_database(path: Path) -> None:
    """A database as reader wrote it before bookmarks existed, with three read marks."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, MIGRATIONS[:2])
    for number in range(3):
        conn.execute(
            "INSERT INTO articles (path, content_hash, read, position) VALUES (?, ?, 1, ?)",
            (f"/news/{number}.txt", f"hash-{number}", 10 * number),
        )
    conn.close()


def test_two_processes_starting_on_a_fresh_folder_never_set_it_aside(tmp_path):
    for run in range(RUNS):
        data_dir = tmp_path / f"run{run}"
        for returncode, err in _run_together(data_dir, 2):
            assert returncode == 0, err
            assert "unreadable" not in err
        assert db.set_aside_files(data_dir) == []


def test_eight_processes_migrating_an_old_database_keep_its_read_marks(tmp_path):
    for run in range(RUNS):
        data_dir = tmp_path / f"run{run}"
        data_dir.mkdir()
        _schema_2_database(data_dir / "reader.db")
        for returncode, err in _run_together(data_dir, 8):
            assert returncode == 0, err
        assert db.set_aside_files(data_dir) == []
        conn = sqlite3.connect(data_dir / "reader.db")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        marks = conn.execute("SELECT path, read, position FROM articles ORDER BY path")
        assert marks.fetchall() == [(f"/news/{n}.txt", 1, 10 * n) for n in range(3)]


_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("INSERT INTO app_state (key, value) VALUES ('held', 'yes')")
    print("held", flush=True)
    sys.stdin.read()  # holds the lock until its input closes
    """
)


def test_a_database_locked_by_another_process_is_reported_not_set_aside(tmp_path, monkeypatch):
    path = tmp_path / "reader.db"
    connect(path)[0].close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 0.2)
        with pytest.raises(StoreError) as raised:
            connect(path)
        assert raised.value.kind == "busy"
        assert "locked by another program" in str(raised.value)
        assert db.set_aside_files(tmp_path) == []
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    connect(path)[0].close()  # and usable once the other program lets go


def test_a_full_disk_during_a_migration_is_reported_and_nothing_moved(tmp_path, monkeypatch):
    path = tmp_path / "reader.db"
    _schema_2_database(path)
    before = path.read_bytes()
    configure = db._configure

    def full_disk(conn):
        # SQLite's own "database or disk is full": no page may be added to the file.
        configure(conn)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(db, "_configure", full_disk)
    with pytest.raises(StoreError) as raised:
        connect(path)
    assert raised.value.kind == "full"
    assert "full" in str(raised.value)
    assert db.set_aside_files(tmp_path) == []
    monkeypatch.setattr(db, "_configure", configure)
    conn, warning = connect(path)
    assert warning is None
    assert conn.execute("SELECT count(*) FROM articles WHERE read = 1").fetchone()[0] == 3
    assert before  # the old file was read, not replaced


def test_a_negative_schema_version_is_refused_with_a_message(tmp_path):
    path = tmp_path / "reader.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = -3")
    conn.close()
    with pytest.raises(StoreError, match="never wrote") as raised:
        connect(path)
    assert raised.value.kind == "foreign"
    assert path.exists() and db.set_aside_files(tmp_path) == []


def test_only_corruption_is_called_corruption():
    def error(code: int) -> sqlite3.Error:
        made = sqlite3.OperationalError("x")
        made.sqlite_errorcode = code
        return made

    assert db.problem_kind(error(sqlite3.SQLITE_CORRUPT)) == "corrupt"
    assert db.problem_kind(error(sqlite3.SQLITE_NOTADB)) == "corrupt"
    assert db.problem_kind(error(sqlite3.SQLITE_BUSY)) == "busy"
    assert db.problem_kind(error(sqlite3.SQLITE_FULL)) == "full"
    assert db.problem_kind(error(sqlite3.SQLITE_READONLY | (6 << 8))) == "read-only"
    assert db.problem_kind(error(sqlite3.SQLITE_ERROR)) == "other"  # "table … already exists"
