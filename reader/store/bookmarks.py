"""The bookmarks table: kept passages, their notes, and where to find them again.

Every write is its own committed transaction, so once a call returns the bookmark survives a
crash of any kind; errors are raised to the caller, which reports them (never swallowed here).
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reader.corpus.anchor import Selector
from reader.store.database import StoreError, transaction
from reader.store.search_index import HIT_END, HIT_START, plain_words, was_interrupted


class BookmarkGone(StoreError):
    """The bookmark being written to no longer exists."""


_FIELDS = (
    "id key article_id path content_hash start end exact prefix suffix text speaker note "
    "title source date orphan created updated"
).split()
_COLUMNS = ", ".join(f"b.{name}" if name != "end" else 'b."end"' for name in _FIELDS)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A kept passage. Offsets and `exact`, `prefix`, `suffix` are over the article's source
    text as it was when `content_hash` was its hash; `text` is the passage as shown."""

    article_id: int | None
    path: str
    content_hash: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text: str
    speaker: str = ""
    note: str = ""
    title: str = ""
    source: str = ""
    date: str = ""
    orphan: bool = False  # the passage was not found again in the changed article
    created: float = 0.0
    updated: float = 0.0
    id: int | None = None
    key: str = ""  # names the bookmark across export and import

    @property
    def selector(self) -> Selector:
        return Selector(self.start, self.end, self.exact, self.prefix, self.suffix)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Bookmark:
        names = {field.name for field in dataclasses.fields(cls)}
        return cls(**{name: value for name, value in data.items() if name in names})


def _bookmark(values: tuple, **overrides) -> Bookmark:
    data = dict(zip(_FIELDS, values, strict=True))
    data["orphan"] = bool(data["orphan"])
    data.update(overrides)
    return Bookmark(**data)


class BookmarkStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # ----------------------------------------------------------------- reading

    def all(self) -> list[Bookmark]:
        """Every bookmark, newest first, with its article's path as it is now. One imported
        before its article was indexed takes the article's row by path; one whose article is
        not (or no longer) on disk is an orphan too."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS}, a.path, a.id, a.gone FROM bookmarks b "
            "LEFT JOIN articles a ON a.id = "
            "COALESCE(b.article_id, (SELECT id FROM articles WHERE path = b.path)) "
            "ORDER BY b.created DESC, b.id DESC"
        )
        found = []
        for values in rows:
            path, article_id, gone = values[-3:]
            if article_id is None or gone:
                found.append(_bookmark(values[:-3], orphan=True))
            else:
                # The article's path now (a moved file keeps its row and its bookmarks).
                found.append(_bookmark(values[:-3], article_id=article_id, path=path))
        return found

    def adopt(self, article_id: int, path: str, content_hash: str) -> None:
        """Imported bookmarks whose article was not in the index then take its row now."""
        # Asked on every article shown: a read first, so no write (and no sync to the disk)
        # happens unless an imported bookmark is waiting for its article.
        waiting = self.conn.execute(
            "SELECT 1 FROM bookmarks WHERE article_id IS NULL AND (path = ? OR content_hash = ?) "
            "LIMIT 1",
            (path, content_hash),
        ).fetchone()
        if waiting is None:
            return
        with self._write():
            self.conn.execute(
                "UPDATE bookmarks SET article_id = ? WHERE article_id IS NULL "
                "AND (path = ? OR content_hash = ?)",
                (article_id, path, content_hash),
            )

    def for_article(self, article_id: int, content_hash: str = "") -> list[Bookmark]:
        """The bookmarks of an article: by its row, or made on the very same text (a file
        moved while the app was closed may be shown under a new row before the index has
        matched it to its old one)."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM bookmarks b WHERE b.article_id = ? OR b.content_hash = ? "
            "ORDER BY b.start",
            (article_id, content_hash),
        )
        return [_bookmark(values) for values in rows]

    def get(self, bookmark_id: int) -> Bookmark | None:
        values = self.conn.execute(
            f"SELECT {_COLUMNS} FROM bookmarks b WHERE b.id = ?", (bookmark_id,)
        ).fetchone()
        return _bookmark(values) if values else None

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0]

    def search_notes(self, query: str, limit: int = 20) -> list[tuple[Bookmark, str]]:
        """Bookmarks whose note, passage, title or speaker match `query` (FTS5 syntax, else
        plain words), best first, each with a snippet of its note (else of its passage)."""
        query = query.strip()
        if not query:
            return []
        try:
            return self._search(query, limit)
        except sqlite3.OperationalError as error:
            if was_interrupted(error):
                raise
            words = plain_words(query)
            return self._search(words, limit) if words else []

    def _search(self, match: str, limit: int) -> list[tuple[Bookmark, str]]:
        note = f"snippet(bookmark_text, 0, '{HIT_START}', '{HIT_END}', '…', 16)"
        passage = f"snippet(bookmark_text, 1, '{HIT_START}', '{HIT_END}', '…', 16)"
        rows = self.conn.execute(
            f"SELECT {_COLUMNS}, {note}, {passage} FROM bookmark_text "
            "JOIN bookmarks b ON b.id = bookmark_text.rowid WHERE bookmark_text MATCH ? "
            "ORDER BY bm25(bookmark_text, 4.0, 1.0, 1.0, 1.0) LIMIT ?",
            (match, limit),
        )
        found = []
        for values in rows:
            note_snippet, passage_snippet = values[-2], values[-1]
            bookmark = _bookmark(values[:-2])
            found.append((bookmark, note_snippet if HIT_START in note_snippet else passage_snippet))
        return found

    # ----------------------------------------------------------------- writing

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction, synced to the disk at commit: a bookmark the app has confirmed
        survives even the machine going down (reading positions may lose a second)."""
        self.conn.execute("PRAGMA synchronous = FULL")
        try:
            with transaction(self.conn):
                yield
        finally:
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Keep a new bookmark (committed when this returns); returns it with its id."""
        now = time.time()
        bookmark = dataclasses.replace(
            bookmark,
            key=bookmark.key or uuid.uuid4().hex,
            created=bookmark.created or now,
            updated=bookmark.updated or now,
        )
        with self._write():
            new_id = self._insert(bookmark)
        return dataclasses.replace(bookmark, id=new_id)

    def _insert(self, bookmark: Bookmark) -> int:
        data = bookmark.to_dict()
        if data["id"] is None:
            del data["id"]
        data["orphan"] = int(data["orphan"])
        names = list(data)
        columns = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" for _ in names)
        cursor = self.conn.execute(
            f"INSERT INTO bookmarks ({columns}) VALUES ({marks}) RETURNING id",
            [data[name] for name in names],
        )
        return cursor.fetchone()[0]

    def set_note(self, bookmark_id: int, note: str, shown: str | None = None) -> str:
        """Save a note typed over `shown` (the note as it was when the editor opened); returns
        the note saved. Changed elsewhere since (another copy of the app): both are kept,
        the other first. Raises `BookmarkGone` when the bookmark was deleted meanwhile."""
        with self._write():
            row = self.conn.execute(
                "SELECT note FROM bookmarks WHERE id = ?", (bookmark_id,)
            ).fetchone()
            if row is None:
                raise BookmarkGone(
                    "This bookmark was deleted meanwhile (in another window?): the note is "
                    "kept here to copy"
                )
            current = row[0]
            if shown is not None and current not in (shown, note) and current:
                note = f"{current} · {note}" if note else current
            self.conn.execute(
                "UPDATE bookmarks SET note = ?, updated = ? WHERE id = ?",
                (note, time.time(), bookmark_id),
            )
        return note

    def delete(self, bookmark_id: int) -> Bookmark | None:
        """Delete a bookmark; returns it, so it can be put back (`restore`)."""
        with self._write():
            bookmark = self.get(bookmark_id)
            self.conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return bookmark

    def restore(self, bookmark: Bookmark) -> None:
        """Put a deleted bookmark back as it was (same id and key)."""
        with self._write():
            self._insert(bookmark)

    def move(self, bookmark_id: int, content_hash: str, selector: Selector, text: str) -> None:
        """The passage found again in a changed article: new offsets and context."""
        with self._write():
            self.conn.execute(
                'UPDATE bookmarks SET content_hash = ?, start = ?, "end" = ?, prefix = ?, '
                "suffix = ?, exact = ?, text = ?, orphan = 0, updated = ? WHERE id = ?",
                (
                    content_hash,
                    selector.start,
                    selector.end,
                    selector.prefix,
                    selector.suffix,
                    selector.exact,
                    text,
                    time.time(),
                    bookmark_id,
                ),
            )

    def set_orphan(self, bookmark_id: int) -> None:
        """Not found again: kept, with its text, for the reader to re-attach."""
        with self._write():
            self.conn.execute(
                "UPDATE bookmarks SET orphan = 1, updated = ? WHERE id = ?",
                (time.time(), bookmark_id),
            )

    def reattach(self, bookmark_id: int, replacement: Bookmark) -> None:
        """An orphan takes the passage the reader chose (its note and creation time stay)."""
        with self._write():
            self.conn.execute(
                "UPDATE bookmarks SET article_id = ?, path = ?, content_hash = ?, start = ?, "
                '"end" = ?, exact = ?, prefix = ?, suffix = ?, text = ?, speaker = ?, title = ?, '
                "source = ?, date = ?, orphan = 0, updated = ? WHERE id = ?",
                (
                    replacement.article_id,
                    replacement.path,
                    replacement.content_hash,
                    replacement.start,
                    replacement.end,
                    replacement.exact,
                    replacement.prefix,
                    replacement.suffix,
                    replacement.text,
                    replacement.speaker,
                    replacement.title,
                    replacement.source,
                    replacement.date,
                    time.time(),
                    bookmark_id,
                ),
            )

    def merge(self, bookmarks: list[Bookmark], article_ids: dict[str, int]) -> tuple[int, int]:
        """Import: add the bookmarks not already here (same key, or same article hash and
        same selector), in one transaction. `article_ids` maps paths to the index's rows.
        Returns (added, already here)."""
        added = skipped = 0
        with self._write():
            for bookmark in bookmarks:
                duplicate = self.conn.execute(
                    "SELECT 1 FROM bookmarks WHERE key = ? OR (content_hash = ? AND exact = ? "
                    "AND prefix = ? AND suffix = ?)",
                    (
                        bookmark.key,
                        bookmark.content_hash,
                        bookmark.exact,
                        bookmark.prefix,
                        bookmark.suffix,
                    ),
                ).fetchone()
                if duplicate:
                    skipped += 1
                    continue
                self._insert(
                    dataclasses.replace(
                        bookmark,
                        id=None,
                        key=bookmark.key or uuid.uuid4().hex,
                        article_id=article_ids.get(bookmark.path),
                        created=bookmark.created or time.time(),
                        updated=bookmark.updated or time.time(),
                    )
                )
                added += 1
        return added, skipped
