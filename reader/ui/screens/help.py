"""The help screen: every binding, read from the widgets' BINDINGS (with the user's remapping)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

_KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "shift+space": "Shift+Space",
}


def key_label(keys: str) -> str:
    labels = []
    for key in keys.split(","):
        key = key.strip()
        label = _KEY_NAMES.get(key, key)
        if label.startswith("ctrl+"):
            label = "Ctrl+" + label[5:].upper()
        labels.append(label)
    return " / ".join(labels)


def help_sections(
    groups: Iterable[tuple[str, Iterable[Binding]]], keymap: Mapping[str, str]
) -> Content:
    parts: list[Content | str] = []
    for title, bindings in groups:
        parts.append(Content.styled(f"{title}\n", "bold $accent"))
        for binding in bindings:
            if not binding.description:
                continue
            keys = keymap.get(binding.id or "", binding.key)
            # Most keys fit a narrow column; a long one pushes its description along.
            label = f"  {key_label(keys):<12}  "
            parts.append(Content.assemble((label, "bold"), binding.description, "\n"))
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, body: Content) -> None:
        super().__init__()
        self._body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            yield Static(self._body)
