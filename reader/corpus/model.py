"""The article model: plain frozen dataclasses, every range an offset pair into `Article.source`.

Displayed text may differ from the source (Markdown markup removed, line breaks folded, a list
bullet added). Each block therefore carries an `OffsetMap` from display offsets to source offsets,
so highlights, search hits and bookmarks share one coordinate system whatever the format.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from reader.output import has_controls, visible

WORDS_PER_MINUTE = 230


class BlockKind(StrEnum):
    TITLE = "title"
    STANDFIRST = "standfirst"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    CODE = "code"
    TABLE = "table"  # rows on lines of their own, columns aligned
    NOTE = "note"  # a footnote, shown with its number
    RULE = "rule"
    # Kept in the model so offsets stay whole, never shown as body text.
    METADATA = "metadata"
    DEBRIS = "debris"


HIDDEN_KINDS = frozenset({BlockKind.METADATA, BlockKind.DEBRIS})


@dataclass(frozen=True, slots=True)
class Span:
    """A range of the source text: `article.source[start:end]`."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Display offset → source offset, as runs where both advance together.

    `runs` holds `(display_start, source_start)` pairs sorted by display offset; inside a run the
    mapping is linear. Plain text needs one run per folded line break, Markdown one per piece of
    inline text, so the map stays small even for a huge article.
    """

    runs: tuple[tuple[int, int], ...]
    display_length: int
    source_end: int

    def to_source(self, display_offset: int) -> int:
        if display_offset >= self.display_length:
            return self.source_end
        index = bisect_right(self.runs, (display_offset, float("inf"))) - 1
        display_start, source_start = self.runs[max(index, 0)]
        return source_start + (display_offset - display_start)

    def to_display(self, source_offset: int) -> int:
        """The display offset showing `source_offset`, or the nearest one after it."""
        best = self.display_length
        for position, (display_start, source_start) in enumerate(self.runs):
            next_display = (
                self.runs[position + 1][0] if position + 1 < len(self.runs) else self.display_length
            )
            run_length = next_display - display_start
            if source_start <= source_offset < source_start + run_length:
                return display_start + (source_offset - source_start)
            if source_start >= source_offset:
                best = min(best, display_start)
        return best


@dataclass(frozen=True, slots=True)
class InlineMark:
    """Presentation inside one block (emphasis, code, link), in that block's display offsets."""

    start: int
    end: int
    kind: str  # "em", "strong", "code", "link"
    href: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    text: str
    offsets: OffsetMap
    level: int = 0  # heading level, list depth
    prefix: str = ""  # shown before the text, not part of it ("• ", "2. ")
    quote_depth: int = 0  # nesting inside Markdown block quotes
    marks: tuple[InlineMark, ...] = ()

    def to_source(self, display_offset: int) -> int:
        return self.offsets.to_source(display_offset)

    def to_display(self, source_offset: int) -> int:
        return self.offsets.to_display(source_offset)

    @property
    def visible(self) -> bool:
        return self.kind not in HIDDEN_KINDS

    def links(self) -> list[tuple[str, str]]:
        """(link text, address) of the links in the block (Markdown articles)."""
        return [
            (self.text[mark.start : mark.end], mark.href)
            for mark in self.marks
            if mark.kind == "link" and mark.href
        ]


@dataclass(frozen=True, slots=True)
class Metadata:
    source: str = ""
    author: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    path: Path
    source: str
    title: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    format: str = "text"  # "text" or "markdown"
    encoding: str = "UTF-8"  # of the file (a legacy one is named on the metadata line)
    # Derived once at construction: both cost a pass over the whole text.
    word_count: int = field(init=False)
    content_hash: str = field(init=False)

    def __post_init__(self) -> None:
        if has_controls(self.source):
            # Text never drives the terminal: what is displayed shows control characters as
            # symbols, one for one, so every display offset still maps to the same source.
            self._show_controls()
        words = sum(len(block.text.split()) for block in self.blocks if block.visible)
        object.__setattr__(self, "word_count", words)
        object.__setattr__(self, "content_hash", content_hash(self.source))

    def _show_controls(self) -> None:
        blocks = tuple(
            replace(
                block,
                text=visible(block.text),
                prefix=visible(block.prefix),
                marks=tuple(replace(mark, href=visible(mark.href)) for mark in block.marks),
            )
            for block in self.blocks
        )
        meta = self.metadata
        object.__setattr__(self, "blocks", blocks)
        object.__setattr__(self, "title", visible(self.title))
        object.__setattr__(
            self,
            "metadata",
            Metadata(visible(meta.source), visible(meta.author), visible(meta.date)),
        )

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    def block_at(self, source_offset: int) -> int:
        """Index of the visible block holding (or next after) a source offset."""
        last_visible = 0
        for index, block in enumerate(self.blocks):
            if block.visible:
                if block.end > source_offset:
                    return index
                last_visible = index
        return last_visible


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def reading_time_label(words: int) -> str:
    """ "3 min", or "2 h 5 min" for the rare article longer than an hour."""
    minutes = reading_minutes(words)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours:,} h {rest} min" if rest else f"{hours:,} h"


class TextBuilder:
    """Builds a block's display text piece by piece, recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int]] = []
        self._length = 0
        self._next_source: int | None = None

    @property
    def length(self) -> int:
        return self._length

    def add(self, text: str, source_start: int) -> None:
        """Append `text`, displayed in place of the source starting at `source_start`."""
        if not text:
            return
        if source_start != self._next_source:
            self._runs.append((self._length, source_start))
        self._parts.append(text)
        self._length += len(text)
        self._next_source = source_start + len(text)

    def build(self, source_end: int) -> tuple[str, OffsetMap]:
        runs = tuple(self._runs) or ((0, source_end),)
        return "".join(self._parts), OffsetMap(runs, self._length, source_end)


def identity_map(start: int, end: int) -> OffsetMap:
    return OffsetMap(((0, start),), end - start, end)
