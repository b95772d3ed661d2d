"""The library: keeps the articles table in step with the files on disk.

The indexer stats every file under the roots (cheap), reads only new or changed ones, marks
vanished ones gone, recognises a moved file by its content hash (it keeps its row, so its state
and bookmarks follow it), and writes in batches, each one transaction. It runs in a worker thread
with its own connection and reports each batch through a callback, so the list fills and
updates while it works; the second start shows the list from the table before reading any file.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.discover import (
    FoundFile,
    Skipped,
    UnreadableArticle,
    iter_files,
    load_article,
)
from reader.corpus.model import Article, BlockKind
from reader.store.articles import ArticleRow, ArticleStore, KnownFile, Parsed, path_key
from reader.store.database import open_existing, transaction

__all__ = ["ArticleRow", "IndexUpdate", "Indexer", "load_rows", "parsed_summary", "path_key"]

_BATCH_SECONDS = 0.25
_BATCH_ARTICLES = 400
_FIRST_PAINT_WAIT = 1.0
_EARLY_FILES = 64
_REPORT_ROWS = 5000


@dataclass(slots=True)
class IndexUpdate:
    """One batch of the index's changes, for the list: rows to add or refresh, rows to drop."""

    rows: list[ArticleRow] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path)
    done: int = 0  # files read so far in this run
    total: int = 0  # files this run has to read
    finished: bool = False


def parsed_summary(article: Article, size: int, mtime_ns: int) -> Parsed:
    # The title is a column of its own (weighed more); the body is every other shown block.
    body = "\n\n".join(
        block.text for block in article.blocks if block.visible and block.kind != BlockKind.TITLE
    )
    meta = article.metadata
    return Parsed(
        size,
        mtime_ns,
        article.content_hash,
        article.title,
        meta.source,
        meta.date,
        article.word_count,
        body,
    )


def load_rows(database: Path, roots: list[Path]) -> tuple[list[ArticleRow], list[Skipped]]:
    """What the index already holds for `roots`: the list at start-up, before any file is read."""
    conn = open_existing(database)
    try:
        store = ArticleStore(conn)
        rows = store.rows_under(roots)
        skipped = [Skipped(Path(path), reason) for path, reason in store.problems_under(roots)]
    finally:
        conn.close()
    return rows, skipped


