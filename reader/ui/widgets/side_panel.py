"""What the entity panel and the quotations panel share: a title and a list of options."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class SidePanel(Widget):
    TITLE = ""

    def _make_options(self) -> OptionList:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield Static(self.TITLE, classes="panel-title")
        yield self._make_options()

    @property
    def options(self) -> OptionList:
        return self.query_one(OptionList)

    def note(self, text: str) -> None:
        """Replace the list with one line of muted text ("Finding entities…")."""
        self.options.clear_options()
        self.options.add_option(Option(Content.styled(text, "$text-muted"), disabled=True))

    def focus(self, scroll_visible: bool = True) -> SidePanel:
        self.options.focus(scroll_visible)
        return self
