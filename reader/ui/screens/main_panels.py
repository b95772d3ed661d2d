"""The main screen's side panels (entities, who said what) and what is asked from them or
from the text: marking an entity, going to a quotation, following a link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.model import Analysis
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.quote_panel import QuotePanel
from reader.ui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen

_PANELS = {"entities": EntityPanel, "quotes": QuotePanel}


class Panels:
    """Owned by the main screen: mounts the panels when first opened, keeps them showing the
    shown article's analysis, and acts on what is chosen in them."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def show(self, analysis: Analysis | None) -> None:
        note = self.screen.reader.analysis_note
        for panel in self.screen.query(".side-panel").results(SidePanel):
            panel.show(analysis, note)

    async def side_panel(self, name: str) -> SidePanel:
        """The panel called `name`, mounted the first time it is asked for: a panel nobody
        opens costs nothing at start-up."""
        screen = self.screen
        panel = screen.query_one_optional(f"#{name}", SidePanel)
        if panel is None:
            panel = _PANELS[name](classes="side-panel", id=name)
            await screen.query_one("#main").mount(panel)
        return panel

    async def toggle(self, name: str) -> None:
        screen = self.screen
        if screen.panel == name:
            screen.panel = None
            return
        panel = await self.side_panel(name)
        screen.panel = name
        view = screen.article_view
        panel.show(view.marks.analysis if view.article else None, screen.reader.analysis_note)
        panel.focus()

    def mark_entity(self, entity: str) -> None:
        screen = self.screen
        if screen.narrow:
            screen.panel = None  # on a narrow screen the panel hides the text
        count = screen.article_view.marks.select_entity(entity)
        screen.notify(f"{entity}: {count} mentions · ] and [ step through them", timeout=4)
        screen.article_view.focus()

    def go_to_quote(self, start: int) -> None:
        screen = self.screen
        if screen.narrow:
            screen.panel = None
        screen.article_view.go_to_source(start)
        screen.article_view.focus()

    def choose_link(self, links) -> None:
        from reader.ui.screens.links import LinkScreen

        self.screen.app.push_screen(LinkScreen(links), self._open_link)

    def _open_link(self, address: str | None) -> None:
        from reader.links import link_problem

        if not address:
            return
        screen = self.screen
        problem = link_problem(address)
        if problem is not None:
            screen.app.copy_to_clipboard(address)
            screen.notify(
                f"{address}\nNot opened: {problem}. Copied to the clipboard instead.",
                title="Link",
                severity="warning",
                timeout=8,
            )
            return
        screen.notify(address, title="Opening in the browser", timeout=4)
        screen.run_worker(
            lambda: self._browse(address), thread=True, group="browser", description="open a link"
        )

    def _browse(self, address: str) -> None:
        """In a worker thread: the browser may take a while to start."""
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
            screen = self.screen
            screen.app.call_from_thread(
                screen.notify, f"Could not open {address}: {reason}", severity="warning"
            )
