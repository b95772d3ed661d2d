"""The main screen's bookmark actions: the bookmarks screen (M), opening a bookmark at its
passage, and exporting from the command palette. A mixin of MainScreen."""

from __future__ import annotations

import time
from pathlib import Path

from reader.services.bookmarks import Bookmark, StoreError
from reader.ui.landing import BookmarkLanding


def export_folder() -> Path:
    """Where the palette's export goes: the user's documents folder, else home."""
    import platformdirs

    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


class BookmarkActions:
    # `_deleted_bookmarks` (for undo in the bookmarks screen, across its openings) is made in
    # MainScreen.__init__.

    def action_bookmarks(self) -> None:
        from reader.ui.screens.bookmarks import BookmarksScreen

        store = self.app.state.bookmarks
        if store is None:
            self.notify("Bookmarks are not available: no database", severity="error")
            return
        screen = BookmarksScreen(store, self._deleted_bookmarks)
        self.app.push_screen(screen, self._bookmark_chosen)

    def _bookmark_chosen(self, bookmark: Bookmark | None) -> None:
        self.reader.refresh_marks()  # some may have been deleted, restored or re-attached
        if bookmark is None:
            return
        self.open_bookmark(bookmark)

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Open the bookmark's article with its passage under the cursor, flashed."""
        row = self.article_list.row(bookmark.article_id) if bookmark.article_id else None
        if row is None:
            row = self._outside_row(bookmark)
            if row is None:
                return
        if self.article_list.shown_count != self.article_list.total_count:
            self.sidebar.clear_filters()
        self.open_row(row, BookmarkLanding(bookmark))

    def _outside_row(self, bookmark: Bookmark):
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

    def _export(self, fmt: str) -> None:
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

    def action_export_bookmarks(self) -> None:
        self._export("md")

    def action_export_bookmarks_json(self) -> None:
        self._export("json")
