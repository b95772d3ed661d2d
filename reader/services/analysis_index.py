"""The background analyser: brings the analysis index in step with the library.

It claims the articles that have no analysis by the running engine for their present text,
analyses them in a pool of processes (the machine's cores, at a lower priority than the app,
never under the app's interpreter lock), and writes each result as it comes, one transaction
an article. So a quit or a `kill -9` loses at most the articles being analysed at that moment,
the next run starts where this one stopped, and two copies of the app share the work (each
claims what it analyses; a claim lapses if its copy dies). An article whose analysis fails is
marked with the reason and skipped; the rest go on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import socket
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.engine import Engine, get_engine
from reader.analysis.model import MAX_ANALYSED_CHARS, Analysis
from reader.corpus.discover import UnreadableArticle, load_article
from reader.store.analysis_index import AnalysisIndex, PendingArticle, Progress
from reader.store.database import StoreError, describe, open_existing, problem_kind

__all__ = ["BackgroundAnalyser", "Progress", "analyse_file", "engine_key"]

_CLAIM_BATCH = 64
_LEASE_SECONDS = 60.0  # renewed while the copy works; a copy on another machine that dies
_RENEW_SECONDS = 10.0  # frees its claims this long after
_REPORT_SECONDS = 0.25
_PRIORITY = 10  # `nice` of the analysing processes: the app's keys come first


def engine_key(engine: Engine) -> str:
    """What the index records an analysis was made by: the engine and its version."""
    return f"{engine.name}-{engine.version}"


@dataclass(frozen=True, slots=True)
class Task:
    """One article to analyse and keep, as an analysing process is handed it."""

    engine: Engine | str  # a name in another process (it makes its own), else the engine
    database: str
    key: str  # the engine and version the index records
    article_id: int
    path: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one article: kept (`saved`), a `problem` (kept too), or neither (it
    changed on disk since it was indexed). `store_error`: the index could not be written
    (message and kind, as `StoreError` has them: an exception may not cross processes whole).
    """

    saved: bool = False
    problem: str | None = None
    store_error: tuple[str, str] | None = None


_ENGINES: dict[str, Engine] = {}  # in an analysing process: one engine, made once
_CONNECTIONS = threading.local()  # each analysing process (or thread): its own connection


def _quiet_and_low() -> None:
    """In an analysing process: below the app in priority, and nothing it might print
    reaches the terminal the app draws on."""
    with contextlib.suppress(OSError, AttributeError):  # not everywhere; only a courtesy
        os.nice(_PRIORITY)
    with contextlib.suppress(OSError):
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        os.close(quiet)


def analyse_file(engine: Engine, path: str, content_hash: str) -> Analysis | str | None:
    """Read and analyse one article: its analysis, why it cannot be had, or None when the
    file changed since it was indexed (the indexer will see it again)."""
    try:
        article = load_article(Path(path))
    except UnreadableArticle as error:
        return str(error)
    if article.content_hash != content_hash:
        return None
    if len(article.source) > MAX_ANALYSED_CHARS:
        return f"longer than {MAX_ANALYSED_CHARS:,} characters"
    try:
        return engine.analyze(article)
    except Exception as error:  # an engine fault costs this article, never the rest
        return f"{type(error).__name__}: {error}"


def analyse_and_keep(task: Task) -> Outcome:
    """Analyse one article and write the result to the index, here, in the analysing
    process: the app's process only hands out the work (unpickling and writing thousands of
    mentions there would hold its interpreter lock, and its keys would wait)."""
    engine = task.engine
    if isinstance(engine, str):
        if engine not in _ENGINES:
            _ENGINES[engine] = get_engine(engine)
        engine = _ENGINES[engine]
    found = analyse_file(engine, task.path, task.content_hash)
    if found is None:
        return Outcome()
    try:
        index = _index(task.database)
        at = (task.article_id, task.content_hash, task.key)
        if isinstance(found, str):
            index.save_problem(*at, found)
            return Outcome(problem=found)
        return Outcome(saved=index.save(*at, found))
    except sqlite3.Error as error:
        return Outcome(store_error=(describe(error, Path(task.database)), problem_kind(error)))


def _index(database: str) -> AnalysisIndex:
    conn = getattr(_CONNECTIONS, "conn", None)
    if conn is None or getattr(_CONNECTIONS, "database", None) != database:
        if conn is not None:
            conn.close()
        conn = _CONNECTIONS.conn = open_existing(Path(database))
        _CONNECTIONS.database = database
    return AnalysisIndex(conn)


def process_pool(workers: int) -> Executor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import resource_tracker

    # The helper process multiprocessing starts first is handed this process's standard
    # error, which inside the app is Textual's (no file: `fileno()` is -1, and the start
    # fails): it gets the null device instead (it only ever warns of leaks).
    saved = sys.stderr
    try:
        with open(os.devnull, "w") as quiet:
            sys.stderr = quiet
            resource_tracker.ensure_running()
    finally:
        sys.stderr = saved
    # "spawn": a forked copy of a threaded app may hold another thread's locks.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet_and_low)


