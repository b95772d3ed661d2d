"""What the people and quotation screens share: a box over the main screen with a filter
(typing always filters; Tab reaches the list and its one-letter keys), a list of the first
rows that match, read from the analysis index in a worker as the reader types, and a line
that says how many matched and what the keys do."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.output import safe
from reader.ui.widgets.text_input import TextInput, move_list_from_filter

# Drawn at most: the filter finds the rest (more options make the list slow to build).
MAX_SHOWN = 500
_FILTER_DELAY = 0.1


class LibraryListScreen(ModalScreen):
    """Subclasses give `TITLE_TEXT`, `PLACEHOLDER`, `HELP`, `LIST_KEYS` and `fetch`/`prompt`."""

    TITLE_TEXT = ""
    PLACEHOLDER = "Filter…"
    HELP = ""
    LIST_KEYS = set("jk")  # keys the list uses once it has the focus (Tab)
    SEPARATED = False  # a rule between rows (of more than one line)

    BINDINGS = [
        Binding("escape", "close", "Close", id="library.close"),
        Binding("j", "down", "Down", show=False, id="library.down"),
        Binding("k", "up", "Up", show=False, id="library.up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []
        self.matched = 0
        self.pending = ""  # "analysed 3,412 of 10,000" while the library is being analysed
        self._filter_timer = None
        self._loaded = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="library-box"):
            yield Static(self.TITLE_TEXT, classes="panel-title", id="library-title")
            yield TextInput(placeholder=self.PLACEHOLDER, id="library-filter")
            yield OptionList(id="library-list")
            yield Static(self.HELP, id="library-note")

    @property
    def options(self) -> OptionList:
        return self.query_one("#library-list", OptionList)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#library-filter", Input)

    def on_mount(self) -> None:
        self.options.set_options([Option("Reading the library's analysis…", disabled=True)])
        self.reload()
        self.filter_box.focus()

    # ----------------------------------------------------------------- reading

    def fetch(self, text: str):
        """The rows for `text` (in a worker thread): a `Listing`."""
        raise NotImplementedError

    def prompt(self, row) -> Content:
        raise NotImplementedError

    def title_text(self) -> str:
        return self.TITLE_TEXT

    def empty_text(self) -> str:
        return "Nothing here yet"

    def reload(self, keep: int | None = None) -> None:
        """Ask the index again (for the filter as typed now), keeping the highlight at `keep`."""
        self._fetch(self.filter_box.value, keep)

    @work(thread=True, exclusive=True, group="library-list", description="read the library")
    def _fetch(self, text: str, keep: int | None) -> None:
        from reader.services.library_index import StoreError

        try:
            listing = self.fetch(text)
        except StoreError as error:
            message = f"The library's analysis could not be read: {error}"
            self.app.call_from_thread(self.say, message)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, listing, keep)

    def _show(self, listing, keep: int | None) -> None:
        self.rows, self.matched, self._loaded = listing.rows[:MAX_SHOWN], listing.matched, True
        options: list[Option | None] = []
        for index, row in enumerate(self.rows):
            options.append(Option(self.prompt(row), id=str(index)))
            if self.SEPARATED:
                options.append(None)  # a rule: rows of several lines would run together
        if listing.matched > len(self.rows):
            more = f"… the first {len(self.rows):,} of {listing.matched:,}: type to filter the rest"
            options.append(Option(more, disabled=True))
        if not self.rows:
            typed = self.filter_box.value
            empty = f"Nothing has “{safe(typed, tabs=False)}”" if typed else self.empty_text()
            options = [Option(Content(empty), disabled=True)]
        option_list = self.options
        option_list.set_options(options)
        if self.rows:
            row = min(keep or 0, len(self.rows) - 1)
            option_list.highlighted = option_list.get_option_index(str(row))
        pending = f" · {self.pending}" if self.pending else ""
        title = Content(f"{self.title_text()} · {listing.matched:,}{pending}")
        self.query_one("#library-title", Static).update(title, layout=False)
        self.shown()

    def shown(self) -> None:
        """The list was drawn anew (subclasses say more about it)."""

    def say(self, text: str) -> None:
        self.query_one("#library-note", Static).update(Content(safe(text)))

    @property
    def current_index(self) -> int | None:
        """The row highlighted, as an index into `rows`."""
        options = self.options
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id and option_id.isdigit() else None

    @property
    def current(self):
        index = self.current_index
        return None if index is None or index >= len(self.rows) else self.rows[index]

    # ----------------------------------------------------------------- typing

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        # The list follows the typing a moment later: a query per key would queue up.
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(_FILTER_DELAY, self.reload)

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        self.chosen()

    @on(OptionList.OptionSelected, "#library-list")
    def _selected(self) -> None:
        self.chosen()

    def chosen(self) -> None:
        """Enter on a row (subclasses act on `current`)."""

    def on_key(self, event: Key) -> None:
        box = self.filter_box
        if move_list_from_filter(event, box, self.options):
            return
        if (
            self.options.has_focus
            and event.character
            and event.character.isprintable()
            and not event.character.isspace()
            and event.character not in self.LIST_KEYS
        ):
            # Type to filter: a key the list has no use for goes on the end of the filter.
            event.stop()
            event.prevent_default()
            box.focus()
            box.value += event.character
            box.cursor_position = len(box.value)

    def action_down(self) -> None:
        self.options.action_cursor_down()

    def action_up(self) -> None:
        self.options.action_cursor_up()

    def action_close(self) -> None:
        if self.filter_box.value:
            self.filter_box.value = ""
            self.filter_box.focus()
            return
        self.dismiss(None)
