"""The shown article's bookmarks in the reader pane: their lines marked in the margin, `'`/`"`
between them, and the passage marked where one is opened, until the cursor moves. Owned by the
ArticleView, which it moves and repaints through its public methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.corpus.find import TextHit, hits_for_span
from reader.services.bookmarks import Bookmark
from reader.ui.messages import post_own
from reader.ui.selection import Chosen
from reader.ui.widgets.article_choice import SELECTION
from reader.ui.widgets.article_messages import Said

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView


class BookmarkMarks:
    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.shown: list[Bookmark] = []  # in the order of their passages
        self.lines: set[int] = set()  # the layout's lines that a bookmark covers

    def show(self, bookmarks: list[Bookmark]) -> None:
        """The shown article's bookmarks (found again where it changed): margin marks."""
        self.shown = sorted(bookmarks, key=lambda bookmark: bookmark.start)
        self.mark_lines()
        self._view.repaint()

    def forget(self) -> None:
        self.shown, self.lines = [], set()

    def mark_lines(self) -> None:
        """Which lines to mark (again for each new layout)."""
        view = self._view
        layout, article = view.layout, view.article
        lines: set[int] = set()
        if layout is not None and article is not None:
            for bookmark in self.shown:
                for hit in hits_for_span(article, bookmark.start, bookmark.end):
                    first = layout.line_of(hit.block, hit.start)
                    last = layout.line_of(hit.block, max(hit.end - 1, hit.start))
                    lines.update(range(first, last + 1))
        self.lines = lines

    def bookmark_for(self, chosen: Chosen, choosing: bool) -> Bookmark | None:
        """The bookmark `m` edits: the one with exactly this text, else (a passage, not a
        sentence or a selection) the first bookmark inside the passage."""
        article = self._view.article
        if article is None:
            return None
        start, end = chosen.source_span(article)
        for bookmark in self.shown:
            if (bookmark.start, bookmark.end) == (start, end):
                return bookmark
        if not choosing:
            for bookmark in self.shown:
                if start <= bookmark.start < end:
                    return bookmark
        return None

    def _hits(self) -> list[tuple[Bookmark, TextHit]]:
        """Each bookmark of the article with where its passage begins on screen."""
        article = self._view.article
        if article is None:
            return []
        hits = []
        for bookmark in self.shown:
            found = hits_for_span(article, bookmark.start, bookmark.end)
            if found:
                hits.append((bookmark, found[0]))
        return hits

    def step(self, step: int) -> None:
        view = self._view
        layout = view.layout
        marked = self._hits()
        if not marked or layout is None:
            view.notify("No bookmarks in this article · m keeps the passage under the cursor")
            return
        here = layout.first_line.get(view.cursor, 0)
        lines = [layout.line_of(hit.block, hit.start) for _bookmark, hit in marked]
        if step > 0:
            ahead = [index for index, line in enumerate(lines) if line > here]
            index = ahead[0] if ahead else 0
        else:
            behind = [index for index, line in enumerate(lines) if line < here]
            index = behind[-1] if behind else len(marked) - 1
        bookmark, hit = marked[index]
        view.go_to(hit)
        note = f" · {bookmark.note}" if bookmark.note else ""
        post_own(view, Said(f"Bookmark {index + 1} of {len(marked)}{note}"))

    def flash(self, start: int, end: int) -> None:
        """Put the cursor on a source range and mark it until the cursor moves on (a bookmark
        opened from the list: the reader sees where it landed for as long as they look)."""
        view = self._view
        if view.article is None:
            return
        hits = hits_for_span(view.article, start, end)
        if not hits:
            return
        view.go_to(hits[0])
        flash: dict[int, list] = {}
        for hit in hits:
            flash.setdefault(hit.block, []).append((hit.start, hit.end, SELECTION))
        view.highlights.flash = flash
        view.repaint()

    def unflash(self) -> None:
        """The cursor moved on: the landing mark goes."""
        view = self._view
        if view.highlights.flash:
            view.highlights.flash = {}
            view.repaint()
