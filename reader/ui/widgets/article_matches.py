"""The in-article search of the reader pane: the query, its matches as they arrive, and the
current one for n/N. Owned by the ArticleView, which it moves and repaints through its public
methods."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from reader.corpus.find import HitList, TextHit, iter_matches
from reader.corpus.model import Article, Span
from reader.ui.messages import WORKER_DESCRIPTION, post_own
from reader.ui.widgets.article_messages import MatchesFound, SearchUpdated

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView

_FIND_BATCH_SECONDS = 0.1
_FIND_BATCH_HITS = 5000  # so the view takes each batch in a few milliseconds
MAX_MATCHES = 50_000


def find_matches(
    article: Article,
    query: str | re.Pattern[str],
    search_round: int,
    post: Callable[[MatchesFound], object],
) -> None:
    """In a worker thread: post the matches in batches, stopping when cancelled.

    Batches are posted, not handed over with call_from_thread: the search never waits for
    the screen to take a batch before it goes on."""
    worker = get_current_worker()
    found: list[TextHit] = []  # since the last batch sent
    sent, total = time.monotonic(), 0
    for hits in iter_matches(article, query):
        if worker.is_cancelled:
            return
        found.extend(hits)
        total += len(hits)
        if total >= MAX_MATCHES:
            # A letter or two in a huge article: millions of matches help no one, and holding
            # them all would cost seconds. Say there are more; stop here.
            del found[len(found) - (total - MAX_MATCHES) :]
            post(MatchesFound(search_round, found, done=True, capped=True))
            return
        if len(found) >= _FIND_BATCH_HITS or (
            found and time.monotonic() - sent > _FIND_BATCH_SECONDS
        ):
            post(MatchesFound(search_round, found, done=False))
            found, sent = [], time.monotonic()
    if not worker.is_cancelled:
        post(MatchesFound(search_round, found, done=True))


class Matches:
    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.query = ""
        self.hits = HitList()
        self.searching = False  # a search is still running: more matches may come
        self.capped = False  # there were more matches than MAX_MATCHES
        self._round = 0  # counts searches, so a batch of an older one is dropped
        self._land_at: int | None = None  # the search's first hit at or after this offset

    @property
    def spans(self) -> list[Span]:
        return [hit.span for hit in self.hits.hits]

    def search(
        self, query: str, pattern: re.Pattern[str] | None = None, land_at: int | None = None
    ) -> None:
        """Highlight every match of `query` (case-insensitive; or of `pattern`, the terms of a
        corpus search, with `query` as its label) and go to the first from the cursor (or the
        first at or after the source offset `land_at`). The matching runs in a thread, a new
        query cancelling the last, and matches appear as they are found, so a huge article
        never blocks typing."""
        view = self._view
        self._forget()
        self.query, self._land_at = query, land_at
        article = view.article
        if not query or article is None:
            view.repaint()
            self._announce()
            return
        self.searching = True
        search_round = self._round
        view.run_worker(
            lambda: find_matches(article, pattern or query, search_round, view.post_message),
            thread=True,
            exclusive=True,
            group="find",
            description=WORKER_DESCRIPTION,
        )

    def clear(self) -> None:
        self._forget()
        self._view.repaint()
        self._announce()

    def forget(self) -> None:
        """A new article: no query, no matches (nothing said)."""
        self._forget()

    def _forget(self) -> None:
        self._view.workers.cancel_group(self._view, "find")
        self._round += 1
        self.hits, self.query, self.searching, self.capped = HitList(), "", False, False
        self._land_at = None
        self._view.highlights.clear_search()

    def take(self, message: MatchesFound) -> None:
        """More matches (in reading order, after those already here)."""
        if message.search_round != self._round:
            return  # typed on, or moved to another article: a stale answer
        view, hits = self._view, message.hits
        first = not self.hits.hits
        self.hits.hits.extend(hits)
        view.highlights.add_search(hits)
        self.searching = not message.done
        self.capped = message.capped
        if self._land_at is not None:
            # Opened at a corpus search's hit: that one is current, wherever the cursor was.
            land_at = self._land_at
            landed = next((hit for hit in hits if hit.span.end > land_at), None)
            if landed is not None or message.done:
                self._land_at = None
                view.go_to(self.hits.start_at(lambda hit: hit.span.end > land_at))
                view.highlights.current = self.hits.current
        elif first and hits:
            view.start_from_cursor(self.hits)
            view.highlights.current = self.hits.current
        view.repaint()
        self._announce()

    def step(self, step: int) -> None:
        view = self._view
        before = self.hits.index
        if self.hits.step(step) is None:
            if self.query:
                view.notify(f"No matches for “{self.query}”", severity="warning")
            return
        view.go_to(self.hits.current)
        view.highlights.current = self.hits.current
        view.repaint()
        # Past the last match to the first (or back past the first): said, as less and vim do.
        after = self.hits.index
        went_round = after != before and (after < before) == (step > 0)
        self._announce(("top" if step > 0 else "bottom") if went_round else "")

    def _announce(self, wrapped: str = "") -> None:
        hits = self.hits
        found = len(hits.hits)
        post_own(
            self._view,
            SearchUpdated(self.query, hits.index + 1, found, self.searching, self.capped, wrapped),
        )
