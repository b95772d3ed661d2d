"""The analysis runner: one engine for the whole session, shared safely by every thread (the
corpus-wide questions are the analysis index's: `reader.services.library_index`)."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.analysis.cache import AnalysisCache
from reader.analysis.engine import Engine, get_engine
from reader.analysis.model import MAX_ANALYSED_CHARS, Analysis
from reader.corpus.model import Article

__all__ = ["MAX_ANALYSED_CHARS", "AnalysisRunner"]


# Articles this long (about 40,000 words) are analysed in a process of their own.
OWN_PROCESS_CHARS = 250_000
_ENGINES: dict[str, Engine] = {}  # in the analysis process: one engine, made once


def _analyze_elsewhere(engine_name: str, article: Article) -> Analysis:
    engine = _ENGINES.get(engine_name)
    if engine is None:
        engine = _ENGINES[engine_name] = get_engine(engine_name)
    return engine.analyze(article)


class AnalysisRunner:
    def __init__(self, engine_name: str, cache_dir: Path, engine: Engine | None = None) -> None:
        self.engine_name = engine_name
        self.cache = AnalysisCache(cache_dir)
        self._engine = engine
        # An engine handed in (the tests' fixed ones) exists only here: nothing is analysed
        # in other processes, which would make their own.
        self.shareable = engine is None
        self._lock = threading.Lock()
        self._pool = None  # the process long articles are analysed in, started on first use

    def engine(self) -> Engine:
        """The engine, made on first use (spaCy's model takes a while) and only once, whichever
        thread asks first. Raises `EngineUnavailable` when it cannot run here."""
        with self._lock:
            if self._engine is None:
                self._engine = get_engine(self.engine_name)
            return self._engine

    def engine_key(self) -> str:
        """What the analysis index records an analysis was made by (engine and version)."""
        from reader.services.analysis_index import engine_key

        return engine_key(self.engine())

    def analyze(self, article: Article) -> Analysis:
        """The article's analysis, made now (the analysis index keeps it; the file cache is
        only the spaCy engine's, whose model is slow to run). A long article is analysed in
        a process of its own: seconds of rules under this process's interpreter lock would
        leave the app's keys waiting for them."""
        engine = self.engine()
        if self.engine_name != "builtin":
            return self.cache.analyze(engine, article)
        if len(article.source) < OWN_PROCESS_CHARS or not self.shareable:
            return engine.analyze(article)
        return self._process().submit(_analyze_elsewhere, self.engine_name, article).result()

    def _process(self):
        with self._lock:
            if self._pool is None:
                from reader.services.analysis_index import process_pool

                self._pool = process_pool(1)
            return self._pool

    def close(self) -> None:
        """Stop the analysis process, if one was started (a running analysis is dropped)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            # A quit never waits for a long analysis: its process is stopped (Python 3.11's
            # executor has no public way to stop a running task).
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
