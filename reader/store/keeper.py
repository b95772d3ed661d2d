"""What the app keeps between runs: reading positions and read marks, written soon and safely.

Positions are remembered in memory as the reader moves and flushed in one transaction a moment
later (and on switching articles and on exit), so a crash loses at most the last second of
scrolling; a read mark is written at once. If the database cannot be opened or written, the app
keeps working and says so once; nothing pending is dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.store import app_state
from reader.store.articles import ArticleStore
from reader.store.bookmarks import BookmarkStore
from reader.store.database import StoreError, connect


class StateKeeper:
    def __init__(self, database: Path, on_error: Callable[[str], None] | None = None) -> None:
        self.database = database
        self._conn: sqlite3.Connection | None = None
        self._articles: ArticleStore | None = None
        self._pending: dict[int, tuple[int, bool]] = {}
        self._on_error = on_error
        self._failed = False
        # A scratch database for this session only (the data folder could not be used).
        self.temporary = False

    def open(self) -> str | None:
        """Open the database; returns a message for the user if something was wrong."""
        try:
            self._conn, warning = connect(self.database)
        except (StoreError, sqlite3.Error, OSError) as error:
            return f"Reading positions and bookmarks will not be saved: {error}"
        self._articles = ArticleStore(self._conn)
        return warning

    @property
    def is_open(self) -> bool:
        return self._articles is not None

    @property
    def articles(self) -> ArticleStore | None:
        return self._articles

    @property
    def bookmarks(self) -> BookmarkStore | None:
        """Bookmark reads and writes; a write that fails raises `sqlite3.Error` for the caller
        to report."""
        return BookmarkStore(self._conn) if self._conn is not None else None

    def position_of(self, article_id: int) -> int | None:
        pending = self._pending.get(article_id)
        if pending:
            return pending[0]
        return self._articles.position_of(article_id) if self._articles else None

    def remember(self, article_id: int, position: int, read: bool) -> None:
        self._pending[article_id] = (position, read)

    def flush(self) -> None:
        if self._articles is None or not self._pending:
            return
        try:
            self._articles.set_state(dict(self._pending))
            self._pending.clear()
        except sqlite3.Error as error:
            self._report(f"Could not save reading position: {error}")

    def get_value(self, key: str) -> str | None:
        return app_state.get_value(self._conn, key) if self._conn else None

    def set_value(self, key: str, value: str) -> None:
        if self._conn is None:
            return
        try:
            app_state.set_value(self._conn, key, value)
        except sqlite3.Error as error:
            self._report(f"Could not save state: {error}")

    def _report(self, message: str) -> None:
        # Keep what is pending (nothing is dropped) and say so once.
        if not self._failed and self._on_error:
            self._on_error(message)
        self._failed = True

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._articles = None
