"""The main screen's side panels (entities, who said what) and what is asked from them or
from the text: marking an entity, going to a quotation, filtering the list, following a link.
A mixin of MainScreen; its handlers go by name (Textual collects `@on` only from the class
that defines them)."""

from __future__ import annotations

from textual import work

from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.quote_panel import QuotePanel
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.side_panel import SidePanel

_PANELS = {"entities": EntityPanel, "quotes": QuotePanel}


class PanelActions:
    def on_reader_pane_analysed(self, event: ReaderPane.Analysed) -> None:
        note = self.reader.analysis_note
        for panel in self.query(".side-panel").results(SidePanel):
            panel.show(event.analysis, note)

    async def side_panel(self, name: str) -> SidePanel:
        """The panel called `name`, mounted the first time it is asked for: a panel nobody
        opens costs nothing at start-up."""
        panel = self.query_one_optional(f"#{name}", SidePanel)
        if panel is None:
            panel = _PANELS[name](classes="side-panel", id=name)
            await self.query_one("#main").mount(panel)
        return panel

    async def _toggle_panel(self, name: str) -> None:
        if self.panel == name:
            self.panel = None
            return
        panel = await self.side_panel(name)
        self.panel = name
        analysis = self.article_view.analysis if self.article_view.article else None
        panel.show(analysis, self.reader.analysis_note)
        panel.focus()

    async def action_entities(self) -> None:
        await self._toggle_panel("entities")

    async def action_quotes(self) -> None:
        await self._toggle_panel("quotes")

    def on_entity_panel_chosen(self, event: EntityPanel.Chosen) -> None:
        if self.narrow:
            self.panel = None  # on a narrow screen the panel hides the text
        count = self.article_view.select_entity(event.entity)
        self.notify(f"{event.entity}: {count} mentions · ] and [ step through them", timeout=4)
        self.article_view.focus()

    def on_quote_panel_chosen(self, event: QuotePanel.Chosen) -> None:
        if self.narrow:
            self.panel = None
        self.article_view.go_to_source(event.start)
        self.article_view.focus()

    def on_entity_panel_filter_requested(self, event: EntityPanel.FilterRequested) -> None:
        self.sidebar.filter_by_entity(event.entity)

    def on_article_view_entity_filter_requested(
        self, event: ArticleView.EntityFilterRequested
    ) -> None:
        self.sidebar.filter_by_entity(event.entity)

    def on_article_view_links_requested(self, event: ArticleView.LinksRequested) -> None:
        from reader.ui.screens.links import LinkScreen

        self.app.push_screen(LinkScreen(event.links), self._open_link)

    def _open_link(self, address: str | None) -> None:
        from reader.links import link_problem

        if not address:
            return
        problem = link_problem(address)
        if problem is not None:
            self.app.copy_to_clipboard(address)
            self.notify(
                f"{address}\nNot opened: {problem}. Copied to the clipboard instead.",
                title="Link",
                severity="warning",
                timeout=8,
            )
            return
        self.notify(address, title="Opening in the browser", timeout=4)
        self._browse(address)

    @work(thread=True, group="browser", description="open a link")
    def _browse(self, address: str) -> None:
        import webbrowser

        from reader.links import link_problem

        if link_problem(address) is not None:
            return  # never reached through _open_link; a second lock on the one door out

        # The standard library picks the system's browser; it may block while one starts.
        try:
            opened = webbrowser.open(address)
        except webbrowser.Error as error:
            opened, reason = False, str(error)
        else:
            reason = "no browser was found"
        if not opened:
            self.app.call_from_thread(
                self.notify, f"Could not open {address}: {reason}", severity="warning"
            )

    def action_toggle_highlights(self) -> None:
        self.reader.toggle_highlights()
