"""ReaderApp: thin. It owns the services (state keeper, analysis runner), applies the config,
and shows the main screen, which composes the widgets and does the reading."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader.config import Config
from reader.output import safe
from reader.paths import Locations
from reader.services.state import StateKeeper
from reader.ui.palette import ArticleCommands, reader_commands
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel

if TYPE_CHECKING:
    from reader.services.analysis import AnalysisRunner
    from reader.services.library_index import LibraryIndex


@dataclass(slots=True)
class CorpusSpec:
    """What to open: the paths, and the name the header shows."""

    paths: list[Path]
    name: str


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ArticleCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        corpus: CorpusSpec,
        locations: Locations,
        config: Config | None = None,
        analysis: AnalysisRunner | None = None,
    ):
        super().__init__()
        self.corpus = corpus
        self.locations = locations
        self.config = config or Config()
        self.state = StateKeeper(
            locations.database, on_error=self._store_error, on_damage=self._store_damaged
        )
        self._analysis = analysis
        self._analysis_lock = threading.Lock()
        self._library: LibraryIndex | None = None
        self._startup_warning: str | None = None  # from opening the store, said once mounted

    @property
    def analysis(self) -> AnalysisRunner:
        """The analysis runner, made on first use (by a worker, after the first paint)."""
        with self._analysis_lock:
            if self._analysis is None:
                from reader.services.analysis import AnalysisRunner

                self._analysis = AnalysisRunner(self.config.engine, self.locations.cache_dir)
            return self._analysis

    @property
    def library(self) -> LibraryIndex:
        """The analysis index of the corpus open (in whichever database is open now)."""
        from reader.services.library_index import LibraryIndex

        if self._library is None:
            self._library = LibraryIndex(lambda: self.state.database, self.corpus.paths)
        return self._library

    def _store_error(self, message: str) -> None:
        self.notify(message, title="Saved state", severity="error", timeout=15)

    def _store_damaged(self) -> None:
        """The database was found damaged (on any thread): repair it in a worker."""
        if threading.get_ident() != self._thread_id:
            self.call_from_thread(self._store_damaged)
            return
        self.notify(
            "The saved state is damaged: copying out the bookmarks and reading state, then "
            "rebuilding the article index from the files…",
            title="Saved state",
            severity="warning",
            timeout=10,
        )
        # The indexer and the background analysis have their own connections: they stop
        # before the file is set aside (the analysis starts again after the repair).
        indexing = [
            worker for worker in self.workers if worker.group in ("index", "library-analysis")
        ]
        for worker in indexing:
            worker.cancel()
        self.state.suspend()
        self._repair_store(indexing)

    @work(thread=True, exclusive=True, group="repair", description="repair the saved state")
    def _repair_store(self, indexing: list) -> None:
        from reader.services.state import StoreError

        # The indexer's own connection must be closed before the file is set aside.
        while not all(worker.is_finished for worker in indexing):
            threading.Event().wait(0.05)
        try:
            done = self.state.repair()
        except StoreError as error:
            done = error
        self.call_from_thread(self._store_repaired, done)

    def _store_repaired(self, done) -> None:
        problem = self.state.reopen()
        if isinstance(done, Exception):
            self._store_error(f"The saved state could not be repaired: {done}")
        elif done is not None:
            self.notify(done.message(), title="Saved state", severity="warning", timeout=20)
        if problem:
            self._store_error(problem)
        self.main.reload_corpus()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text: its message often holds a file name, a title or
        a note, which must show as written ("[sic]", "[Reuters]"), never as markup or as a
        live control character. (`markup` is taken and ignored: widgets pass True.)"""
        super().notify(
            safe(message), title=safe(title), severity=severity, timeout=timeout, markup=False
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        return super().format_title(safe(title, tabs=False), safe(sub_title, tabs=False))

    def get_default_screen(self) -> Screen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    @property
    def article_list(self) -> ArticleList:
        return self.main.article_list

    @property
    def article_view(self) -> ArticleView:
        return self.main.article_view

    def on_load(self) -> None:
        # The index lives in the database: open it before the main screen asks for rows.
        self._startup_warning = self.state.open()

    def on_mount(self) -> None:
        # The theme last chosen in the app (the palette) wins over the config file's.
        saved = self.state.get_value("theme")
        if saved in self.available_themes:
            self.theme = saved
        elif self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.notify(f"Unknown theme {self.config.theme!r} in config", severity="warning")
        self.watch(self, "theme", self._theme_chosen, init=False)
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in [*self.config.problems, *self._keymap_problems()]:
            self.notify(problem, title="Config", severity="warning", timeout=10)
        if self._startup_warning:
            self.notify(self._startup_warning, title="Saved state", severity="error", timeout=15)
        for kept in self.state.set_aside_news():
            self.notify(
                f"{kept} was set aside earlier as unreadable; `reader bookmarks import {kept}` "
                "brings back the bookmarks it holds.",
                title="Saved state",
                severity="warning",
                timeout=15,
            )
        # Positions are written at most a second after they change (and on switch and exit).
        self.set_interval(1.0, self.state.flush, name="save-state")

    def _keymap_problems(self) -> list[str]:
        if not self.config.keymap:
            return []
        from reader.ui.keymap import keymap_problems
        from reader.ui.screens.bookmarks import BookmarksScreen
        from reader.ui.screens.help import HelpScreen
        from reader.ui.screens.people import PeopleScreen
        from reader.ui.screens.quotations import QuotationsScreen

        places = {
            "reader pane": ArticleView.BINDINGS,
            "article list": ArticleList.BINDINGS,
            "entity panel": EntityPanel.BINDINGS_FOR_HELP,
            "bookmarks screen": BookmarksScreen.BINDINGS,
            "people screen": PeopleScreen.BINDINGS,
            "quotations screen": QuotationsScreen.BINDINGS,
            "help screen": HelpScreen.BINDINGS,
        }
        return keymap_problems(self.config, [*self.BINDINGS, *MainScreen.BINDINGS], places)

    def _theme_chosen(self, theme: str) -> None:
        self.state.set_value("theme", theme)

    def action_help(self) -> None:
        from reader.ui.screens.bookmarks import BookmarksScreen
        from reader.ui.screens.help import HelpScreen, help_sections, highlight_legend
        from reader.ui.screens.people import PeopleScreen
        from reader.ui.screens.quotations import QuotationsScreen

        groups = [
            ("Anywhere", [*self.BINDINGS, *MainScreen.BINDINGS]),
            ("Reader pane", ArticleView.BINDINGS),
            ("Article list", ArticleList.BINDINGS),
            (
                "Entity panel",
                [Binding("enter", "", "Mark the entity's mentions (] and [ step through them)")],
            ),
            ("", EntityPanel.BINDINGS_FOR_HELP),
            (
                "Bookmarks (M)",
                [
                    Binding("enter", "", "Open the article at the passage"),
                    *BookmarksScreen.BINDINGS,
                ],
            ),
            (
                "People (p)",
                [
                    Binding("enter", "", "Filter the list to the articles naming it"),
                    *PeopleScreen.BINDINGS,
                ],
            ),
            (
                "All quotations (Q)",
                [
                    Binding("enter", "", "Open the article at the quotation"),
                    *QuotationsScreen.BINDINGS,
                ],
            ),
            (
                "Commands",
                [Binding("ctrl+p", "", "Command palette: open an article, change theme…")],
            ),
        ]
        rows = help_sections(groups, self.config.keymap)
        self.push_screen(HelpScreen(highlight_legend(self.article_view), rows))

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        yield from reader_commands(self.main)

    def on_unmount(self) -> None:
        # Searches and other thread work see the flag and stop: a quit never waits for them.
        self.workers.cancel_all()
        self.state.flush()
        self.state.close()
        if self._analysis is not None:
            self._analysis.close()
