"""Lay an article out for a width: wrap each block into lines by terminal cell width.

Pure Python, no Textual: the reader pane renders what this computes and asks it where each line
came from (block index, display offsets), which is how cursor, highlights and scroll anchoring work.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.cells import cell_len

from reader.corpus.model import Article, BlockKind

# Characters below U+2E80 whose cell width is not 1 (combining and zero-width marks, Hangul
# jamo, emoji-like symbols). Text without them, and with nothing from U+2E80 on (where the wide
# CJK blocks are), wraps on a fast path that measures by `len`. The wide blocks are kept out
# of this pattern: a class spanning them takes milliseconds to compile, at every start.
_NOT_NARROW_BELOW_CJK = re.compile(
    "[\u0000-\u001f\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0e31-\u0e3a\u0e47-\u0e4e\u1100-\u115f\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u231a-\u231b\u2329-\u232a\u23e9-\u23f3\u2600-\u27bf]"
)
_CJK_START = "\u2e80"
# A wide ideograph or kana may break on either side: CJK text has no spaces between words.
_WIDE_CHAR = "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"


@functools.cache
def _tokens() -> re.Pattern[str]:
    """Words, spaces, newlines and single wide characters (compiled when first needed)."""
    return re.compile(rf"\n|[^\S\n]+|[{_WIDE_CHAR}]|[^\s{_WIDE_CHAR}]+")


def _all_narrow(text: str) -> bool:
    return not (text and max(text) >= _CJK_START) and not _NOT_NARROW_BELOW_CJK.search(text)


QUOTE_BAR = "│ "


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Break `text` into lines of at most `width` cells: (start, end) offsets into `text`.

    Lines break after spaces, around wide characters, and at `\\n`; a word longer than a line is
    cut. Trailing spaces stay at the end of a line (the renderer trims them), so the lines cover
    the text with no gaps: every offset belongs to exactly one line.
    """
    width = max(width, 1)
    if "\n" not in text and "\t" not in text and _all_narrow(text):
        return _wrap_narrow(text, width)
    return _wrap_cells(text, width)


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    lines = []
    start = 0
    length = len(text)
    while length - start > width:
        # Break after the last space that lets the line fit; the space stays on this line.
        cut = text.rfind(" ", start, start + width + 1)
        if cut < start or text[start:cut].strip() == "":
            next_start = start + width
        else:
            next_start = cut + 1
            while next_start < length and text[next_start] == " ":
                next_start += 1
        lines.append((start, next_start))
        start = next_start
    lines.append((start, length))
    return lines


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line_start = 0
    column = 0
    for match in _tokens().finditer(text):
        token, start = match.group(), match.start()
        if token == "\n":
            lines.append((line_start, match.end()))
            line_start, column = match.end(), 0
            continue
        if token.isspace():
            column += len(token.expandtabs(4))
            continue
        token_width = cell_len(token)
        if column + token_width <= width:
            column += token_width
            continue
        if column > 0 and start > line_start:
            lines.append((line_start, start))
            line_start, column = start, 0
        while token_width > width:
            cut = _fit(token, width)
            lines.append((start, start + cut))
            start += cut
            token = token[cut:]
            token_width = cell_len(token)
            line_start = start
        column = token_width
    lines.append((line_start, len(text)))
    return lines


