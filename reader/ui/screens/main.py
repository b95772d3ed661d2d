"""The main screen: the sidebar (article list), the reader pane, the side panels.

It composes the widgets and calls the services (library index, state keeper); each widget owns
its own state. Slow work runs in thread workers whose results carry what they were computed
for, and are dropped when the reader has moved on by the time they arrive.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.events import Paste, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header

from reader.services.library import ArticleRow
from reader.ui.landing import Landing, SearchLanding
from reader.ui.screens.main_analysis import LibraryAnalysis
from reader.ui.screens.main_bookmarks import BookmarkActions
from reader.ui.screens.main_library import LibraryScreens
from reader.ui.screens.main_opening import Opener
from reader.ui.screens.main_panels import Panels
from reader.ui.screens.main_web import WebActions
from reader.ui.screens.main_widths import Widths
from reader.ui.widgets.article_list import ArticleList, SortOrder
from reader.ui.widgets.article_messages import (
    EntityFilterRequested,
    LinksRequested,
    PositionChanged,
)
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.line_renderer import fit_cells
from reader.ui.widgets.quote_panel import QuotePanel
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.sidebar import Sidebar

NARROW_WIDTH = 90


_HEADER_CHROME = 18  # Textual's header icon (8) and the clock's space (10)
_NARROW_HEADER_CHROME = 3  # the icon alone, narrowed


def header_subtitle(name: str, summary: str, room: int) -> str:
    """The corpus's name and its counts in `room` cells: the name is cut first, then left
    out, so the counts and the state (sorted, filtered, indexing) stay in view."""
    full = f"{name} · {summary}"
    if cell_len(full) <= room:
        return full
    left = room - cell_len(summary) - 3
    if left >= 6:
        return f"{fit_cells(name, left)} · {summary}"
    return summary


class MainScreen(Screen):
    # Not the first focusable widget: that is the title filter box, hidden until `f`.
    AUTO_FOCUS = "#articles"

    BINDINGS = [
        Binding("tab", "switch_pane", "List/Reader", priority=True, id="app.switch_pane"),
        Binding("J", "next_article", "Next article", id="app.next_article"),
        Binding("K", "previous_article", "Prev article", id="app.previous_article"),
        Binding("full_stop", "next_unread", "Next unread", show=False, id="app.next_unread"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("F", "find_everywhere", "Find in all", id="app.find_everywhere"),
        Binding("M", "bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("s", "cycle_sort", "Sort the list", show=False, id="app.sort"),
        Binding("f", "filter_titles", "Filter titles", show=False, id="app.filter_titles"),
        Binding("l", "toggle_list", "List", id="app.toggle_list"),
        Binding("ctrl+r", "rescan", "Look for new files", show=False, id="app.rescan"),
        Binding("A", "add_link", "Add a link (fetch a web page)", show=False, id="app.add_link"),
        Binding("r", "fetch_feeds", "Fetch the feeds' new articles", show=False, id="app.fetch"),
        Binding("u", "toggle_read", "Mark read/unread", show=False, id="app.toggle_read"),
        Binding(
            "E",
            "edit_article",
            "Edit the article's file in $EDITOR (reloaded after)",
            show=False,
            id="app.edit_article",
        ),
        Binding(
            "R",
            "mark_all_read",
            "Mark every article listed read (R again: undo)",
            show=False,
            id="app.mark_all_read",
        ),
        Binding("plus,equals_sign", "wider", "Wider text column", show=False, id="app.wider"),
        Binding("minus", "narrower", "Narrower text column", show=False, id="app.narrower"),
        Binding(
            "greater_than_sign", "wider_list", "Wider article list", show=False, id="app.wider_list"
        ),
        Binding(
            "less_than_sign",
            "narrower_list",
            "Narrower article list",
            show=False,
            id="app.narrower_list",
        ),
        Binding("e", "entities", "Entities", id="app.entities"),
        Binding("w", "quotes", "Who said what", id="app.quotes"),
        Binding("p", "people", "People", show=False, id="app.people"),
        Binding("Q", "all_quotations", "All quotations", show=False, id="app.all_quotations"),
        Binding("h", "toggle_highlights", "Highlights", show=False, id="app.toggle_highlights"),
        Binding("escape", "escape", "Close panel / search / filter", show=False, id="app.escape"),
    ]

    # Not run at start-up (init=False): the screen starts with the classes that fit the
    # defaults, sparing a restyle of every widget before the first paint.
    narrow: reactive[bool] = reactive(False, init=False)
    list_open: reactive[bool] = reactive(True, init=False)
    panel: reactive[str | None] = reactive(None, init=False)  # "entities", "quotes" or None

    def __init__(self) -> None:
        super().__init__(classes="-list-open")
        self.opener = Opener(self)
        self.bookmarks = BookmarkActions(self)
        self.panels = Panels(self)
        self.widths = Widths(self)
        self.library_analysis = LibraryAnalysis(self)
        self.library_screens = LibraryScreens(self)
        self.web = WebActions(self)
        self._list_before_panel = True

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        # The header and footer (a score of widgets between them) are mounted into their
        # rows once the first article is painted: styling them would delay that paint.
        yield Container(id="header-row")
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            yield ReaderPane(id="reader-column")
            # The side panels are mounted when first opened (see `side_panel`).
        yield Container(id="footer-row")

    async def _mount_chrome(self) -> None:
        if not self.is_attached:
            return  # the app closed before its first paint (q pressed at once)
        # Each takes its row's place (docked where the row was: nothing moves).
        self.query_one("#header-row").remove()
        self.query_one("#footer-row").remove()
        await self.mount(Header(icon="≡"), Footer())
        # The footer lists the keys when told the bindings changed (focus has already moved).
        self.refresh_bindings()

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.widths.restore()
        saved_order = self.app.state.get_value("sort")
        if saved_order in {order.value for order in SortOrder}:
            self.article_list.sort_order = SortOrder(saved_order)  # as the reader left it
        self.article_view.show_placeholder("Opening the corpus…")
        self.sub_title = self.app.corpus.name
        self.narrow = self.app.size.width < NARROW_WIDTH
        self.call_after_refresh(self._mount_chrome)
        if self.opener.restore_last_article():
            # The list can wait for the article's first paint; reading it would share the
            # processor with that paint.
            self.call_after_refresh(self.opener.load_corpus)
        else:
            self.opener.load_corpus()

    def on_resize(self, event: Resize) -> None:
        self.narrow = event.size.width < NARROW_WIDTH
        self.call_after_refresh(self._update_counts)  # the header's room changed

    def watch_narrow(self, old: bool, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
        self._update_counts()
        self.widths.apply()
        if old != narrow:
            self.list_open = not narrow

    def watch_list_open(self, list_open: bool) -> None:
        self.set_class(not list_open, "-list-hidden")
        self.set_class(list_open, "-list-open")
        if not list_open and self.article_list.has_focus:
            self.article_view.focus()

    def watch_panel(self, old: str | None, new: str | None) -> None:
        for panel in self.query(".side-panel"):
            panel.set_class(panel.id == new, "-open")
        # On a narrow terminal an open panel takes the reader's place.
        self.set_class(new is not None, "-panel-open")
        if old is None and new is not None:
            # The panel takes the list's room; closing it gives the room back.
            self._list_before_panel = self.list_open
            self.list_open = False
        elif old is not None and new is None:
            self.list_open = self._list_before_panel
            self.article_view.focus()

    # ----------------------------------------------------------------- the list and the pane

    def open_row(self, row: ArticleRow, land: Landing | None = None) -> None:
        """Open an article for reading: shown, focused, marked read; at `land` if given."""
        self.opener.open_row(row, land)

    def reload_corpus(self) -> None:
        """The list again from the index (after the database was repaired), then the disk."""
        self.opener.load_corpus(restart=True)

    def refresh_header(self) -> None:
        """The header again: the corpus's name or counts changed."""
        self._update_counts()

    @on(Sidebar.Activity)
    @on(ArticleList.Changed)
    def _update_counts(self) -> None:
        # The header's title has the width less its icon and the clock's space (narrower on a
        # narrow screen, see reader.tcss): worked out, not read from a header still laid out.
        chrome = _NARROW_HEADER_CHROME if self.narrow else _HEADER_CHROME
        room = (self.size.width or self.app.size.width) - chrome
        room -= cell_len(f"{self.app.title} — ")
        self.sub_title = header_subtitle(self.app.corpus.name, self.sidebar.summary(), room)

    @on(Sidebar.Listed)
    def _listed(self, event: Sidebar.Listed) -> None:
        self.opener.listed(event)

    @on(Sidebar.Indexed)
    def _indexed(self) -> None:
        self.opener.indexed()
        self.library_analysis.start()

    @on(ArticleList.Highlighted)
    def _preview(self, event: ArticleList.Highlighted) -> None:
        self.opener.preview(event)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.opener.open_row(event.row)

    @on(ReaderPane.LoadFailed)
    def _load_failed(self, event: ReaderPane.LoadFailed) -> None:
        self.opener.load_failed(event)

    @on(ReaderPane.Loaded)
    def _loaded(self, event: ReaderPane.Loaded) -> None:
        self.opener.show(event.row, event.article, event.focus, event.land)

    @on(PositionChanged)
    def _position_changed(self, event: PositionChanged) -> None:
        self.opener.position_changed(event)

    # ----------------------------------------------------------------- actions

    def action_switch_pane(self) -> None:
        if self.article_list.has_focus:
            self.article_view.focus()
            if self.opener.shown is not None:
                self.opener.mark_read(self.opener.shown, True)
            if self.narrow:
                self.list_open = False
        else:
            self.list_open = True
            self.article_list.focus()

    def action_toggle_list(self) -> None:
        self.list_open = not self.list_open
        if self.list_open and self.narrow:
            self.article_list.focus()

    def _step_article(self, step: int) -> None:
        row = self.article_list.move(step)
        if row is None:
            self.notify("No more articles" if step > 0 else "This is the first article")
            return
        self.opener.pass_to(row)

    def action_next_unread(self) -> None:
        row = self.article_list.next_unread()
        if row is None:
            self.notify("No unread articles in the list")
            return
        self.article_list.select_id(row.id)
        self.opener.pass_to(row)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_toggle_read(self) -> None:
        row = self.article_list.current
        if row is not None:
            self.opener.mark_read(row.id, not row.read)

    def action_edit_article(self) -> None:
        self.opener.edit_shown()

    def action_mark_all_read(self) -> None:
        self.opener.mark_all_read()

    def action_rescan(self) -> None:
        if any(w.group == "index" and not w.is_finished for w in self.workers):
            self.notify("Already looking through the folders", timeout=2)
            return
        self.notify("Looking for new, changed and deleted files…", timeout=2)
        self.opener.load_corpus(rescan=True)

    def action_add_link(self) -> None:
        self.web.ask_for_link()

    def action_fetch_feeds(self) -> None:
        self.web.fetch_feeds()

    def action_subscribe_feed(self) -> None:
        self.web.ask_for_feed()

    def on_paste(self, event: Paste) -> None:
        """An address pasted where no box takes text: offered as a link to add."""
        from textual.widgets import Input

        text = event.text.strip()
        if isinstance(self.focused, Input) or not text.lower().startswith(("http://", "https://")):
            return
        if len(text.split()) == 1:
            event.stop()
            self.web.ask_for_link(text)

    def action_cycle_sort(self) -> None:
        order = self.article_list.cycle_sort()
        self.app.state.set_value("sort", order.value)
        self.reader.say(f"Articles sorted: {order.value} · s for the next order")

    async def action_filter_titles(self) -> None:
        self.list_open = True
        await self.sidebar.open_filter()

    async def action_search(self) -> None:
        await self.reader.open_search()

    def action_find_everywhere(self) -> None:
        from reader.ui.screens.corpus_search import SearchScreen

        search = SearchScreen(self.app.state.search, self.app.corpus.paths)
        self.app.push_screen(search, self._search_chosen)

    def _search_chosen(self, choice) -> None:
        if choice is None:
            return
        if choice.bookmark is not None:
            self.bookmarks.open(choice.bookmark)
            return
        row = self.article_list.row(choice.article_id)
        if row is None:
            self.notify("That article is no longer in the list", severity="warning")
            return
        if self.article_list.shown_count != self.article_list.total_count:
            self.sidebar.clear_filters()
        land = SearchLanding(choice.query, choice.terms, choice.snippet) if choice.terms else None
        self.opener.open_row(row, land)

    def action_escape(self) -> None:
        if self.panel is not None:
            self.panel = None
        elif self.reader.close_search():
            return
        elif self.article_view.marks.selected_entity:
            self.article_view.marks.select_entity(None)
        elif self.sidebar.clear_filters():
            return
        elif self.narrow and self.list_open:
            self.list_open = False

    # ----------------------------------------------------------------- widths, panels, bookmarks

    def action_wider(self) -> None:
        self.widths.step_measure(4)

    def action_narrower(self) -> None:
        self.widths.step_measure(-4)

    def action_wider_list(self) -> None:
        self.widths.step_list(4)

    def action_narrower_list(self) -> None:
        self.widths.step_list(-4)

    async def action_entities(self) -> None:
        await self.panels.toggle("entities")

    async def action_quotes(self) -> None:
        await self.panels.toggle("quotes")

    def action_people(self) -> None:
        self.library_screens.open_people()

    def action_all_quotations(self) -> None:
        self.library_screens.open_quotations()

    def action_toggle_highlights(self) -> None:
        self.reader.toggle_highlights()

    @on(ReaderPane.Analysed)
    def _analysed(self, event: ReaderPane.Analysed) -> None:
        self.panels.show(event.analysis)
        self.library_analysis.article_analysed()

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        self.panels.mark_entity(event.entity)

    @on(QuotePanel.Chosen)
    def _quote_chosen(self, event: QuotePanel.Chosen) -> None:
        self.panels.go_to_quote(event.start)

    @on(EntityPanel.FilterRequested)
    @on(EntityFilterRequested)
    def _filter_by_entity(self, event) -> None:
        self.sidebar.filter_by_entity(event.entity)

    @on(LinksRequested)
    def _links_requested(self, event: LinksRequested) -> None:
        self.panels.choose_link(event.links)

    def action_bookmarks(self) -> None:
        self.bookmarks.open_screen()

    def action_export_bookmarks(self) -> None:
        self.bookmarks.export("md")

    def action_export_bookmarks_json(self) -> None:
        self.bookmarks.export("json")
