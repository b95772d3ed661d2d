"""Turns one laid-out line of an article into a styled Strip for the reader pane.

Styles come from the pane's component classes (looked up through `style`), so themes set them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.corpus.model import Article, Block, BlockKind, reading_time_label
from reader.output import safe
from reader.ui.layout import Layout, Line

# Every component style the article view paints, for its COMPONENT_CLASSES.
COMPONENT_CLASSES = {
    "reader--title",
    "reader--heading",
    "reader--standfirst",
    "reader--meta",
    "reader--code",
    "reader--em",
    "reader--strong",
    "reader--strike",
    "reader--link",
    "reader--blockquote",
    "reader--prefix",
    "reader--rule",
    "reader--cursor",
    "reader--search",
    "reader--search-current",
    "reader--person",
    "reader--org",
    "reader--gpe",
    "reader--loc",
    "reader--norp",
    "reader--speech",
    "reader--scare",
    "reader--title-quote",
    "reader--selected",
    "reader--attribution",
    "reader--placeholder",
    "reader--sentence",
    "reader--selection",
    "reader--bookmark",
}

CURSOR_MARK = "▎"
BOOKMARK_MARK = "◆"

BLOCK_STYLES = {
    BlockKind.TITLE: "reader--title",
    BlockKind.HEADING: "reader--heading",
    BlockKind.STANDFIRST: "reader--standfirst",
    BlockKind.CODE: "reader--code",
    BlockKind.NOTE: "reader--meta",
}
MARK_STYLES = {
    "em": "reader--em",
    "strong": "reader--strong",
    "strike": "reader--strike",
    "code": "reader--code",
    "link": "reader--link",
    "note": "reader--meta",
}

# (display start, display end, component class) within one block.
Highlight = tuple[int, int, str]


def meta_text(article: Article) -> str:
    parts = [
        article.metadata.source,
        article.metadata.author,
        article.metadata.date,
        article.path.name,
        f"{article.word_count:,} words",
        f"{reading_time_label(article.word_count)} read",
        article.encoding if article.encoding != "UTF-8" else "",
    ]
    return " · ".join(part for part in parts if part)


def fit_cells(text: str, width: int) -> str:
    """`text` on one line of `width` cells, ending in "…" when it had to be cut; control
    characters, tabs and line breaks shown as symbols. Linear in `width`, however long the text
    (only its start can be shown)."""
    head = safe(text[: 4 * width + 64], tabs=False)
    more = len(head) < len(text)
    cut, cells = None, 0
    for index, character in enumerate(head):
        cells += get_character_cell_size(character)
        if cut is None and cells > width - 1:
            cut = index
        if cells > width:
            break
    else:
        if not more:
            return head
        cut = len(head) if cut is None else cut
    return head[:cut].rstrip() + "…"


def excerpt(text: str, width: int) -> str:
    """A passage on one line, cut to `width` cells, in quotation marks (its own, if it opens
    with one)."""
    # Only the start can be shown: a whole 50 MB passage is never folded for a line.
    flat = " ".join(text[: width * 4 + 256].split())
    if flat[:1] in "“\"‘'«":
        return fit_cells(flat, width)
    return f"“{fit_cells(flat, max(width - 2, 1))}”"


class LineRenderer:
    def __init__(self, style: Callable[[str], Style]) -> None:
        self._style = style

    def render(
        self,
        line: Line,
        article: Article,
        layout: Layout,
        *,
        margin: int,
        cursor: int,
        highlights: Mapping[int, Sequence[Highlight]],
        base: Style,
        bookmarked: bool = False,
    ) -> Strip:
        segments = self._gutter(line.block >= 0 and line.block == cursor, bookmarked, margin, base)
        style = self._style

        if line.role == "meta":
            meta = fit_cells(meta_text(article), layout.width)
            segments.append(Segment(meta, base + style("reader--meta")))
        elif line.role == "title":
            title = article.title[line.start : line.end].rstrip()
            segments.append(Segment(title, base + style("reader--title")))
        elif line.role == "attribution":
            label = fit_cells(line.label, layout.width)
            padding = " " * (layout.width - cell_len(label))
            segments.append(Segment(padding + label, base + style("reader--attribution")))
        elif line.role == "rule":
            segments.append(Segment("─" * layout.width, base + style("reader--rule")))
        elif line.role == "text":
            block = article.blocks[line.block]
            if line.indent:
                name = "reader--blockquote" if block.quote_depth else "reader--prefix"
                segments.append(Segment(line.indent, base + style(name)))
            segments.extend(self._text(line, block, highlights.get(line.block, ()), base))
        return Strip(segments)

    def _gutter(self, on_cursor: bool, bookmarked: bool, margin: int, base: Style) -> list[Segment]:
        """The margin left of the text: the cursor mark two cells from the text, a bookmark's
        mark left of it. With no room for both (a narrow pane), a bookmarked line under the
        cursor shows the bookmark's mark in the cursor's colour."""
        style = self._style
        cursor_column = max(margin - 2, 0)
        marks: dict[int, Segment] = {}
        if bookmarked:
            column = cursor_column - 1 if cursor_column >= 1 else cursor_column
            marks[column] = Segment(BOOKMARK_MARK, base + style("reader--bookmark"))
        if on_cursor:
            glyph = BOOKMARK_MARK if bookmarked and cursor_column == 0 else CURSOR_MARK
            marks[cursor_column] = Segment(glyph, base + style("reader--cursor"))
        segments, column = [], 0
        for at in sorted(marks):
            if at > column:
                segments.append(Segment(" " * (at - column), base))
            segments.append(marks[at])
            column = at + 1
        if margin > column:
            segments.append(Segment(" " * (margin - column), base))
        return segments

    def _text(
        self, line: Line, block: Block, highlights: Sequence[Highlight], base: Style
    ) -> list[Segment]:
        text = block.text
        end = line.start + len(text[line.start : line.end].rstrip())
        if end <= line.start:
            return []
        block_style = base
        if block.kind in BLOCK_STYLES:
            block_style += self._style(BLOCK_STYLES[block.kind])
        if block.quote_depth:
            block_style += self._style("reader--blockquote")
        ranges = [(mark.start, mark.end, MARK_STYLES[mark.kind]) for mark in block.marks]
        ranges += highlights
        # Cut the line wherever a style starts or stops; each piece gets every style covering it.
        cuts = {line.start, end}
        for start, stop, _name in ranges:
            if start < end and stop > line.start:
                cuts.update((max(start, line.start), min(stop, end)))
        segments = []
        for start, stop in pairwise(sorted(cuts)):
            piece_style = block_style
            for range_start, range_stop, name in ranges:
                if range_start <= start and stop <= range_stop:
                    piece_style += self._style(name)
            segments.append(Segment(text[start:stop].replace("\t", "    "), piece_style))
        return segments