class BackgroundAnalyser:
    def __init__(
        self,
        database: Path,
        roots: list[Path],
        engine: Engine,
        engine_name: str | None = None,
        workers: int | None = None,
        executor: Callable[[int], Executor] | None = None,
    ) -> None:
        """`engine_name`: what the analysing processes make their engine from; without it
        the `engine` itself is used (a thread pool then, as for the tests' fake engines)."""
        self.database = database
        self.roots = roots
        self.engine = engine
        self.engine_name = engine_name
        self.key = engine_key(engine)
        self.workers = workers or os.cpu_count() or 1
        self.executor = executor or (process_pool if engine_name else ThreadPoolExecutor)
        # This run, as its claims name it: the machine and process, so a copy on this machine
        # that was killed is known dead at once.
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def progress(self) -> Progress:
        conn = open_existing(self.database)
        try:
            return AnalysisIndex(conn).progress(self.key, self.roots)
        finally:
            conn.close()

    def run(
        self,
        report: Callable[[Progress], None] = lambda progress: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Progress:
        """Analyse everything pending under the roots; returns where the index stands.
        Fails with `StoreError` (its `kind` says how) when the index cannot be used."""
        try:
            return self._run(report, cancelled)
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.database), problem_kind(error)) from error

    def _run(self, report, cancelled) -> Progress:
        conn = open_existing(self.database)
        index = AnalysisIndex(conn)
        try:
            progress = index.progress(self.key, self.roots)
            report(progress)
            if progress.analysed + progress.failed < progress.total and not cancelled():
                self._analyse(index, progress, report, cancelled)
            return index.progress(self.key, self.roots)
        finally:
            try:
                index.release(self.owner)
            finally:
                conn.close()

    def _analyse(self, index: AnalysisIndex, progress: Progress, report, cancelled) -> None:
        run = _Run(self, index, progress)
        renewed = reported = time.monotonic()
        index.free_claims_of_the_dead(owner_is_alive)
        try:
            while not cancelled():
                if time.monotonic() - renewed > _RENEW_SECONDS:
                    index.renew(self.owner, _LEASE_SECONDS)
                    renewed = time.monotonic()
                if not run.exhausted and len(run.in_flight) < self.workers * 4:
                    run.claim_more()
                if not run.in_flight:
                    if run.exhausted:
                        break
                    continue  # a batch of copies, each taken from its twin: claim on
                done, _pending = wait(run.in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    run.finished(future)
                if time.monotonic() - reported > _REPORT_SECONDS:
                    report(Progress(run.analysed, progress.total, run.failed, progress.stale))
                    reported = time.monotonic()
        finally:
            _stop(run.pool, wait_for_them=not cancelled())


class _Run:
    """One pass of the analyser: what is claimed, in flight, and done."""

    def __init__(self, analyser: BackgroundAnalyser, index: AnalysisIndex, progress: Progress):
        self.analyser, self.index = analyser, index
        self.pool = analyser.executor(analyser.workers)
        self.which: Engine | str = analyser.engine_name or analyser.engine
        self.in_flight: dict[Future, PendingArticle] = {}
        # Articles whose text is being analysed for another (a copy): they take its result.
        self.twins: dict[str, list[PendingArticle]] = {}
        self.after, self.exhausted = 0, False
        self.analysed, self.failed = progress.analysed, progress.failed

    def claim_more(self) -> None:
        analyser, index = self.analyser, self.index
        claimed = index.claim(
            analyser.key, analyser.roots, analyser.owner, self.after, _CLAIM_BATCH, _LEASE_SECONDS
        )
        self.exhausted = len(claimed) < _CLAIM_BATCH
        for article in claimed:
            if article.content_hash in self.twins:
                self.twins[article.content_hash].append(article)
            elif index.copy_from_twin(article.id, article.content_hash, analyser.key):
                self.analysed += 1
            else:
                self.twins[article.content_hash] = []
                task = Task(
                    self.which,
                    str(analyser.database),
                    analyser.key,
                    article.id,
                    article.path,
                    article.content_hash,
                )
                self.in_flight[self._submit(task)] = article
        self.after = claimed[-1].id if claimed else self.after

    def _submit(self, task: Task) -> Future:
        try:
            return self.pool.submit(analyse_and_keep, task)
        except (OSError, ValueError):
            # No process could be started (no file descriptors left, a standard error that
            # is not a file): analysed in a thread of this process instead, slower.
            _stop(self.pool, wait_for_them=False)
            self.pool, self.which = ThreadPoolExecutor(1), self.analyser.engine
            return self.pool.submit(analyse_and_keep, dataclasses.replace(task, engine=self.which))

    def finished(self, future: Future) -> None:
        article = self.in_flight.pop(future)
        outcome: Outcome = future.result()  # a pool that broke is the caller's to report
        if outcome.store_error is not None:
            raise StoreError(*outcome.store_error)
        key, index = self.analyser.key, self.index
        twins = self.twins.pop(article.content_hash, [])
        if outcome.saved:
            self.analysed += 1
            for twin in twins:
                self.analysed += index.copy_from_twin(twin.id, twin.content_hash, key)
        elif outcome.problem is not None:
            self.failed += 1
            for failed in twins:
                index.save_problem(failed.id, failed.content_hash, key, outcome.problem)
                self.failed += 1


def pane_owner() -> str:
    """The claims of this copy's reader pane (freed when it saves, or when the copy dies)."""
    return f"{socket.gethostname()}:{os.getpid()}:pane"


def owner_is_alive(owner: str) -> bool | None:
    """Whether the copy that made a claim still runs: known only on this machine (None
    elsewhere: its lease says)."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return None
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def _stop(pool: Executor, wait_for_them: bool) -> None:
    if not wait_for_them:
        # A quit never waits for an analysis under way: its processes are stopped (3.11's
        # executor has no public way to stop a running task). Their articles stay pending.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=wait_for_them, cancel_futures=True)
