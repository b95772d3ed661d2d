"""What the reader pane marks in an article: search matches, entities, quotations.

A mixin of ArticleView: it keeps the hit lists (search matches for n/N, the chosen entity's
mentions for ]/[) and rebuilds the per-block highlights the pane's renderer paints.
"""

from __future__ import annotations

import re
import time

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from reader.analysis.model import Analysis, Quote
from reader.corpus.find import HitList, TextHit, hits_for_span, iter_matches
from reader.corpus.model import Article, Span
from reader.ui.highlights import attributions, build_highlights
from reader.ui.messages import WORKER_DESCRIPTION, post_own

_FIND_BATCH_SECONDS = 0.1
_FIND_BATCH_HITS = 5000  # so the view takes each batch in a few milliseconds
MAX_MATCHES = 50_000


class MatchesFound(Message):
    """A batch of in-article search matches, from the search worker to the view."""

    def __init__(
        self, search_round: int, hits: list[TextHit], done: bool, capped: bool = False
    ) -> None:
        super().__init__()
        self.search_round = search_round  # which search (a new query, article or clear: anew)
        self.hits = hits
        self.done = done
        self.capped = capped  # there are more than MAX_MATCHES


class ArticleMarks:
    # State (the hit lists, `searching`: a search still running) is made in ArticleView.__init__.
    # ----------------------------------------------------------------- search

    def search(
        self, query: str, pattern: re.Pattern[str] | None = None, land_at: int | None = None
    ) -> None:
        """Highlight every match of `query` (case-insensitive; or of `pattern`, the terms of a
        corpus search, with `query` as its label) and go to the first from the cursor (or the
        first at or after the source offset `land_at`). The matching runs in a thread, a new
        query cancelling the last, and matches appear as they are found, so a huge article
        never blocks typing."""
        self._query = query
        self._land_at = land_at
        self._search = HitList()
        self._highlights.clear_search()
        article = self.article
        if not query or article is None:
            self.workers.cancel_group(self, "find")
            self._repaint()
            self._announce_search()
            return
        self.searching = True
        self._search_round += 1
        self.search_capped = False
        self._find(article, pattern or query, self._search_round)

    @work(thread=True, exclusive=True, group="find", description=WORKER_DESCRIPTION)
    def _find(self, article: Article, query: str | re.Pattern[str], search_round: int) -> None:
        # Batches are posted, not handed over with call_from_thread: the search never waits
        # for the screen to take a batch before it goes on.
        worker = get_current_worker()
        found: list[TextHit] = []  # since the last batch sent
        sent, total = time.monotonic(), 0
        for hits in iter_matches(article, query):
            if worker.is_cancelled:
                return
            found.extend(hits)
            total += len(hits)
            if total >= MAX_MATCHES:
                # A letter or two in a huge article: millions of matches help no one, and
                # holding them all would cost seconds. Say there are more; stop here.
                del found[len(found) - (total - MAX_MATCHES) :]
                self.post_message(MatchesFound(search_round, found, done=True, capped=True))
                return
            if len(found) >= _FIND_BATCH_HITS or (
                found and time.monotonic() - sent > _FIND_BATCH_SECONDS
            ):
                self.post_message(MatchesFound(search_round, found, done=False))
                found, sent = [], time.monotonic()
        if not worker.is_cancelled:
            self.post_message(MatchesFound(search_round, found, done=True))

    def on_matches_found(self, message: MatchesFound) -> None:
        """More matches (in reading order, after those already here)."""
        message.stop()
        if message.search_round != self._search_round:
            return  # typed on, or moved to another article: a stale answer
        hits = message.hits
        first = not self._search.hits
        self._search.hits.extend(hits)
        self._highlights.add_search(hits)
        self.searching = not message.done
        self.search_capped = message.capped
        if self._land_at is not None:
            # Opened at a corpus search's hit: that one is current, wherever the cursor was.
            land_at = self._land_at
            landed = next((hit for hit in hits if hit.span.end > land_at), None)
            if landed is not None or message.done:
                self._land_at = None
                self._go_to(self._search.start_at(lambda hit: hit.span.end > land_at))
                self._highlights.current = self._search.current
        elif first and hits:
            self._start_from_cursor(self._search)
            self._highlights.current = self._search.current
        self._repaint()
        self._announce_search()

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
        self._highlights.current = self._search.current
        self._repaint()
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
        post_own(
            self,
            self.SearchUpdated(
                self._query, search.index + 1, len(search.hits), self.searching, self.search_capped
            ),
        )

    def clear_search(self) -> None:
        self.workers.cancel_group(self, "find")
        self._search_round += 1
        self._search, self._query, self.searching = HitList(), "", False
        self._highlights.clear_search()
        self._repaint()
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
        post_own(
            self,
            self.MentionStepped(
                self.selected_entity or "", self._mentions.index + 1, len(self._mentions.hits)
            ),
        )

    def go_to_source(self, offset: int) -> None:
        """Put the cursor on the passage holding a source offset (a quotation, a mention)."""
        if self.article is not None:
            hits = hits_for_span(self.article, offset, offset + 1)
            if hits:
                self._go_to(hits[0])

    def links_at_cursor(self) -> list[str]:
        """Addresses of the links in the passage under the cursor (Markdown articles)."""
        return [address for _text, address in self.links_with_text_at_cursor()]

    def entity_at_cursor(self) -> str | None:
        """The entity marked with the panel, else the first one named in the passage under
        the cursor (None if it names none)."""
        if self.selected_entity:
            return self.selected_entity
        if self.analysis is None or self.article is None or self.cursor < 0:
            return None
        block = self.article.blocks[self.cursor]
        for mention in self.analysis.mentions:
            if block.start <= mention.start < block.end:
                return mention.entity
        return None

    def action_filter_by_entity(self) -> None:
        entity = self.entity_at_cursor()
        if entity is None:
            self.notify("No one is named in this passage: e lists the article's entities")
            return
        post_own(self, self.EntityFilterRequested(entity))

    def action_open_link(self) -> None:
        links = self.links_with_text_at_cursor()
        if not links:
            self.notify("No link in this passage")
            return
        post_own(self, self.LinksRequested(links))

    def links_with_text_at_cursor(self) -> list[tuple[str, str]]:
        """(link text, address) of the links in the passage under the cursor."""
        if self.article is None or self.cursor < 0:
            return []
        block = self.article.blocks[self.cursor]
        return [
            (block.text[mark.start : mark.end], mark.href)
            for mark in block.marks
            if mark.kind == "link" and mark.href
        ]

    def quotes_at_cursor(self) -> list[Quote]:
        if self.analysis is None or self.article is None or self.cursor < 0:
            return []
        block = self.article.blocks[self.cursor]
        return [q for q in self.analysis.quotes if q.start < block.end and q.end > block.start]

    def _rebuild_highlights(self) -> None:
        """The analysis layer anew (the search layer stays)."""
        if self.article is None:
            self._highlights.base = {}
        else:
            self._highlights.base = build_highlights(
                self.article,
                self.analysis,
                show_analysis=self.show_analysis,
                selected_entity=self.selected_entity,
            )
        self._repaint()

    def _repaint(self) -> None:
        self._strips.clear()
        self.refresh()
