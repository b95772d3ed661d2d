"""The store: migrations, reading state per article row, never lost to a corrupt file."""

import sqlite3

import pytest

from reader.services.state import StateKeeper
from reader.store.articles import ArticleStore
from reader.store.database import MIGRATIONS, StoreError, connect, migrate, transaction
from tests.conftest import row_at


def add_article(conn, path="/news/a.txt") -> int:
    with transaction(conn):
        return ArticleStore(conn).add_paths([path])[0].id


def test_schema_version_is_recorded(tmp_path):
    connect(tmp_path / "reader.db")
    version = sqlite3.connect(tmp_path / "reader.db").execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)


def test_a_database_of_the_first_schema_migrates_keeping_reading_state(tmp_path):
    path = tmp_path / "reader.db"
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, MIGRATIONS[:1])
    old.execute(
        "INSERT INTO reading_state (path, content_hash, position, read, updated) "
        "VALUES ('/news/a.txt', 'hash-a', 120, 1, 1.0)"
    )
    old.execute("INSERT INTO app_state (key, value) VALUES ('theme', 'nord')")
    old.close()
    conn, warning = connect(path)
    assert warning is None
    row = row_at(conn, "/news/a.txt")
    assert row is not None and row.read and row.content_hash == "hash-a"
    assert ArticleStore(conn).position_of(row.id) == 120
    # Carried-over rows are read once more by the indexer (their size is unknown).
    assert ArticleStore(conn).known_under(["/news"])["/news/a.txt"].size == -1
    assert conn.execute("SELECT value FROM app_state").fetchone() == ("nord",)


def test_a_migration_script_with_a_trigger_runs_whole(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    script = """
    CREATE TABLE t (x);
    CREATE TABLE log (x);
    CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.x); END;
    """
    migrate(conn, (script,))
    conn.execute("INSERT INTO t VALUES (5)")
    assert conn.execute("SELECT x FROM log").fetchall() == [(5,)]


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, ("CREATE TABLE good (x); CREATE TABLE bad (;",))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_a_migration_may_be_a_function(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    migrate(conn, ("CREATE TABLE t (x);", lambda c: c.execute("INSERT INTO t VALUES (1)")))
    assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_corrupt_database_is_kept_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "reader.db"
    path.write_bytes(b"this is not a database" * 100)
    conn, warning = connect(path)
    assert warning and "kept it as reader.db.corrupt-" in warning
    kept = list(tmp_path.glob("reader.db.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    add_article(conn)


def test_a_database_from_a_newer_version_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "reader.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer reader"):
        connect(path)


def test_keeper_writes_remembered_positions_on_flush(tmp_path):
    keeper = StateKeeper(tmp_path / "reader.db")
    assert keeper.open() is None
    article_id = add_article(keeper._conn)
    keeper.remember(article_id, 7, read=True)
    assert keeper.position_of(article_id) == 7  # visible before the flush
    keeper.flush()
    keeper.close()
    again = StateKeeper(tmp_path / "reader.db")
    again.open()
    assert again.position_of(article_id) == 7
    assert again.articles.get(article_id).read


def test_keeper_keeps_pending_state_when_the_disk_refuses(tmp_path):
    errors = []
    keeper = StateKeeper(tmp_path / "reader.db", on_error=errors.append)
    keeper.open()
    article_id = add_article(keeper._conn)
    keeper._conn.execute("PRAGMA query_only = 1")  # every write now fails
    keeper.remember(article_id, 9, read=False)
    keeper.flush()
    assert errors and "Could not save" in errors[0]
    assert keeper.position_of(article_id) == 9


def test_keeper_reports_a_data_dir_it_cannot_create(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    keeper = StateKeeper(blocker / "sub" / "reader.db")
    message = keeper.open()
    assert message and "will not be saved" in message
