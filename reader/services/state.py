"""What the app keeps between runs: reading positions, read marks, small app values, and the door
to the bookmarks, over one database that is never hidden from the user.

Positions are remembered in memory as the reader moves and flushed in one transaction a moment
later (and on switching articles and on exit), so a crash loses at most the last second of
scrolling; a read mark is written at once.

When the data folder's database cannot be used as it is, the app still opens, and says why:
- it cannot be written (a read-only folder, a full disk, a lock held by another program): a
  copy is read into a scratch database, so every bookmark and read mark is shown; bookmark
  writes are refused, each one said;
- it cannot even be read: an empty scratch database for the session, and every bookmark kept
  in it says it lasts only until the app closes.
A scratch database is removed when the app closes. A damaged database found later is
repaired (`repair`): what the user made is copied out, the index is rebuilt from the files.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader.services.bookmarks import BookmarkService
from reader.services.search import SearchService
from reader.store import app_state
from reader.store.articles import ArticleRow, ArticleStore
from reader.store.database import (
    StoreError,
    connect,
    connect_read_only,
    copy_database,
    describe,
    open_database,
    problem_kind,
    set_aside_files,
)
from reader.store.recovery import Repair, repair

__all__ = ["StateKeeper", "StoreError"]

_OFFERED = "offered:"  # app_state keys: set-aside databases the user has been told of


class StateKeeper:
    def __init__(
        self,
        database: Path,
        on_error: Callable[[str], None] | None = None,
        on_damage: Callable[[], None] | None = None,
    ) -> None:
        self.home = database  # the data folder's database, whatever is open
        self.database = database  # the database open now (a scratch one if need be)
        self._conn: sqlite3.Connection | None = None
        self._articles: ArticleStore | None = None
        self._bookmarks: BookmarkService | None = None
        self._pending: dict[int, tuple[int, bool]] = {}
        self._on_error = on_error
        self._on_damage = on_damage
        self._failed = False
        self._scratch: Path | None = None
        # Why nothing may be written to the data folder this session, or None.
        self.read_only: str | None = None
        self.damaged = False

    @property
    def temporary(self) -> bool:
        """A scratch database for this session only (the data folder could not be used)."""
        return self._scratch is not None

    def open(self) -> str | None:
        """Open the database; returns a message for the user if something was wrong."""
        try:
            conn, warning = connect(self.home)
        except StoreError as error:
            return self._open_instead(error)
        self._use(conn)
        return warning

    def _use(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._articles = ArticleStore(conn)
        self._bookmarks = BookmarkService(
            self.database, conn, refuse_writes=self.read_only, on_damage=self._damage
        )

    def _open_instead(self, error: StoreError) -> str | None:
        """The data folder's database cannot be used as it is: show a copy of it, or, if it
        cannot even be read, start an empty scratch database."""
        try:
            self._scratch = Path(tempfile.mkdtemp(prefix="reader-"))
        except OSError as scratch_error:
            return f"Reading positions and bookmarks will not be saved: {error} ({scratch_error})"
        self.database = self._scratch / "reader.db"
        try:
            source = connect_read_only(self.home)
            try:
                conn = copy_database(source, self.database)
            finally:
                source.close()
        except (StoreError, sqlite3.Error):
            try:
                conn = open_database(self.database)
            except sqlite3.Error as scratch_error:
                return (
                    f"Reading positions and bookmarks will not be saved: {error} ({scratch_error})"
                )
            self._use(conn)
            return f"Reading positions and bookmarks will not be saved: {error}"
        self.read_only = f"{error}; nothing can be saved this session"
        self._use(conn)
        return (
            f"{error}. Your bookmarks and reading state are shown, but nothing new can be saved "
            "this session."
        )

    def set_aside_news(self) -> list[Path]:
        """Databases set aside in the data folder that the user has not yet been told of (told
        once: each is then remembered)."""
        found = set_aside_files(self.home.parent)
        news = [path for path in found if self.get_value(_OFFERED + path.name) is None]
        for path in news:
            self.set_value(_OFFERED + path.name, "1")
        return news

    @property
    def is_open(self) -> bool:
        return self._articles is not None

    @property
    def articles(self) -> ArticleStore | None:
        return self._articles

    @property
    def bookmarks(self) -> BookmarkService | None:
        return self._bookmarks

    @property
    def search(self) -> SearchService:
        return SearchService(self.database, on_damage=self._damage)

    def damage_found(self, error: BaseException) -> bool:
        """Whether `error` (from any thread's work on the database) says it is damaged; if
        so the repair is asked for, once."""
        if problem_kind(error) != "corrupt":
            return False
        self._damage(error)
        return True

    def _damage(self, error: BaseException | None = None) -> None:
        if not self.damaged:
            self.damaged = True
            if self._on_damage is not None:
                self._on_damage()

    def _read(self, read: Callable, default=None):
        """A read of the keeper's own; a failure is reported (damage: to be repaired)."""
        if self._conn is None:
            return default
        try:
            return read()
        except sqlite3.Error as error:
            if problem_kind(error) == "corrupt":
                self._damage(error)
            else:
                self._report(f"Could not read the saved state: {describe(error, self.home)}")
            return default

    def article(self, article_id: int) -> ArticleRow | None:
        return self._read(lambda: self._articles.get(article_id))

    def is_under(self, article_id: int, roots: list[Path]) -> bool:
        return bool(self._read(lambda: self._articles.is_under(article_id, roots), False))

    def position_of(self, article_id: int) -> int | None:
        pending = self._pending.get(article_id)
        if pending:
            return pending[0]
        return self._read(lambda: self._articles.position_of(article_id))

    def remember(self, article_id: int, position: int, read: bool) -> None:
        self._pending[article_id] = (position, read)

    def set_read(self, ids: list[int], read: bool) -> None:
        """Read marks of many articles at once (R in the list); pending positions first."""
        self.flush()
        if self._articles is None or self.damaged:
            return
        try:
            self._articles.set_read(ids, read)
        except sqlite3.Error as error:
            if problem_kind(error) == "corrupt":
                self._damage(error)
                return
            self._report(f"Could not save the read marks: {describe(error, self.home)}")

    def flush(self) -> None:
        if self._articles is None or not self._pending or self.damaged:
            return
        try:
            self._articles.set_state(dict(self._pending))
            self._pending.clear()
        except sqlite3.Error as error:
            if problem_kind(error) == "corrupt":
                self._damage(error)
                return
            self._report(f"Could not save reading position: {describe(error, self.home)}")

    def get_value(self, key: str) -> str | None:
        return self._read(lambda: app_state.get_value(self._conn, key))

    def set_value(self, key: str, value: str) -> None:
        if self._conn is None or self.damaged:
            return
        try:
            app_state.set_value(self._conn, key, value)
        except sqlite3.Error as error:
            if problem_kind(error) == "corrupt":
                self._damage(error)
                return
            self._report(f"Could not save state: {describe(error, self.home)}")

    def _report(self, message: str) -> None:
        # Keep what is pending (nothing is dropped) and say so once.
        if not self._failed and self._on_error:
            self._on_error(message)
        self._failed = True

    def suspend(self) -> None:
        """Close the database for a repair (what is pending stays pending)."""
        self._close_connection()

    def repair(self) -> Repair | None:
        """Rebuild the damaged database, once every connection to it is closed (`suspend`;
        file work only, so a worker may run it). Raises `StoreError`."""
        return repair(self.database)

    def reopen(self) -> str | None:
        """Open the database again after a repair and write what was pending."""
        try:
            conn, warning = connect(self.database)
        except StoreError as error:
            return str(error)
        self.damaged = False
        self._use(conn)
        self.flush()
        return warning

    def _close_connection(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = self._articles = self._bookmarks = None

    def close(self) -> None:
        self._close_connection()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
