"""Who said what: the article's quotations, each entry jumping to its place."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.analysis.model import Analysis, Quote
from reader.output import safe
from reader.ui.widgets.side_panel import SidePanel


class _Quotes(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="quotes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="quotes.up"),
    ]


class QuotePanel(SidePanel):
    TITLE = "Who said what · Enter: go to it"

    class Chosen(Message):
        """Go to the quotation starting at this source offset."""

        def __init__(self, start: int) -> None:
            super().__init__()
            self.start = start

    def _make_options(self) -> OptionList:
        return _Quotes()

    def show(self, analysis: Analysis | None, waiting: str = "Finding quotations…") -> None:
        """The analysis' contents; without one, `waiting` says why (still running, no
        article, too long to analyse, the engine failed)."""
        if analysis is None:
            self.note(waiting)
            return
        speech = [quote for quote in analysis.quotes if quote.kind == "speech"]
        if not speech:
            self.note("No quotations")
            return
        options = self.options
        options.clear_options()
        options.add_options(Option(_prompt(quote), id=str(quote.start)) for quote in speech)
        options.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(self.Chosen(int(event.option_id)))


def _prompt(quote: Quote) -> Content:
    text = safe(" ".join(quote.text[:1000].split()))
    if len(text) > 160:
        text = text[:157] + "…"
    speaker = safe(quote.speaker_name or "unattributed")
    return Content.assemble((speaker, "bold $text-primary"), "\n", (text, "italic"), "\n")
