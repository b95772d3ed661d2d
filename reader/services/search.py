"""Search across every article and bookmark note, for the app and the command line.

A search runs on its own connection (any thread), can be stopped at once (SQLite's progress
handler asks `cancelled` every few thousand steps, so a quit or a newer query never waits on
it), gives up after `TIME_LIMIT`, and takes at most `MAX_TERMS` words of a query: a page of
pasted text would otherwise keep FTS5 busy for minutes. Errors are `StoreError`s.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.store.bookmarks import Bookmark, BookmarkStore
from reader.store.database import StoreError, describe, open_existing, problem_kind
from reader.store.search_index import (
    HIT_END,
    HIT_START,
    SearchHit,
    Term,
    plain_words,
    query_terms,
    search,
    was_interrupted,
)

__all__ = [
    "HIT_END",
    "HIT_START",
    "SearchCancelled",
    "SearchHit",
    "SearchResults",
    "SearchService",
    "Term",
    "capped",
    "query_terms",
]

MAX_TERMS = 16
TIME_LIMIT = 10.0  # seconds
_STEPS = 20_000  # SQLite virtual-machine steps between two looks at `cancelled`
_WORD = re.compile(r"\S+")


class SearchCancelled(Exception):
    """The search was stopped: a newer one replaced it, or the app is closing."""


@dataclass(slots=True)
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    notes: list[tuple[Bookmark, str]] = field(default_factory=list)  # bookmark, snippet
    capped: bool = False  # the query was cut to its first MAX_TERMS words


def capped(query: str) -> tuple[str, bool]:
    """The query, or its first `MAX_TERMS` words as plain words if it is longer."""
    if len(_WORD.findall(query)) <= MAX_TERMS:
        return query, False
    words = plain_words(query).split(" ")[:MAX_TERMS]
    return " ".join(words), True


class SearchService:
    def __init__(self, database: Path, on_damage: Callable[[BaseException], None] | None = None):
        self.database = database
        self._on_damage = on_damage

    def find(
        self,
        query: str,
        roots: list[Path] | None,
        *,
        limit: int = 50,
        notes: int = 0,
        prefix_query: str | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SearchResults:
        """Articles (under `roots`) matching the query, best first, and up to `notes`
        bookmarks whose note or passage match. With `prefix_query` (the query as it is being
        typed, its last word a prefix) that is searched first, the query itself if it finds
        nothing. Raises `SearchCancelled` or `StoreError`."""
        query, cut = capped(query)
        typed, _ = capped(prefix_query) if prefix_query is not None else (query, False)
        deadline = time.monotonic() + TIME_LIMIT

        def stop() -> int:
            return int(cancelled() or time.monotonic() > deadline)

        try:
            conn = open_existing(self.database)
        except sqlite3.Error as error:
            raise self._error(error) from error
        conn.set_progress_handler(stop, _STEPS)
        try:
            hits = search(conn, typed, roots, limit=limit)
            if not hits and typed != query:
                hits = search(conn, query, roots, limit=limit)
            found = BookmarkStore(conn).search_notes(typed, notes) if notes else []
        except sqlite3.OperationalError as error:
            if was_interrupted(error):
                if cancelled():
                    raise SearchCancelled from error
                raise StoreError(
                    f"the search took over {TIME_LIMIT:.0f} s and was stopped: try fewer or "
                    "rarer words",
                    "other",
                ) from error
            raise self._error(error) from error
        except sqlite3.Error as error:
            raise self._error(error) from error
        finally:
            conn.close()
        return SearchResults(hits, found, cut)

    def _error(self, error: sqlite3.Error) -> StoreError:
        kind = problem_kind(error)
        if kind == "corrupt" and self._on_damage is not None:
            self._on_damage(error)
        return StoreError(f"Search failed: {describe(error, self.database)}", kind)
