"""ReaderApp: the screen layout, app-wide keys, and the flow between corpus, store and widgets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static
from textual.worker import get_current_worker

from reader.config import MAX_MEASURE, MIN_MEASURE, Config
from reader.corpus.discover import Skipped, UnreadableArticle, load_article
from reader.corpus.model import Article
from reader.paths import Locations
from reader.store.keeper import StateKeeper
from reader.ui.analysis_flow import AnalysisFlow
from reader.ui.commands import ArticleCommands, reader_commands
from reader.ui.corpus_flow import CorpusFlow
from reader.ui.screens.help import HelpScreen, help_sections, highlight_legend
from reader.ui.widgets.article_list import ArticleList, ListEntry
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.quote_panel import QuotePanel

NARROW_WIDTH = 90
_ARTICLE_CACHE = 8
_BIG_FILE_BYTES = 2_000_000


def _is_big(path: Path) -> bool:
    """Worth a "loading" message: parsing takes a noticeable moment."""
    try:
        return path.stat().st_size > _BIG_FILE_BYTES
    except OSError:
        return False


@dataclass(slots=True)
class CorpusSpec:
    """What to open: the paths, and the name the header shows."""

    paths: list[Path]
    name: str


class ReaderApp(CorpusFlow, AnalysisFlow, App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ArticleCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("tab", "switch_pane", "List/Reader", priority=True, id="app.switch_pane"),
        Binding("J", "next_article", "Next article", id="app.next_article"),
        Binding("K", "previous_article", "Prev article", id="app.previous_article"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("l", "toggle_list", "List", id="app.toggle_list"),
        Binding("u", "toggle_read", "Mark read/unread", show=False, id="app.toggle_read"),
        Binding("plus,equals_sign", "wider", "Wider text column", show=False, id="app.wider"),
        Binding("minus", "narrower", "Narrower text column", show=False, id="app.narrower"),
        Binding("e", "entities", "Entities", id="app.entities"),
        Binding("w", "quotes", "Who said what", id="app.quotes"),
        Binding("h", "toggle_highlights", "Highlights", show=False, id="app.toggle_highlights"),
        Binding("escape", "escape", "Close panel / search / filter", show=False, id="app.escape"),
    ]

    def __init__(self, corpus: CorpusSpec, locations: Locations, config: Config | None = None):
        super().__init__()
        self.corpus = corpus
        self.locations = locations
        self.config = config or Config()
        self.state = StateKeeper(locations.database, on_error=self._store_error)
        self._articles: dict[str, Article] = {}  # small LRU of parsed articles, by path key
        self._shown: ListEntry | None = None
        self._list_open = True
        self._opening: str | None = None  # the article being opened (not just previewed)

    def _store_error(self, message: str) -> None:
        self.notify(message, title="Saved state", severity="error", timeout=15)

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            yield ArticleList(id="sidebar")
            with Vertical(id="reader-column"):
                yield ArticleView(id="article")
                yield Input(
                    placeholder="Search this article…  (Enter keeps, Esc clears)", id="search"
                )
                yield Static("", id="status")
            yield EntityPanel(classes="side-panel")
            yield QuotePanel(classes="side-panel")
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.notify(f"Unknown theme {self.config.theme!r} in config", severity="warning")
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in self.config.problems:
            self.notify(problem, title="Config", severity="warning", timeout=10)
        warning = self.state.open()
        if warning:
            self.notify(warning, title="Saved state", severity="error", timeout=15)
        self.article_view.measure = self.config.measure
        self.article_view.show_placeholder("Opening the corpus…")
        self.sub_title = self.corpus.name
        self._update_narrow(self.size.width)
        self._discover(self.state.read_paths())
        # Positions are written at most a second after they change (and on switch and exit).
        self.set_interval(1.0, self.state.flush, name="save-state")

    def on_resize(self, event: Resize) -> None:
        self._update_narrow(event.size.width)

    def _update_narrow(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        was_narrow = self.screen.has_class("-narrow")
        self.screen.set_class(narrow, "-narrow")
        if narrow and not was_narrow:
            self._list_open = False
        elif not narrow and was_narrow:
            self._list_open = True
        self._apply_list_visibility()

    def _apply_list_visibility(self) -> None:
        self.screen.set_class(not self._list_open, "-list-hidden")
        self.screen.set_class(self._list_open, "-list-open")
        if not self._list_open and self.article_list.options.has_focus:
            self.article_view.focus()

    # ----------------------------------------------------------------- opening articles

    @on(ArticleList.Highlighted)
    def _preview(self, event: ArticleList.Highlighted) -> None:
        # Opening an article moves the highlight too; that must not replace the open with a preview.
        if event.entry.key != self._opening:
            self._load(event.entry, focus=False)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.open_entry(event.entry)

    def open_entry(self, entry: ListEntry) -> None:
        """Open an article for reading: shown, focused, marked read."""
        self._opening = entry.key
        self.article_list.select_key(entry.key)
        self._load(entry, focus=True)

    @work(thread=True, exclusive=True, group="open")
    def _load(self, entry: ListEntry, focus: bool) -> None:
        article = self._articles.get(entry.key)
        if article is None and _is_big(entry.path):
            self.call_from_thread(self.article_view.show_placeholder, f"Opening {entry.path.name}…")
        if article is None:
            try:
                article = load_article(entry.path)
            except UnreadableArticle as error:
                self.call_from_thread(self._load_failed, entry, str(error))
                return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show, entry, article, focus)

    def _load_failed(self, entry: ListEntry, reason: str) -> None:
        self._opening = None
        self.article_view.show_placeholder(f"Cannot show {entry.path.name}: {reason}")
        self.article_list.remove_entry(entry.key)
        self._report_skipped([Skipped(entry.path, reason)])

    def _show(self, entry: ListEntry, article: Article, focus: bool) -> None:
        self._articles.pop(entry.key, None)
        self._articles[entry.key] = article
        while len(self._articles) > _ARTICLE_CACHE:
            self._articles.pop(next(iter(self._articles)))
        if self._shown is None or self._shown.key != entry.key:
            if self._shown is not None:
                self.state.flush()  # the article we leave keeps its place on disk
            saved = self.state.position_of(article)
            self.article_view.show_article(article, saved.position if saved else 0)
            self._shown = entry
            self.state.set_value("last_article", entry.key)
            for panel in (self.query_one(EntityPanel), self.query_one(QuotePanel)):
                panel.show(None)
            self.analyze_shown(article)
        self.update_status()
        if focus:
            self._opening = None
            self._mark_read(entry, True)
            if self.screen.has_class("-narrow"):
                self._list_open = False
                self._apply_list_visibility()
            self.article_view.focus()

    def _mark_read(self, entry: ListEntry, read: bool) -> None:
        if entry.read == read:
            return
        entry.read = read
        self.article_list.update_entry(entry)
        self._update_counts()
        article = self.article_view.article
        if article is not None and self._shown is entry:
            self.state.remember(article, self.article_view.position, read)
            self.state.flush()

    @on(ArticleView.PositionChanged)
    def _position_changed(self, event: ArticleView.PositionChanged) -> None:
        entry = self._shown
        read = entry.read if entry is not None else False
        self.state.remember(event.article, event.position, read)
        self.update_status()

    @on(ArticleView.LinkClicked)
    def _link_clicked(self, event: ArticleView.LinkClicked) -> None:
        self.notify(event.href or "(no address)", title="Link (not opened)")

    @on(ArticleView.SearchUpdated)
    def _search_updated(self, event: ArticleView.SearchUpdated) -> None:
        status = self.query_one("#status", Static)
        if not event.query:
            status.update("")
        elif event.total:
            status.update(
                f"Match {event.current} of {event.total} for “{event.query}” · n/N to move"
            )
        else:
            status.update(f"No matches for “{event.query}”")

    # ----------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Tab is a priority binding (no widget may swallow it); dialogs keep it for themselves.
        return not (action == "switch_pane" and self.screen.is_modal)

    def action_switch_pane(self) -> None:
        if self.article_list.options.has_focus:
            self.article_view.focus()
            if self._shown is not None:
                self._mark_read(self._shown, True)
            if self.screen.has_class("-narrow"):
                self._list_open = False
                self._apply_list_visibility()
        else:
            self._list_open = True
            self._apply_list_visibility()
            self.article_list.focus()

    def action_toggle_list(self) -> None:
        self._list_open = not self._list_open
        self._apply_list_visibility()
        if self._list_open and self.screen.has_class("-narrow"):
            self.article_list.focus()

    def _step_article(self, step: int) -> None:
        entry = self.article_list.move(step)
        if entry is None:
            self.notify("No more articles" if step > 0 else "This is the first article")
            return
        self._opening = entry.key
        self._load(entry, focus=True)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_toggle_read(self) -> None:
        entry = self.article_list.current
        if entry is not None:
            self._mark_read(entry, not entry.read)

    def action_search(self) -> None:
        if self.article_view.article is None:
            return
        search = self.query_one("#search", Input)
        search.add_class("-open")
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.article_view.search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.input.remove_class("-open")
        self.article_view.focus()

    def action_escape(self) -> None:
        search = self.query_one("#search", Input)
        if self.close_panels():
            return
        if search.has_class("-open") or self.article_view.search_query:
            search.remove_class("-open")
            search.value = ""
            self.article_view.clear_search()
            self.article_view.focus()
        elif self.article_view.selected_entity:
            self.article_view.select_entity(None)
        elif self.clear_filter():
            return
        elif self.screen.has_class("-narrow") and self._list_open:
            self._list_open = False
            self._apply_list_visibility()

    def _set_measure(self, measure: int) -> None:
        self.article_view.measure = max(MIN_MEASURE, min(MAX_MEASURE, measure))
        self.notify(f"Text column: {self.article_view.measure} columns", timeout=2)

    def action_wider(self) -> None:
        self._set_measure(self.article_view.measure + 4)

    def action_narrower(self) -> None:
        self._set_measure(self.article_view.measure - 4)

    def action_help(self) -> None:
        groups = [
            ("Anywhere", self.BINDINGS),
            ("Reader pane", ArticleView.BINDINGS),
            (
                "Article list",
                [
                    Binding("enter", "", "Open the highlighted article"),
                    *self.article_list.options.BINDINGS,
                ],
            ),
            (
                "Entity panel",
                [Binding("enter", "", "Mark the entity's mentions (] and [ step through them)")],
            ),
            ("", EntityPanel.BINDINGS_FOR_HELP),
            (
                "Commands",
                [Binding("ctrl+p", "", "Command palette: open an article, change theme…")],
            ),
        ]
        body = help_sections(groups, self.config.keymap)
        self.push_screen(HelpScreen(Content.assemble(highlight_legend(self.article_view), body)))

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        yield from reader_commands(self)

    def on_unmount(self) -> None:
        self.state.flush()
        self.state.close()
