"""What the reader pane marks in an article: search matches, entities, quotations.

A mixin of ArticleView: it keeps the hit lists (search matches for n/N, the chosen entity's
mentions for ]/[) and rebuilds the per-block highlights the pane's renderer paints.
"""

from __future__ import annotations

from reader.analysis.model import Analysis, Quote
from reader.corpus.model import Span
from reader.corpus.search import HitList, TextHit, find_in_article, hits_for_span
from reader.ui.highlights import attributions, build_highlights


class ArticleMarks:
    # ----------------------------------------------------------------- search

    def search(self, query: str) -> int:
        """Highlight every match of `query` (case-insensitive); go to the first from the cursor."""
        self._query = query
        article = self.article
        self._search = HitList(find_in_article(article, query) if article is not None else [])
        self._start_from_cursor(self._search)
        self._rebuild_highlights()
        self._announce_search()
        return len(self._search.hits)

    def _start_from_cursor(self, hits: HitList) -> None:
        """Make the first hit at or after the cursor current, and go to it."""
        layout = self._layout
        if layout is None:
            return
        here = layout.first_line.get(self.cursor, 0)
        self._go_to(hits.start_at(lambda hit: layout.line_of(hit.block, hit.start) >= here))

    @property
    def search_query(self) -> str:
        return self._query

    @property
    def search_hits(self) -> list[Span]:
        return [hit.span for hit in self._search.hits]

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if self._search.step(step) is None:
            if self._query:
                self.notify(f"No matches for “{self._query}”", severity="warning")
            return
        self._go_to(self._search.current)
        self._rebuild_highlights()
        self._announce_search()

    def _go_to(self, hit: TextHit | None) -> None:
        """Bring a hit into view (a third of the way down) and put the cursor on its block."""
        layout = self._layout
        if hit is None or layout is None:
            return
        line = layout.line_of(hit.block, hit.start)
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if not top <= line < top + height:
            self._jump(max(0, line - height // 3))
        self.cursor = hit.block

    def _announce_search(self) -> None:
        search = self._search
        self.post_message(self.SearchUpdated(self._query, search.index + 1, len(search.hits)))

    def clear_search(self) -> None:
        self._search, self._query = HitList(), ""
        self._rebuild_highlights()
        self._announce_search()

    # ----------------------------------------------------------------- entities and quotations

    def set_analysis(self, analysis: Analysis) -> None:
        """Colour the article's entities and quotations (they arrive after the text), and name
        the speakers under their passages (a new layout that keeps the reading place)."""
        self.analysis = analysis
        self._rebuild_highlights()
        self._relayout()

    @property
    def attributions(self) -> dict[int, str]:
        if self.article is None or not self.show_analysis:
            return {}
        return attributions(self.article, self.analysis)

    def watch_show_analysis(self) -> None:
        self._rebuild_highlights()
        if self.is_mounted:
            self._relayout()

    def select_entity(self, entity: str | None) -> int:
        """Mark every mention of `entity`; ]/[ then step through them. Returns the count."""
        self.selected_entity = entity
        article, analysis = self.article, self.analysis
        hits: list[TextHit] = []
        if entity and article is not None and analysis is not None:
            for mention in analysis.mentions_of(entity):
                hits.extend(hits_for_span(article, mention.start, mention.end)[:1])
        self._mentions = HitList(hits)
        self._start_from_cursor(self._mentions)
        self._rebuild_highlights()
        return len(hits)

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def _step_mention(self, step: int) -> None:
        if self._mentions.step(step) is None:
            self.notify("Choose an entity first: e opens the entity panel")
            return
        self._go_to(self._mentions.current)
        self.post_message(
            self.MentionStepped(
                self.selected_entity or "", self._mentions.index + 1, len(self._mentions.hits)
            )
        )

    def go_to_source(self, offset: int) -> None:
        """Put the cursor on the passage holding a source offset (a quotation, a mention)."""
        if self.article is not None:
            hits = hits_for_span(self.article, offset, offset + 1)
            if hits:
                self._go_to(hits[0])

    def links_at_cursor(self) -> list[str]:
        """Addresses of the links in the passage under the cursor (Markdown articles)."""
        if self.article is None or self.cursor < 0:
            return []
        marks = self.article.blocks[self.cursor].marks
        return [mark.href for mark in marks if mark.kind == "link" and mark.href]

    def quotes_at_cursor(self) -> list[Quote]:
        if self.analysis is None or self.article is None or self.cursor < 0:
            return []
        block = self.article.blocks[self.cursor]
        return [q for q in self.analysis.quotes if q.start < block.end and q.end > block.start]

    def _rebuild_highlights(self) -> None:
        if self.article is None:
            self._highlights = {}
        else:
            self._highlights = build_highlights(
                self.article,
                self.analysis,
                show_analysis=self.show_analysis,
                selected_entity=self.selected_entity,
                search=self._search.hits,
                current_search=self._search.current,
            )
        self._strips.clear()
        self.refresh()
