"""The main screen's bookmark actions: the bookmarks screen (M), opening a bookmark at its
passage, and exporting from the command palette."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.services.bookmarks import Bookmark, StoreError
from reader.services.library import ArticleRow
from reader.ui.landing import BookmarkLanding

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen


def export_folder() -> Path:
    """Where the palette's export goes: the user's documents folder, else home."""
    import platformdirs

    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


class BookmarkActions:
    """Owned by the main screen. Keeps this session's deletions, so `u` in the bookmarks
    screen can undo one even after the screen was closed and opened again."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.app = screen.app
        self.notify = screen.notify
        self._deleted: list[Bookmark] = []

    def open_screen(self) -> None:
        from reader.ui.screens.bookmarks import BookmarksScreen

        store = self.app.state.bookmarks
        if store is None:
            self.notify("Bookmarks are not available: no database", severity="error")
            return
        self.app.push_screen(BookmarksScreen(store, self._deleted), self._chosen)

    def _chosen(self, bookmark: Bookmark | None) -> None:
        # Some may have been deleted, restored or re-attached meanwhile.
        self.screen.reader.keeper.refresh_marks()
        if bookmark is not None:
            self.open(bookmark)

    def open(self, bookmark: Bookmark) -> None:
        """Open the bookmark's article with its passage under the cursor, flashed."""
        screen = self.screen
        article_list = screen.article_list
        row = article_list.row(bookmark.article_id) if bookmark.article_id else None
        if row is None:
            row = self._outside_row(bookmark)
            if row is None:
                return
        if article_list.shown_count != article_list.total_count:
            screen.sidebar.clear_filters()
        screen.open_row(row, BookmarkLanding(bookmark))

    def _outside_row(self, bookmark: Bookmark) -> ArticleRow | None:
        """The index's row of a bookmark's article that is not in the list (its folder is not
        open now): read from where it is, said so; None (and said why) when it is gone."""
        known = self.app.state.article(bookmark.article_id) if bookmark.article_id else None
        if known is None or not known.file.is_file():
            self.notify(
                f"{bookmark.title or bookmark.path} is no longer there (moved or deleted); "
                "the bookmark keeps its text",
                severity="warning",
                timeout=6,
            )
            return None
        self.notify(
            f"{known.path} is not among the folders open here: it is read from there",
            timeout=6,
        )
        return known

    def export(self, fmt: str) -> None:
        from reader.bookmarks.transfer import to_json, to_markdown

        store = self.app.state.bookmarks
        if store is None:
            return
        try:
            bookmarks = store.all()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if not bookmarks:
            self.notify("No bookmarks to export yet: m keeps a passage")
            return
        text = to_json(bookmarks) if fmt == "json" else to_markdown(bookmarks)
        name = f"reader-bookmarks-{time.strftime('%Y%m%d-%H%M%S')}.{fmt}"
        target = export_folder() / name
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            self.notify(
                f"Could not write {target}: {error.strerror or error}", severity="error", timeout=15
            )
            return
        self.notify(f"{len(bookmarks)} bookmarks exported to {target}", timeout=8)
