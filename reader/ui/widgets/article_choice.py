"""Choosing text in the reader pane: the sentence cursor (`(`/`)`), the selection (`v`,
extended by any movement, dropped with Esc), and what it sends up to be kept or copied.

Owned by the ArticleView, which it moves and repaints through its public methods. Keeping and
copying are asked of the pane with messages (`KeepRequested`, `CopyRequested`): the view knows
what is chosen, not where bookmarks are stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import SkipAction

from reader.analysis.model import Quote
from reader.ui.messages import post_own
from reader.ui.selection import Chosen, Point, choose, sentence_at, step_sentence
from reader.ui.widgets.article_messages import ChoiceChanged, CopyRequested, KeepRequested

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView

SENTENCE, SELECTION = "reader--sentence", "reader--selection"


# The most a bookmark or a copy takes at once (about 15,000 words).
MAX_CHOSEN_CHARS = 100_000


def names_together(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class Choice:
    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.sentence: int | None = None  # the cursor's sentence; None: the whole passage
        self.anchor: Point | None = None  # where the selection began; None: no selection
        self._stepping = False  # the cursor moves with a sentence step, not a passage move

    # ----------------------------------------------------------------- what is chosen

    @property
    def point(self) -> Point:
        return Point(self._view.cursor, self.sentence)

    @property
    def choosing(self) -> bool:
        """A sentence or a selection is chosen (not simply the passage under the cursor)."""
        return self.anchor is not None or self.sentence is not None

    def chosen(self) -> Chosen | None:
        view = self._view
        if view.article is None or view.layout is None or view.cursor < 0:
            return None
        return choose(view.article, view.layout, self.anchor, self.point)

    def _changed(self) -> None:
        """Paint the chosen text (a sentence or a selection) and tell the status line."""
        view = self._view
        layer: dict[int, list] = {}
        chosen = self.chosen() if self.choosing else None
        if chosen is not None and view.article is not None:
            style = SELECTION if self.anchor is not None else SENTENCE
            for block, (start, end) in chosen.ranges(view.article).items():
                layer[block] = [(start, end, style)]
        view.highlights.selection = layer
        view.repaint()
        post_own(view, ChoiceChanged())

    def drop(self) -> None:
        """Back to the passage under the cursor (after keeping what was chosen)."""
        self.sentence = None
        self.anchor = None
        self._changed()

    def forget(self) -> None:
        """A new article: no sentence, no selection."""
        self.sentence = None
        self.anchor = None
        self._view.highlights.selection = {}

    def cursor_moved(self) -> None:
        """j/k, paging, a click: the cursor is on a whole passage again (a selection stays
        and follows it)."""
        if self._stepping:
            return
        if self.sentence is not None or self.anchor is not None:
            self.sentence = None
            self._changed()

    def step_sentence(self, step: int) -> None:
        view = self._view
        if view.article is None or view.layout is None or not view.can_move:
            return
        point = step_sentence(view.article, view.layout, self.point, step)
        self._stepping = True
        try:
            self.sentence = point.sentence
            if point.block != view.cursor:
                view.show_block(point.block, from_below=step < 0)
            else:
                self._reveal_sentence()
        finally:
            self._stepping = False
        self._changed()

    def _reveal_sentence(self) -> None:
        view = self._view
        chosen = self.chosen()
        if chosen is None or view.article is None or view.layout is None:
            return
        start, _end = chosen.ranges(view.article)[view.cursor]
        view.bring_into_view(view.layout.line_of(view.cursor, start))

    def select(self) -> None:
        view = self._view
        if view.cursor < 0 or view.article is None:
            return
        if self.anchor is None:
            self.anchor = self.point
            # (The status line then says what is selected, with these keys.)
        else:
            self.anchor = None
        self._changed()

    def drop_one(self) -> None:
        """Esc: the selection goes, else the sentence; else Esc is the screen's."""
        if self.anchor is not None:
            self.anchor = None
        elif self.sentence is not None:
            self.sentence = None
        else:
            raise SkipAction()  # nothing chosen: Esc closes what the screen has open
        self._changed()

    def extend_to(self, block: int, display_offset: int) -> None:
        """Shift+click: the selection runs from where it began (or the cursor) to there."""
        view = self._view
        if view.article is None:
            return
        if self.anchor is None:
            self.anchor = self.point
        self._stepping = True
        try:
            view.cursor = block
            self.sentence = sentence_at(view.article, block, display_offset)
        finally:
            self._stepping = False
        self._changed()

    def summary(self) -> str:
        """What is chosen, for the status line: "2 sentences · Anthony Blinken"."""
        chosen = self.chosen()
        if chosen is None:
            return ""
        count = "1 sentence" if chosen.sentences == 1 else f"{chosen.sentences} sentences"
        if len(chosen.blocks) > 1:
            count += f" in {len(chosen.blocks)} passages"
        return " · ".join(part for part in (count, self.speaker_of(chosen)) if part)

    # ----------------------------------------------------------------- analysis of the choice

    def quotes_in(self, chosen: Chosen) -> list[Quote]:
        article = self._view.article
        if article is None:
            return []
        return self._view.marks.quotes_in(*chosen.source_span(article))

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

    def keep(self) -> None:
        view = self._view
        chosen = self.chosen()
        if chosen is None:
            view.notify("No passage to keep")
            return
        if self._too_long(chosen, "keep"):
            return
        post_own(view, KeepRequested(chosen, view.bookmarks.bookmark_for(chosen, self.choosing)))

    def copy(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self._view.notify("No passage to copy")
            return
        if self._too_long(chosen, "copy"):
            return
        post_own(self._view, CopyRequested(chosen))

    def _too_long(self, chosen: Chosen, doing: str) -> bool:
        """A passage past MAX_CHOSEN_CHARS (a whole book on one line) is not kept or copied
        whole: said, with the way to choose less."""
        article = self._view.article
        if article is None:
            return False
        start, end = chosen.source_span(article)
        if end - start <= MAX_CHOSEN_CHARS:
            return False
        self._view.notify(
            f"Too long to {doing} at once ({end - start:,} characters; at most "
            f"{MAX_CHOSEN_CHARS:,}): ( and ) choose a sentence, v a few",
            severity="warning",
            timeout=6,
        )
        return True
