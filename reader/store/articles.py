"""The articles table: the identity of every article (path, size, mtime, content hash), what the
list shows of it (title, source, date, length), its reading state, and its text for search.

Queries only; the indexer (`reader.services.library`) decides what to write.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.store.database import transaction

_ROW_COLUMNS = "id, path, title, source, date, words, read, content_hash"


@dataclass(slots=True)
class ArticleRow:
    """One article as the list knows it; `words` is None until the file has been read."""

    id: int
    path: str
    title: str
    source: str = ""
    date: str = ""
    words: int | None = None
    read: bool = False
    content_hash: str = ""

    @property
    def file(self) -> Path:
        return Path(self.path)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)


@dataclass(frozen=True, slots=True)
class KnownFile:
    """What the index remembers of a file, to tell whether it changed on disk."""

    id: int
    size: int
    mtime_ns: int
    gone: bool
    problem: str | None


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the indexer learnt from reading one file."""

    size: int
    mtime_ns: int
    content_hash: str
    title: str
    source: str
    date: str
    words: int
    body: str


def path_key(path: Path | str) -> str:
    """How a path is stored: absolute, not resolved (a link's own name is the article's)."""
    return os.path.abspath(path)


def _row(values: tuple) -> ArticleRow:
    id_, path, title, source, date, words, read, content_hash = values
    return ArticleRow(
        id_, path, title or Path(path).stem, source, date, words, bool(read), content_hash
    )


def roots_clause(roots: Iterable[Path | str]) -> tuple[str, list[str]]:
    """SQL that keeps rows under the given folders or equal to the given files (an index range
    scan on `path`, not a LIKE over every row)."""
    parts, params = [], []
    above = chr(ord(os.sep) + 1)
    for root in roots:
        key = path_key(root).rstrip(os.sep) or os.sep
        parts.append("(path = ? OR (path > ? AND path < ?))")
        params += [key, key + os.sep, key + above]
    return ("(" + " OR ".join(parts) + ")" if parts else "0"), params


class ArticleStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # ----------------------------------------------------------------- reading

    def rows_under(self, roots: list[Path]) -> list[ArticleRow]:
        """The articles under `roots` that can be shown, in path order."""
        where, params = roots_clause(roots)
        query = (
            f"SELECT {_ROW_COLUMNS} FROM articles WHERE gone = 0 AND problem IS NULL AND {where} "
            "ORDER BY path"
        )
        return [_row(values) for values in self.conn.execute(query, params)]

    def problems_under(self, roots: list[Path]) -> list[tuple[str, str]]:
        where, params = roots_clause(roots)
        query = (
            f"SELECT path, problem FROM articles WHERE gone = 0 AND problem IS NOT NULL AND {where}"
        )
        return list(self.conn.execute(query, params))

    def known_under(self, roots: list[Path]) -> dict[str, KnownFile]:
        where, params = roots_clause(roots)
        query = f"SELECT path, id, size, mtime_ns, gone, problem FROM articles WHERE {where}"
        return {
            path: KnownFile(id_, size, mtime, bool(gone), problem)
            for path, id_, size, mtime, gone, problem in self.conn.execute(query, params)
        }

    def get(self, article_id: int) -> ArticleRow | None:
        values = self.conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _row(values) if values else None

    def is_under(self, article_id: int, roots: list[Path]) -> bool:
        """Whether a readable article of the index lies under `roots`."""
        where, params = roots_clause(roots)
        query = f"SELECT 1 FROM articles WHERE id = ? AND gone = 0 AND problem IS NULL AND {where}"
        return self.conn.execute(query, [article_id, *params]).fetchone() is not None

    def position_of(self, article_id: int) -> int | None:
        found = self.conn.execute(
            "SELECT position FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return found[0] if found else None

    def moved_from(self, content_hash: str, article_id: int) -> tuple[int, str] | None:
        """An older row of the same content whose file is no longer there, and the path it
        had: the article was moved (or renamed) and keeps its identity and state."""
        rows = self.conn.execute(
            "SELECT id, path, gone FROM articles WHERE content_hash = ? AND id != ? "
            "ORDER BY updated DESC",
            (content_hash, article_id),
        )
        for other, path, gone in rows:
            if gone or not os.path.lexists(path):
                return other, path
        return None

    # ----------------------------------------------------------------- writing (in a transaction)

    def add_paths(self, paths: list[str]) -> list[ArticleRow]:
        """Rows for files seen for the first time: named by file until they are read."""
        now = time.time()
        rows = []
        for path in paths:
            cursor = self.conn.execute(
                "INSERT INTO articles (path, updated) VALUES (?, ?) "
                "ON CONFLICT (path) DO UPDATE SET gone = 0 RETURNING id",
                (path, now),
            )
            rows.append(ArticleRow(cursor.fetchone()[0], path, Path(path).stem))
        return rows

    def save_parsed(self, article_id: int, path: str, parsed: Parsed) -> None:
        self.conn.execute(
            "UPDATE articles SET path = ?, size = ?, mtime_ns = ?, content_hash = ?, title = ?, "
            "source = ?, date = ?, words = ?, problem = NULL, gone = 0, updated = ? WHERE id = ?",
            (
                path,
                parsed.size,
                parsed.mtime_ns,
                parsed.content_hash,
                parsed.title,
                parsed.source,
                parsed.date,
                parsed.words,
                time.time(),
                article_id,
            ),
        )
        self.conn.execute("DELETE FROM article_text WHERE rowid = ?", (article_id,))
        self.conn.execute(
            "INSERT INTO article_text (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, parsed.title, parsed.body),
        )

    def save_problem(self, article_id: int, size: int, mtime_ns: int, problem: str) -> None:
        self.conn.execute(
            "UPDATE articles SET size = ?, mtime_ns = ?, problem = ?, updated = ? WHERE id = ?",
            (size, mtime_ns, problem, time.time(), article_id),
        )

    def forget(self, article_id: int) -> None:
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def mark_gone(self, ids: Iterable[int]) -> None:
        self.conn.executemany("UPDATE articles SET gone = 1 WHERE id = ?", ((i,) for i in ids))

    def set_read(self, ids: list[int], read: bool) -> None:
        """Read marks of many articles (their positions kept), in one transaction."""
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE articles SET read = ? WHERE id = ?", [(int(read), id_) for id_ in ids]
            )

    def set_state(self, states: dict[int, tuple[int, bool]]) -> None:
        """Reading positions and read marks, all in one transaction."""
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE articles SET position = ?, read = ? WHERE id = ?",
                [(position, int(read), id_) for id_, (position, read) in states.items()],
            )
