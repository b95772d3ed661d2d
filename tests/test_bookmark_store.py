"""The bookmarks table: durable writes, two writers, a killed writer, import and export."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from reader.bookmarks.transfer import ImportError_, from_json, to_json, to_markdown
from reader.corpus.anchor import make_selector
from reader.store.bookmarks import Bookmark, BookmarkStore
from reader.store.database import connect
from tests.conftest import REPO

SOURCE = "Officials met on Monday. “We will not retreat,” she said. Markets were calm."


def _bookmark(start: int = 25, end: int = 57, note: str = "", **extra) -> Bookmark:
    selector = make_selector(SOURCE, start, end)
    return Bookmark(
        article_id=None,
        path="/news/a.txt",
        content_hash="abc",
        start=start,
        end=end,
        exact=selector.exact,
        prefix=selector.prefix,
        suffix=selector.suffix,
        text=selector.exact,
        note=note,
        title="Talks",
        **extra,
    )


@pytest.fixture
def store(tmp_path):
    conn, _warning = connect(tmp_path / "reader.db")
    yield BookmarkStore(conn)
    conn.close()


def test_add_edit_delete_and_restore(store):
    kept = store.add(_bookmark(note="first"))
    assert kept.id is not None and kept.key
    store.set_note(kept.id, "changed")
    assert store.get(kept.id).note == "changed"
    deleted = store.delete(kept.id)
    assert store.all() == []
    store.restore(deleted)
    (back,) = store.all()
    assert (back.id, back.key, back.note) == (kept.id, kept.key, "changed")


def test_a_note_changed_elsewhere_since_it_was_shown_keeps_both(tmp_path, store):
    kept = store.add(_bookmark(note="check later"))
    other_conn, _ = connect(tmp_path / "reader.db")
    other = BookmarkStore(other_conn)
    # Another copy of the app saves first, over the note both were shown.
    assert other.set_note(kept.id, "Blinken warning", shown="check later") == "Blinken warning"
    saved = store.set_note(kept.id, "check tomorrow", shown="check later")
    assert "Blinken warning" in saved and "check tomorrow" in saved
    assert store.get(kept.id).note == saved
    # A save over the note as it now stands (or an unchanged one) is simply the new note.
    assert store.set_note(kept.id, "one note", shown=saved) == "one note"
    other_conn.close()


def test_a_note_for_a_bookmark_deleted_elsewhere_is_refused_not_lost(tmp_path, store):
    from reader.store.bookmarks import BookmarkGone

    kept = store.add(_bookmark(note="x"))
    store.delete(kept.id)
    with pytest.raises(BookmarkGone):
        store.set_note(kept.id, "typed", shown="x")


def test_notes_are_searchable(store):
    store.add(_bookmark(note="the sanctions angle for Friday's piece"))
    store.add(_bookmark(start=0, end=24, note="scene setting"))
    found = store.search_notes("sanctions")
    assert [bookmark.note for bookmark, _snippet in found] == [
        "the sanctions angle for Friday's piece"
    ]
    assert store.search_notes('"unbalanced') == []  # a query FTS5 cannot parse never errs


def test_json_export_round_trips_and_import_merges_without_duplicates(tmp_path, store):
    store.add(_bookmark(note="one", speaker="Jane Doe"))
    store.add(_bookmark(start=0, end=24))
    exported = to_json(store.all())
    document = json.loads(exported)
    assert document["bookmarks"][0]["selector"]["type"] == "TextQuoteSelector"
    other_conn, _ = connect(tmp_path / "other.db")
    other = BookmarkStore(other_conn)
    assert other.merge(from_json(exported), {}) == (2, 0)
    assert other.merge(from_json(exported), {}) == (0, 2)  # same keys: nothing new
    # Same article hash and selector from another export (a new key) is the same bookmark.
    renamed = json.loads(exported)
    for record in renamed["bookmarks"]:
        record["key"] = "another-" + record["key"]
    assert other.merge(from_json(json.dumps(renamed)), {}) == (0, 2)
    mine = {(b.key, b.exact, b.note, b.speaker, b.start, b.end) for b in store.all()}
    theirs = {(b.key, b.exact, b.note, b.speaker, b.start, b.end) for b in other.all()}
    assert mine == theirs
    other_conn.close()


def test_import_refuses_what_is_not_an_export():
    with pytest.raises(ImportError_, match="not JSON"):
        from_json("{not json")
    with pytest.raises(ImportError_, match="not a reader bookmarks export"):
        from_json('{"bookmarks": []}')
    with pytest.raises(ImportError_, match="bookmark at line 1: 'exact' is missing"):
        from_json('{"format": "reader-bookmarks", "bookmarks": [{"path": "a"}]}')


def _export_with(**changes) -> str:
    record = {"path": "/a.txt", "exact": "words", "start": 0, "end": 5, "content_hash": "h"}
    record.update(changes)
    return json.dumps({"format": "reader-bookmarks", "version": 1, "bookmarks": [record]}, indent=1)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"created": "yesterday"}, "'created' must be seconds since 1970"),
        ({"created": 1e300}, "'created' must be seconds since 1970"),
        ({"start": 1e30}, "'start' must be a whole number"),
        ({"start": -4}, "'start' must be a whole number"),
        ({"end": "5"}, "'end' must be a whole number"),
        ({"start": 9, "end": 3}, "'end' comes before start"),
        ({"orphan": "no"}, "'orphan' must be true or false"),
        ({"note": ["a", "list"]}, "'note' must be text"),
        ({"selector": "exact words"}, "'selector' is not an object"),
        ({"article_id": "7"}, "'article_id' must be a whole number or null"),
    ],
)
def test_import_refuses_a_wrong_field_naming_its_line_and_name(change, said):
    with pytest.raises(ImportError_) as refused:
        from_json(_export_with(**change))
    assert "bookmark at line 5" in str(refused.value)
    assert said in str(refused.value)


def test_import_refuses_deep_nesting_and_too_many_bookmarks():
    deep = '{"format": "reader-bookmarks", "bookmarks": [' + "[" * 100_000 + "]" * 100_000 + "]}"
    with pytest.raises(ImportError_, match="nested too deeply"):
        from_json(deep)
    from reader.bookmarks import transfer

    many = json.dumps(
        {
            "format": "reader-bookmarks",
            "bookmarks": [{"path": "/a", "exact": "x", "start": 0, "end": 1}]
            * (transfer.MAX_IMPORT_BOOKMARKS + 1),
        }
    )
    with pytest.raises(ImportError_, match="at most 100,000"):
        from_json(many)


def test_an_import_that_passed_the_checks_exports_again(tmp_path):
    conn, _ = connect(tmp_path / "reader.db")
    store = BookmarkStore(conn)
    store.merge(from_json(_export_with(created=1.7e9, orphan=True, note="n")), {})
    assert "**Note:** n" in to_markdown(store.all())
    assert json.loads(to_json(store.all()))["bookmarks"][0]["created"] == 1.7e9


def test_markdown_groups_by_article_with_block_quotes(store):
    store.add(_bookmark(note="key line", speaker="Jane Doe", source="Wire", date="2024-01-02"))
    text = to_markdown(store.all())
    assert "## Talks" in text
    assert "Wire · 2024-01-02" in text
    assert "`/news/a.txt`" in text
    assert "> “We will not retreat,” she said." in text
    assert "— Jane Doe" in text and "**Note:** key line" in text


_WRITER = textwrap.dedent(
    """
    import sys
    from reader.store.bookmarks import Bookmark, BookmarkStore
    from reader.store.database import connect

    conn, _ = connect(__import__("pathlib").Path(sys.argv[1]))
    store = BookmarkStore(conn)
    for number in range(int(sys.argv[2])):
        text = f"{sys.argv[3]} passage {number} " + "words " * 50
        store.add(Bookmark(None, "/a.txt", "h", number, number + 5, text, "", "", text))
        print(number, flush=True)  # said only once the write is committed
    """
)


def _writer(database, count: int, name: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(database), str(count), name],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_processes_writing_at_once_both_keep_every_bookmark(tmp_path):
    database = tmp_path / "reader.db"
    connect(database)[0].close()
    writers = [_writer(database, 60, name) for name in ("left", "right")]
    for writer in writers:
        writer.communicate(timeout=60)
        assert writer.returncode == 0
    conn, _ = connect(database)
    texts = [b.exact for b in BookmarkStore(conn).all()]
    assert sum(text.startswith("left ") for text in texts) == 60
    assert sum(text.startswith("right ") for text in texts) == 60


def test_a_process_killed_mid_write_loses_nothing_it_confirmed(tmp_path):
    database = tmp_path / "reader.db"
    connect(database)[0].close()
    writer = _writer(database, 100_000, "kept")
    confirmed = -1
    for line in writer.stdout:
        confirmed = int(line)
        if confirmed >= 40:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    conn, warning = connect(database)
    assert warning is None
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = BookmarkStore(conn).all()
    assert len(kept) >= confirmed + 1
    assert all(b.exact.startswith("kept passage") and b.text == b.exact for b in kept)


def test_a_corrupt_database_is_kept_beside_and_bookmarks_start_afresh(tmp_path):
    database = tmp_path / "reader.db"
    database.write_bytes(b"this is not a database" * 100)
    conn, warning = connect(database)
    assert warning and "kept it as" in warning
    kept = [path for path in tmp_path.iterdir() if ".corrupt-" in path.name]
    assert kept and kept[0].read_bytes() == b"this is not a database" * 100
    BookmarkStore(conn).add(_bookmark())
    assert len(BookmarkStore(conn).all()) == 1


def test_a_failed_write_is_raised_not_swallowed(tmp_path):
    database = tmp_path / "reader.db"
    connect(database)[0].close()
    read_only = sqlite3.connect(f"file:{database}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        BookmarkStore(read_only).add(_bookmark())
