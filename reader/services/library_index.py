"""The analysis index as the app asks it: an article's analysis when it opens, the library's
entities and quotations for their screens, the articles naming an entity for the filter, and
merges and splits by hand. No Textual; each call opens its own connection, so any worker
thread may ask (a connection costs about a millisecond, a screen's query a few)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from reader.analysis.model import Analysis
from reader.corpus.model import Article
from reader.output import safe
from reader.store.analysis_index import AnalysisIndex, IndexedAnalysis, Progress
from reader.store.database import StoreError, describe, open_existing, problem_kind, transaction
from reader.store.library_names import Alias, LibraryNames
from reader.store.library_views import EntityRow, LibraryViews, Listing, QuotationRow

__all__ = [
    "Alias",
    "EntityRow",
    "IndexedAnalysis",
    "LibraryIndex",
    "Listing",
    "Progress",
    "QuotationRow",
    "StoreError",
    "quotations_markdown",
]

Result = TypeVar("Result")


class LibraryIndex:
    def __init__(self, database: Callable[[], Path], roots: list[Path]) -> None:
        """`database`: where the database is now (a scratch copy after a failure to write)."""
        self._database = database
        self.roots = roots

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        conn = open_existing(self._database())
        try:
            yield conn
        finally:
            conn.close()

    def _ask(self, question: Callable[[sqlite3.Connection], Result]) -> Result:
        """`question` answered on a connection of this thread; fails only with `StoreError`."""
        try:
            with self._connection() as conn:
                return question(conn)
        except sqlite3.Error as error:
            raise StoreError(describe(error, self._database()), problem_kind(error)) from error

    # ----------------------------------------------------------------- one article

    def analysis_of(self, article_id: int, article: Article, engine_key: str):
        """The article's analysis from the index (None: not analysed for this text yet)."""
        return self._ask(
            lambda conn: AnalysisIndex(conn).analysis_of(
                article_id, article.content_hash, engine_key, article.source
            )
        )

    def claim(self, article_id: int) -> None:
        """The reader pane analyses this article: the background analyser skips it."""
        from reader.services.analysis_index import pane_owner

        self._ask(lambda conn: AnalysisIndex(conn).claim_one(article_id, pane_owner(), 60.0))

    def save(self, article_id: int, article: Article, engine_key: str, analysis: Analysis) -> None:
        self._ask(
            lambda conn: AnalysisIndex(conn).save(
                article_id, article.content_hash, engine_key, analysis
            )
        )

    def problems(self) -> list[str]:
        """Why articles could not be analysed, most common first."""
        return self._ask(lambda conn: AnalysisIndex(conn).problems())

    def progress(self, engine_key: str) -> Progress:
        return self._ask(lambda conn: AnalysisIndex(conn).progress(engine_key, self.roots))

    # ----------------------------------------------------------------- the library

    def entities(self, text: str = "", label: str | None = None, order: str = "articles"):
        return self._ask(lambda conn: LibraryViews(conn).entities(self.roots, text, label, order))

    def quotations(
        self,
        text: str = "",
        speaker_id: int | None = None,
        order: str = "date",
        limit: int = 2000,
    ):
        return self._ask(
            lambda conn: LibraryViews(conn).quotations(
                self.roots, text=text, speaker_id=speaker_id, order=order, limit=limit
            )
        )

    def articles_naming(self, name: str) -> set[int]:
        def find(conn: sqlite3.Connection) -> set[int]:
            views = LibraryViews(conn)
            return views.articles_naming(views.entity_named(name))

        return self._ask(find)

    def articles_counts(self, analysis: Analysis) -> dict[tuple[str, str], int]:
        """For each entity of an analysis (named as the library names it), how many of the
        library's articles name it."""
        names = {(mention.label, mention.entity) for mention in analysis.mentions}

        def count(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
            found = {}
            for label, name in names:
                row = conn.execute(
                    "SELECT articles FROM entities WHERE name = ? AND label = ?", [name, label]
                ).fetchone()
                if row is not None:
                    found[(label, name)] = row[0]
            return found

        return self._ask(count)

    def aliases(self, entity_id: int) -> list[Alias]:
        return self._ask(lambda conn: LibraryNames(conn).aliases(entity_id))

    def merge(self, source_id: int, target_id: int) -> None:
        """Raises ValueError when the two are of different kinds."""

        def merge(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                LibraryNames(conn).merge(source_id, target_id)

        self._ask(merge)

    def split(self, entity_id: int, alias: str) -> None:
        def split(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                LibraryNames(conn).split(entity_id, alias)

        self._ask(split)


def quotations_markdown(rows, speaker: str) -> str:
    """Quotations as Markdown, each a block quote with its citation (speaker, article, date,
    file and offset) under it."""
    heading = f"# Quotations of {speaker}" if speaker else "# Quotations"
    lines = [safe(heading), ""]
    for row in rows:
        words = " ".join(row.words.split())
        title = " ".join((row.title or Path(row.path).stem).split())
        lines.append(f"> {safe(words)}")
        lines.append("")
        cited = [row.speaker or "unknown speaker", f"“{title}”"]
        if row.date:
            cited.append(row.date)
        cited.append(f"{row.path}, character {row.start}")
        lines.append("— " + safe(", ".join(cited)))
        lines.append("")
    return "\n".join(lines)
