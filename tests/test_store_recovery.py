"""Damage found after opening: what the user made is copied out, the index rebuilt, the damaged
file set aside; and the bookmarks of any database file can be read back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store.articles import ArticleStore
from reader.store.bookmarks import Bookmark, BookmarkStore
from reader.store.database import connect, set_aside_files, transaction
from reader.store.recovery import check, repair, salvage_bookmarks


def _bookmark(number: int, article_id: int | None) -> Bookmark:
    text = f"passage number {number}"
    return Bookmark(
        article_id,
        f"/news/{number}.txt",
        f"hash-{number}",
        0,
        len(text),
        text,
        "",
        "",
        text,
        note=f"note {number}",
    )


def make_database(path: Path, articles: int = 400, bookmarks: int = 3) -> list[int]:
    """A database with many articles (several pages of them), read marks and bookmarks."""
    conn, _ = connect(path)
    store = ArticleStore(conn)
    with transaction(conn):
        rows = store.add_paths([f"/news/{number:04}.txt" for number in range(articles)])
    store.set_state({row.id: (row.id * 3, row.id % 2 == 0) for row in rows})
    kept = BookmarkStore(conn)
    for number in range(bookmarks):
        kept.add(_bookmark(number, rows[number].id))
    conn.execute("INSERT INTO app_state (key, value) VALUES ('theme', 'nord')")
    conn.close()
    return [row.id for row in rows]


def garble_page(path: Path, table: str, leaf: int = 1) -> None:
    """Overwrite one page of `table` (its `leaf`-th leaf) with bytes that are not a page."""
    conn = sqlite3.connect(path)
    pages = [
        page
        for (page,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        )
    ]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((pages[leaf] - 1) * size)
        handle.write(bytes([0xA5]) * size)


def test_a_garbled_index_page_is_found_by_the_check(tmp_path):
    path = tmp_path / "reader.db"
    make_database(path)
    assert check(path)
    garble_page(path, "articles")
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        conn.execute("SELECT count(*), sum(position) FROM articles").fetchone()
    assert not check(path)


def test_repair_keeps_bookmarks_and_readable_reading_state_and_sets_the_file_aside(tmp_path):
    path = tmp_path / "reader.db"
    ids = make_database(path)
    garble_page(path, "articles")
    done = repair(path)
    assert done is not None and done.bookmarks == 3
    assert 0 < done.articles < len(ids)  # the rows on the garbled page are gone
    assert set_aside_files(tmp_path) == [done.kept_as]
    conn, warning = connect(path)
    assert warning is None and check(path)
    kept = BookmarkStore(conn).all()
    assert sorted(b.note for b in kept) == ["note 0", "note 1", "note 2"]
    # Reading state kept where it could be read, under the same rows (bookmarks stay attached).
    for article_id, position, read in conn.execute("SELECT id, position, read FROM articles"):
        assert position == article_id * 3 and bool(read) == (article_id % 2 == 0)
    # Every article is read again by the indexer: its size is unknown.
    assert {size for (size,) in conn.execute("SELECT size FROM articles")} == {-1}
    assert conn.execute("SELECT value FROM app_state WHERE key = 'theme'").fetchone() == ("nord",)
    assert "3 bookmarks" in done.message()


def test_repair_leaves_a_sound_database_alone(tmp_path):
    path = tmp_path / "reader.db"
    make_database(path)
    before = path.read_bytes()
    assert repair(path) is None
    assert path.read_bytes() == before and set_aside_files(tmp_path) == []


def test_the_bookmarks_of_a_damaged_database_can_be_read_back(tmp_path):
    path = tmp_path / "reader.db"
    make_database(path, bookmarks=40)
    garble_page(path, "bookmarks", leaf=0)
    found = salvage_bookmarks(path)
    # The first leaf's bookmarks are lost with it; every other one is read back whole.
    assert 0 < len(found) < 40
    assert all(row["text"].startswith("passage number") for row in found)


def test_a_file_that_is_not_a_database_has_no_bookmarks_to_read(tmp_path):
    from reader.store.database import StoreError

    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(StoreError, match="not a reader database"):
        salvage_bookmarks(path)
