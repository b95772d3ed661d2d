"""A one-line input box whose text is always plain and visible.

What is typed or pasted into a filter, a search or a note is text, never a command: a pasted
escape sequence, bell or line break is kept as a visible symbol (␛, ␇, a space for a line
break), so it neither reaches the terminal alive nor splits the box.
"""

from __future__ import annotations

from textual.events import Key
from textual.widget import Widget
from textual.widgets import Input

from reader.output import visible


def _plain(text: str) -> str:
    return visible(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


class TextInput(Input):
    def __init__(self, value: str | None = None, *args, **kwargs) -> None:
        # Focus leaves the cursor after the text: selecting it all would let the next key
        # typed replace a whole note or filter the user never saw selected.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(_plain(value) if value else value, *args, **kwargs)

    def replace(self, text: str, start: int, end: int) -> None:
        # Typing, pasting and insert_text_at_cursor all come through here.
        super().replace(_plain(text), start, end)


# Keys that move a list's highlight while its filter box keeps the focus.
_MOVES = {
    "up": "cursor_up",
    "down": "cursor_down",
    "pageup": "page_up",
    "pagedown": "page_down",
}


def move_list_from_filter(event: Key, box: Input | None, target: Widget) -> bool:
    """↑↓ (and paging) typed in a filter box move the list it filters: True if they did."""
    if box is None or not box.has_focus or event.key not in _MOVES:
        return False
    event.stop()
    event.prevent_default()
    getattr(target, f"action_{_MOVES[event.key]}")()
    return True
