"""The shown article's analysis in the reader pane: its entities and quotations coloured, the
chosen entity's mentions for ]/[, and the speakers named under their passages. Owned by the
ArticleView, which it moves and repaints through its public methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.model import Analysis, Quote
from reader.corpus.find import HitList, TextHit, hits_for_span
from reader.ui.highlights import attributions, build_highlights
from reader.ui.messages import post_own
from reader.ui.widgets.article_messages import MentionStepped

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView


class AnalysisMarks:
    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.analysis: Analysis | None = None
        self.selected_entity: str | None = None
        self._mentions = HitList()

    def forget(self) -> None:
        """A new article: its analysis comes later."""
        self.analysis, self.selected_entity, self._mentions = None, None, HitList()

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.rebuild()

    def attributions(self) -> dict[int, str]:
        """Block → "— Speaker" under the passages where someone speaks (none while the
        colours are off)."""
        article = self._view.article
        if article is None or not self._view.show_analysis:
            return {}
        return attributions(article, self.analysis)

    def select_entity(self, entity: str | None) -> int:
        """Mark every mention of `entity`; ]/[ then step through them. Returns the count."""
        self.selected_entity = entity
        article, analysis = self._view.article, self.analysis
        hits: list[TextHit] = []
        if entity and article is not None and analysis is not None:
            for mention in analysis.mentions_of(entity):
                hits.extend(hits_for_span(article, mention.start, mention.end)[:1])
        self._mentions = HitList(hits)
        self._view.start_from_cursor(self._mentions)
        self.rebuild()
        return len(hits)

    def step_mention(self, step: int) -> None:
        view = self._view
        if self._mentions.step(step) is None:
            view.notify("Choose an entity first: e opens the entity panel")
            return
        view.go_to(self._mentions.current)
        total = len(self._mentions.hits)
        post_own(view, MentionStepped(self.selected_entity or "", self._mentions.index + 1, total))

    def entity_at_cursor(self) -> str | None:
        """The entity marked with the panel, else the first one named in the passage under
        the cursor (None if it names none)."""
        if self.selected_entity:
            return self.selected_entity
        block = self._view.cursor_block
        if self.analysis is None or block is None:
            return None
        for mention in self.analysis.mentions:
            if block.start <= mention.start < block.end:
                return mention.entity
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """The quotations that overlap the source range [start, end)."""
        if self.analysis is None:
            return []
        return [q for q in self.analysis.quotes if q.start < end and q.end > start]

    def quotes_at_cursor(self) -> list[Quote]:
        block = self._view.cursor_block
        return [] if block is None else self.quotes_in(block.start, block.end)

    def rebuild(self) -> None:
        """The analysis layer of the highlights anew (the search layer stays)."""
        view = self._view
        article = view.article
        if article is None:
            view.highlights.base = {}
        else:
            view.highlights.base = build_highlights(
                article,
                self.analysis,
                show_analysis=view.show_analysis,
                selected_entity=self.selected_entity,
            )
        view.repaint()
