"""The reader pane: a Line API view over an article laid out for the current width.

Lines are wrapped per width (`reader.ui.layout`) and rendered on demand into cached strips. A
passage cursor (a block) moves with j/k; highlights (search hits, entities, quotations, the
chosen text) arrive as source spans and are converted to display offsets through each block's
offset map.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.corpus.find import HitList, TextHit, hits_for_span
from reader.corpus.model import Article, Block
from reader.ui.highlights import LayeredHighlights
from reader.ui.layout import Layout, layout_article, measure_width, with_attributions
from reader.ui.messages import post_own
from reader.ui.navigation import (
    Move,
    block_at_line,
    cursor_down,
    cursor_up,
    page,
    percent_read,
    reading_position,
    reveal,
)
from reader.ui.styles import layered_style
from reader.ui.widgets.article_analysis import AnalysisMarks
from reader.ui.widgets.article_bookmarks import BookmarkMarks
from reader.ui.widgets.article_choice import Choice
from reader.ui.widgets.article_keys import ARTICLE_BINDINGS
from reader.ui.widgets.article_matches import Matches
from reader.ui.widgets.article_messages import (
    EntityFilterRequested,
    LinkClicked,
    LinksRequested,
    MatchesFound,
    PositionChanged,
)
from reader.ui.widgets.line_renderer import COMPONENT_CLASSES, LineRenderer

# Above this many characters, layout runs in a thread so opening the article never freezes.
_BACKGROUND_LAYOUT_CHARS = 1_000_000


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; owns its passage cursor, what is chosen, in-article search and
    scrolling."""

    COMPONENT_CLASSES = COMPONENT_CLASSES
    BINDINGS = ARTICLE_BINDINGS

    measure: reactive[int] = reactive(80)
    show_analysis: reactive[bool] = reactive(True)
    cursor: reactive[int] = reactive(-1, init=False)

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.article: Article | None = None
        self.placeholder = "No article open."
        self.highlights = LayeredHighlights()  # what the helpers below paint
        # The parts of reading an article, each owning its state: the in-article search,
        # the analysis' marks, what is chosen, the article's bookmarks.
        self.matches = Matches(self)
        self.marks = AnalysisMarks(self)
        self.choice = Choice(self)
        self.bookmarks = BookmarkMarks(self)
        self._bare: Layout | None = None  # wrapped for the width, without speaker lines
        self._layout: Layout | None = None  # what is shown: `_bare` with the speakers
        self._layout_width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._renderer = LineRenderer(self.component_style)
        self._pending_anchor: int | None = None
        self._anchor: int | None = None  # the source offset the view was last placed at
        self._keep_cursor = False
        self._placing = False  # a new layout is being scrolled into place

    # ----------------------------------------------------------------- showing an article

    def show_article(self, article: Article | None, position: int = 0) -> None:
        """Show `article` with the passage at source offset `position` at the top."""
        self.article = article
        self.matches.forget()
        self.marks.forget()
        self.highlights = LayeredHighlights()
        self.choice.forget()
        self.bookmarks.forget()
        self._bare = self._layout = None
        self._relayout(anchor=position)

    def show_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.show_article(None)

    @property
    def position(self) -> int:
        """The reading position, a source offset (see `reading_position`)."""
        layout, article = self._layout, self.article
        if layout is None or article is None:
            return self._pending_anchor or 0
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        return reading_position(article, layout, top, height, self.cursor, self._anchor)

    @property
    def reading_percent(self) -> int | None:
        """How far through the article the bottom of the view is (None while laying out)."""
        layout = self._layout
        if layout is None:
            return None
        return percent_read(layout, int(self.scroll_y), self.scrollable_content_region.height)

    def _relayout(self, anchor: int | None = None) -> None:
        """Wrap the article for the pane's width anew (a new article, width or measure)."""
        # A new width or measure keeps the cursor's passage in view; a new article starts afresh.
        self._keep_cursor = anchor is None and self.cursor >= 0
        if anchor is None:
            anchor = self.position
        article = self.article
        width = self.scrollable_content_region.width or self.size.width
        self._layout_width = width
        self._strips.clear()
        if article is None or width <= 0:
            self._bare = self._layout = None
            self._pending_anchor = anchor
            self.virtual_size = Size(width, 1)
            self.refresh()
            return
        text_width = measure_width(width, self.measure)
        if len(article.source) > _BACKGROUND_LAYOUT_CHARS:
            if self._layout is not None:
                # The same article at a new width: the old layout stays on screen and keeps
                # moving until the new one is ready, and the place read by then is kept.
                self._pending_anchor = None
            else:
                self._pending_anchor = anchor
                self.placeholder = "Laying out a long article…"
            self.run_worker(
                lambda: (article, text_width, layout_article(article, text_width)),
                thread=True,
                exclusive=True,
                group="layout",
                name="layout",
            )
            self.refresh()
            return
        self._bare = layout_article(article, text_width)
        self._apply_layout(anchor or 0)

    def _respeak(self) -> None:
        """The speakers changed (the analysis arrived, the colours were switched): their lines
        go in or out of the layout there is, never wrapped again, and the place read stays."""
        if self._bare is not None and self.article is not None:
            self._keep_cursor = self.cursor >= 0
            self._apply_layout(self.position)

    def on_worker_state_changed(self, event) -> None:
        worker = event.worker
        if worker.name == "layout" and worker.is_finished and worker.result is not None:
            article, text_width, bare = worker.result
            # A layout made for another article (or width) than the one shown now is stale.
            current_width = measure_width(self._layout_width, self.measure)
            if article is self.article and text_width == current_width:
                anchor = self._pending_anchor
                self._bare = bare
                self._apply_layout(self.position if anchor is None else anchor)

    def _apply_layout(self, anchor: int) -> None:
        """Show the wrapped article with its speakers, the source offset `anchor` at the top."""
        assert self.article is not None and self._bare is not None
        self._layout = layout = with_attributions(self._bare, self.marks.attributions())
        self._pending_anchor = None
        self.bookmarks.mark_lines()
        self._strips.clear()
        self.virtual_size = Size(self._layout_width, len(layout.lines))
        self._anchor = anchor
        block = self.article.block_at(anchor)
        display = self.article.blocks[block].to_display(anchor) if self.article.blocks else 0
        self._placing = True  # the cursor is placed below, not moved along by the scroll
        try:
            self._jump(layout.line_of(block, display))
        finally:
            self._placing = False
        if self._keep_cursor and self.cursor in layout.first_line:
            # The reading place stays at the top; bring the cursor's passage back only if it
            # has left the view altogether (a narrower pane pushes it down).
            top, height = int(self.scroll_y), self.scrollable_content_region.height
            first, last = layout.first_line[self.cursor], layout.last_line[self.cursor]
            if last < top or first >= top + height:
                self.show_block(self.cursor)
        else:
            self.set_reactive(ArticleView.cursor, block if layout.first_line else -1)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width != self._layout_width:
            self._relayout()

    def watch_measure(self) -> None:
        if self.is_mounted:
            self._relayout()

    # ----------------------------------------------------------------- the analysis

    def set_analysis(self, analysis) -> None:
        """Colour the article's entities and quotations (they arrive after the text), and name
        the speakers under their passages."""
        self.marks.set_analysis(analysis)
        self._respeak()

    def watch_show_analysis(self) -> None:
        self.marks.rebuild()
        if self.is_mounted:
            self._respeak()

    # ----------------------------------------------------------------- cursor and scrolling

    def watch_cursor(self, old: int, new: int) -> None:
        # Only the lines of the two blocks whose cursor mark changed are redrawn.
        layout = self._layout
        for block in (old, new):
            if layout is not None and block in layout.first_line:
                first, last = layout.first_line[block], layout.last_line[block]
                # Only the cached lines (a passage may be a million lines long).
                cached = self._strips.keys()  # (an LRUCache cannot be iterated itself)
                for line in [line for line in cached if first <= line <= last]:
                    self._strips.discard(line)
                top = max(first, int(self.scroll_y))
                bottom = min(last, int(self.scroll_y) + self.size.height)
                if top <= bottom:
                    self.refresh_lines(top, bottom - top + 1)
        self.choice.cursor_moved()
        self.bookmarks.unflash()
        self._post_position()

    def _post_position(self) -> None:
        if self.article is not None and self._layout is not None:
            post_own(self, PositionChanged(self.article, self.position))

    def _jump(self, y: float) -> None:
        """Scroll to line `y` now (`scroll_to` defers until the next refresh)."""
        y = max(0, min(int(y), int(self.max_scroll_y)))
        self.scroll_target_y = y
        self.scroll_y = y

    def _move(self, move: Move) -> None:
        self._jump(move.top)
        self.cursor = move.cursor
        self._post_position()

    def show_block(self, block: int, from_below: bool = False) -> None:
        assert self._layout is not None
        height = self.scrollable_content_region.height
        self._move(Move(block, reveal(self._layout, block, int(self.scroll_y), height, from_below)))

    @property
    def can_move(self) -> bool:
        return self._layout is not None and self.cursor in self._layout.order

    @property
    def layout(self) -> Layout | None:
        """The article as laid out on screen (None while it is being laid out)."""
        return self._layout

    @property
    def cursor_block(self) -> Block | None:
        """The passage under the cursor."""
        if self.article is None or self.cursor < 0:
            return None
        return self.article.blocks[self.cursor]

    def bring_into_view(self, line: int) -> None:
        """Scroll so that `line` shows (a third of the way down), if it does not already."""
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if not top <= line < top + height:
            self._jump(max(0, line - height // 3))

    def go_to(self, hit: TextHit | None) -> None:
        """Bring a hit into view and put the cursor on its block."""
        if hit is None or self._layout is None:
            return
        self.bring_into_view(self._layout.line_of(hit.block, hit.start))
        self.cursor = hit.block

    def start_from_cursor(self, hits: HitList) -> None:
        """Make the first hit at or after the cursor current, and go to it."""
        layout = self._layout
        if layout is None:
            return
        here = layout.first_line.get(self.cursor, 0)
        self.go_to(hits.start_at(lambda hit: layout.line_of(hit.block, hit.start) >= here))

    def go_to_source(self, offset: int) -> None:
        """Put the cursor on the passage holding a source offset (a quotation, a mention)."""
        if self.article is not None:
            hits = hits_for_span(self.article, offset, offset + 1)
            if hits:
                self.go_to(hits[0])

    def action_move(self, how: str) -> None:
        """j/k, paging, top and bottom (see `reader.ui.navigation`)."""
        layout = self._layout
        if layout is None or not self.can_move:
            return
        cursor, height = self.cursor, self.scrollable_content_region.height
        top, max_top = int(self.scroll_y), int(self.max_scroll_y)
        moves = {
            "down": lambda: cursor_down(layout, cursor, top, height, max_top),
            "up": lambda: cursor_up(layout, cursor, top, height),
            "page_down": lambda: page(layout, top, height, max_top, 1),
            "page_up": lambda: page(layout, top, height, max_top, -1),
            "half_down": lambda: page(layout, top, height // 2 + 1, max_top, 1),
            "half_up": lambda: page(layout, top, height // 2 + 1, max_top, -1),
            "top": lambda: Move(layout.blocks[0], 0),
            "bottom": lambda: Move(layout.blocks[-1], max_top),
        }
        self._move(moves[how]())

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        # The wheel and the scrollbar move the view; keep the cursor on something in it.
        layout = self._layout
        if layout is None or self.cursor < 0 or self.cursor not in layout.first_line:
            return
        if self._placing:
            return
        top = int(new)
        bottom = top + self.scrollable_content_region.height - 1
        if layout.last_line[self.cursor] < top or layout.first_line[self.cursor] > bottom:
            self.cursor = block_at_line(layout, top)
        elif int(old) != top:
            self._post_position()  # the reading place moved (and the percentage with it)

    def on_click(self, event: events.Click) -> None:
        layout, article = self._layout, self.article
        if layout is None or article is None:
            return
        y = int(self.scroll_y) + event.y
        if not 0 <= y < len(layout.lines) or layout.lines[y].block < 0:
            return
        line = layout.lines[y]
        block = article.blocks[line.block]
        column = event.x - self._left_margin() - len(line.indent)
        offset = min(line.start + max(column, 0), max(line.end - 1, line.start))
        if event.shift:
            self.choice.extend_to(line.block, offset)
            return
        self.cursor = line.block
        for mark in block.marks:
            if mark.kind == "link" and mark.start <= offset < mark.end:
                post_own(self, LinkClicked(mark.href))

    # ----------------------------------------------------------------- the helpers' keys

    def on_matches_found(self, message: MatchesFound) -> None:
        message.stop()
        self.matches.take(message)

    def action_step(self, kind: str, step: int) -> None:
        """To the next (1) or previous (-1) search match, mention of the chosen entity,
        sentence or bookmark."""
        stepper = {
            "match": self.matches.step,
            "mention": self.marks.step_mention,
            "sentence": self.choice.step_sentence,
            "bookmark": self.bookmarks.step,
        }[kind]
        stepper(step)

    def action_select(self) -> None:
        self.choice.select()

    def action_drop_choice(self) -> None:
        self.choice.drop_one()

    def action_keep(self) -> None:
        self.choice.keep()

    def action_copy(self) -> None:
        self.choice.copy()

    def action_filter_by_entity(self) -> None:
        entity = self.marks.entity_at_cursor()
        if entity is None:
            self.notify("No one is named in this passage: e lists the article's entities")
            return
        post_own(self, EntityFilterRequested(entity))

    def action_open_link(self) -> None:
        block = self.cursor_block
        links = block.links() if block is not None else []
        if not links:
            self.notify("No link in this passage")
            return
        post_own(self, LinksRequested(links))

    # ----------------------------------------------------------------- rendering

    def repaint(self) -> None:
        """Draw every line anew (what is marked changed)."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _left_margin(self) -> int:
        layout = self._layout
        return max((self._layout_width - layout.width) // 2, 1) if layout else 1

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        index = int(self.scroll_y) + y
        layout = self._layout
        base = self.rich_style
        if layout is None or self.article is None:
            if y == 1:
                style = base + self.component_style("reader--placeholder")
                return Strip([Segment(f"  {self.placeholder}", style)]).extend_cell_length(
                    width, base
                )
            return Strip.blank(width, base)
        if index >= len(layout.lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._renderer.render(
                layout.lines[index],
                self.article,
                layout,
                margin=self._left_margin(),
                cursor=self.cursor,
                bookmarked=index in self.bookmarks.lines,
                highlights=self.highlights,
                base=base,
            )
            strip = strip.adjust_cell_length(width, base)
            self._strips[index] = strip
        return strip.apply_offsets(0, index)

    def component_style(self, name: str) -> Style:
        return layered_style(self, name)