class Indexer:
    def __init__(self, database: Path, roots: list[Path]) -> None:
        self.database = database
        self.roots = roots

    def run(
        self,
        report: Callable[[IndexUpdate], None],
        cancelled: Callable[[], bool] = lambda: False,
        first_paint: threading.Event | None = None,
    ) -> IndexUpdate:
        """Bring the index in step with the disk; returns the totals of the run.

        With `first_paint`, files are walked and read only once it is set (or after a second):
        the first article on screen does not share the processor with the walk."""
        conn = open_existing(self.database)
        try:
            return self._run(ArticleStore(conn), report, cancelled, first_paint)
        finally:
            conn.close()

    def _run(self, store, report, cancelled, first_paint) -> IndexUpdate:
        known = store.known_under(self.roots)
        if first_paint is not None and known:
            first_paint.wait(_FIRST_PAINT_WAIT)
        skipped: list[Skipped] = []
        files = iter_files(self.roots, skipped)
        early: list[FoundFile] = []
        if not known:
            # A first start: list the first files found at once, so an article is on screen
            # while the rest of the folders are walked.
            early = list(itertools.islice(files, _EARLY_FILES))
            if early:
                with transaction(store.conn):
                    rows = store.add_paths([path_key(file.path) for file in early])
                report(IndexUpdate(rows=rows, total=len(rows)))
                known = {row.path: KnownFile(row.id, -1, -1, False, None) for row in rows}
                if first_paint is not None:
                    first_paint.wait(_FIRST_PAINT_WAIT)
        on_disk = {
            path_key(file.path): (file.size, file.mtime_ns)
            for file in itertools.chain(early, files)
        }

        to_read: list[tuple[int, str]] = []  # (row id, path), in path order
        fresh_paths, fresh_ids = [], {known[path_key(file.path)].id for file in early}
        for path in sorted(on_disk):
            before = on_disk[path]
            row = known.get(path)
            if row is None:
                fresh_paths.append(path)
            elif row.gone or (row.size, row.mtime_ns) != before:
                to_read.append((row.id, path))
            elif row.problem:
                skipped.append(Skipped(Path(path), row.problem))
        vanished = [row.id for path, row in known.items() if path not in on_disk and not row.gone]

        total = len(to_read) + len(fresh_paths)
        first = IndexUpdate(removed=vanished, skipped=skipped, total=total)
        with transaction(store.conn):
            store.mark_gone(vanished)
            added = store.add_paths(fresh_paths)
        for row in added:
            fresh_ids.add(row.id)
            to_read.append((row.id, row.path))
        to_read.sort(key=lambda item: item[1])
        # In chunks, so the list takes each in a few milliseconds between frames.
        first.rows = added[:_REPORT_ROWS]
        report(first)
        for start in range(_REPORT_ROWS, len(added), _REPORT_ROWS):
            report(IndexUpdate(rows=added[start : start + _REPORT_ROWS], total=first.total))

        update = IndexUpdate(total=first.total)
        batch: list[tuple[int, str, tuple[int, int], Parsed | Skipped]] = []
        flushed = time.monotonic()
        for article_id, path in to_read:
            if cancelled():
                break
            stat = on_disk[path]
            batch.append((article_id, path, stat, self._read(path, stat)))
            update.done += 1
            if len(batch) >= _BATCH_ARTICLES or time.monotonic() - flushed > _BATCH_SECONDS:
                self._write(store, batch, fresh_ids, update)
                report(update)
                update = IndexUpdate(done=update.done, total=update.total)
                batch, flushed = [], time.monotonic()
        self._write(store, batch, fresh_ids, update)
        update.finished = not cancelled()
        report(update)
        return update

    @staticmethod
    def _read(path: str, stat: tuple[int, int]) -> Parsed | Skipped:
        try:
            article = load_article(Path(path))
        except UnreadableArticle as error:
            return Skipped(Path(path), str(error))
        return parsed_summary(article, *stat)

    @staticmethod
    def _write(store: ArticleStore, batch, fresh_ids: set[int], update: IndexUpdate) -> None:
        with transaction(store.conn):
            for article_id, path, stat, result in batch:
                if isinstance(result, Skipped):
                    store.save_problem(article_id, *stat, result.reason)
                    update.removed.append(article_id)
                    update.skipped.append(result)
                    continue
                keep = article_id
                if article_id in fresh_ids:
                    moved = store.moved_from(result.content_hash, article_id)
                    if moved is not None:
                        # The same text under a new name: the old row (its state, its
                        # bookmarks) takes the new path; the row made for the name goes.
                        keep, old_path = moved
                        store.forget(article_id)
                        update.removed.append(article_id)
                        update.moved.append((old_path, path))
                store.save_parsed(keep, path, result)
                update.rows.append(
                    ArticleRow(
                        keep,
                        path,
                        result.title,
                        result.source,
                        result.date,
                        result.words,
                        False,
                        result.content_hash,
                    )
                )
            # The read marks of refreshed rows are the table's, not the defaults above.
            ids = [row.id for row in update.rows]
            read: set[int] = set()
            for offset in range(0, len(ids), 500):
                chunk = ids[offset : offset + 500]
                marks = store.conn.execute(
                    "SELECT id FROM articles WHERE read = 1 AND id IN "
                    f"({','.join('?' * len(chunk))})",
                    chunk,
                )
                read.update(id_ for (id_,) in marks)
            for row in update.rows:
                row.read = row.id in read
