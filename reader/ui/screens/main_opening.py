"""Opening articles on the main screen: the last one at start, a preview as the list's cursor
moves, one opened to read (at a place to land), one passed through with J/K/.; what happens
when a file cannot be read or has moved; and the read marks and reading places that follow."""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
from typing import TYPE_CHECKING

from reader.corpus.discover import Skipped
from reader.corpus.model import Article
from reader.services.library import ArticleRow
from reader.ui.landing import Landing
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.article_messages import PositionChanged
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen

_PREVIEW_DELAY = 0.1
# An article passed through with J/K/. counts as read once scrolled, or after this long open.
READ_AFTER_SECONDS = 5.0


class Opener:
    """Owned by the main screen, which hands it the list's and the pane's messages."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.shown: int | None = None  # the id of the article in the reader pane
        self._opening: int | None = None  # the article being opened (not just previewed)
        self._preview_timer = None
        self._passing: int | None = None  # opened with J/K/., not yet read
        self._passing_from = 0
        self._read_timer = None
        self._read_timer_for: int | None = None  # the article the read timer is for
        self._marked_all: list[int] | None = None  # what R marked read, for R to undo
        self._looking_for: ArticleRow | None = None  # its file went while the index runs
        # Set once the first article is on screen: the indexer waits for it before it reads.
        self._first_paint = threading.Event()

    # ----------------------------------------------------------------- the corpus

    def restore_last_article(self) -> bool:
        """Show the last article at once, before the list is read; False if there is none."""
        state = self.screen.app.state
        last = state.get_value("last_article")
        row = state.article(int(last)) if last and last.isdigit() else None
        if row is None or not state.is_under(row.id, self.screen.app.corpus.paths):
            return False
        if not row.file.exists():
            return False  # moved or deleted: the index finds it (the list then highlights it)
        self._load_first(row)
        return True

    def _load_first(self, row: ArticleRow) -> None:
        """The first article of a session: a small one is read here and now (a millisecond or
        two), sparing the hop through a thread on the way to the first paint."""
        article = self.screen.reader.load(row, focus=False, at_once=True)
        if article is not None:
            self.show(row, article, focus=False)

    def load_corpus(self, rescan: bool = False, restart: bool = False) -> None:
        last = self.screen.app.state.get_value("last_article")
        self.screen.sidebar.load(
            self.screen.app.state.database,
            self.screen.app.corpus.paths,
            self._first_paint,
            highlight=int(last) if last and last.isdigit() else None,
            rescan=rescan,
            restart=restart,
        )

    def listed(self, event: Sidebar.Listed) -> None:
        article_list = self.screen.article_list
        current = article_list.current
        if current is not None and (event.restored or not self.screen.list_open):
            self.screen.article_view.focus()
        else:
            article_list.focus()

    def _reopen_moved(self, row: ArticleRow, focus: bool, land: Landing | None = None) -> None:
        if focus:
            self.open_row(row, land)
        else:
            self.screen.article_list.select_id(row.id)
            self._load_first(row)

    def indexed(self) -> None:
        self._first_paint.set()
        looked_for, self._looking_for = self._looking_for, None
        if looked_for is not None and self.screen.article_view.article is None:
            found = self.screen.article_list.row(looked_for.id)
            if found is not None and found.path != looked_for.path:
                self._reopen_moved(found, focus=False)
            else:
                self._lost(looked_for, focus=False)
        if self.screen.article_list.total_count == 0:
            self.screen.article_view.show_placeholder(self.screen.sidebar.empty_text)

    # ----------------------------------------------------------------- opening articles

    def preview(self, event: ArticleList.Highlighted) -> None:
        # Opening an article moves the highlight too; that must not replace the open with a preview.
        if event.row.id == self._opening:
            return
        self._cancel_preview()
        if self.screen.article_view.article is None:
            self._load_first(event.row)
        else:
            # Holding j runs down the list: show the article where the cursor comes to rest,
            # not every one it passes.
            row = event.row
            self._preview_timer = self.screen.set_timer(
                _PREVIEW_DELAY, lambda: self.screen.reader.load(row, focus=False)
            )

    def _cancel_preview(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None

    def open_row(self, row: ArticleRow, land: Landing | None = None) -> None:
        """Open an article for reading: shown, focused, marked read; at `land` if given."""
        self._cancel_preview()
        self._opening = row.id
        self.screen.article_list.select_id(row.id)
        view = self.screen.article_view
        if land is not None and self.shown == row.id and view.article is not None:
            self.screen.reader.land(land)  # open already: only the place changes
            self.screen.article_view.focus()
            return
        self.screen.reader.load(row, focus=True, land=land)

    def load_failed(self, event: ReaderPane.LoadFailed) -> None:
        row = event.row
        self._opening = None
        listed = self.screen.article_list.row(row.id)
        if listed is not None and listed.path != row.path:
            # The index found the file elsewhere while it was being read at its old path.
            if self.screen.article_view.article is None or event.focus:
                self._reopen_moved(listed, event.focus, event.land)
            return
        if self.screen.sidebar.indexing and not row.file.exists():
            # Moved or renamed, perhaps: the running index finds it by its content.
            self._looking_for = row
            self._first_paint.set()
            looking = f"Looking for {row.name}: it is no longer there…"
            self.screen.article_view.show_placeholder(looking)
            return
        self._lost(row, event.focus, event.reason)

    def _lost(self, row: ArticleRow, focus: bool, reason: str = "file vanished") -> None:
        """The article cannot be read: off the list, said, and the next one shown."""
        self.screen.article_list.remove([row.id])
        self.screen.sidebar.report_unreadable(Skipped(row.file, reason))
        following = self.screen.article_list.current
        if not focus and following is not None and self.screen.article_view.article is None:
            # Nothing is shown yet (the first article of a folder could not be read): show the
            # next readable one rather than an error page.
            self._load_first(following)
            return
        self._first_paint.set()
        self.screen.article_view.show_placeholder(f"Cannot show {row.name}: {reason}")

    def loaded(self, event: ReaderPane.Loaded) -> None:
        self.show(event.row, event.article, event.focus, event.land)

    def show(
        self, row: ArticleRow, article: Article, focus: bool, land: Landing | None = None
    ) -> None:
        state = self.screen.app.state
        if self.shown != row.id or self.screen.article_view.article is None:
            if self.shown is not None:
                state.flush()  # the article we leave keeps its place on disk
            self.screen.reader.show(row, article, state.position_of(row.id) or 0)
            # Threads started before the article is painted would share the processor (and
            # the interpreter lock) with that paint.
            self.screen.call_after_refresh(self._first_paint.set)
            self.shown = row.id
            state.set_value("last_article", str(row.id))
            self.screen.panels.show(None)
        passing_here = focus and self._passing == row.id
        # The timer of the article passed through runs on while that article is shown again
        # (the list's preview of it, once the cursor rests there); another article ends it.
        if self._read_timer is not None and (passing_here or self._read_timer_for != row.id):
            self._read_timer.stop()
            self._read_timer = None
        if passing_here:
            self._opening = None
            self._passing_from = self.screen.article_view.position
            self._read_timer = self.screen.set_timer(
                READ_AFTER_SECONDS, lambda: self.mark_read(row.id, True)
            )
            self._read_timer_for = row.id
            self.screen.article_view.focus()
        elif focus:
            self._opening = None
            self._passing = None
            self.mark_read(row.id, True)
            if self.screen.narrow:
                self.screen.list_open = False
            self.screen.article_view.focus()
        if land is not None:
            self.screen.reader.land(land)

    def edit_shown(self) -> None:
        """The shown article's file in the user's editor ($VISUAL, else $EDITOR), the app
        suspended meanwhile; then read again (its bookmarks found again in the new text) and
        the folders looked through, so the index has the edit too."""
        from textual.app import SuspendNotSupported

        row = self.screen.article_list.row(self.shown) if self.shown is not None else None
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if row is None:
            self.screen.reader.say("No article open to edit")
            return
        if not editor:
            self.screen.reader.say("Set $EDITOR (or $VISUAL) to edit an article's file")
            return
        state = self.screen.app.state
        state.remember(row.id, self.screen.article_view.position, row.read)
        state.flush()  # the place read, to come back to in the edited text
        try:
            with self.screen.app.suspend():
                subprocess.run([*shlex.split(editor), str(row.file)], check=False)
        except SuspendNotSupported:
            self.screen.reader.say("This terminal cannot be handed to an editor")
            return
        except OSError as error:
            self.screen.notify(f"Could not run {editor}: {error}", severity="error")
            return
        self.screen.reader.forget(row.id)
        self.shown = None  # shown anew, not kept as the article already open
        self.screen.reader.load(row, focus=True)
        self.load_corpus(rescan=True)

    def mark_all_read(self) -> None:
        """Every article the list shows (as filtered) read, in one write; at once again, the
        same ones unread (undo)."""
        article_list, state = self.screen.article_list, self.screen.app.state
        undo, self._marked_all = self._marked_all, None
        if undo:
            ids, read = undo, False
        else:
            ids, read = [row.id for row in article_list.rows if not row.read], True
        if not ids:
            self.screen.reader.say("Every article listed is read already")
            return
        for article_id in ids:
            article_list.set_read(article_id, read)
        state.set_read(ids, read)
        count = f"{len(ids):,} article{'s' if len(ids) != 1 else ''}"
        if read:
            self._marked_all = ids
            self.screen.reader.say(f"{count} marked read · R again to undo")
        else:
            self.screen.reader.say(f"{count} unread again")

    def mark_read(self, article_id: int, read: bool) -> None:
        # The list's row is the one truth of a read mark while the app runs.
        self._marked_all = None  # a read mark changed since: R no longer undoes
        row = self.screen.article_list.row(article_id)
        if row is None or row.read == read:
            return
        self.screen.article_list.set_read(article_id, read)
        state = self.screen.app.state
        if self.shown == article_id:
            position = self.screen.article_view.position
        else:
            position = state.position_of(article_id) or 0
        state.remember(article_id, position, read)
        state.flush()

    def position_changed(self, event: PositionChanged) -> None:
        row = self.screen.article_list.row(self.shown) if self.shown is not None else None
        if row is None or event.article is not self.screen.article_view.article:
            return
        if self._passing == row.id and event.position != self._passing_from:
            self._passing = None  # scrolled: being read, not passed through
            self.mark_read(row.id, True)
        self.screen.app.state.remember(row.id, event.position, row.read)

    def pass_to(self, row: ArticleRow) -> None:
        """Open an article in passing (J, K, .): it counts as read once scrolled, or after
        it has stayed open READ_AFTER_SECONDS."""
        self._cancel_preview()
        self._opening = row.id
        self._passing = row.id
        self.screen.reader.load(row, focus=True)
