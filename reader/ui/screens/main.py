"""The main screen: the sidebar (article list), the reader pane, the side panels.

It composes the widgets and calls the services (library index, state keeper); each widget owns
its own state. Slow work runs in thread workers whose results carry what they were computed
for, and are dropped when the reader has moved on by the time they arrive.
"""

from __future__ import annotations

import threading

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header

from reader.corpus.discover import Skipped
from reader.corpus.model import Article
from reader.services.library import ArticleRow
from reader.ui.landing import Landing, SearchLanding
from reader.ui.screens.main_bookmarks import BookmarkActions
from reader.ui.screens.main_panels import Panels
from reader.ui.screens.main_widths import Widths
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.quote_panel import QuotePanel
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.sidebar import EMPTY_CORPUS, Sidebar

NARROW_WIDTH = 90
_PREVIEW_DELAY = 0.1
# An article passed through with J/K/. counts as read once scrolled, or after this long open.
READ_AFTER_SECONDS = 5.0


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
        Binding("u", "toggle_read", "Mark read/unread", show=False, id="app.toggle_read"),
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
        self._shown: int | None = None  # the id of the article in the reader pane
        self._opening: int | None = None  # the article being opened (not just previewed)
        self.bookmarks = BookmarkActions(self)
        self.panels = Panels(self)
        self.widths = Widths(self)
        self._list_before_panel = True
        self._preview_timer = None
        self._passing: int | None = None  # opened with J/K/., not yet read
        self._passing_from = 0
        self._read_timer = None
        self._looking_for: ArticleRow | None = None  # its file went while the index runs
        # Set once the first article is on screen: the indexer waits for it before it reads.
        self._first_paint = threading.Event()

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
        self.article_view.show_placeholder("Opening the corpus…")
        self.sub_title = self.app.corpus.name
        self.narrow = self.app.size.width < NARROW_WIDTH
        self.call_after_refresh(self._mount_chrome)
        if self._restore_last_article():
            # The list can wait for the article's first paint; reading it would share the
            # processor with that paint.
            self.call_after_refresh(self._load_corpus)
        else:
            self._load_corpus()

    def on_resize(self, event: Resize) -> None:
        self.narrow = event.size.width < NARROW_WIDTH

    def watch_narrow(self, old: bool, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
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

    # ----------------------------------------------------------------- the corpus

    def _restore_last_article(self) -> bool:
        """Show the last article at once, before the list is read; False if there is none."""
        state = self.app.state
        last = state.get_value("last_article")
        row = state.article(int(last)) if last and last.isdigit() else None
        if row is None or not state.is_under(row.id, self.app.corpus.paths):
            return False
        if not row.file.exists():
            return False  # moved or deleted: the index finds it (the list then highlights it)
        self._load_first(row)
        return True

    def _load_first(self, row: ArticleRow) -> None:
        """The first article of a session: a small one is read here and now (a millisecond or
        two), sparing the hop through a thread on the way to the first paint."""
        article = self.reader.load(row, focus=False, at_once=True)
        if article is not None:
            self._show(row, article, focus=False)

    def _load_corpus(self, rescan: bool = False) -> None:
        last = self.app.state.get_value("last_article")
        self.sidebar.load(
            self.app.state.database,
            self.app.corpus.paths,
            self._first_paint,
            highlight=int(last) if last and last.isdigit() else None,
            rescan=rescan,
        )

    def reload_corpus(self) -> None:
        """The list again from the index (after the database was repaired), then the disk."""
        self._load_corpus()

    @on(Sidebar.Listed)
    def _listed(self, event: Sidebar.Listed) -> None:
        article_list = self.article_list
        current = article_list.current
        if current is not None and (event.restored or not self.list_open):
            self.article_view.focus()
        else:
            article_list.focus()

    def _reopen_moved(self, row: ArticleRow, focus: bool, land: Landing | None = None) -> None:
        if focus:
            self.open_row(row, land)
        else:
            self.article_list.select_id(row.id)
            self._load_first(row)

    @on(Sidebar.Indexed)
    def _indexed(self) -> None:
        self._first_paint.set()
        looked_for, self._looking_for = self._looking_for, None
        if looked_for is not None and self.article_view.article is None:
            found = self.article_list.row(looked_for.id)
            if found is not None and found.path != looked_for.path:
                self._reopen_moved(found, focus=False)
            else:
                self._lost(looked_for, focus=False)
        if self.article_list.total_count == 0:
            self.article_view.show_placeholder(EMPTY_CORPUS)

    @on(Sidebar.Activity)
    @on(ArticleList.Changed)
    def _update_counts(self) -> None:
        self.sub_title = f"{self.app.corpus.name} · {self.sidebar.summary()}"

    # ----------------------------------------------------------------- opening articles

    @on(ArticleList.Highlighted)
    def _preview(self, event: ArticleList.Highlighted) -> None:
        # Opening an article moves the highlight too; that must not replace the open with a preview.
        if event.row.id == self._opening:
            return
        self._cancel_preview()
        if self.article_view.article is None:
            self._load_first(event.row)
        else:
            # Holding j runs down the list: show the article where the cursor comes to rest,
            # not every one it passes.
            row = event.row
            self._preview_timer = self.set_timer(
                _PREVIEW_DELAY, lambda: self.reader.load(row, focus=False)
            )

    def _cancel_preview(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.open_row(event.row)

    def open_row(self, row: ArticleRow, land: Landing | None = None) -> None:
        """Open an article for reading: shown, focused, marked read; at `land` if given."""
        self._cancel_preview()
        self._opening = row.id
        self.article_list.select_id(row.id)
        if land is not None and self._shown == row.id and self.article_view.article is not None:
            self.reader.land(land)  # open already: only the place changes
            self.article_view.focus()
            return
        self.reader.load(row, focus=True, land=land)

    @on(ReaderPane.LoadFailed)
    def _load_failed(self, event: ReaderPane.LoadFailed) -> None:
        row = event.row
        self._opening = None
        listed = self.article_list.row(row.id)
        if listed is not None and listed.path != row.path:
            # The index found the file elsewhere while it was being read at its old path.
            if self.article_view.article is None or event.focus:
                self._reopen_moved(listed, event.focus, event.land)
            return
        if self.sidebar.indexing and not row.file.exists():
            # Moved or renamed, perhaps: the running index finds it by its content.
            self._looking_for = row
            self._first_paint.set()
            self.article_view.show_placeholder(f"Looking for {row.name}: it is no longer there…")
            return
        self._lost(row, event.focus, event.reason)

    def _lost(self, row: ArticleRow, focus: bool, reason: str = "file vanished") -> None:
        """The article cannot be read: off the list, said, and the next one shown."""
        self.article_list.remove([row.id])
        self.sidebar.report_skipped([Skipped(row.file, reason)])
        following = self.article_list.current
        if not focus and following is not None and self.article_view.article is None:
            # Nothing is shown yet (the first article of a folder could not be read): show the
            # next readable one rather than an error page.
            self._load_first(following)
            return
        self._first_paint.set()
        self.article_view.show_placeholder(f"Cannot show {row.name}: {reason}")

    @on(ReaderPane.Loaded)
    def _loaded(self, event: ReaderPane.Loaded) -> None:
        self._show(event.row, event.article, event.focus, event.land)

    def _show(
        self, row: ArticleRow, article: Article, focus: bool, land: Landing | None = None
    ) -> None:
        state = self.app.state
        if self._shown != row.id or self.article_view.article is None:
            if self._shown is not None:
                state.flush()  # the article we leave keeps its place on disk
            self.reader.show(row, article, state.position_of(row.id) or 0)
            # Threads started before the article is painted would share the processor (and
            # the interpreter lock) with that paint.
            self.call_after_refresh(self._first_paint.set)
            self._shown = row.id
            state.set_value("last_article", str(row.id))
            self.panels.show(None)
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if focus and self._passing == row.id:
            self._opening = None
            self._passing_from = self.article_view.position
            self._read_timer = self.set_timer(
                READ_AFTER_SECONDS, lambda: self._mark_read(row.id, True)
            )
            self.article_view.focus()
        elif focus:
            self._opening = None
            self._passing = None
            self._mark_read(row.id, True)
            if self.narrow:
                self.list_open = False
            self.article_view.focus()
        if land is not None:
            self.reader.land(land)

    def _mark_read(self, article_id: int, read: bool) -> None:
        # The list's row is the one truth of a read mark while the app runs.
        row = self.article_list.row(article_id)
        if row is None or row.read == read:
            return
        self.article_list.set_read(article_id, read)
        state = self.app.state
        if self._shown == article_id:
            position = self.article_view.position
        else:
            position = state.position_of(article_id) or 0
        state.remember(article_id, position, read)
        state.flush()

    @on(ArticleView.PositionChanged)
    def _position_changed(self, event: ArticleView.PositionChanged) -> None:
        row = self.article_list.row(self._shown) if self._shown is not None else None
        if row is None or event.article is not self.article_view.article:
            return
        if self._passing == row.id and event.position != self._passing_from:
            self._passing = None  # scrolled: being read, not passed through
            self._mark_read(row.id, True)
        self.app.state.remember(row.id, event.position, row.read)

    # ----------------------------------------------------------------- actions

    def action_switch_pane(self) -> None:
        if self.article_list.has_focus:
            self.article_view.focus()
            if self._shown is not None:
                self._mark_read(self._shown, True)
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
        self._pass_to(row)

    def _pass_to(self, row: ArticleRow) -> None:
        """Open an article in passing (J, K, .): it counts as read once scrolled, or after
        it has stayed open READ_AFTER_SECONDS."""
        self._cancel_preview()
        self._opening = row.id
        self._passing = row.id
        self.reader.load(row, focus=True)

    def action_next_unread(self) -> None:
        row = self.article_list.next_unread()
        if row is None:
            self.notify("No unread articles in the list")
            return
        self.article_list.select_id(row.id)
        self._pass_to(row)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_toggle_read(self) -> None:
        row = self.article_list.current
        if row is not None:
            self._mark_read(row.id, not row.read)

    def action_rescan(self) -> None:
        if any(w.group == "index" and not w.is_finished for w in self.workers):
            self.notify("Already looking through the folders", timeout=2)
            return
        self.notify("Looking for new, changed and deleted files…", timeout=2)
        self._load_corpus(rescan=True)

    def action_cycle_sort(self) -> None:
        order = self.article_list.cycle_sort()
        self.notify(f"Articles sorted: {order.value} · s for the next order", timeout=2)

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
        self.open_row(row, land)

    def action_escape(self) -> None:
        if self.panel is not None:
            self.panel = None
        elif self.reader.close_search():
            return
        elif self.article_view.selected_entity:
            self.article_view.select_entity(None)
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

    def action_toggle_highlights(self) -> None:
        self.reader.toggle_highlights()

    @on(ReaderPane.Analysed)
    def _analysed(self, event: ReaderPane.Analysed) -> None:
        self.panels.show(event.analysis)

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        self.panels.mark_entity(event.entity)

    @on(QuotePanel.Chosen)
    def _quote_chosen(self, event: QuotePanel.Chosen) -> None:
        self.panels.go_to_quote(event.start)

    @on(EntityPanel.FilterRequested)
    @on(ArticleView.EntityFilterRequested)
    def _filter_by_entity(self, event) -> None:
        self.sidebar.filter_by_entity(event.entity)

    @on(ArticleView.LinksRequested)
    def _links_requested(self, event: ArticleView.LinksRequested) -> None:
        self.panels.choose_link(event.links)

    def action_bookmarks(self) -> None:
        self.bookmarks.open_screen()

    def action_export_bookmarks(self) -> None:
        self.bookmarks.export("md")

    def action_export_bookmarks_json(self) -> None:
        self.bookmarks.export("json")
