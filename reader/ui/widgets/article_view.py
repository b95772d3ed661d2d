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
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.analysis.model import Analysis
from reader.corpus.find import HitList
from reader.corpus.model import Article
from reader.ui.highlights import LayeredHighlights
from reader.ui.layout import Layout, layout_article, measure_width
from reader.ui.messages import post_own
from reader.ui.navigation import Move, block_at_line, cursor_down, cursor_up, page, reveal
from reader.ui.styles import layered_style
from reader.ui.widgets.article_choice import ArticleChoice
from reader.ui.widgets.article_keys import ARTICLE_BINDINGS
from reader.ui.widgets.article_marks import ArticleMarks
from reader.ui.widgets.line_renderer import LineRenderer

# Above this many characters, layout runs in a thread so opening the article never freezes.
_BACKGROUND_LAYOUT_CHARS = 1_000_000


class ArticleView(ArticleMarks, ArticleChoice, ScrollView, can_focus=True):
    """Shows one article; owns its passage cursor, what is chosen, in-article search and
    scrolling."""

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

    BINDINGS = ARTICLE_BINDINGS

    measure: reactive[int] = reactive(80)
    show_analysis: reactive[bool] = reactive(True)
    cursor: reactive[int] = reactive(-1, init=False)

    class PositionChanged(Message):
        """The reading position moved: `position` is a source offset into `article`."""

        def __init__(self, article: Article, position: int) -> None:
            super().__init__()
            self.article = article
            self.position = position

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.PositionChanged)

    class LinkClicked(Message):
        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    class MentionStepped(Message):
        def __init__(self, entity: str, current: int, total: int) -> None:
            super().__init__()
            self.entity = entity
            self.current = current
            self.total = total

    class EntityFilterRequested(Message):
        """`f`: show only the articles that mention this entity."""

        def __init__(self, entity: str) -> None:
            super().__init__()
            self.entity = entity

    class LinksRequested(Message):
        """`o`: the links of the passage under the cursor, (text, address), to choose from."""

        def __init__(self, links: list[tuple[str, str]]) -> None:
            super().__init__()
            self.links = links

    class SearchUpdated(Message):
        """Matches changed or the current one moved: for the status line."""

        def __init__(
            self, query: str, current: int, total: int, searching: bool = False, capped=False
        ) -> None:
            super().__init__()
            self.query = query
            self.current = current
            self.total = total
            self.searching = searching  # more matches may still come
            self.capped = capped  # there are more matches than `total`, not marked

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.article: Article | None = None
        self.placeholder = "No article open."
        self._layout: Layout | None = None
        self._layout_width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._renderer = LineRenderer(self.component_style)
        self._search = HitList()
        self.analysis: Analysis | None = None
        self.selected_entity: str | None = None
        self._mentions = HitList()
        self._query = ""
        self.searching = False
        self._search_round = 0  # counts searches, so a batch of an older one is dropped
        self._land_at: int | None = None  # the search's first hit at or after this offset
        self.search_capped = False
        self._highlights = LayeredHighlights()
        self._pending_anchor: int | None = None
        self._anchor: int | None = None  # the source offset the view was last placed at
        self._keep_cursor = False
        self._placing = False  # a new layout is being scrolled into place
        # What is chosen (see ArticleChoice) and the article's bookmarks.
        self.sentence: int | None = None
        self.selection_anchor = None
        self.bookmarks: list = []
        self._bookmark_lines: set[int] = set()
        self._stepping = False  # the cursor moves with a sentence step, not a passage move

    # ----------------------------------------------------------------- showing an article

    def show_article(self, article: Article | None, position: int = 0) -> None:
        """Show `article` with the passage at source offset `position` at the top."""
        self.article = article
        self.workers.cancel_group(self, "find")
        self._search_round += 1
        self._search, self._query, self.searching = HitList(), "", False
        self.analysis, self.selected_entity, self._mentions = None, None, HitList()
        self._highlights = LayeredHighlights()
        self.reset_choice()
        self.bookmarks, self._bookmark_lines = [], set()
        self._layout = None
        self._relayout(anchor=position)

    def show_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.show_article(None)

    @property
    def position(self) -> int:
        """The reading position, a source offset: the start of the passage under the cursor
        when it begins in view, else of the first text line in view (inside a long passage
        read line by line). Restoring it puts that passage at the top with the cursor on it,
        so a resize or a reopening keeps the cursor's passage under the cursor."""
        layout, article = self._layout, self.article
        if layout is None or article is None:
            return self._pending_anchor or 0
        top = int(self.scroll_y)
        cursor = self.cursor
        if cursor in layout.first_line:
            first = layout.first_line[cursor]
            if top < first < top + self.scrollable_content_region.height:
                return article.blocks[cursor].start
        for index in range(top, len(layout.lines)):
            line = layout.lines[index]
            if line.block >= 0 and line.role == "text":
                block = article.blocks[line.block]
                start, end = block.to_source(line.start), block.to_source(line.end)
                # Re-wrapping moves line starts; while the place we were given is still on the
                # top line, it stays the position (so a restore, a resize or the arrival of
                # speaker lines never drifts it back a line).
                if self._anchor is not None and start <= self._anchor < end:
                    return self._anchor
                return start
        return article.blocks[cursor].start if cursor >= 0 else 0

    @property
    def reading_percent(self) -> int | None:
        """How far through the article the bottom of the view is, as `less` counts it: 100 at
        the end and for an article that fits; None before the layout is ready."""
        layout = self._layout
        if layout is None or not layout.lines:
            return None
        total = len(layout.lines)
        bottom = min(int(self.scroll_y) + self.scrollable_content_region.height, total)
        return 100 if bottom >= total else round(100 * bottom / total)

    def _relayout(self, anchor: int | None = None) -> None:
        # A new width or measure keeps the cursor's passage in view; a new article starts afresh.
        self._keep_cursor = anchor is None and self.cursor >= 0
        if anchor is None:
            anchor = self.position
        article = self.article
        width = self.scrollable_content_region.width or self.size.width
        self._layout_width = width
        self._strips.clear()
        if article is None or width <= 0:
            self._layout = None
            self._pending_anchor = anchor
            self.virtual_size = Size(width, 1)
            self.refresh()
            return
        text_width = measure_width(width, self.measure)
        if len(article.source) > _BACKGROUND_LAYOUT_CHARS:
            if self._layout is not None:
                # The same article laid out anew (its speakers arrived, the width changed): the
                # old layout stays on screen and keeps moving until the new one is ready, and
                # the place read by then is kept.
                self._pending_anchor = None
            else:
                self._pending_anchor = anchor
                self.placeholder = "Laying out a long article…"
            attributions = self.attributions
            self.run_worker(
                lambda: (article, text_width, layout_article(article, text_width, attributions)),
                thread=True,
                exclusive=True,
                group="layout",
                name="layout",
            )
            self.refresh()
            return
        self._apply_layout(layout_article(article, text_width, self.attributions), anchor or 0)

    def on_worker_state_changed(self, event) -> None:
        worker = event.worker
        if worker.name == "layout" and worker.is_finished and worker.result is not None:
            article, text_width, layout = worker.result
            # A layout made for another article (or width) than the one shown now is stale.
            current_width = measure_width(self._layout_width, self.measure)
            if article is self.article and text_width == current_width:
                anchor = self._pending_anchor
                self._apply_layout(layout, self.position if anchor is None else anchor)

    def _apply_layout(self, layout: Layout, anchor: int) -> None:
        assert self.article is not None
        self._layout = layout
        self._pending_anchor = None
        self._mark_bookmark_lines()
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
                self._show_block(self.cursor)
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
        self.on_cursor_moved()
        self._post_position()

    def _post_position(self) -> None:
        if self.article is not None and self._layout is not None:
            post_own(self, self.PositionChanged(self.article, self.position))

    def _jump(self, y: float) -> None:
        """Scroll to line `y` now (`scroll_to` defers until the next refresh)."""
        y = max(0, min(int(y), int(self.max_scroll_y)))
        self.scroll_target_y = y
        self.scroll_y = y

    def _move(self, move: Move) -> None:
        self._jump(move.top)
        self.cursor = move.cursor
        self._post_position()

    def _show_block(self, block: int, from_below: bool = False) -> None:
        assert self._layout is not None
        height = self.scrollable_content_region.height
        self._move(Move(block, reveal(self._layout, block, int(self.scroll_y), height, from_below)))

    @property
    def _can_move(self) -> bool:
        return self._layout is not None and self.cursor in self._layout.order

    def action_cursor_down(self) -> None:
        if self._can_move:
            height = self.scrollable_content_region.height
            top, max_top = int(self.scroll_y), int(self.max_scroll_y)
            self._move(cursor_down(self._layout, self.cursor, top, height, max_top))

    def action_cursor_up(self) -> None:
        if self._can_move:
            height = self.scrollable_content_region.height
            self._move(cursor_up(self._layout, self.cursor, int(self.scroll_y), height))

    def _page(self, direction: int) -> None:
        if self._can_move:
            height = self.scrollable_content_region.height
            top, max_top = int(self.scroll_y), int(self.max_scroll_y)
            self._move(page(self._layout, top, height, max_top, direction))

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        if self._can_move:
            self._move(Move(self._layout.blocks[0], 0))

    def action_bottom(self) -> None:
        if self._can_move:
            self._move(Move(self._layout.blocks[-1], int(self.max_scroll_y)))

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
            self.extend_to(line.block, offset)
            return
        self.cursor = line.block
        for mark in block.marks:
            if mark.kind == "link" and mark.start <= offset < mark.end:
                post_own(self, self.LinkClicked(mark.href))

    # ----------------------------------------------------------------- rendering

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
                bookmarked=index in self._bookmark_lines,
                highlights=self._highlights,
                base=base,
            )
            strip = strip.adjust_cell_length(width, base)
            self._strips[index] = strip
        return strip.apply_offsets(0, index)

    def component_style(self, name: str) -> Style:
        return layered_style(self, name)
