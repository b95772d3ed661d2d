"""What the reader has chosen in an article: a passage, a sentence of one, or a range over
several sentences and passages. Pure: display ranges per block and their source offsets, for
highlighting, bookmarking and copying.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.text import sentence_spans
from reader.corpus.model import Article
from reader.ui.layout import Layout


@dataclass(frozen=True, slots=True)
class Point:
    """A place of the cursor: a block, and one of its sentences (None: the whole block)."""

    block: int
    sentence: int | None = None


def sentences_of(article: Article, block: int) -> list[tuple[int, int]]:
    """The sentences of a block as display ranges (at least one, covering the text)."""
    return _sentences(article.blocks[block].text)


@lru_cache(maxsize=64)
def _sentences(text: str) -> list[tuple[int, int]]:
    # Kept: every cursor step and summary asks again, and a passage may be megabytes long
    # (a string's hash is computed once, so finding it again costs nothing).
    spans = sentence_spans(text, 0, len(text))
    return spans or [(0, len(text))]


def passage_text(article: Article, pieces: Iterable[tuple[int, int, int]]) -> str:
    """Pieces of blocks (block, display start, display end) as the reader shows them:
    passages apart by a blank line."""
    parts = (article.blocks[block].text[start:end].strip() for block, start, end in pieces)
    return "\n\n".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class Chosen:
    """A range of display text from (first block, start) to (last block, end), in reading
    order; `blocks` lists every block it touches."""

    blocks: tuple[int, ...]
    start: int
    end: int
    sentences: int  # how many sentences it holds (a whole passage counts its own)

    def ranges(self, article: Article) -> dict[int, tuple[int, int]]:
        """Block → (display start, display end) of the chosen text in that block."""
        ranges = {}
        for block in self.blocks:
            low = self.start if block == self.blocks[0] else 0
            high = self.end if block == self.blocks[-1] else len(article.blocks[block].text)
            ranges[block] = (low, high)
        return ranges

    def source_span(self, article: Article) -> tuple[int, int]:
        first, last = article.blocks[self.blocks[0]], article.blocks[self.blocks[-1]]
        return first.to_source(self.start), last.to_source(max(self.end - 1, self.start)) + (
            1 if self.end > self.start else 0
        )

    def text(self, article: Article) -> str:
        """The chosen text as shown."""
        ranges = self.ranges(article).items()
        return passage_text(article, ((block, low, high) for block, (low, high) in ranges))


def _unit(article: Article, point: Point) -> tuple[int, int]:
    if point.sentence is None:
        return 0, len(article.blocks[point.block].text)
    sentences = sentences_of(article, point.block)
    return sentences[min(point.sentence, len(sentences) - 1)]


def choose(article: Article, layout: Layout, anchor: Point | None, cursor: Point) -> Chosen:
    """The cursor's sentence or passage; with an anchor (a selection), everything from the
    anchor to the cursor, whichever comes first."""
    first, last = (anchor, cursor) if anchor is not None else (cursor, cursor)
    order = layout.order
    first_range, last_range = _unit(article, first), _unit(article, last)
    if (order.get(first.block, 0), first_range[0]) > (order.get(last.block, 0), last_range[0]):
        first, last = last, first
        first_range, last_range = last_range, first_range
    low, high = order.get(first.block, 0), order.get(last.block, 0)
    blocks = tuple(layout.blocks[low : high + 1]) or (first.block,)
    start, end = first_range[0], max(last_range[1], first_range[1] if low == high else 0)
    count = 0
    for block in blocks:
        block_start = start if block == blocks[0] else 0
        block_end = end if block == blocks[-1] else len(article.blocks[block].text)
        count += sum(
            1
            for low_s, high_s in sentences_of(article, block)
            if low_s < block_end and high_s > block_start
        )
    return Chosen(blocks, start, end, max(count, 1))


def step_sentence(article: Article, layout: Layout, point: Point, step: int) -> Point:
    """The next (step 1) or previous (-1) sentence; from a whole passage, its first or last.
    Past a passage's last sentence, the next passage's first; at the end, stays."""
    if point.sentence is None:
        count = len(sentences_of(article, point.block))
        return Point(point.block, 0 if step > 0 else count - 1)
    sentence = point.sentence + step
    count = len(sentences_of(article, point.block))
    if 0 <= sentence < count:
        return Point(point.block, sentence)
    position = layout.order.get(point.block)
    if position is None:
        return point
    position += step
    if not 0 <= position < len(layout.blocks):
        return point
    block = layout.blocks[position]
    return Point(block, 0 if step > 0 else len(sentences_of(article, block)) - 1)


def sentence_at(article: Article, block: int, display_offset: int) -> int:
    for index, (_start, end) in enumerate(sentences_of(article, block)):
        if display_offset < end:
            return index
    return len(sentences_of(article, block)) - 1
