"""Choosing text in the reader pane and the bookmarks of the shown article.

A mixin of ArticleView: the sentence cursor (`(`/`)`), the selection (`v`, extended by any
movement, dropped with Esc), the bookmarks' gutter lines and `'`/`"` between them. Keeping and
copying are asked of the pane with messages (`KeepRequested`, `CopyRequested`): the view knows
what is chosen, not where bookmarks are stored.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.message import Message

from reader.analysis.model import Quote
from reader.corpus.find import TextHit, hits_for_span
from reader.services.bookmarks import Bookmark
from reader.ui.messages import post_own
from reader.ui.selection import Chosen, Point, choose, sentence_at, step_sentence

SENTENCE, SELECTION = "reader--sentence", "reader--selection"


# The most a bookmark or a copy takes at once (about 15,000 words).
MAX_CHOSEN_CHARS = 100_000


def names_together(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class KeepRequested(Message):
    """`m`: keep what is chosen (or edit the note of the bookmark it is)."""

    def __init__(self, chosen: Chosen, existing: Bookmark | None) -> None:
        super().__init__()
        self.chosen = chosen
        self.existing = existing


class CopyRequested(Message):
    """`y`: copy what is chosen, with its attribution."""

    def __init__(self, chosen: Chosen) -> None:
        super().__init__()
        self.chosen = chosen


class ChoiceChanged(Message):
    """The sentence cursor or the selection changed: for the status line."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ChoiceChanged)


