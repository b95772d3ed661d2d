"""The article list: one two-line row per article (read mark, title; source, length).

Wraps an `OptionList` (lines rendered on demand, prompts ready-built `Content`) so the widget
underneath can change without the app noticing. Rows are updated in place, never rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.corpus.model import reading_time_label


@dataclass(slots=True)
class ListEntry:
    path: Path
    title: str
    source: str = ""
    words: int | None = None  # None until the file has been read
    read: bool = False

    @property
    def key(self) -> str:
        return str(self.path.absolute())


def entry_prompt(entry: ListEntry) -> Content:
    mark = ("○ ", "$text-muted") if entry.read else ("● ", "$accent")
    if entry.words is None:
        info = entry.path.name
    else:
        parts = [entry.source, reading_time_label(entry.words), f"{entry.words:,} words"]
        info = " · ".join(part for part in parts if part)
    title_style = "" if entry.read else "bold"
    return Content.assemble(mark, (entry.title, title_style), "\n", ("  " + info, "$text-muted"))


class _Options(OptionList):
    def on_mount(self) -> None:
        # Two lines a row whatever the script: a long title ends in an ellipsis. Set inline,
        # because OptionList measures row heights from inline rules only (Textual 8.2).
        self.styles.text_wrap = "nowrap"
        self.styles.text_overflow = "ellipsis"

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("space", "page_down", "Page down", show=False, id="list.page_down"),
    ]


class ArticleList(Widget):
    """The corpus as a list; tells the app which article is highlighted or opened."""

    DEFAULT_CSS = """
    ArticleList { height: 1fr; }
    ArticleList > OptionList { height: 1fr; border: none; }
    """

    class Highlighted(Message):
        def __init__(self, entry: ListEntry) -> None:
            super().__init__()
            self.entry = entry

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Highlighted)

    class Opened(Message):
        def __init__(self, entry: ListEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._all: list[ListEntry] = []
        self._entries: list[ListEntry] = []  # the ones shown: all, or those the filter keeps
        self._by_key: dict[str, ListEntry] = {}
        self.filter_label: str | None = None

    def compose(self) -> ComposeResult:
        yield _Options()

    @property
    def options(self) -> OptionList:
        return self.query_one(_Options)

    @property
    def entries(self) -> list[ListEntry]:
        """The articles shown (the filter's, when one is set)."""
        return list(self._entries)

    @property
    def all_entries(self) -> list[ListEntry]:
        return list(self._all)

    def set_entries(self, entries: list[ListEntry], highlight: str | None = None) -> None:
        self._all = list(entries)
        self._by_key = {entry.key: entry for entry in entries}
        self.filter_label = None
        self._show(self._all, highlight)

    def set_filter(self, keys: set[str] | None, label: str = "") -> None:
        """Show only the articles whose keys are given (None: all of them again)."""
        current = self.current.key if self.current else None
        self.filter_label = label if keys is not None else None
        shown = self._all if keys is None else [e for e in self._all if e.key in keys]
        self._show(shown, current)

    def _show(self, entries: list[ListEntry], highlight: str | None) -> None:
        self._entries = list(entries)
        options = self.options
        options.set_options(Option(entry_prompt(entry), id=entry.key) for entry in entries)
        if entries:
            index = next((i for i, e in enumerate(entries) if e.key == highlight), 0)
            options.highlighted = index

    def entry(self, key: str) -> ListEntry | None:
        return self._by_key.get(key)

    def update_entry(self, entry: ListEntry) -> None:
        if entry in self._entries:
            self.options.replace_option_prompt(entry.key, entry_prompt(entry))

    def remove_entry(self, key: str) -> None:
        entry = self._by_key.pop(key, None)
        if entry is not None:
            self._all.remove(entry)
            if entry in self._entries:
                self._entries.remove(entry)
                self.options.remove_option(key)

    @property
    def current(self) -> ListEntry | None:
        index = self.options.highlighted
        if index is None or not 0 <= index < len(self._entries):
            return None
        return self._entries[index]

    def move(self, step: int) -> ListEntry | None:
        """Highlight the next (or previous) article; returns it, or None at either end."""
        index = self.options.highlighted
        target = (index if index is not None else -1) + step
        if not 0 <= target < len(self._entries):
            return None
        self.options.highlighted = target
        return self._entries[target]

    def select_key(self, key: str) -> None:
        for index, entry in enumerate(self._entries):
            if entry.key == key:
                self.options.highlighted = index
                return

    def focus(self, scroll_visible: bool = True) -> ArticleList:
        self.options.focus(scroll_visible)
        return self

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entry = self._by_key.get(event.option_id or "")
        if entry is not None:
            self.post_message(self.Highlighted(entry))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._by_key.get(event.option_id or "")
        if entry is not None:
            self.post_message(self.Opened(entry))
