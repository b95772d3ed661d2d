"""The article list: two lines a row (read mark and title; source, length, date), drawn on demand.

A Line API view: rows live in plain arrays (every row by id, the visible order as a list of ids),
so 100,000 articles cost no widgets, a title update redraws one row, and sorting or filtering
rebuilds an array, not the screen. The list tells the app which article is highlighted or opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.corpus.model import reading_time_label
from reader.services.library import ArticleRow
from reader.ui.messages import post_own
from reader.ui.styles import layered_style
from reader.ui.widgets.line_renderer import fit_cells

ROW_HEIGHT = 2
# While the index fills in titles, a re-sort waits this long so batches don't each pay for one.
_RESORT_DELAY = 0.4


class SortOrder(StrEnum):
    PATH = "folder order"
    TITLE = "title"
    DATE = "newest first"
    LENGTH = "longest first"
    SOURCE = "source"
    UNREAD = "unread first"


def _sort_key(order: SortOrder):
    if order is SortOrder.TITLE:
        return lambda row: (row.title.casefold(), row.path)
    if order is SortOrder.DATE:
        # Dates are ISO-like strings where known; undated articles go last.
        return lambda row: (not row.date, _Descending(row.date), row.path)
    if order is SortOrder.LENGTH:
        return lambda row: (-(row.words or 0), row.path)
    if order is SortOrder.SOURCE:
        return lambda row: (not row.source, row.source.casefold(), row.title.casefold())
    if order is SortOrder.UNREAD:
        return lambda row: (row.read, row.path)
    return lambda row: row.path


class _Descending(str):
    __slots__ = ()

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)


def row_info(row: ArticleRow) -> str:
    if row.words is None:
        return row.name
    parts = [row.source, row.date, reading_time_label(row.words), f"{row.words:,} words"]
    return " · ".join(part for part in parts if part)


class ArticleList(ScrollView, can_focus=True):
    """The corpus as a list; the cursor row is the highlighted article."""

    COMPONENT_CLASSES = {
        "article-list--unread",
        "article-list--read",
        "article-list--title-unread",
        "article-list--info",
        "article-list--cursor",
        "article-list--placeholder",
    }

    DEFAULT_CSS = """
    ArticleList { height: 1fr; scrollbar-size-vertical: 1; overflow-x: hidden; }
    ArticleList > .article-list--unread { color: $accent; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--title-unread { text-style: bold; }
    ArticleList > .article-list--info { color: $text-muted; }
    ArticleList > .article-list--cursor { background: $foreground 10%; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ArticleList > .article-list--placeholder { color: $text-muted; text-style: italic; }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "open", "Open", show=False, id="list.open"),
    ]

    cursor: reactive[int] = reactive(-1, init=False)

    class Highlighted(Message):
        def __init__(self, row: ArticleRow) -> None:
            super().__init__()
            self.row = row

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Highlighted)

    class Opened(Message):
        def __init__(self, row: ArticleRow) -> None:
            super().__init__()
            self.row = row

    class Changed(Message):
        """The rows shown changed (filter, sort, rows added or dropped): for counts."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[int, ArticleRow] = {}
        self._order: list[int] = []  # ids of the rows shown, top to bottom
        self._position: dict[int, int] = {}  # id → index in _order
        self._unread = 0
        self.sort_order = SortOrder.PATH
        self.title_filter = ""
        self._keep: set[int] | None = None  # ids an entity filter keeps
        self.filter_label: str | None = None
        self.placeholder = "Opening the corpus…"
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._resort_timer = None

    # ----------------------------------------------------------------- rows in

    def set_rows(self, rows: Iterable[ArticleRow], highlight: int | None = None) -> None:
        """All the rows, in path order (as the index gives them)."""
        self._rows = {row.id: row for row in rows}
        self._unread = sum(not row.read for row in self._rows.values())
        self._rebuild(keep=highlight, in_path_order=True)

    def upsert(self, rows: Iterable[ArticleRow]) -> None:
        """Add rows or refresh them in place (a title read from the file, a read mark)."""
        reorder = False
        key = _sort_key(self.sort_order)
        known = self._rows
        for row in rows:
            old = known.get(row.id)
            if old is None:
                reorder = True
                self._unread += not row.read
            else:
                # The read mark of a row on screen is the reader's (set here, saved by the
                # app); an index batch may have looked it up before the last change.
                row.read = old.read
                if not reorder and (key(old) != key(row) or old.title != row.title):
                    reorder = True
            known[row.id] = row
        # Drawing is on demand: forget the drawn lines, the visible ones are drawn again.
        self._strips.clear()
        self.refresh()
        if reorder and not self._appended(rows):
            self._schedule_rebuild()
        post_own(self, self.Changed())

    def _appended(self, rows: Iterable[ArticleRow]) -> bool:
        """New rows that simply come after the shown ones (the index's files, in path order,
        with the list in folder order and unfiltered) join the end: no sort of every row."""
        if self.sort_order is not SortOrder.PATH or self._keep is not None or self.title_filter:
            return False
        last = self._rows[self._order[-1]].path if self._order else ""
        fresh = []
        for row in rows:
            if row.id in self._position:
                return False  # a known row changed its place
            if row.path < last:
                return False
            fresh.append(row.id)
            last = row.path
        start = len(self._order)
        self._order.extend(fresh)
        self._position.update((article_id, start + n) for n, article_id in enumerate(fresh))
        self.virtual_size = Size(self.size.width, len(self._order) * ROW_HEIGHT)
        if self.cursor < 0 and self._order:
            self.cursor = 0
        return True

    def remove(self, ids: Iterable[int]) -> None:
        """Drop rows; a removed cursor row leaves the cursor on the row that followed it."""
        current, index = self.current, self.cursor
        removed = False
        for article_id in ids:
            row = self._rows.pop(article_id, None)
            if row is not None:
                self._unread -= not row.read
                removed = True
        if removed:
            self._rebuild(keep=current.id if current else None, fallback=index)

    def set_read(self, article_id: int, read: bool) -> None:
        row = self._rows.get(article_id)
        if row is not None and row.read != read:
            row.read = read
            self._unread += -1 if read else 1
            self._redraw_row(article_id)
            if self.sort_order is SortOrder.UNREAD:
                self._schedule_rebuild()
            post_own(self, self.Changed())

    # ----------------------------------------------------------------- what is shown

    def set_filter(self, ids: set[int] | None, label: str = "") -> None:
        """Show only the articles with these ids (None: all of them again)."""
        self._keep = ids
        self.filter_label = label if ids is not None else None
        self._rebuild(keep=self.current.id if self.current else None)

    def set_title_filter(self, text: str) -> None:
        self.title_filter = text
        self._rebuild(keep=self.current.id if self.current else None, follow=True)

    def cycle_sort(self) -> SortOrder:
        orders = list(SortOrder)
        self.sort_order = orders[(orders.index(self.sort_order) + 1) % len(orders)]
        self._rebuild(keep=self.current.id if self.current else None)
        return self.sort_order

    def _schedule_rebuild(self) -> None:
        if self._resort_timer is None and self.is_mounted:
            self._resort_timer = self.set_timer(_RESORT_DELAY, self._delayed_rebuild)
        elif not self.is_mounted:
            self._rebuild(keep=None)

    def _delayed_rebuild(self) -> None:
        self._resort_timer = None
        self._rebuild(keep=self.current.id if self.current else None, quiet=True)

    def _rebuild(
        self,
        keep: int | None,
        quiet: bool = False,
        in_path_order: bool = False,
        fallback: int = 0,
        follow: bool = False,
    ) -> None:
        """The shown order anew; the cursor stays on `keep`, else goes to `fallback`.
        `follow` (a filter the reader typed): another article at the cursor's place is
        announced as highlighted, so the reader pane shows it."""
        # (Ids only: rows may have been taken out of `_rows` already.)
        was = self._order[self.cursor] if 0 <= self.cursor < len(self._order) else None
        rows = self._rows.values()
        if self._keep is not None:
            rows = (row for row in rows if row.id in self._keep)
        if self.title_filter:
            needle = self.title_filter.casefold()
            rows = (row for row in rows if needle in row.title.casefold())
        if in_path_order and self.sort_order is SortOrder.PATH:
            self._order = [row.id for row in rows]  # already in order: no sort of every row
        else:
            self._order = [row.id for row in sorted(rows, key=_sort_key(self.sort_order))]
        self._position = {article_id: index for index, article_id in enumerate(self._order)}
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._order) * ROW_HEIGHT)
        fallback = max(0, min(fallback, len(self._order) - 1))
        target = self._position.get(keep, fallback) if keep is not None else fallback
        if not self._order:
            target = -1
        elif quiet and self.cursor >= 0 and keep is not None:
            target = self._position.get(keep, min(self.cursor, len(self._order) - 1))
        if target != self.cursor:
            if quiet:
                self.set_reactive(ArticleList.cursor, target)
            else:
                self.cursor = target
        elif follow and self.current is not None and self.current.id != was:
            # The same place in the list is another article now (a filter left the one
            # there out): the reader follows it, as after a move.
            post_own(self, self.Highlighted(self.current))
        self._scroll_to_cursor()
        self.refresh()
        post_own(self, self.Changed())

    @property
    def rows(self) -> list[ArticleRow]:
        """The articles shown, in order."""
        return [self._rows[article_id] for article_id in self._order]

    @property
    def all_rows(self) -> list[ArticleRow]:
        return list(self._rows.values())

    @property
    def shown_count(self) -> int:
        return len(self._order)

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def unread_count(self) -> int:
        return self._unread

    def row(self, article_id: int) -> ArticleRow | None:
        return self._rows.get(article_id)

    @property
    def current(self) -> ArticleRow | None:
        if 0 <= self.cursor < len(self._order):
            return self._rows[self._order[self.cursor]]
        return None

    def move(self, step: int) -> ArticleRow | None:
        """Highlight the next (or previous) article in the visible order; None at either end."""
        target = self.cursor + step
        if not 0 <= target < len(self._order):
            return None
        self.cursor = target
        return self.current

    def next_unread(self) -> ArticleRow | None:
        """The first unread article after the cursor in the shown order (from the top again
        past the end); None when every shown article is read."""
        count = len(self._order)
        for step in range(1, count + 1):
            row = self._rows[self._order[(self.cursor + step) % count]]
            if not row.read:
                return row
        return None

    def select_id(self, article_id: int) -> None:
        index = self._position.get(article_id)
        if index is not None:
            self.set_reactive(ArticleList.cursor, index)
            self._strips.clear()
            self._scroll_to_cursor()
            self.refresh()

    # ----------------------------------------------------------------- keys and mouse

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < len(self._order):
                self._redraw_row(self._order[index])
        self._scroll_to_cursor()
        row = self.current
        if row is not None:
            post_own(self, self.Highlighted(row))

    def _scroll_to_cursor(self) -> None:
        if self.cursor >= 0 and self.is_mounted:
            region = Region(0, self.cursor * ROW_HEIGHT, max(self.size.width, 1), ROW_HEIGHT)
            self.scroll_to_region(region, animate=False, immediate=True, force=True)
            self._align_to_rows()

    def _align_to_rows(self) -> None:
        """The top line is an entry's first, never its second (an odd height scrolled to the
        cursor's entry leaves half an entry at the top), keeping the cursor's entry in view."""
        top = int(self.scroll_y)
        if top % ROW_HEIGHT == 0:
            return
        up = top - top % ROW_HEIGHT
        cursor_bottom = (self.cursor + 1) * ROW_HEIGHT
        height = self.scrollable_content_region.height
        aligned = up if cursor_bottom <= up + height else up + ROW_HEIGHT
        self.scroll_to(y=aligned, animate=False, immediate=True, force=True)

    def _page_rows(self) -> int:
        return max(self.scrollable_content_region.height // ROW_HEIGHT, 1)

    def _go(self, index: int) -> None:
        if self._order:
            self.cursor = max(0, min(index, len(self._order) - 1))

    def action_cursor_down(self) -> None:
        self._go(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._go(self.cursor - 1)

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(len(self._order) - 1)

    def action_page_down(self) -> None:
        self._go(self.cursor + self._page_rows())

    def action_page_up(self) -> None:
        self._go(self.cursor - self._page_rows())

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            post_own(self, self.Opened(row))

    def on_click(self, event: events.Click) -> None:
        index = (int(self.scroll_y) + event.y) // ROW_HEIGHT
        if 0 <= index < len(self._order):
            self.cursor = index
            post_own(self, self.Opened(self.current))

    # ----------------------------------------------------------------- drawing

    def _redraw_row(self, article_id: int) -> None:
        index = self._position.get(article_id)
        if index is None:
            return
        for line in range(ROW_HEIGHT):
            y = index * ROW_HEIGHT + line
            for focused in (False, True):
                self._strips.discard((y, focused))
        self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._order) * ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        index = int(self.scroll_y) + y
        if not self._order:
            if y == 1:
                style = base + self.get_component_rich_style("article-list--placeholder")
                text = fit_cells(f" {self.placeholder}", width)
                return Strip([Segment(text, style)]).extend_cell_length(width, base)
            return Strip.blank(width, base)
        row_index, line = divmod(index, ROW_HEIGHT)
        if row_index >= len(self._order):
            return Strip.blank(width, base)
        key = (index, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row_line(
                self._rows[self._order[row_index]], line, width, base, row_index == self.cursor
            )
            self._strips[key] = strip
        return strip.apply_offsets(0, index)

    def _render_row_line(
        self, row: ArticleRow, line: int, width: int, base: Style, is_cursor: bool
    ) -> Strip:
        def style(name: str) -> Style:
            return layered_style(self, name)

        if is_cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
        if line == 0:
            mark, mark_style = (
                ("● ", "article-list--unread") if not row.read else ("○ ", "article-list--read")
            )
            title_style = base + style("article-list--title-unread") if not row.read else base
            title = fit_cells(" ".join(row.title.split()), max(width - 3, 1))
            segments = [
                Segment(" ", base),
                Segment(mark, base + style(mark_style)),
                Segment(title, title_style),
            ]
        else:
            info = fit_cells(row_info(row), max(width - 3, 1))
            segments = [Segment("   ", base), Segment(info, base + style("article-list--info"))]
        return Strip(segments).adjust_cell_length(width, base)
