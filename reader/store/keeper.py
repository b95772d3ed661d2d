"""What the app keeps between runs: reading positions and read marks, written soon and safely.

Positions are remembered in memory as the reader moves and flushed in one transaction a moment
later (and on switching articles and on exit), so a crash loses at most the last half second of
scrolling. If the database cannot be opened or written, the app keeps working and says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.corpus.model import Article
from reader.store.database import StoreError, connect
from reader.store.reading_state import ReadingState, ReadingStateStore


class StateKeeper:
    def __init__(self, database: Path, on_error: Callable[[str], None] | None = None) -> None:
        self._database = database
        self._conn: sqlite3.Connection | None = None
        self._store: ReadingStateStore | None = None
        self._pending: dict[Path, tuple[str, ReadingState]] = {}
        self._on_error = on_error
        self._failed = False

    def open(self) -> str | None:
        """Open the database; returns a message for the user if something was wrong."""
        try:
            self._conn, warning = connect(self._database)
        except (StoreError, sqlite3.Error, OSError) as error:
            return f"Reading positions will not be saved: {error}"
        self._store = ReadingStateStore(self._conn)
        return warning

    def read_paths(self) -> set[str]:
        return self._store.read_paths() if self._store else set()

    def position_of(self, article: Article) -> ReadingState | None:
        pending = self._pending.get(article.path)
        if pending:
            return pending[1]
        return self._store.get(article.path, article.content_hash) if self._store else None

    def remember(self, article: Article, position: int, read: bool) -> None:
        self._pending[article.path] = (article.content_hash, ReadingState(position, read))

    def flush(self) -> None:
        if self._store is None or not self._pending:
            return
        try:
            for path, (content_hash, state) in list(self._pending.items()):
                self._store.save(path, content_hash, state)
                del self._pending[path]
        except sqlite3.Error as error:
            # Keep what is pending (nothing is dropped) and say so once.
            if not self._failed and self._on_error:
                self._on_error(f"Could not save reading position: {error}")
            self._failed = True

    def get_value(self, key: str) -> str | None:
        return self._store.get_value(key) if self._store else None

    def set_value(self, key: str, value: str) -> None:
        if self._store is None:
            return
        try:
            self._store.set_value(key, value)
        except sqlite3.Error as error:
            if not self._failed and self._on_error:
                self._on_error(f"Could not save state: {error}")
            self._failed = True

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._store = None
