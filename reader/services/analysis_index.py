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
import os
import socket
import time
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.engine import Engine, get_engine
from reader.analysis.model import MAX_ANALYSED_CHARS, Analysis
from reader.corpus.discover import UnreadableArticle, load_article
from reader.store.analysis_index import AnalysisIndex, PendingArticle, Progress
from reader.store.database import open_existing

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
class Outcome:
    """What became of one article: an analysis, a problem, or None (it changed on disk)."""

    analysis: Analysis | None = None
    problem: str | None = None


_ENGINES: dict[str, Engine] = {}  # in an analysing process: one engine, made once


def _lower_priority() -> None:
    with contextlib.suppress(OSError, AttributeError):  # not everywhere; only a courtesy
        os.nice(_PRIORITY)


def analyse_file(engine: Engine | str, path: str, content_hash: str) -> Outcome:
    """Read and analyse one article (in an analysing process, or a thread in tests)."""
    if isinstance(engine, str):
        if engine not in _ENGINES:
            _ENGINES[engine] = get_engine(engine)
        engine = _ENGINES[engine]
    try:
        article = load_article(Path(path))
    except UnreadableArticle as error:
        return Outcome(problem=str(error))
    if article.content_hash != content_hash:
        return Outcome()  # edited since it was indexed: the indexer will see it again
    if len(article.source) > MAX_ANALYSED_CHARS:
        return Outcome(problem=f"longer than {MAX_ANALYSED_CHARS:,} characters")
    try:
        return Outcome(analysis=engine.analyze(article))
    except Exception as error:  # an engine fault costs this article, never the rest
        return Outcome(problem=f"{type(error).__name__}: {error}")


def process_pool(workers: int) -> Executor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a forked copy of a threaded app may hold another thread's locks.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_lower_priority)


class BackgroundAnalyser:
    def __init__(
        self,
        database: Path,
        roots: list[Path],
        engine: Engine,
        engine_name: str | None = None,
        workers: int | None = None,
        executor: Callable[[int], Executor] = process_pool,
    ) -> None:
        """`engine_name`: what the analysing processes make their engine from; without it
        the `engine` itself is used (a thread pool then, as for the tests' fake engines)."""
        self.database = database
        self.roots = roots
        self.engine = engine
        self.engine_name = engine_name
        self.key = engine_key(engine)
        self.workers = workers or os.cpu_count() or 1
        self.executor = executor
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
        """Analyse everything pending under the roots; returns where the index stands."""
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
        pool = self.executor(self.workers)
        which = self.engine_name or self.engine
        in_flight: dict[Future, PendingArticle] = {}
        after, exhausted = 0, False
        analysed, failed, reported = progress.analysed, progress.failed, time.monotonic()
        renewed = time.monotonic()
        index.free_claims_of_the_dead(owner_is_alive)
        try:
            while not cancelled():
                if time.monotonic() - renewed > _RENEW_SECONDS:
                    index.renew(self.owner, _LEASE_SECONDS)
                    renewed = time.monotonic()
                if not exhausted and len(in_flight) < self.workers * 4:
                    claimed = index.claim(
                        self.key, self.roots, self.owner, after, _CLAIM_BATCH, _LEASE_SECONDS
                    )
                    exhausted = len(claimed) < _CLAIM_BATCH
                    for article in claimed:
                        future = pool.submit(
                            analyse_file, which, article.path, article.content_hash
                        )
                        in_flight[future] = article
                    after = claimed[-1].id if claimed else after
                if not in_flight:
                    break
                done, _pending = wait(in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    article = in_flight.pop(future)
                    outcome = future.result()  # a pool that broke is the caller's to report
                    at = (article.id, article.content_hash, self.key)
                    if outcome.analysis is not None:
                        analysed += index.save(*at, outcome.analysis)
                    elif outcome.problem is not None:
                        index.save_problem(*at, outcome.problem)
                        failed += 1
                if time.monotonic() - reported > _REPORT_SECONDS:
                    report(Progress(analysed, progress.total, failed, progress.stale))
                    reported = time.monotonic()
        finally:
            _stop(pool, wait_for_them=not cancelled())


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
