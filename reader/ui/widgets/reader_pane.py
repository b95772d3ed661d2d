"""The reader column: the article, the in-article search box and the status line.

It reads article files (in a worker, with a few recent ones kept parsed) and says `Loaded` or
`LoadFailed`; the screen decides what to show. It has the shown article analysed in a worker
(the engine is the app's, shared) and tells the screen with `Analysed`, so the side panels can
show the same analysis.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from reader.analysis.model import MAX_ANALYSED_CHARS, Analysis
from reader.corpus.discover import HTML_SUFFIXES, UnreadableArticle, load_article
from reader.corpus.find import snippet_hit, terms_pattern
from reader.corpus.model import Article
from reader.services.library import ArticleRow
from reader.services.library_index import StoreError
from reader.services.search import HIT_END, HIT_START
from reader.ui.landing import BookmarkLanding, Landing, PassageLanding
from reader.ui.messages import WORKER_DESCRIPTION, post_own
from reader.ui.widgets.article_messages import (
    ChoiceChanged,
    CopyRequested,
    KeepRequested,
    LinkClicked,
    MentionStepped,
    PositionChanged,
    Said,
    SearchUpdated,
)
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.pane_bookmarks import PassageKeeper
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.text_input import TextInput

_ARTICLE_CACHE = 8
_BIG_FILE_BYTES = 2_000_000  # worth an "Opening …" line: parsing takes a noticeable moment
_READ_AT_ONCE_BYTES = 256 * 1024  # read in a millisecond or two: no thread needed


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


class ReaderPane(Vertical):
    @dataclass
    class Loaded(Message):
        row: ArticleRow
        article: Article
        focus: bool  # opened to read (not previewed)
        land: Landing | None = None  # where to land once it is shown

    @dataclass
    class LoadFailed(Message):
        row: ArticleRow
        reason: str
        focus: bool  # it was opened to read (not previewed)
        land: Landing | None = None  # where it was to land

    class Analysed(Message):
        """The shown article's analysis arrived (None: it failed; `analysis_note` says why)."""

        def __init__(self, article: Article, analysis: Analysis | None) -> None:
            super().__init__()
            self.article = article
            self.analysis = analysis

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._engine_failed = False
        self._parsed: dict[int, Article] = {}  # a few recent articles, by row id, newest last
        self.row: ArticleRow | None = None  # the shown article's row in the index
        # What the side panels say while there is no analysis to show, and why.
        self.analysis_note = "No article open."
        # Keeps, copies and finds again the shown article's passages.
        self.keeper = PassageKeeper(self)

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")
        # The search box is mounted above the status line when first opened (`open_search`).
        yield StatusLine("", id="status")

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def search_box(self) -> Input | None:
        """The in-article search box, if it was ever opened."""
        return self.query_one_optional("#search", Input)

    # ----------------------------------------------------------------- reading files

    def load(
        self, row: ArticleRow, focus: bool, at_once: bool = False, land: Landing | None = None
    ) -> Article | None:
        """Read an article: `Loaded` or `LoadFailed` follows. `at_once` (the first article of
        a session): a small file is read here and now and returned instead, so the caller
        shows it before the first paint (a message would wait for the first layout)."""
        article = self._parsed.get(row.id)
        if article is not None or at_once:
            # A read still running in a worker is for an article the reader has left.
            self.workers.cancel_group(self, "open")
        if article is not None:
            self._loaded(row, article, focus, land)
            return None
        # A saved page is never read here: its extraction (and its first import) takes longer
        # than the event loop may wait.
        quick = row.file.suffix.lower() not in HTML_SUFFIXES
        if at_once and quick and 0 <= _size(row.file) < _READ_AT_ONCE_BYTES:
            try:
                article = load_article(row.file)
            except UnreadableArticle as error:
                post_own(self, self.LoadFailed(row, str(error), focus, land))
                return None
            self._remember(row, article)
            return article
        self._read(row, focus, land)
        return None

    @work(thread=True, exclusive=True, group="open", description=WORKER_DESCRIPTION)
    def _read(self, row: ArticleRow, focus: bool, land: Landing | None) -> None:
        app = self.app
        if _size(row.file) > _BIG_FILE_BYTES:
            app.call_from_thread(self.view.show_placeholder, f"Opening {row.name}…")
        try:
            article = load_article(row.file)
        except UnreadableArticle as error:
            failed = self.LoadFailed(row, str(error), focus, land)
            app.call_from_thread(post_own, self, failed)
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._loaded, row, article, focus, land)

    def _loaded(self, row: ArticleRow, article: Article, focus: bool, land: Landing | None) -> None:
        self._remember(row, article)
        post_own(self, self.Loaded(row, article, focus, land))

    def forget(self, row_id: int) -> None:
        """The file changed (edited from here): read it anew next time."""
        self._parsed.pop(row_id, None)

    def _remember(self, row: ArticleRow, article: Article) -> None:
        self._parsed.pop(row.id, None)
        self._parsed[row.id] = article
        while len(self._parsed) > _ARTICLE_CACHE:
            self._parsed.pop(next(iter(self._parsed)))

    # ----------------------------------------------------------------- the article

    def show(self, row: ArticleRow, article: Article, position: int) -> None:
        """Show an article at a source offset with its bookmarks, then colour it when its
        analysis arrives."""
        self.row = row
        self.view.show_article(article, position)
        self.keeper.show_bookmarks(row, article)
        if len(article.source) > MAX_ANALYSED_CHARS:
            self.analysis_note = (
                f"Not analysed: the article is longer than {MAX_ANALYSED_CHARS:,} characters."
            )
            self.notify(
                "This article is too long to analyse; entities and quotations are not marked.",
                timeout=5,
            )
        elif self._engine_failed:
            self.analysis_note = "Not analysed: the analysis engine could not start."
        else:
            self.analysis_note = "Finding entities and quotations…"
            # After the text is painted: the analysis thread would slow that paint.
            self.call_after_refresh(self._analyze, row.id, article)
        self.status.show_reading(self.view)

    @work(thread=True, exclusive=True, group="analysis", description=WORKER_DESCRIPTION)
    def _analyze(self, article_id: int, article: Article) -> None:
        from reader.analysis.engine import EngineUnavailable

        app = self.app
        try:
            analysis = self._indexed_analysis(article_id, article)
        except EngineUnavailable as error:
            self._engine_failed = True
            app.call_from_thread(self._failed, article, f"the engine could not start: {error}")
            return
        except Exception as error:
            if get_current_worker().is_cancelled:
                return  # the app is closing (its analysis process was stopped)
            # A fault in an engine must not end the reading session: say so, keep the text.
            self.log.error(f"analysis of {article.path} failed", error)
            app.call_from_thread(self._failed, article, f"{type(error).__name__}: {error}")
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._analysis_ready, article, analysis)

    def _indexed_analysis(self, article_id: int, article: Article) -> Analysis:
        """From the analysis index at once when it holds this text; else (or when an older
        engine made it: shown meanwhile) analysed now and kept there, then read back, so the
        names are the library's."""
        app = self.app
        key = app.analysis.engine_key()
        library = app.library
        try:
            indexed = library.analysis_of(article_id, article, key)
        except StoreError as error:
            self.log.warning(f"the analysis index could not be read: {error}")
            indexed = None
        if indexed is not None:
            if indexed.current:
                with contextlib.suppress(StoreError):
                    indexed.analysis.library_articles = library.articles_counts(indexed.analysis)
                return indexed.analysis
            app.call_from_thread(self._analysis_ready, article, indexed.analysis)
        with contextlib.suppress(StoreError):
            library.claim(article_id)
        analysis = app.analysis.analyze(article)
        try:
            library.save(article_id, article, key, analysis)
            again = library.analysis_of(article_id, article, key)
        except StoreError as error:  # a full disk: shown now, analysed again next time
            self.log.warning(f"the analysis index could not be written: {error}")
            return analysis
        if again is None:
            return analysis
        with contextlib.suppress(StoreError):
            again.analysis.library_articles = library.articles_counts(again.analysis)
        return again.analysis

    def _failed(self, article: Article, reason: str) -> None:
        self.notify(
            f"Could not analyse {article.path.name}: {reason}", title="Analysis", severity="error"
        )
        if self.view.article is article:
            self.analysis_note = f"Not analysed: {reason}"
            post_own(self, self.Analysed(article, None))

    def _analysis_ready(self, article: Article, analysis: Analysis) -> None:
        view = self.view
        if view.article is not article:
            return  # the reader has moved on
        view.set_analysis(analysis)
        self.status.show_reading(view)
        post_own(self, self.Analysed(article, analysis))

    def land(self, landing: Landing) -> None:
        """Go where an open request asked to land, in the article shown."""
        article = self.view.article
        if article is None:
            return
        if isinstance(landing, BookmarkLanding):
            self.keeper.land_on(landing.bookmark)
            return
        if isinstance(landing, PassageLanding):
            self.view.bookmarks.flash(landing.start, landing.end)
            return
        at = snippet_hit(article, landing.snippet, HIT_START, HIT_END)
        pattern = terms_pattern([(term.words, term.prefix) for term in landing.terms])
        self.find(landing.query, pattern, at)

    def toggle_highlights(self) -> None:
        view = self.view
        view.show_analysis = not view.show_analysis
        state = "shown" if view.show_analysis else "hidden"
        self.say(f"Entity and quotation colours {state}")

    def say(self, text: str) -> None:
        """A short confirmation on the status line until the next move (as vim's message
        line): a notice would cover the text, and pressing the key again would stack them."""
        self.status.say(text)

    def unsay(self) -> None:
        """Back to what the line says when nothing was just said."""
        self.status.show(self.view)

    # ----------------------------------------------------------------- in-article search

    async def open_search(self) -> None:
        if self.view.article is None:
            return
        box = self.search_box
        if box is None:
            box = TextInput(
                placeholder="Search this article…  (Enter keeps, Esc clears)", id="search"
            )
            box.value = self.view.matches.query  # set by `find` before there was a box
            await self.mount(box, before=self.status)
        box.add_class("-open")
        box.focus()

    def find(self, query: str, pattern: re.Pattern[str] | None, land_at: int | None) -> None:
        """Set the search to a corpus search's terms (`pattern`, labelled `query`), current at
        its hit (`land_at`, a source offset): n/N go on from it."""
        box = self.search_box
        if box is not None:
            with box.prevent(Input.Changed):
                box.value = query
        self.view.matches.search(query, pattern, land_at)
        self.view.focus()

    def close_search(self) -> bool:
        """Close the search box and clear the matches; False if there was no search."""
        box = self.search_box
        is_open = box is not None and box.has_class("-open")
        if not is_open and not self.view.matches.query:
            return False
        if box is not None:
            box.remove_class("-open")
            box.value = ""
        self.view.matches.clear()
        self.view.focus()
        return True

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.view.matches.search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.remove_class("-open")
        self.view.focus()

    # ----------------------------------------------------------------- the status line

    @on(PositionChanged)
    def _position_changed(self) -> None:
        # Not stopped: the screen keeps the reading position too.
        self.status.show_reading(self.view)

    @on(SearchUpdated)
    def _search_updated(self, event: SearchUpdated) -> None:
        self.status.show_search(event)

    @on(MentionStepped)
    def _mention_stepped(self, event: MentionStepped) -> None:
        self.status.show_mention(event)

    def on_resize(self) -> None:
        # The status line's text was fitted to its old width: fit it again (after the
        # layout, when the line has its new width).
        self.call_after_refresh(self.status.refit, self.view)

    @on(ChoiceChanged)
    def _choice_changed(self, event: ChoiceChanged) -> None:
        event.stop()
        self.status.show_reading(self.view)

    @on(KeepRequested)
    def _keep_requested(self, event: KeepRequested) -> None:
        event.stop()
        self.keeper.keep_requested(event)

    @on(CopyRequested)
    def _copy_requested(self, event: CopyRequested) -> None:
        event.stop()
        self.keeper.copy_requested(event)

    @on(Said)
    def _said(self, event: Said) -> None:
        event.stop()
        self.say(event.text)

    @on(LinkClicked)
    def _link_clicked(self, event: LinkClicked) -> None:
        self.notify(event.href or "(no address)", title="Link (not opened)")
