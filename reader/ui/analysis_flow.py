"""Entities and quotations in the app: analysis in a worker, the two panels, the status line.

A mixin of ReaderApp. The article's text is on screen before analysis starts; results come
from the cache (keyed by content hash) or from the engine in a thread, and arrive as colours.
"""

from __future__ import annotations

from textual import work
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.analysis.cache import AnalysisCache
from reader.analysis.engine import Engine, EngineUnavailable, get_engine
from reader.analysis.model import Analysis
from reader.corpus.model import Article
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.quote_panel import QuotePanel

# Past this, analysis would keep a core busy for minutes: such files are read, not analysed.
MAX_ANALYSED_CHARS = 2_000_000


class AnalysisFlow:
    _engine: Engine | None = None
    _engine_failed = False
    _list_before_panel = True

    @property
    def analysis_cache(self) -> AnalysisCache:
        return AnalysisCache(self.locations.cache_dir)

    def engine(self) -> Engine:
        """The configured engine, made on first use (spaCy's model takes a while to load)."""
        if self._engine is None:
            self._engine = get_engine(self.config.engine)
        return self._engine

    def analyze_shown(self, article: Article) -> None:
        if len(article.source) > MAX_ANALYSED_CHARS:
            self.notify(
                "This article is too long to analyse; entities and quotations are not marked.",
                timeout=5,
            )
            return
        if not self._engine_failed:
            self._analyze(article)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyze(self, article: Article) -> None:
        try:
            analysis = self.analysis_cache.analyze(self.engine(), article)
        except EngineUnavailable as error:
            self._engine_failed = True
            self.call_from_thread(self.notify, str(error), title="Analysis", severity="error")
            return
        except Exception as error:
            # A fault in an engine must not end the reading session: say so, keep the text.
            self.log.error(f"analysis of {article.path} failed", error)
            message = f"Could not analyse {article.path.name}: {type(error).__name__}: {error}"
            self.call_from_thread(self.notify, message, title="Analysis", severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._analysis_ready, article, analysis)

    def _analysis_ready(self, article: Article, analysis: Analysis) -> None:
        view = self.article_view
        if view.article is not article:
            return  # the reader has moved on
        view.set_analysis(analysis)
        self.query_one(EntityPanel).show(analysis)
        self.query_one(QuotePanel).show(analysis)
        self.update_status()

    # ----------------------------------------------------------------- panels

    def _toggle_panel(self, panel_type: type, other_type: type) -> None:
        panel, other = self.query_one(panel_type), self.query_one(other_type)
        if panel.has_class("-open"):
            self.close_panels()
            return
        if not other.has_class("-open"):
            # The panel takes the list's room; closing it gives the room back.
            self._list_before_panel = self._list_open
            self._list_open = False
            self._apply_list_visibility()
        other.remove_class("-open")
        panel.show(self.article_view.analysis if self.article_view.article else None)
        panel.add_class("-open")
        panel.focus()
        # On a narrow terminal an open panel takes the reader's place.
        self.screen.set_class(panel.has_class("-open"), "-panel-open")

    def action_entities(self) -> None:
        self._toggle_panel(EntityPanel, QuotePanel)

    def action_quotes(self) -> None:
        self._toggle_panel(QuotePanel, EntityPanel)

    def close_panels(self) -> bool:
        """Close an open panel; False if none was open."""
        closed = False
        for panel in self.query(".side-panel.-open"):
            panel.remove_class("-open")
            closed = True
        self.screen.remove_class("-panel-open")
        if closed:
            self._list_open = self._list_before_panel
            self._apply_list_visibility()
            self.article_view.focus()
        return closed

    # Handlers by name, not @on: a plain mixin's @on decorators are not collected by Textual.
    def on_entity_panel_chosen(self, event: EntityPanel.Chosen) -> None:
        if self.screen.has_class("-narrow"):
            self.close_panels()  # on a narrow screen the panel hides the text
        count = self.article_view.select_entity(event.entity)
        self.notify(f"{event.entity}: {count} mentions · ] and [ step through them", timeout=4)
        self.article_view.focus()

    def on_entity_panel_filter_requested(self, event: EntityPanel.FilterRequested) -> None:
        self.filter_by_entity(event.entity, None)

    def on_quote_panel_chosen(self, event: QuotePanel.Chosen) -> None:
        if self.screen.has_class("-narrow"):
            self.close_panels()
        self.article_view.go_to_source(event.start)
        self.article_view.focus()

    def action_toggle_highlights(self) -> None:
        view = self.article_view
        view.show_analysis = not view.show_analysis
        state = "shown" if view.show_analysis else "hidden"
        self.notify(f"Entity and quotation colours {state}", timeout=2)

    # ----------------------------------------------------------------- status line

    def on_article_view_mention_stepped(self, event: ArticleView.MentionStepped) -> None:
        status = self.query_one("#status", Static)
        status.update(f"{event.entity}: mention {event.current} of {event.total}", layout=False)

    def update_status(self) -> None:
        """Search state, else who is speaking in the passage under the cursor, else the links
        in it (shown, never followed), else the reading progress."""
        view = self.article_view
        status = self.query_one("#status", Static)
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
            status.update(f"{short} — {speaker}{more}", layout=False)
            return
        links = view.links_at_cursor()
        if links:
            status.update("Link: " + "  ".join(links), layout=False)
            return
        percent = round(100 * view.position / max(len(article.source), 1))
        status.update(f"{article.title[:60]} · {percent}%", layout=False)
