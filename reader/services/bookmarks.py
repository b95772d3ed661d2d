"""Bookmarks as the app and the command line use them: the one door to the bookmarks tables.

Each call runs on a connection of the calling thread (the owner's, or one opened for the call
in a worker) and fails only with `StoreError`, whose message is a sentence for the user and
whose `kind` says what went wrong. When the data folder cannot be written, every write is
refused with the reason, never half done; a damaged database is reported to `on_damage`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.corpus.anchor import Selector
from reader.store.bookmarks import Bookmark, BookmarkStore
from reader.store.database import StoreError, describe, open_existing, problem_kind

__all__ = ["Bookmark", "BookmarkService", "StoreError", "passage_bookmark"]


def passage_bookmark(
    article, article_id: int, start: int, end: int, text: str, speaker: str = ""
) -> Bookmark:
    """A new bookmark (not yet stored) of `article`'s source span [start, end), with the
    selector that finds it again when the text changes."""
    from reader.corpus.anchor import make_selector
    from reader.store.articles import path_key

    selector = make_selector(article.source, start, end)
    return Bookmark(
        article_id=article_id,
        path=path_key(article.path),
        content_hash=article.content_hash,
        start=start,
        end=end,
        exact=selector.exact,
        prefix=selector.prefix,
        suffix=selector.suffix,
        text=text,
        speaker=speaker,
        title=" ".join(article.title.split()),
        source=article.metadata.source,
        date=article.metadata.date,
    )


class BookmarkService:
    def __init__(
        self,
        database: Path,
        conn: sqlite3.Connection | None = None,
        *,
        refuse_writes: str | None = None,
        on_damage: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.database = database
        self.refuse_writes = refuse_writes  # why nothing may be written, or None
        self._conn = conn  # the owner thread's connection
        self._owner = threading.get_ident()
        self._on_damage = on_damage

    @contextmanager
    def _store(self, doing: str) -> Iterator[BookmarkStore]:
        """A store on this thread's connection; SQLite's errors become `StoreError`s."""
        own = self._conn is not None and threading.get_ident() == self._owner
        try:
            conn = self._conn if own else open_existing(self.database)
            try:
                yield BookmarkStore(conn)
            finally:
                if not own:
                    conn.close()
        except sqlite3.Error as error:
            kind = problem_kind(error)
            if kind == "corrupt" and self._on_damage is not None:
                self._on_damage(error)
            raise StoreError(
                f"Could not {doing}: {describe(error, self.database)}", kind
            ) from error

    def _writable(self, doing: str) -> None:
        if self.refuse_writes:
            raise StoreError(f"Could not {doing}: {self.refuse_writes}", "read-only")

    # ----------------------------------------------------------------- reading

    def all(self) -> list[Bookmark]:
        with self._store("read the bookmarks") as store:
            return store.all()

    def for_article(self, article_id: int, content_hash: str = "") -> list[Bookmark]:
        with self._store("read the bookmarks") as store:
            return store.for_article(article_id, content_hash)

    def get(self, bookmark_id: int) -> Bookmark | None:
        with self._store("read the bookmark") as store:
            return store.get(bookmark_id)

    def count(self) -> int:
        with self._store("count the bookmarks") as store:
            return store.count()

    def search_notes(self, query: str, limit: int = 20) -> list[tuple[Bookmark, str]]:
        with self._store("search the bookmarks") as store:
            return store.search_notes(query, limit)

    # ----------------------------------------------------------------- writing

    def adopt(self, article_id: int, path: str, content_hash: str) -> None:
        if self.refuse_writes:
            return  # bookmarks waiting for their article are shown by path all the same
        with self._store("attach imported bookmarks") as store:
            store.adopt(article_id, path, content_hash)

    def add(self, bookmark: Bookmark) -> Bookmark:
        self._writable("keep the bookmark")
        with self._store("keep the bookmark") as store:
            return store.add(bookmark)

    def set_note(self, bookmark_id: int, note: str, shown: str | None = None) -> str:
        """The note saved: both notes when it was changed elsewhere since `shown`."""
        self._writable("save the note")
        with self._store("save the note") as store:
            return store.set_note(bookmark_id, note, shown)

    def delete(self, bookmark_id: int) -> Bookmark | None:
        self._writable("delete the bookmark")
        with self._store("delete the bookmark") as store:
            return store.delete(bookmark_id)

    def restore(self, bookmark: Bookmark) -> None:
        self._writable("restore the bookmark")
        with self._store("restore the bookmark") as store:
            store.restore(bookmark)

    def move(self, bookmark_id: int, content_hash: str, selector: Selector, text: str) -> None:
        self._writable("update the bookmarks of a changed article")
        with self._store("update the bookmarks of a changed article") as store:
            store.move(bookmark_id, content_hash, selector, text)

    def set_orphan(self, bookmark_id: int) -> None:
        self._writable("update the bookmarks of a changed article")
        with self._store("update the bookmarks of a changed article") as store:
            store.set_orphan(bookmark_id)

    def reattach(self, bookmark_id: int, replacement: Bookmark) -> None:
        self._writable("re-attach the bookmark")
        with self._store("re-attach the bookmark") as store:
            store.reattach(bookmark_id, replacement)

    def merge(self, bookmarks: list[Bookmark]) -> tuple[int, int]:
        """Import: add those not already here; returns (added, already here)."""
        self._writable("import the bookmarks")
        with self._store("import the bookmarks") as store:
            rows = store.conn.execute("SELECT path, id FROM articles WHERE gone = 0")
            return store.merge(bookmarks, dict(rows.fetchall()))
