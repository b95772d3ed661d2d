"""Where the passage cursor and the scroll position go for each movement key.

Pure arithmetic over a `Layout` (no Textual), so the reader pane's movement is tested directly:
j/k step a block at a time, but read line by line through a block taller than the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.corpus.model import Article
from reader.ui.layout import Layout


@dataclass(frozen=True, slots=True)
class Move:
    cursor: int  # block index
    top: int  # first line in view


def block_at_line(layout: Layout, y: int) -> int:
    """The block shown on line `y`, or the next one below it (the last block past the end)."""
    for line in layout.lines[y:]:
        if line.block >= 0:
            return line.block
    return layout.blocks[-1]


def reveal(layout: Layout, block: int, top: int, height: int, from_below: bool = False) -> int:
    """The top line that shows `block` with the least scrolling (its start if it is too tall;
    its end instead when arriving `from_below`)."""
    first, last = layout.first_line[block], layout.last_line[block]
    bottom = top + height - 1
    if first >= top and last <= bottom:
        return top
    if last - first + 1 > height:
        return last - height + 1 if from_below else first
    return last - height + 1 if last > bottom else first


def _in_view(layout: Layout, block: int, top: int, height: int) -> bool:
    return layout.last_line[block] >= top and layout.first_line[block] <= top + height - 1


def cursor_down(layout: Layout, cursor: int, top: int, height: int, max_top: int) -> Move:
    if not _in_view(layout, cursor, top, height):
        return Move(block_at_line(layout, top), top)
    if layout.last_line[cursor] > top + height - 1:
        return Move(cursor, top + 1)  # read on through a block taller than the view
    position = layout.order[cursor]
    if position + 1 < len(layout.blocks):
        following = layout.blocks[position + 1]
        return Move(following, reveal(layout, following, top, height))
    return Move(cursor, min(top + 1, max_top))


def cursor_up(layout: Layout, cursor: int, top: int, height: int) -> Move:
    if not _in_view(layout, cursor, top, height):
        return Move(block_at_line(layout, top), top)
    if layout.first_line[cursor] < top:
        return Move(cursor, top - 1)
    position = layout.order[cursor]
    if position > 0:
        previous = layout.blocks[position - 1]
        return Move(previous, reveal(layout, previous, top, height, from_below=True))
    return Move(cursor, max(top - 1, 0))


def page(layout: Layout, top: int, height: int, max_top: int, direction: int) -> Move:
    target = max(0, min(top + direction * max(height - 1, 1), max_top))
    return Move(block_at_line(layout, target), target)


def reading_position(
    article: Article, layout: Layout, top: int, height: int, cursor: int, anchor: int | None
) -> int:
    """The reading position, a source offset: the start of the passage under the cursor when
    it begins in view, else of the first text line in view (inside a long passage read line
    by line). Restoring it puts that passage at the top with the cursor on it, so a resize or
    a reopening keeps the cursor's passage under the cursor. `anchor` is where the view was
    last placed: while it is still on the top line it stays the position (re-wrapping moves
    line starts, and the place given must not drift back a line)."""
    if cursor in layout.first_line:
        first = layout.first_line[cursor]
        if top < first < top + height:
            return article.blocks[cursor].start
    for index in range(top, len(layout.lines)):
        line = layout.lines[index]
        if line.block >= 0 and line.role == "text":
            block = article.blocks[line.block]
            start, end = block.to_source(line.start), block.to_source(line.end)
            if anchor is not None and start <= anchor < end:
                return anchor
            return start
    return article.blocks[cursor].start if cursor >= 0 else 0


def percent_read(layout: Layout, top: int, height: int) -> int | None:
    """How far through the article the bottom of the view is, as `less` counts it: 100 at
    the end and for an article that fits; None for an empty layout."""
    if not layout.lines:
        return None
    total = len(layout.lines)
    bottom = min(top + height, total)
    return 100 if bottom >= total else round(100 * bottom / total)
