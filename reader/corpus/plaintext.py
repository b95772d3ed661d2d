"""Plain-text articles: title line, standfirst, paragraphs, a `Source:` line, end-of-page debris."""

from __future__ import annotations

import re
from pathlib import Path

from reader.corpus.model import Article, Block, BlockKind, Metadata, TextBuilder, identity_map

# Paragraphs are separated by one or more blank lines (lines holding only whitespace).
# Atomic groups keep "\r\n" one line break (never a CR and an LF counted as two).
_PARAGRAPH_BREAK = re.compile(r"(?>\r\n|\n|\r)[ \t\f\v\u00a0]*(?:(?>\r\n|\n|\r)[ \t\f\v\u00a0]*)+")
_LINE_BREAK = re.compile(r"[ \t]*(?>\r\n|\n|\r)[ \t]*")
_SOURCE_LINE = re.compile(r"^(?:Source|Sources|Fonte)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
# Lines a scraper leaves at the end of a page: comment counters, share buttons, sign-up prompts.
_DEBRIS = re.compile(
    r"^(?:all comments|comments?|\d+\s+comments?|show comments|view comments|leave a comment|"
    r"share( this( article| story)?)?|advertisement|related( articles| stories)?|read more|"
    r"subscribe.*|sign up.*|follow us.*|newsletter.*|(?:©|copyright).*|tags?:.*)[.!:]?$",
    re.IGNORECASE,
)
# A single line longer than this is a paragraph of its own even without a blank line after it:
# hard-wrapped text rarely runs past 80 columns, one-paragraph-per-line text always does.
_LONG_LINE = 100
_DEBRIS_MAX_WORDS = 8


def _chunks(source: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines, trimmed of surrounding whitespace."""
    chunks = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(source):
        chunks.append((position, match.start()))
        position = match.end()
    chunks.append((position, len(source)))
    trimmed = []
    for start, end in chunks:
        text = source[start:end]
        stripped_left = len(text) - len(text.lstrip())
        stripped_right = len(text) - len(text.rstrip())
        if start + stripped_left < end - stripped_right:
            trimmed.append((start + stripped_left, end - stripped_right))
    return trimmed


def _has_line_break(source: str, start: int, end: int) -> bool:
    return source.find("\n", start, end) >= 0 or source.find("\r", start, end) >= 0


def _split_long_lines(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a chunk where a long line ends: such text puts one paragraph on each line."""
    if not _has_line_break(source, start, end):
        return [(start, end)]
    pieces = []
    piece_start = start
    for match in _LINE_BREAK.finditer(source, start, end):
        if match.start() - _line_start(source, match.start()) > _LONG_LINE:
            pieces.append((piece_start, match.start()))
            piece_start = match.end()
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if s < e]


def _line_start(source: str, offset: int) -> int:
    # Both searches stop at the nearest break: a file with no CR must not be searched back to
    # its start for every line (a million short lines took minutes).
    newline = source.rfind("\n", 0, offset)
    return max(newline, source.rfind("\r", newline + 1, offset)) + 1


def _folded_block(source: str, kind: BlockKind, start: int, end: int) -> Block:
    """A block whose line breaks (and the indentation around them) display as single spaces."""
    if not _has_line_break(source, start, end):
        return Block(kind, start, end, source[start:end], identity_map(start, end))
    builder = TextBuilder()
    position = start
    for match in _LINE_BREAK.finditer(source, start, end):
        builder.add(source[position : match.start()], position)
        builder.add(" ", match.start())
        position = match.end()
    builder.add(source[position:end], position)
    text, offsets = builder.build(end)
    return Block(kind, start, end, text, offsets)


def parse_plaintext(path: Path, source: str) -> Article:
    # A byte-order mark is part of the source but not of the title.
    body_start = 1 if source.startswith("\ufeff") else 0
    chunks = _chunks(source)
    if chunks and chunks[0][0] < body_start:
        chunks[0] = (body_start, chunks[0][1])
    if not chunks:
        return Article(path, source, path.stem, ())

    # The title is the first non-empty line; the rest of its chunk is body text.
    first_start, first_end = chunks[0]
    title_end = _LINE_BREAK.search(source, first_start, first_end)
    title_span = (first_start, title_end.start() if title_end else first_end)
    spans = [(title_end.end(), first_end)] if title_end else []
    spans += chunks[1:]

    paragraphs: list[tuple[int, int]] = []
    for start, end in spans:
        paragraphs.extend(_split_long_lines(source, start, end))

    kinds = [BlockKind.PARAGRAPH] * len(paragraphs)
    metadata_source = ""
    # Walk back from the end: debris, then the Source: line, belong to the page, not the article.
    index = len(paragraphs) - 1
    while index >= 0:
        start, end = paragraphs[index]
        line = " ".join(source[start:end].split())
        source_match = _SOURCE_LINE.match(line)
        if source_match and not metadata_source:
            kinds[index] = BlockKind.METADATA
            metadata_source = source_match.group("value").strip()
            # Whatever follows the Source: line is page furniture when it is short.
            for later in range(index + 1, len(paragraphs)):
                later_start, later_end = paragraphs[later]
                if len(source[later_start:later_end].split()) <= _DEBRIS_MAX_WORDS:
                    kinds[later] = BlockKind.DEBRIS
            break
        if _DEBRIS.match(line) and len(line.split()) <= _DEBRIS_MAX_WORDS:
            kinds[index] = BlockKind.DEBRIS
            index -= 1
            continue
        break

    # In a news article the first body paragraph is the standfirst.
    for position, kind in enumerate(kinds):
        if kind == BlockKind.PARAGRAPH:
            kinds[position] = BlockKind.STANDFIRST
            break

    title_block = _folded_block(source, BlockKind.TITLE, *title_span)
    blocks = [title_block]
    blocks += [
        _folded_block(source, kind, s, e) for (s, e), kind in zip(paragraphs, kinds, strict=True)
    ]
    return Article(
        path=path,
        source=source,
        title=title_block.text,
        blocks=tuple(blocks),
        metadata=Metadata(source=metadata_source),
        format="text",
    )
