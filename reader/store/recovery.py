"""Damage found after opening: keep what can be read, rebuild the rest from the files.

The database holds two kinds of thing. What only the user made (bookmarks, reading positions,
read marks, small app values) cannot be had again; the article index and its search text are a
cache of the files on disk. So a database SQLite calls malformed is checked (`quick_check`);
if it is damaged, every row of the first kind that can still be read is copied into a new
database, the articles keep their rows (so bookmarks stay attached) with their sizes unknown,
so the indexer reads every file again, and the damaged file is set aside, never deleted.

`salvage_bookmarks` reads the bookmarks of any database file: the live one, one set aside, one
from another machine; `reader bookmarks import` uses it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.store.database import (
    StoreError,
    connect_read_only,
    open_database,
    problem_kind,
    set_aside,
    transaction,
)

SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE = 500
# Past an unreadable stretch of a table, rows are looked for this far on (doubling each time).
_SKIP_LIMIT = 1 << 40

_ARTICLE_COLUMNS = ("id", "path", "content_hash", "title", "source", "date", "read", "position")
_BOOKMARK_COLUMNS = (
    "id key article_id path content_hash start end exact prefix suffix text speaker note "
    "title source date orphan created updated"
).split()


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def readable_rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    """Every row of `table` that can be read, in rowid order: a page of rows at a time, and
    past a damaged stretch, on from ever further rowids until rows can be read again."""
    query = (
        f"SELECT rowid, {_quoted(columns)} FROM {table} "
        f"WHERE rowid > ? ORDER BY rowid LIMIT {_PAGE}"
    )
    after = -(1 << 62)
    skip = 1
    while after < _SKIP_LIMIT:
        try:
            rows = conn.execute(query, (after,)).fetchall()
        except sqlite3.DatabaseError:
            if after < 0:
                after = 0
            after += skip
            skip *= 2
            continue
        if not rows:
            return
        skip = 1
        for row in rows:
            yield row[1:]
        after = rows[-1][0]


@dataclass(slots=True)
class Salvage:
    """What only the user made, as read from a database (damaged or not)."""

    bookmarks: list[dict]
    articles: list[dict]
    app_state: list[tuple[str, str]]


def salvage(conn: sqlite3.Connection) -> Salvage:
    articles = _rows_as_dicts(conn, "articles", _ARTICLE_COLUMNS)
    if not articles:  # a database of the first schema kept reading state by path
        articles = _rows_as_dicts(conn, "reading_state", _ARTICLE_COLUMNS)
    return Salvage(
        _rows_as_dicts(conn, "bookmarks", _BOOKMARK_COLUMNS),
        articles,
        [(row["key"], row["value"]) for row in _rows_as_dicts(conn, "app_state", ("key", "value"))],
    )


def _rows_as_dicts(conn: sqlite3.Connection, table: str, wanted) -> list[dict]:
    """The readable rows of `table`, with those of the `wanted` columns it has."""
    present = set(_columns_of(conn, table))
    columns = [name for name in wanted if name in present]
    if not columns:
        return []
    return [dict(zip(columns, row, strict=True)) for row in readable_rows(conn, table, columns)]


def salvage_bookmarks(path: Path) -> list[dict]:
    """The bookmarks (as stored, column by column) that can be read from the database at
    `path`, damaged or not, of any schema that had them. Raises `StoreError`."""
    if not is_sqlite_file(path):
        raise StoreError(f"{path} is not a reader database", "other")
    conn = connect_read_only(path)
    try:
        return salvage(conn).bookmarks
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class Repair:
    kept_as: Path  # the damaged file, set aside
    bookmarks: int
    articles: int

    def message(self) -> str:
        return (
            f"The saved state was damaged: {self.bookmarks} bookmarks and the reading state of "
            f"{self.articles} articles were copied into a new database, and the article index is "
            f"being rebuilt from the files. The damaged file is kept as {self.kept_as.name}."
        )


def check(path: Path) -> bool:
    """True if SQLite finds the database sound (`PRAGMA quick_check`)."""
    conn = connect_read_only(path)
    try:
        return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as error:
        if problem_kind(error) == "corrupt":
            return False
        raise
    finally:
        conn.close()


def repair(path: Path) -> Repair | None:
    """Rebuild a damaged database (see the module's docstring); None if it is sound. Every
    connection to it must be closed first. Raises `StoreError` if it cannot be done."""
    if check(path):
        return None
    source = connect_read_only(path)
    try:
        saved = salvage(source)
    finally:
        source.close()
    fresh = path.with_name(path.name + ".rebuilding")
    for suffix in ("", "-wal", "-shm"):
        Path(str(fresh) + suffix).unlink(missing_ok=True)
    try:
        conn = open_database(fresh)
        try:
            _write(conn, saved)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        kept = set_aside(path)
        os.replace(fresh, path)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"could not rebuild {path}: {error}", problem_kind(error)) from error
    return Repair(kept, len(saved.bookmarks), len(saved.articles))


def _write(conn: sqlite3.Connection, saved: Salvage) -> None:
    with transaction(conn):
        for article in saved.articles:
            names = [name for name in article if name in _ARTICLE_COLUMNS]
            # Size unknown: the indexer reads the file again and fills its index entry.
            conn.execute(
                f"INSERT OR IGNORE INTO articles ({_quoted(names)}, updated) "
                f"VALUES ({', '.join('?' for _ in names)}, 0)",
                [article[name] for name in names],
            )
        for bookmark in saved.bookmarks:
            names = list(bookmark)
            conn.execute(
                f"INSERT OR IGNORE INTO bookmarks ({_quoted(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [bookmark[name] for name in names],
            )
        # A bookmark whose article row was lost finds it again by path (see BookmarkStore.adopt).
        conn.execute(
            "UPDATE bookmarks SET article_id = NULL "
            "WHERE article_id NOT IN (SELECT id FROM articles)"
        )
        conn.executemany(
            "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", saved.app_state
        )
