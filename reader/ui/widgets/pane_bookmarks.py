"""Keeping, copying and finding again the passages of the shown article.

Owned by the ReaderPane. The view says what is chosen (`KeepRequested`, `CopyRequested`); this
asks for a note, writes the bookmark (reporting any failure), copies with an attribution line,
and when an article is shown, finds its bookmarks again in text that changed since.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from reader.corpus.anchor import anchor, make_selector
from reader.corpus.find import hits_for_span
from reader.corpus.model import Article
from reader.services.bookmarks import Bookmark, BookmarkService, StoreError, passage_bookmark
from reader.services.library import ArticleRow, path_key
from reader.ui.messages import WORKER_DESCRIPTION
from reader.ui.selection import Chosen, passage_text
from reader.ui.widgets.article_messages import CopyRequested, KeepRequested
from reader.ui.widgets.line_renderer import excerpt

if TYPE_CHECKING:
    from reader.ui.widgets.reader_pane import ReaderPane


def shown_text(article: Article, start: int, end: int) -> str:
    """A source range as the reader shows it."""
    hits = hits_for_span(article, start, end)
    return passage_text(article, ((hit.block, hit.start, hit.end) for hit in hits))


# Said when a note was changed in another window between opening the editor and saving.
NOTE_MERGED = "The note had been changed elsewhere meanwhile: both are kept, that one first."


def attribution_line(speaker: str, article: Article) -> str:
    """ "— Speaker · “Title” · Source · Date": who said it (a quotation), then where."""
    meta = article.metadata
    title = " ".join(article.title.split())
    parts = [speaker, f"“{title}”" if title else "", meta.source, meta.date]
    return "— " + " · ".join(part for part in parts if part)


def _found_in(bookmarks: list[Bookmark], article: Article) -> list[Bookmark]:
    """The bookmarks whose offsets point into this very text (the others are being found
    again, or are orphans)."""
    return [b for b in bookmarks if b.content_hash == article.content_hash and not b.orphan]


class PassageKeeper:
    def __init__(self, pane: ReaderPane) -> None:
        self._pane = pane
        # Landing on a bookmark waits for its passage to be found again in a changed text.
        self._landing_on: Bookmark | None = None
        self._finding_again = False

    @property
    def _bookmark_store(self) -> BookmarkService | None:
        return self._pane.app.state.bookmarks

    def _report(self, error: StoreError) -> None:
        self._pane.notify(str(error), title="Bookmarks", severity="error", timeout=15, markup=False)

    # ----------------------------------------------------------------- an article is shown

    def show_bookmarks(self, row: ArticleRow, article: Article) -> None:
        """Mark the article's bookmarks; those made on an older text are found again first."""
        self._landing_on = None  # a landing was for the article shown before
        self._finding_again = False
        store = self._bookmark_store
        if store is None:
            return
        try:
            store.adopt(row.id, path_key(article.path), article.content_hash)
            bookmarks = store.for_article(row.id, article.content_hash)
        except StoreError as error:
            self._report(error)
            return
        stale = [b for b in bookmarks if b.content_hash != article.content_hash and not b.orphan]
        self._pane.view.bookmarks.show(_found_in(bookmarks, article))
        if stale:
            self._finding_again = True
            self._find_again(article, stale)

    def _find_again(self, article: Article, stale: list[Bookmark]) -> None:
        app = self._pane.app

        def find() -> None:
            found = [(bookmark, anchor(article.source, bookmark.selector)) for bookmark in stale]
            app.call_from_thread(self._found_again, article, found)

        self._pane.run_worker(
            find, thread=True, exclusive=True, group="anchor", description=WORKER_DESCRIPTION
        )

    def _found_again(self, article: Article, found: list) -> None:
        if self._pane.view.article is not article:
            return  # the reader has moved on
        self._finding_again = False
        try:
            self._store_found(article, found)
        finally:
            self._land_on_bookmark()

    def _store_found(self, article: Article, found: list) -> None:
        store = self._bookmark_store
        if store is None:
            return
        orphans = 0
        try:
            for bookmark, place in found:
                if place is None:
                    store.set_orphan(bookmark.id)
                    orphans += 1
                    continue
                selector = make_selector(article.source, place.start, place.end)
                text = shown_text(article, place.start, place.end)
                store.move(bookmark.id, article.content_hash, selector, text)
        except StoreError as error:
            self._report(error)
            return
        if orphans:
            self._pane.notify(
                f"{orphans} bookmark{'s' if orphans > 1 else ''} no longer found in the changed "
                "article: kept with their text under Orphans (M)",
                title="Bookmarks",
                severity="warning",
                timeout=8,
            )
        if self._pane.view.article is article and self._pane.row is not None:
            self.refresh_marks()

    # ----------------------------------------------------------------- landing on one

    def land_on(self, bookmark: Bookmark) -> None:
        """Put a bookmark's passage under the cursor, flashed: where it is in this text (found
        again first, when the text changed since it was kept) — the one way a bookmark is
        found, whether the article was open already or is opened for it."""
        self._landing_on = bookmark
        if not self._finding_again:
            self._land_on_bookmark()

    def _land_on_bookmark(self) -> None:
        bookmark, self._landing_on = self._landing_on, None
        if bookmark is None:
            return
        here = next((b for b in self._pane.view.bookmarks.shown if b.id == bookmark.id), None)
        if here is None:
            self._pane.notify(
                "This passage is no longer in the article; a in the bookmarks (M) re-attaches "
                "it to the passage under the cursor",
                severity="warning",
                timeout=8,
            )
            return
        self._pane.view.bookmarks.flash(here.start, here.end)

    def refresh_marks(self) -> None:
        store, article = self._bookmark_store, self._pane.view.article
        if store is None or article is None or self._pane.row is None:
            return
        try:
            bookmarks = store.for_article(self._pane.row.id, article.content_hash)
        except StoreError as error:
            self._report(error)
            return
        self._pane.view.bookmarks.show(_found_in(bookmarks, article))

    # ----------------------------------------------------------------- keeping

    def bookmark_of(self, chosen: Chosen) -> Bookmark | None:
        """A new bookmark of the chosen text of the shown article (not yet stored)."""
        article, row = self._pane.view.article, self._pane.row
        if article is None or row is None:
            return None
        start, end = chosen.source_span(article)
        speaker = self._pane.view.choice.speaker_of(chosen)
        return passage_bookmark(article, row.id, start, end, chosen.text(article), speaker)

    def keep_requested(self, message: KeepRequested) -> None:
        from reader.ui.screens.note import NoteScreen

        existing, chosen = message.existing, message.chosen
        article = self._pane.view.article
        if article is None:
            return
        if existing is not None:
            heading = "Edit the bookmark's note"
            excerpt = existing.text
        else:
            heading = f"Bookmark {self._pane.view.choice.summary() or 'this passage'}"
            excerpt = chosen.text(article)

        def save(note: str) -> None:
            self._keep(chosen, existing, note)  # a StoreError keeps the note box open

        def done(note: str | None) -> None:
            if note is not None:
                self._kept(chosen, existing)

        note = existing.note if existing else ""
        self._pane.app.push_screen(NoteScreen(heading, excerpt, note, save), done)

    def _keep(self, chosen: Chosen, existing: Bookmark | None, note: str) -> None:
        """Write the bookmark or its note; raises `StoreError` (said in the note box, which
        keeps the note to try again: a bookmark is never silently dropped)."""
        store = self._bookmark_store
        if store is None:
            raise StoreError("Could not keep the bookmark: no database", "other")
        if existing is not None and existing.id is not None:
            saved = store.set_note(existing.id, note, shown=existing.note)
            if saved != note:
                self._pane.notify(NOTE_MERGED, title="Bookmarks", severity="warning", timeout=10)
            return
        bookmark = self.bookmark_of(chosen)
        if bookmark is not None:
            store.add(dataclasses.replace(bookmark, note=note))

    def _kept(self, chosen: Chosen, existing: Bookmark | None) -> None:
        said = "Note saved" if existing is not None else "Bookmarked"
        article = self._pane.view.article
        if article is not None:
            self._pane.say(f"{said}: {excerpt(chosen.text(article), 60)}")
        if self._pane.app.state.temporary and not self._pane.app.state.read_only:
            # Said each time: a bookmark the user believes kept must not vanish unannounced.
            self._pane.notify(
                "The data folder cannot be used: this bookmark lasts only until the app closes "
                "(Export bookmarks in the command palette keeps a copy)",
                title="Bookmarks",
                severity="warning",
                timeout=8,
            )
        # What was kept stays chosen (and marked in the margin): y copies the same text.
        self.refresh_marks()

    # ----------------------------------------------------------------- copying

    def copy_requested(self, message: CopyRequested) -> None:
        article = self._pane.view.article
        if article is None:
            return
        chosen = message.chosen
        text = chosen.text(article)
        copied = f"{text}\n\n{attribution_line(self._pane.view.choice.speaker_of(chosen), article)}"
        self._pane.app.copy_to_clipboard(copied)
        choice = self._pane.view.choice
        what = choice.summary() if choice.choosing else "the passage"
        self._pane.say(f"Copied {what} ({len(text):,} characters) with its attribution")
