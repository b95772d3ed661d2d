"""The status line under the reader pane: search progress, else who speaks in the passage under
the cursor, else the links in it (shown, never followed), else the reading progress."""

from __future__ import annotations

from textual.widgets import Static

from reader.ui.widgets.article_view import ArticleView


class StatusLine(Static):
    def show_search(self, event: ArticleView.SearchUpdated) -> None:
        more = " (searching…)" if event.searching else ""
        if not event.query:
            self.update("")
        elif event.total:
            total = f"{event.total:,}+" if event.capped else f"{event.total:,}"
            self.update(
                f"Match {event.current:,} of {total}{more} for “{event.query}” · n/N to move"
            )
        elif event.searching:
            self.update(f"Searching for “{event.query}”…")
        else:
            self.update(f"No matches for “{event.query}”")

    def show_mention(self, event: ArticleView.MentionStepped) -> None:
        self.update(f"{event.entity}: mention {event.current} of {event.total}", layout=False)

    def show_reading(self, view: ArticleView) -> None:
        article = view.article
        if view.search_query or article is None:
            return
        speech = [q for q in view.quotes_at_cursor() if q.kind == "speech"]
        if speech and view.show_analysis:
            quote = speech[0]
            words = " ".join(quote.text.split())
            short = words if len(words) <= 50 else words[:47] + "…"
            speaker = quote.speaker or "unattributed"
            more = f"  (+{len(speech) - 1} more)" if len(speech) > 1 else ""
            self.update(f"{short} — {speaker}{more}", layout=False)
            return
        links = view.links_at_cursor()
        if links:
            self.update("Link: " + "  ".join(links), layout=False)
            return
        percent = round(100 * view.position / max(len(article.source), 1))
        self.update(f"{article.title[:60]} · {percent}%", layout=False)
