"""Find text within an article: case-insensitive matches in what is displayed, as source spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.corpus.model import Article, Span


@dataclass(frozen=True, slots=True)
class TextHit:
    """A stretch of one block's displayed text: a search match, an entity mention, a quote."""

    block: int
    start: int  # display offsets in the block's text
    end: int
    span: Span  # the same text as source offsets: article.source[span.start:span.end]


def terms_pattern(terms: list[tuple[tuple[str, ...], bool]]) -> re.Pattern[str] | None:
    """A pattern for whole words and phrases (`(words, is_prefix)`), as a full-text search
    matches them: any case, words of a phrase apart by anything that is not a word."""
    parts = []
    for words, prefix in terms:
        phrase = r"\W+".join(re.escape(word) for word in words)
        tail = r"\w*" if prefix else ""
        parts.append(rf"\b{phrase}{tail}\b")
    if not parts:
        return None
    # Longest first: a phrase is marked whole rather than as its first word.
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts), re.IGNORECASE)


def iter_matches(article: Article, query: str | re.Pattern[str]) -> Iterator[list[TextHit]]:
    """The matches of `query` (text, or a pattern of terms), one list per visible block
    (often empty), in reading order: a caller can stop between blocks or show what it has
    found so far."""
    if not query:
        return
    literal = isinstance(query, str)
    pattern = re.compile(re.escape(query), re.IGNORECASE) if literal else query
    for index, block in enumerate(article.blocks):
        if not block.visible:
            continue
        hits = []
        for match in pattern.finditer(block.text):
            start = block.to_source(match.start())
            end = block.to_source(match.end() - 1) + 1
            hits.append(TextHit(index, match.start(), match.end(), Span(start, end)))
        yield hits


@dataclass(slots=True)
class HitList:
    """Hits in reading order and the one the reader is on, for n/N (and ]/[) to step through."""

    hits: list[TextHit] = field(default_factory=list)
    index: int = -1

    @property
    def current(self) -> TextHit | None:
        return self.hits[self.index] if 0 <= self.index < len(self.hits) else None

    def start_at(self, is_ahead: Callable[[TextHit], bool]) -> TextHit | None:
        """Make the first hit that `is_ahead` accepts current (else the first hit)."""
        if not self.hits:
            self.index = -1
            return None
        self.index = next((i for i, hit in enumerate(self.hits) if is_ahead(hit)), 0)
        return self.current

    def step(self, step: int) -> TextHit | None:
        """Move to the next (step 1) or previous (step -1) hit, wrapping around."""
        if not self.hits:
            return None
        self.index = (self.index + step) % len(self.hits)
        return self.current


def hits_for_span(
    article: Article, start: int, end: int, block_starts: list[int] | None = None
) -> list[TextHit]:
    """The displayed pieces of the source span [start, end): one hit per visible block it
    touches (a quotation over paragraphs gives several). Pass `block_starts` (each block's
    start, in order) when converting many spans."""
    starts = block_starts if block_starts is not None else [b.start for b in article.blocks]
    hits = []
    first = max(bisect_right(starts, start) - 1, 0)
    for index in range(first, len(article.blocks)):
        block = article.blocks[index]
        if block.start >= end:
            break
        if block.end <= start or not block.visible:
            continue
        display_start = block.to_display(max(start, block.start))
        display_end = block.to_display(min(end, block.end) - 1) + 1
        if display_end > display_start:
            hits.append(TextHit(index, display_start, display_end, Span(start, end)))
    return hits


def snippet_hit(article: Article, snippet: str, start_marker: str, end_marker: str) -> int | None:
    """Where in the article's source a search snippet's first marked word is: the snippet is
    found again (on the hit's line, without the ellipses that cut it) in a visible block. None
    when the article changed since it was indexed and the snippet is not there."""
    hit = snippet.find(start_marker)
    if hit < 0:
        return None
    plain = snippet.replace(end_marker, "")
    line_start = plain.rfind("\n", 0, hit) + 1
    line_end = plain.find("\n", hit)
    line = plain[line_start : len(plain) if line_end < 0 else line_end]
    before = line.find(start_marker)
    line = line.replace(start_marker, "")
    if line.startswith("…") and line_start == 0:
        line, before = line[1:], before - 1
    if line.endswith("…") and line_end < 0:
        line = line[:-1]
    if not line.strip():
        return None
    for block in article.blocks:
        if not block.visible:
            continue
        found = block.text.find(line)
        if found >= 0:
            return block.to_source(found + before)
    return None