def _fit(token: str, width: int) -> int:
    """How many leading characters of `token` fit in `width` cells (at least one)."""
    used = 0
    for index, char in enumerate(token):
        used += cell_len(char)
        if used > width:
            return max(index, 1)
    return len(token)


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line of the laid-out article."""

    block: int  # index into article.blocks; -1 for lines that show no block text
    start: int  # display offsets into the block's text
    end: int
    role: str = "text"  # "text", "title" (offsets into article.title), "blank", "meta", "rule",
    # or "attribution" (who spoke in the passage above; it stands in for the blank line)
    indent: str = ""  # drawn before the text: list bullet, its hanging indent, quote bars
    label: str = ""  # text shown on a line that is not the article's (an attribution)


@dataclass(slots=True)
class Layout:
    width: int  # the text column, in cells
    lines: list[Line] = field(default_factory=list)
    first_line: dict[int, int] = field(default_factory=dict)  # block index → its first line
    last_line: dict[int, int] = field(default_factory=dict)
    blocks: list[int] = field(default_factory=list)  # the shown blocks, in reading order
    order: dict[int, int] = field(default_factory=dict)  # block index → position in `blocks`

    def line_of(self, block: int, display_offset: int = 0) -> int:
        """The line showing a display offset of a block (its first line if not laid out)."""
        first = self.first_line.get(block)
        if first is None:
            return 0
        last = self.last_line[block]
        for index in range(first, last + 1):
            line = self.lines[index]
            if line.start <= display_offset < line.end or index == last:
                return index
        return first


def measure_width(available: int, measure: int) -> int:
    """The text column: the configured measure, narrowed to fit, never under 10 cells."""
    return max(min(measure, available - 2), min(10, available))


def layout_article(
    article: Article, width: int, attributions: Mapping[int, str] | None = None
) -> Layout:
    """Lines for `width` cells; `attributions` (block index → "— Speaker") adds a line under
    those blocks (see `with_attributions`)."""
    return with_attributions(_wrapped(article, width), attributions or {})


def with_attributions(layout: Layout, attributions: Mapping[int, str]) -> Layout:
    """The layout with a line under each block in `attributions`, in place of the blank line
    that follows it (or inserted, where none does). The wrapped lines are reused, never
    wrapped again: the speakers arrive after the text is shown, and re-wrapping a long
    article for them would cost as much as its first layout."""
    if not attributions:
        return layout
    source = layout.lines
    spliced = Layout(width=layout.width, blocks=layout.blocks, order=layout.order)
    lines, copied, shift = spliced.lines, 0, 0
    for block in layout.blocks:
        spliced.first_line[block] = layout.first_line[block] + shift
        spliced.last_line[block] = layout.last_line[block] + shift
        label = attributions.get(block)
        if label is None:
            continue
        after = layout.last_line[block] + 1
        lines.extend(source[copied:after])
        lines.append(Line(-1, 0, 0, "attribution", label=label))
        if after < len(source) and source[after].role == "blank":
            copied = after + 1  # the attribution stands in for the blank line
        else:
            copied, shift = after, shift + 1
    lines.extend(source[copied:])
    return spliced


def _wrapped(article: Article, width: int) -> Layout:
    layout = Layout(width=width)
    lines = layout.lines

    def blank() -> None:
        if lines and lines[-1].role != "blank":
            lines.append(Line(-1, 0, 0, "blank"))

    if not any(block.kind == BlockKind.TITLE for block in article.blocks):
        # The title came from front matter or the file name: show it all the same.
        for start, end in wrap(article.title, width):
            lines.append(Line(-1, start, end, "title"))
        lines.append(Line(-1, 0, 0, "meta"))

    previous_kind: BlockKind | None = None
    for index, block in enumerate(article.blocks):
        if not block.visible:
            continue
        # Consecutive list items (and notes) sit together; everything else is set apart by a
        # blank line. A rule comes before the first note.
        if block.kind == BlockKind.NOTE and previous_kind != BlockKind.NOTE:
            blank()
            lines.append(Line(-1, 0, 0, "rule"))
        if not (
            block.kind == previous_kind and block.kind in (BlockKind.LIST_ITEM, BlockKind.NOTE)
        ):
            blank()
        previous_kind = block.kind
        layout.first_line[index] = len(lines)
        if block.kind == BlockKind.RULE:
            lines.append(Line(index, 0, 0, "rule"))
        else:
            quote = QUOTE_BAR * block.quote_depth
            list_indent = (
                "  " * max(block.level - 1, 0) if block.kind == BlockKind.LIST_ITEM else ""
            )
            first_indent = quote + list_indent + block.prefix
            hanging = quote + list_indent + " " * cell_len(block.prefix)
            text_width = max(width - cell_len(first_indent), 4)
            if block.kind == BlockKind.CODE:
                wrapped = _wrap_code(block.text, text_width, _CODE_CONTINUATION)
            elif block.kind == BlockKind.TABLE:
                wrapped = _clip_lines(block.text, text_width)
            else:
                wrapped = wrap(block.text, text_width)
            for number, (start, end) in enumerate(wrapped):
                indent = first_indent if number == 0 else hanging
                if block.kind == BlockKind.CODE and start and block.text[start - 1] != "\n":
                    indent += _CODE_CONTINUATION  # the rest of a code line cut at the edge
                lines.append(Line(index, start, end, "text", indent))
        layout.last_line[index] = len(lines) - 1
        if block.kind == BlockKind.TITLE:
            lines.append(Line(-1, 0, 0, "meta"))
    if lines and lines[0].role == "blank":
        # The first line of the page is text, not a gap; shift the maps to match.
        lines.pop(0)
        layout.first_line = {k: v - 1 for k, v in layout.first_line.items()}
        layout.last_line = {k: v - 1 for k, v in layout.last_line.items()}
    if not lines:
        lines.append(Line(-1, 0, 0, "blank"))
    layout.blocks = list(layout.first_line)
    layout.order = {block: position for position, block in enumerate(layout.blocks)}
    return layout


# Set before the rest of a code line cut at the text column's edge.
_CODE_CONTINUATION = "  "


def _wrap_code(text: str, width: int, continuation: str = "") -> list[tuple[int, int]]:
    """Code keeps its line breaks and indentation; an over-long line is cut, not re-flowed,
    its rest set in by `continuation` (and so that much narrower)."""
    lines = []
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        position = start
        room = width
        while end - position > 0 and cell_len(text[position:end]) > room:
            cut = _fit(text[position:end], room)
            lines.append((position, position + cut))
            position += cut
            room = max(width - cell_len(continuation), 4)
        lines.append((position, min(end + 1, len(text))))
        start = end + 1
    return lines


def _clip_lines(text: str, width: int) -> list[tuple[int, int]]:
    """A table keeps its rows as lines; what passes the measure is cut (its columns would no
    longer line up if it wrapped)."""
    lines = []
    start = 0
    for raw in text.split("\n"):
        lines.append((start, start + (_fit(raw, width) if cell_len(raw) > width else len(raw))))
        start += len(raw) + 1
    return lines
