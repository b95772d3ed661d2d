"""A short list to choose one thing from (a link to open, a name to split off): Enter chooses,
Esc closes without a choice; nothing happens until Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.output import safe


class ChoiceScreen(ModalScreen[str | None]):
    """Dismissed with the chosen value (None: closed)."""

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="choice.close"),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, Content | str]]) -> None:
        """`choices`: (value, what the row shows); a plain string is shown as written."""
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-box"):
            yield Static(safe(self.title_text, tabs=False), classes="panel-title", markup=False)
            yield OptionList(
                *(
                    Option(shown if isinstance(shown, Content) else Content(safe(shown)))
                    for _value, shown in self.choices
                ),
                classes="choice-list",
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
        self.dismiss(self.choices[event.option_index][0])
