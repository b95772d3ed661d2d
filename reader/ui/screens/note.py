"""A small box for a bookmark's note: Enter saves (an empty note is fine), Esc cancels.

The box saves through the caller's `save`; if that fails the box stays open with the note as
typed and the reason under it, so the note can be saved again or copied, never lost.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.output import safe
from reader.services.bookmarks import StoreError
from reader.ui.widgets.line_renderer import excerpt
from reader.ui.widgets.text_input import TextInput


class NoteScreen(ModalScreen[str | None]):
    """Dismissed with the note once `save` took it (Enter), or None (Esc: nothing is kept or
    changed)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="note.cancel")]

    def __init__(
        self, heading: str, excerpt: str, note: str = "", save: Callable[[str], None] | None = None
    ) -> None:
        super().__init__()
        self.heading = heading
        self.excerpt = excerpt
        self.note = note
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Content(safe(self.heading, tabs=False)), classes="panel-title")
            yield Static(Content(excerpt(self.excerpt, 300)), id="note-excerpt")
            yield TextInput(
                self.note, placeholder="A note (optional) · Enter saves · Esc cancels", id="note"
            )
            yield Static("", id="note-problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#note")
    def _submitted(self, event: Input.Submitted) -> None:
        note = event.value.strip()
        if self._save is not None:
            try:
                self._save(note)
            except StoreError as error:
                problem = self.query_one("#note-problem", Static)
                problem.update(
                    Content(safe(f"{error} · Enter tries again · the note is kept here"))
                )
                problem.add_class("-shown")
                return
        self.dismiss(note)