class ArticleChoice:
    # State is made in ArticleView.__init__: `sentence` (the cursor's sentence, None for the
    # whole passage), `selection_anchor`, `bookmarks`, `_bookmark_lines`, `_stepping`.

    # ----------------------------------------------------------------- what is chosen

    @property
    def point(self) -> Point:
        return Point(self.cursor, self.sentence)

    @property
    def choosing(self) -> bool:
        """A sentence or a selection is chosen (not simply the passage under the cursor)."""
        return self.selection_anchor is not None or self.sentence is not None

    def chosen(self) -> Chosen | None:
        if self.article is None or self._layout is None or self.cursor < 0:
            return None
        return choose(self.article, self._layout, self.selection_anchor, self.point)

    def _choice_changed(self) -> None:
        """Paint the chosen text (a sentence or a selection) and tell the status line."""
        layer: dict[int, list] = {}
        chosen = self.chosen() if self.choosing else None
        if chosen is not None and self.article is not None:
            style = SELECTION if self.selection_anchor is not None else SENTENCE
            for block, (start, end) in chosen.ranges(self.article).items():
                layer[block] = [(start, end, style)]
        self._highlights.selection = layer
        self._repaint()
        post_own(self, ChoiceChanged())

    def drop_choice(self) -> None:
        """Back to the passage under the cursor (after keeping what was chosen)."""
        self.sentence = None
        self.selection_anchor = None
        self._choice_changed()

    def reset_choice(self) -> None:
        """A new article: no sentence, no selection."""
        self.sentence = None
        self.selection_anchor = None
        self._highlights.selection = {}

    def on_cursor_moved(self) -> None:
        """j/k, paging, a click: the cursor is on a whole passage again (a selection stays
        and follows it)."""
        if self._stepping:
            return
        if self.sentence is not None or self.selection_anchor is not None:
            self.sentence = None
            self._choice_changed()

    def _step_sentence(self, step: int) -> None:
        if self.article is None or self._layout is None or not self._can_move:
            return
        point = step_sentence(self.article, self._layout, self.point, step)
        self._stepping = True
        try:
            self.sentence = point.sentence
            if point.block != self.cursor:
                self._show_block(point.block, from_below=step < 0)
            else:
                self._reveal_sentence()
        finally:
            self._stepping = False
        self._choice_changed()

    def _reveal_sentence(self) -> None:
        chosen = self.chosen()
        if chosen is None or self.article is None or self._layout is None:
            return
        start, _end = chosen.ranges(self.article)[self.cursor]
        line = self._layout.line_of(self.cursor, start)
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if not top <= line < top + height:
            self._jump(max(0, line - height // 3))

    def action_next_sentence(self) -> None:
        self._step_sentence(1)

    def action_previous_sentence(self) -> None:
        self._step_sentence(-1)

    def action_select(self) -> None:
        if self.cursor < 0 or self.article is None:
            return
        if self.selection_anchor is None:
            self.selection_anchor = self.point
            self.notify("Selecting: j/k, ( and ) extend it · m keep · y copy · Esc drop", timeout=3)
        else:
            self.selection_anchor = None
        self._choice_changed()

    def action_drop_choice(self) -> None:
        if self.selection_anchor is not None:
            self.selection_anchor = None
        elif self.sentence is not None:
            self.sentence = None
        else:
            raise SkipAction()  # nothing chosen: Esc closes what the screen has open
        self._choice_changed()

    def extend_to(self, block: int, display_offset: int) -> None:
        """Shift+click: the selection runs from where it began (or the cursor) to there."""
        if self.article is None:
            return
        if self.selection_anchor is None:
            self.selection_anchor = self.point
        self._stepping = True
        try:
            self.cursor = block
            self.sentence = sentence_at(self.article, block, display_offset)
        finally:
            self._stepping = False
        self._choice_changed()

    def choice_summary(self) -> str:
        """What is chosen, for the status line: "2 sentences · Anthony Blinken"."""
        chosen = self.chosen()
        if chosen is None or self.article is None:
            return ""
        count = "1 sentence" if chosen.sentences == 1 else f"{chosen.sentences} sentences"
        if len(chosen.blocks) > 1:
            count += f" in {len(chosen.blocks)} passages"
        return " · ".join(part for part in (count, self.speaker_of(chosen)) if part)

    # ----------------------------------------------------------------- analysis of the choice

    def quotes_in(self, chosen: Chosen) -> list[Quote]:
        if self.analysis is None or self.article is None:
            return []
        start, end = chosen.source_span(self.article)
        return [q for q in self.analysis.quotes if q.start < end and q.end > start]

    def speaker_of(self, chosen: Chosen) -> str:
        """Who speaks in the chosen text: every named speaker of its quotations, in order of
        first word ("Anna Berg and Tomas Lind"); empty when it quotes no one."""
        names = [
            quote.speaker_name
            for quote in self.quotes_in(chosen)
            if quote.kind == "speech" and quote.speaker_name
        ]
        return names_together(list(dict.fromkeys(names)))

    # ----------------------------------------------------------------- keeping and copying

    def action_keep(self) -> None:
        chosen = self.chosen()
        if chosen is None or self.article is None:
            self.notify("No passage to keep")
            return
        if self._too_long(chosen, "keep"):
            return
        post_own(self, KeepRequested(chosen, self.bookmark_for(chosen)))

    def action_copy(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.notify("No passage to copy")
            return
        if self._too_long(chosen, "copy"):
            return
        post_own(self, CopyRequested(chosen))

    def _too_long(self, chosen: Chosen, doing: str) -> bool:
        """A passage past MAX_CHOSEN_CHARS (a whole book on one line) is not kept or copied
        whole: said, with the way to choose less."""
        if self.article is None:
            return False
        start, end = chosen.source_span(self.article)
        if end - start <= MAX_CHOSEN_CHARS:
            return False
        self.notify(
            f"Too long to {doing} at once ({end - start:,} characters; at most "
            f"{MAX_CHOSEN_CHARS:,}): ( and ) choose a sentence, v a few",
            severity="warning",
            timeout=6,
        )
        return True

    def bookmark_for(self, chosen: Chosen) -> Bookmark | None:
        """The bookmark `m` edits: the one with exactly this text, else (a passage, not a
        sentence or a selection) the first bookmark inside the passage."""
        if self.article is None:
            return None
        start, end = chosen.source_span(self.article)
        for bookmark in self.bookmarks:
            if (bookmark.start, bookmark.end) == (start, end):
                return bookmark
        if not self.choosing:
            for bookmark in self.bookmarks:
                if start <= bookmark.start < end:
                    return bookmark
        return None

    # ----------------------------------------------------------------- bookmarks in the article

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        """The shown article's bookmarks (found again where it changed): gutter marks."""
        self.bookmarks = sorted(bookmarks, key=lambda bookmark: bookmark.start)
        self._mark_bookmark_lines()
        self._repaint()

    def _bookmark_hits(self) -> list[tuple[Bookmark, TextHit]]:
        """Each bookmark of the article with where its passage begins on screen."""
        if self.article is None:
            return []
        hits = []
        for bookmark in self.bookmarks:
            found = hits_for_span(self.article, bookmark.start, bookmark.end)
            if found:
                hits.append((bookmark, found[0]))
        return hits

    def _mark_bookmark_lines(self) -> None:
        layout, article = self._layout, self.article
        lines: set[int] = set()
        if layout is not None and article is not None:
            for bookmark in self.bookmarks:
                for hit in hits_for_span(article, bookmark.start, bookmark.end):
                    first = layout.line_of(hit.block, hit.start)
                    last = layout.line_of(hit.block, max(hit.end - 1, hit.start))
                    lines.update(range(first, last + 1))
        self._bookmark_lines = lines

    def action_next_bookmark(self) -> None:
        self._step_bookmark(1)

    def action_previous_bookmark(self) -> None:
        self._step_bookmark(-1)

    def _step_bookmark(self, step: int) -> None:
        layout = self._layout
        marked = self._bookmark_hits()
        if not marked or layout is None:
            self.notify("No bookmarks in this article · m keeps the passage under the cursor")
            return
        here = layout.first_line.get(self.cursor, 0)
        lines = [layout.line_of(hit.block, hit.start) for _bookmark, hit in marked]
        if step > 0:
            ahead = [index for index, line in enumerate(lines) if line > here]
            index = ahead[0] if ahead else 0
        else:
            behind = [index for index, line in enumerate(lines) if line < here]
            index = behind[-1] if behind else len(marked) - 1
        bookmark, hit = marked[index]
        self._go_to(hit)
        note = f" · {bookmark.note}" if bookmark.note else ""
        self.notify(f"Bookmark {index + 1} of {len(marked)}{note}", timeout=3)

    def flash(self, start: int, end: int) -> None:
        """Put the cursor on a source range and flash it (a bookmark opened from the list)."""
        if self.article is None:
            return
        hits = hits_for_span(self.article, start, end)
        if not hits:
            return
        self._go_to(hits[0])
        flash: dict[int, list] = {}
        for hit in hits:
            flash.setdefault(hit.block, []).append((hit.start, hit.end, SELECTION))
        self._highlights.flash = flash
        self._repaint()

        def unflash() -> None:
            self._highlights.flash = {}
            self._repaint()

        self.set_timer(1.2, unflash)
