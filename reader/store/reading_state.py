"""Per-article reading position and read/unread, plus small app-wide values (last article)."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.store.database import transaction


@dataclass(frozen=True, slots=True)
class ReadingState:
    position: int = 0  # source offset of the passage the reader was on
    read: bool = False


def _key(path: Path) -> str:
    return str(path.absolute())


class ReadingStateStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self, path: Path, content_hash: str) -> ReadingState | None:
        """State of an article: by its path, else by its content (the file was moved)."""
        row = self._conn.execute(
            "SELECT position, read FROM reading_state WHERE path = ?", (_key(path),)
        ).fetchone()
        if row is None:
            row = self._conn.execute(
                "SELECT position, read FROM reading_state WHERE content_hash = ? "
                "ORDER BY updated DESC LIMIT 1",
                (content_hash,),
            ).fetchone()
        return ReadingState(position=row[0], read=bool(row[1])) if row else None

    def read_paths(self) -> set[str]:
        rows = self._conn.execute("SELECT path FROM reading_state WHERE read = 1")
        return {row[0] for row in rows}

    def save(self, path: Path, content_hash: str, state: ReadingState) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO reading_state (path, content_hash, position, read, updated) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
                "content_hash = excluded.content_hash, position = excluded.position, "
                "read = excluded.read, updated = excluded.updated",
                (_key(path), content_hash, state.position, int(state.read), time.time()),
            )

    def get_value(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_value(self, key: str, value: str) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
