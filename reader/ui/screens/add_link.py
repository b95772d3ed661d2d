"""The "Add a link" box (and "Subscribe to a feed"): an address to fetch. Enter adds, Esc
cancels.

What is typed is only ever an address: it is checked (http or https, a host, no spaces or
control characters) and handed to the fetch, never run or opened.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.output import safe
from reader.services.fetch import FetchError, check_url
from reader.ui.widgets.text_input import TextInput


class AddLinkScreen(ModalScreen[str | None]):
    """Dismissed with a checked address (Enter), or None (Esc)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="add_link.cancel")]

    def __init__(
        self,
        library: str,
        url: str = "",
        title: str = "Add a link",
        where: str = "The article is written to",
    ) -> None:
        super().__init__()
        self.library = library
        self.url = url
        self.box_title = title
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="add-link-box"):
            yield Static(self.box_title, classes="panel-title")
            yield Static(
                Content(safe(f"{self.where} {self.library}", tabs=False)),
                id="add-link-where",
            )
            yield TextInput(
                self.url, placeholder="https://… · Enter adds · Esc cancels", id="add-link-url"
            )
            yield Static("", id="add-link-problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#add-link-url")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            url = check_url(event.value)
        except FetchError as error:
            problem = self.query_one("#add-link-problem", Static)
            problem.update(Content(safe(str(error), tabs=False)))
            problem.add_class("-shown")
            return
        self.dismiss(url)
