"""Choosing a link of the passage under the cursor to open in the browser: the addresses are
shown first, and nothing opens until Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.links import link_problem
from reader.output import safe


def _not_opened(address: str) -> list:
    problem = link_problem(address)
    return (
        []
        if problem is None
        else ["\n", (f"not opened ({problem}): Enter copies it", "$text-warning")]
    )


class LinkScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="links.close"),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]

    def __init__(self, links: list[tuple[str, str]]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="links"):
            yield Static("Open in the browser · Enter opens · Esc closes", classes="panel-title")
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (safe(text or address, tabs=False), "bold"),
                            "\n",
                            (safe(address, tabs=False), "$text-muted"),
                            *_not_opened(address),
                        )
                    )
                    for text, address in self.links
                ),
                id="link-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        getattr(options, f"action_cursor_{direction}")()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[event.option_index][1])
