"""The indexer between runs: files added, changed, deleted and moved; and search over the index."""

import os
import shutil
from pathlib import Path

import pytest

from reader.services.library import Indexer, load_rows
from reader.store.articles import ArticleStore
from reader.store.database import connect
from reader.store.search_index import search
from tests.conftest import row_at

STORY = "{title}\n\n{body}\n\nSource: {source}\n"


def write(path: Path, title: str, body: str = "Some words about nothing.", source="Wire"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(STORY.format(title=title, body=body, source=source), encoding="utf-8")


@pytest.fixture
def library(tmp_path):
    database = tmp_path / "state" / "reader.db"
    conn, _ = connect(database)
    root = tmp_path / "news"
    root.mkdir()

    def index():
        updates = []
        Indexer(database, [root]).run(updates.append)
        return updates

    return conn, database, root, index


def titles(database, root):
    rows, _ = load_rows(database, [root])
    return {row.name: row.title for row in rows}


def test_first_run_lists_every_file_then_reads_each(library):
    conn, database, root, index = library
    write(root / "a.txt", "Alpha story")
    write(root / "sub" / "b.txt", "Beta story")
    updates = index()
    assert [row.title for row in updates[0].rows] == ["a", "b"]  # named by file at first
    assert {row.title for u in updates[1:] for row in u.rows} == {"Alpha story", "Beta story"}
    assert updates[-1].finished and updates[-1].done == updates[-1].total == 2
    assert titles(database, root) == {"a.txt": "Alpha story", "b.txt": "Beta story"}
    row = row_at(conn, root / "a.txt")
    assert row.source == "Wire" and row.words > 0


def test_second_run_reads_nothing_when_nothing_changed(library):
    _, _, root, index = library
    write(root / "a.txt", "Alpha story")
    index()
    again = index()
    assert again[-1].total == 0 and not any(u.rows for u in again)


def test_a_changed_file_is_read_again_and_keeps_its_row(library):
    conn, _database, root, index = library
    write(root / "a.txt", "Alpha story")
    index()
    before = row_at(conn, root / "a.txt").id
    write(root / "a.txt", "Alpha story, updated and longer")
    os.utime(root / "a.txt", ns=(1, 1))  # a new mtime even on a coarse clock
    updates = index()
    assert updates[-1].total == 1
    row = row_at(conn, root / "a.txt")
    assert row.id == before and row.title == "Alpha story, updated and longer"


def test_a_deleted_file_leaves_the_list_but_its_row_is_kept(library):
    conn, database, root, index = library
    write(root / "a.txt", "Alpha story")
    write(root / "b.txt", "Beta story")
    index()
    gone = row_at(conn, root / "b.txt").id
    (root / "b.txt").unlink()
    updates = index()
    assert updates[0].removed == [gone]
    assert titles(database, root) == {"a.txt": "Alpha story"}
    assert conn.execute("SELECT gone FROM articles WHERE id = ?", (gone,)).fetchone() == (1,)


def test_a_moved_file_keeps_its_identity_and_reading_state(library):
    conn, database, root, index = library
    write(root / "a.txt", "Alpha story")
    index()
    store = ArticleStore(conn)
    original = row_at(store.conn, root / "a.txt").id
    store.set_state({original: (42, True)})
    (root / "later").mkdir()
    shutil.move(root / "a.txt", root / "later" / "renamed.txt")
    index()
    row = row_at(store.conn, root / "later" / "renamed.txt")
    assert row.id == original and row.read
    assert store.position_of(original) == 42
    assert titles(database, root) == {"renamed.txt": "Alpha story"}


def test_an_unreadable_file_is_reported_and_not_read_again_until_it_changes(library):
    _, database, root, index = library
    (root / "bad.txt").write_bytes(b"\x00\x01binary")
    write(root / "a.txt", "Alpha story")
    first = index()
    assert [s.reason for u in first for s in u.skipped] == ["binary file"]
    _, skipped = load_rows(database, [root])
    assert [s.path.name for s in skipped] == ["bad.txt"]
    again = index()
    assert again[-1].total == 0  # not read again
    assert [s.path.name for s in again[0].skipped] == ["bad.txt"]  # still said, once


def test_rows_are_kept_to_the_roots_asked_for(library):
    _, database, root, index = library
    write(root / "a.txt", "Alpha story")
    write(root.parent / "news-other" / "c.txt", "Not under news")
    Indexer(database, [root.parent / "news-other"]).run(lambda u: None)
    index()
    assert titles(database, root) == {"a.txt": "Alpha story"}


# ----------------------------------------------------------------- search


@pytest.fixture
def searchable(library):
    conn, _database, root, index = library
    write(root / "a.txt", "Election night", "Vladimir Putin met the prime minister in Kyiv.")
    write(root / "b.txt", "Markets", "The minister said markets fell. Putin was not mentioned.")
    write(root / "c.txt", "Weather", "Rain in Lisbon, and sun in Porto all week.")
    write(root / "d.txt", "Putin profile", "A long look at the president's career.")
    index()
    return conn, root


def hit_names(hits):
    return [Path(hit.path).name for hit in hits]


def test_search_ranks_title_matches_first(searchable):
    conn, _ = searchable
    names = hit_names(search(conn, "putin"))
    assert names[0] == "d.txt" and set(names) == {"a.txt", "b.txt", "d.txt"}


def test_phrase_and_prefix_queries(searchable):
    conn, _ = searchable
    assert hit_names(search(conn, '"prime minister"')) == ["a.txt"]
    assert hit_names(search(conn, '"minister prime"')) == []
    assert set(hit_names(search(conn, "lisb*"))) == {"c.txt"}
    hit = search(conn, '"vladimir putin"')[0]
    assert hit.first_match == "Vladimir Putin"


def test_a_query_fts5_cannot_parse_is_searched_as_plain_words(searchable):
    conn, _ = searchable
    for query in ('"unbalanced putin', "putin AND", "(rain", "rain: sun", "NOT", "*"):
        search(conn, query)  # never raises
    assert hit_names(search(conn, "(lisbon")) == ["c.txt"]
    assert hit_names(search(conn, '"porto')) == ["c.txt"]


def test_snippets_mark_the_hit(searchable):
    conn, _ = searchable
    hit = search(conn, "lisbon")[0]
    assert "\x02Lisbon\x03" in hit.snippet and "Lisbon" in hit.snippet_text
    assert hit.title == "Weather"


def test_search_keeps_to_the_roots_and_forgets_deleted_files(searchable, tmp_path):
    conn, root = searchable
    assert search(conn, "lisbon", roots=[tmp_path / "elsewhere"]) == []
    (root / "c.txt").unlink()
    Indexer(Path(conn.execute("PRAGMA database_list").fetchone()[2]), [root]).run(lambda u: None)
    assert search(conn, "lisbon") == []
