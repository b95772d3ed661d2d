"""The help screen: every binding, read from the widgets' BINDINGS (with the user's remapping)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Static

from reader.ui.widgets.article_view import ArticleView

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
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "full_stop": ".",
    "apostrophe": "'",
    "quotation_mark": '"',
    "left_parenthesis": "(",
    "right_parenthesis": ")",
}


def key_label(keys: str) -> str:
    labels = []
    for key in keys.split(","):
        key = key.strip()
        if key.startswith("ctrl+"):
            labels.append("Ctrl+" + key[5:].upper())
        else:
            # Textual's own names for the rest: "greater_than_sign" is ">".
            labels.append(_KEY_NAMES.get(key) or format_key(key))
    return " / ".join(labels)


@dataclass(frozen=True)
class HelpRow:
    """A line of the help: a section's title (no keys) or keys and what they do."""

    keys: str
    description: str
    title: str = ""


def help_sections(
    groups: Iterable[tuple[str, Iterable[Binding]]], keymap: Mapping[str, str]
) -> list[HelpRow]:
    rows: list[HelpRow] = []
    for title, bindings in groups:
        if title:
            rows.append(HelpRow("", "", title=title))
        for binding in bindings:
            if binding.description:
                keys = keymap.get(binding.id or "", binding.key)
                rows.append(HelpRow(key_label(keys), binding.description))
    return rows


LEGEND = [
    ("Person", "reader--person"),
    ("Organisation", "reader--org"),
    ("Place: country, city, state", "reader--gpe"),
    ("Region, sea, continent", "reader--loc"),
    ("Nationality or group", "reader--norp"),
    ("“Someone's words” (the speaker shows on the status line)", "reader--speech"),
    ("“scare quote” or “title”", "reader--scare"),
    ("The chosen entity", "reader--selected"),
    ("The chosen sentence: ( and )", "reader--sentence"),
    ("A selection: v, then any movement", "reader--selection"),
    ("◆ in the margin: a bookmark (m keeps, ' and \" go through them)", "reader--bookmark"),
]


def highlight_legend(view: ArticleView) -> Content:
    """Samples in the reader pane's own colours (so the legend follows the theme)."""
    parts: list[Content | str] = [Content.styled("Highlights (h hides them)", "bold $accent")]
    for name, component in LEGEND:
        style = Style.from_rich_style(view.component_style(component))
        parts.append(Content.assemble("\n  ", (name, style)))
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        # The reader's own movement keys scroll the help too.
        Binding("j,down", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
    ]

    def action_scroll(self, where: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        getattr(body, f"scroll_{where}")(animate=False)

    def __init__(self, legend: Content, rows: list[HelpRow]) -> None:
        super().__init__()
        self._legend = legend
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            yield Static(self._legend)
            for row in self._rows:
                if row.title:
                    yield Static(Content.styled(row.title, "bold $accent"), classes="help-title")
                    continue
                # Two columns: a description that wraps stays under its own column.
                with Horizontal(classes="help-row"):
                    yield Static(Content.styled(row.keys, "bold"), classes="help-keys")
                    yield Static(Content(row.description), classes="help-description")

    @property
    def text(self) -> str:
        """The help as it reads, line by line (a row's keys, then what they do)."""
        lines = []
        for child in self.query_one("#help-body").children:
            parts = child.query(Static) if isinstance(child, Horizontal) else [child]
            lines.append("  ".join(str(part.render()) for part in parts))
        return "\n".join(lines)
