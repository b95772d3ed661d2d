"""A small box for a bookmark's note: Enter saves (an empty note is fine), Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.ui.widgets.line_renderer import fit_cells


class NoteScreen(ModalScreen[str | None]):
    """Dismissed with the note (Enter) or None (Esc: nothing is kept or changed)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="note.cancel")]

    def __init__(self, heading: str, excerpt: str, note: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.excerpt = excerpt
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(self.heading, classes="panel-title")
            yield Static(fit_cells(" ".join(self.excerpt.split()), 300), id="note-excerpt")
            yield Input(
                self.note, placeholder="A note (optional) · Enter saves · Esc cancels", id="note"
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#note")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())
