"""Analysis results cached on disk by the article's content hash, so a second open is instant.

One JSON file per (engine, engine version, content hash) in the platformdirs cache dir. A file
that cannot be read is treated as absent and rewritten; writes go through a temporary file and
a rename, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.analysis.engine import Engine
from reader.analysis.model import Analysis
from reader.corpus.model import Article


class AnalysisCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, engine: Engine, content_hash: str) -> Path:
        return self.folder / "analysis" / f"{engine.name}-{engine.version}-{content_hash}.json"

    def get(self, engine: Engine, article: Article) -> Analysis | None:
        return self.get_by_hash(engine, article.content_hash)

    def get_by_hash(self, engine: Engine, content_hash: str) -> Analysis | None:
        """The cached analysis of an article known only by its hash (no need to read it)."""
        try:
            data = json.loads(self._path(engine, content_hash).read_text(encoding="utf-8"))
            return Analysis.from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, engine: Engine, article: Article, analysis: Analysis) -> None:
        path = self._path(engine, article.content_hash)
        try:
            import tempfile  # only a write needs it; keeps start-up light

            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(analysis.to_json(), file, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs time; the result is still used

    def analyze(self, engine: Engine, article: Article) -> Analysis:
        cached = self.get(engine, article)
        if cached is not None:
            return cached
        analysis = engine.analyze(article)
        self.put(engine, article, analysis)
        return analysis
