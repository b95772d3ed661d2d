"""The analysis runner: one engine for the whole session, shared safely by every thread, with
the on-disk cache in front of it; and the corpus-wide question "which articles mention X?".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.cache import AnalysisCache
from reader.analysis.engine import Engine, get_engine
from reader.analysis.model import MAX_ANALYSED_CHARS, Analysis
from reader.corpus.discover import UnreadableArticle, load_article
from reader.corpus.model import Article

__all__ = ["MAX_ANALYSED_CHARS", "AnalysisRunner", "MentionSearch", "mentions_entity"]


def mentions_entity(analysis: Analysis, name: str, label: str | None = None) -> bool:
    """Whether an article's analysis names `name` (a person also by surname alone)."""
    surname = name.split()[-1]
    for mention in analysis.mentions:
        if label and mention.label != label:
            continue
        if mention.entity == name:
            return True
        if mention.label == "PERSON" and mention.entity.split()[-1] == surname:
            return True
    return False


@dataclass(slots=True)
class MentionSearch:
    """The outcome of looking for an entity across articles."""

    ids: set[int] = field(default_factory=set)
    failed: list[str] = field(default_factory=list)  # "name: reason" for articles not analysed


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
        self._lock = threading.Lock()
        self._pool = None  # the process long articles are analysed in, started on first use

    def engine(self) -> Engine:
        """The engine, made on first use (spaCy's model takes a while) and only once, whichever
        thread asks first. Raises `EngineUnavailable` when it cannot run here."""
        with self._lock:
            if self._engine is None:
                self._engine = get_engine(self.engine_name)
            return self._engine

    def analyze(self, article: Article) -> Analysis:
        """The article's analysis, from the cache or made now. A long article is analysed in
        a process of its own: seconds of rules under this process's interpreter lock would
        leave the app's keys waiting for them."""
        engine = self.engine()
        if len(article.source) < OWN_PROCESS_CHARS or self.engine_name != "builtin":
            return self.cache.analyze(engine, article)
        cached = self.cache.get(engine, article)
        if cached is not None:
            return cached
        analysis = self._process().submit(_analyze_elsewhere, self.engine_name, article).result()
        self.cache.put(engine, article, analysis)
        return analysis

    def _process(self):
        with self._lock:
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                # "spawn": a forked copy of a threaded app may hold another thread's locks.
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
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

    def articles_mentioning(
        self,
        articles: list[tuple[int, str, str]],
        name: str,
        label: str | None,
        progress: Callable[[int, int], None] = lambda done, total: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> MentionSearch:
        """Of `articles` (id, path, content hash), those whose analysis mentions `name`.

        Cached analyses are found by hash without reading the file; others are read and
        analysed (and cached). An article that cannot be read or analysed is listed in
        `failed`, never fatal."""
        engine = self.engine()
        found = MentionSearch()
        reported = time.monotonic()
        for number, (article_id, path, content_hash) in enumerate(articles, 1):
            if cancelled():
                break
            if time.monotonic() - reported > 0.5:
                progress(number, len(articles))
                reported = time.monotonic()
            analysis = self.cache.get_by_hash(engine, content_hash) if content_hash else None
            if analysis is None:
                try:
                    article = load_article(Path(path))
                    if len(article.source) > MAX_ANALYSED_CHARS:
                        continue
                    analysis = self.cache.analyze(engine, article)
                except UnreadableArticle as error:
                    found.failed.append(f"{Path(path).name}: {error}")
                    continue
                except Exception as error:  # an engine fault costs one article, not the search
                    found.failed.append(f"{Path(path).name}: {type(error).__name__}: {error}")
                    continue
            if mentions_entity(analysis, name, label):
                found.ids.add(article_id)
        return found
