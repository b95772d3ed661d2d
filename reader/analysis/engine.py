"""The engine interface and the built-in engine; `get_engine` picks one by name.

Every engine turns an Article into an Analysis whose offsets point into `article.source`.
The built-in one needs no download and starts at once; the spaCy one is optional.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Protocol

from reader.analysis.model import Analysis, Mention, Quote
from reader.config import ENGINE_NAMES
from reader.corpus.model import Article


class EngineUnavailable(Exception):
    """The engine asked for cannot run here; the message says what to install."""


class Engine(Protocol):
    name: str
    version: str

    def analyze(self, article: Article) -> Analysis: ...


class BuiltinEngine:
    name = "builtin"
    label = "built-in engine"

    @functools.cached_property
    def version(self) -> str:
        """Changes whenever the rules do, so cached results never outlive them."""
        folder = Path(__file__).parent
        digest = hashlib.blake2b(digest_size=6)
        # Every rule module and word list (the spaCy engine's module excepted: not a rule).
        rules = sorted(folder.glob("*.py")) + sorted((folder / "data").glob("*.txt"))
        for path in rules:
            if path.name not in ("spacy_engine.py", "cache.py", "evaluate.py"):
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def analyze(self, article: Article) -> Analysis:
        from reader.analysis.entities import find_entities
        from reader.analysis.text import ArticleText

        text = ArticleText(article)
        return complete_analysis(text, find_entities(text), self.name)


def complete_analysis(text, found: list[tuple[int, int, str, str]], engine: str) -> Analysis:
    """The shared second half of every engine: quotations and speakers over its mentions
    (start, end, label, canonical name in the joined text), all mapped to source offsets."""
    from reader.analysis.attribution import attributed_quotes

    quotes = attributed_quotes(text, found)
    return Analysis(
        mentions=[_mention(text, *item) for item in found],
        quotes=[_quote(text, quote) for quote in quotes],
        engine=engine,
    )


def _mention(text, start: int, end: int, label: str, entity: str) -> Mention:
    source_start, source_end = text.to_source(start, end)
    source = text.article.source
    return Mention(source_start, source_end, source[source_start:source_end], label, entity)


def _quote(text, found) -> Quote:
    source_start, source_end = text.to_source(found.start, found.end)
    speaker = speaker_entity = named_at = None
    if found.speaker is not None:
        speaker_start, speaker_end, speaker_entity = found.speaker
        speaker = text.text[speaker_start:speaker_end]
        named_at = text.to_source(speaker_start, speaker_end)
    source = text.article.source
    return Quote(
        source_start,
        source_end,
        source[source_start:source_end],
        found.kind,
        speaker,
        speaker_entity,
        *(named_at or (None, None)),
    )


def describe_engine(engine: Engine) -> str:
    """Which engine runs, for the user: "built-in engine", "spaCy engine (en_core_web_md)"."""
    return getattr(engine, "label", f"{engine.name} engine")


def get_engine(name: str = "builtin") -> Engine:
    if name == "builtin":
        return BuiltinEngine()
    if name == "spacy":
        from reader.analysis.spacy_engine import SpacyEngine

        return SpacyEngine()
    raise EngineUnavailable(f"unknown engine {name!r}: choose one of {', '.join(ENGINE_NAMES)}")
