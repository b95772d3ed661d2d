"""Reading state: saved per article, found again after a move, never lost to a corrupt file."""

import sqlite3
from pathlib import Path

import pytest

from reader.corpus.plaintext import parse_plaintext
from reader.store.database import MIGRATIONS, StoreError, connect
from reader.store.keeper import StateKeeper
from reader.store.reading_state import ReadingState, ReadingStateStore


def store(tmp_path) -> ReadingStateStore:
    conn, warning = connect(tmp_path / "reader.db")
    assert warning is None
    return ReadingStateStore(conn)


def test_position_and_read_mark_round_trip(tmp_path):
    states = store(tmp_path)
    states.save(Path("a.txt"), "hash-a", ReadingState(position=120, read=True))
    assert states.get(Path("a.txt"), "hash-a") == ReadingState(120, True)
    assert states.get(Path("b.txt"), "hash-b") is None
    assert states.read_paths() == {str(Path("a.txt").absolute())}


def test_a_moved_file_is_found_by_its_content(tmp_path):
    states = store(tmp_path)
    states.save(Path("old/place.txt"), "same-content", ReadingState(position=42))
    assert states.get(Path("new/place.txt"), "same-content") == ReadingState(42, False)


def test_schema_version_is_recorded(tmp_path):
    connect(tmp_path / "reader.db")
    version = sqlite3.connect(tmp_path / "reader.db").execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)


def test_a_corrupt_database_is_kept_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "reader.db"
    path.write_bytes(b"this is not a database" * 100)
    conn, warning = connect(path)
    assert warning and "kept it as reader.db.corrupt-" in warning
    kept = list(tmp_path.glob("reader.db.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    ReadingStateStore(conn).save(Path("a.txt"), "h", ReadingState(1))


def test_a_database_from_a_newer_version_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "reader.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer reader"):
        connect(path)


def test_keeper_writes_remembered_positions_on_flush(tmp_path):
    article = parse_plaintext(Path("story.txt"), "Title\n\nBody text.")
    keeper = StateKeeper(tmp_path / "reader.db")
    assert keeper.open() is None
    keeper.remember(article, 7, read=True)
    assert keeper.position_of(article) == ReadingState(7, True)  # visible before the flush
    keeper.flush()
    keeper.close()
    again = StateKeeper(tmp_path / "reader.db")
    again.open()
    assert again.position_of(article) == ReadingState(7, True)


def test_keeper_keeps_pending_state_when_the_disk_refuses(tmp_path):
    errors = []
    article = parse_plaintext(Path("story.txt"), "Title\n\nBody text.")
    keeper = StateKeeper(tmp_path / "reader.db", on_error=errors.append)
    keeper.open()
    keeper._conn.execute("PRAGMA query_only = 1")  # every write now fails
    keeper.remember(article, 9, read=False)
    keeper.flush()
    assert errors and "Could not save" in errors[0]
    assert keeper.position_of(article) == ReadingState(9, False)


def test_keeper_reports_a_data_dir_it_cannot_create(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    keeper = StateKeeper(blocker / "sub" / "reader.db")
    message = keeper.open()
    assert message and "will not be saved" in message
