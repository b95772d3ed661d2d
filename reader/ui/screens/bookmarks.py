"""Every bookmark across the corpus: newest first, filtered as you type, opened, annotated,
deleted (with undo) and, for orphans, re-attached to the passage under the reader's cursor."""

from __future__ import annotations

import time

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
from reader.services.bookmarks import Bookmark, BookmarkService, StoreError
from reader.ui.widgets.line_renderer import excerpt, fit_cells
from reader.ui.widgets.pane_bookmarks import NOTE_MERGED
from reader.ui.widgets.text_input import TextInput, move_list_from_filter

_EXCERPT_CELLS = 200
# Drawn at most: more options than this make the list slow to build (seconds for 10,000), and
# no one scrolls through them; the filter finds the rest.
MAX_SHOWN = 50
_FILTER_DELAY = 0.1
# Keys of the list (reached with Tab, on purpose); any other printable key goes on the filter.
_LIST_KEYS = set("edujkagG/")
HELP = (
    "type to filter · ↑↓ choose · Enter opens · Tab to the list: "
    "e note · d delete · u undo · a re-attach an orphan · Esc"
)


def searchable(bookmark: Bookmark) -> str:
    """What the filter looks in: passage, note, title and speaker, in lower case."""
    return " ".join((bookmark.text, bookmark.note, bookmark.title, bookmark.speaker)).lower()


def bookmark_prompt(bookmark: Bookmark) -> Content:
    when = time.strftime("%Y-%m-%d", time.localtime(bookmark.created)) if bookmark.created else ""
    head = safe(" · ".join(part for part in (bookmark.source, when) if part), tabs=False)
    quoted = excerpt(bookmark.text, _EXCERPT_CELLS)
    title = fit_cells(bookmark.title or bookmark.path, _EXCERPT_CELLS)
    pieces: list = [(title, "bold"), "  ", (head, "$text-muted")]
    pieces += ["\n", (quoted, "italic")]
    tail = []
    if bookmark.speaker:
        tail.append((f"— {safe(bookmark.speaker, tabs=False)}", "bold"))
    if bookmark.note:
        tail += ["  " if tail else "", ("✎ ", "$text-warning"), safe(bookmark.note, tabs=False)]
    if tail:
        pieces += ["\n", *tail]
    return Content.assemble(*pieces)


def compact_prompt(bookmark: Bookmark, width: int) -> Content:
    """A bookmark in two lines of `width` cells, for a small terminal: the passage, then the
    note (else the title)."""
    quoted = fit_cells(" ".join(bookmark.text.split()), width)
    if bookmark.note:
        second = Content.assemble(
            ("✎ ", "$text-warning"), fit_cells(safe(bookmark.note, tabs=False), width - 2)
        )
    else:
        second = Content.styled(fit_cells(bookmark.title or bookmark.path, width), "bold")
    return Content.assemble((quoted, "italic"), "\n", second)


# Below this many rows or columns the screen is cramped: entries take two lines, no rules.
_CRAMPED_ROWS, _CRAMPED_COLUMNS = 20, 60


class BookmarksScreen(ModalScreen[Bookmark | None]):
    """Dismissed with the bookmark to open (None: closed)."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="bookmarks.close"),
        Binding("e", "edit_note", "Edit note", show=False, id="bookmarks.edit"),
        Binding("d", "delete", "Delete", show=False, id="bookmarks.delete"),
        Binding("u", "undo", "Undo delete", show=False, id="bookmarks.undo"),
        Binding("a", "reattach", "Re-attach", show=False, id="bookmarks.reattach"),
        Binding("j", "down", "Down", show=False, id="bookmarks.down"),
        Binding("k", "up", "Up", show=False, id="bookmarks.up"),
        Binding("slash", "filter", "Filter", show=False, id="bookmarks.filter"),
    ]

    def __init__(self, store: BookmarkService, deleted: list[Bookmark] | None = None) -> None:
        super().__init__()
        # Writes on this thread (each well under a millisecond); reading all in a worker.
        self.store = store
        self._all: list[Bookmark] = []
        self._haystacks: list[str] = []
        self._filter_timer = None
        self._shown: dict[str, Bookmark] = {}  # option id → bookmark
        # Deleted this session, newest last, for u; the caller keeps the list, so a deletion
        # can still be undone when the screen is opened again.
        self._deleted: list[Bookmark] = deleted if deleted is not None else []

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box"):
            yield Static("Bookmarks", classes="panel-title", id="bookmarks-title")
            yield TextInput(
                placeholder="Filter: passage, note, title, speaker…", id="bookmark-filter"
            )
            yield OptionList(id="bookmark-list")
            yield Static(HELP, id="bookmarks-note")

    @property
    def options(self) -> OptionList:
        return self.query_one("#bookmark-list", OptionList)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#bookmark-filter", Input)

    def on_mount(self) -> None:
        self._fit()
        self.reload()
        # Typing always filters: the list's one-letter commands wait for Tab.
        self.filter_box.focus()

    def on_resize(self) -> None:
        if self._fit() and self._all:
            self._show(self._highlighted_id())

    def _fit(self) -> bool:
        """Cramped or not, for the terminal's size now: True if that changed."""
        size = self.app.size
        cramped = size.height < _CRAMPED_ROWS or size.width < _CRAMPED_COLUMNS
        changed = cramped != self.has_class("-cramped")
        self.set_class(cramped, "-cramped")
        return changed

    def _highlighted_id(self) -> int | None:
        options = self.options
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id and option_id.isdigit() else None

    def reload(self, keep: int | None = None) -> None:
        """Read every bookmark (in a thread: 10,000 take about a tenth of a second), then show
        them with `keep` highlighted."""
        self._read(keep)

    @work(thread=True, exclusive=True, group="bookmarks", description="read the bookmarks")
    def _read(self, keep: int | None) -> None:
        try:
            bookmarks = self.store.all()
        except StoreError as error:
            self.app.call_from_thread(self._say, str(error))
            return
        haystacks = [searchable(bookmark) for bookmark in bookmarks]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._read_done, bookmarks, haystacks, keep)

    def _read_done(self, bookmarks: list[Bookmark], haystacks: list[str], keep: int | None) -> None:
        self._all, self._haystacks = bookmarks, haystacks
        self._show(keep)

    def _show(self, keep: int | None = None) -> None:
        words = self.filter_box.value.lower().split()
        kept = [
            bookmark
            for bookmark, haystack in zip(self._all, self._haystacks, strict=True)
            if all(word in haystack for word in words)
        ]
        found = [b for b in kept if not b.orphan][:MAX_SHOWN]
        orphans = [b for b in kept if b.orphan]
        options: list[Option | None] = []
        cramped = self.has_class("-cramped")
        width = max((self.options.scrollable_content_region.width or 40) - 2, 10)

        def entry(bookmark: Bookmark) -> list[Option | None]:
            if cramped:
                return [Option(compact_prompt(bookmark, width), id=str(bookmark.id))]
            # A rule between bookmarks: each is three lines, and they would run together.
            return [Option(bookmark_prompt(bookmark), id=str(bookmark.id)), None]

        for bookmark in found:
            options += entry(bookmark)
        if len(found) == MAX_SHOWN:
            options.append(
                Option(
                    f"… the newest {MAX_SHOWN} are shown: type to filter the rest", disabled=True
                )
            )
        orphans = orphans[:MAX_SHOWN]
        if orphans:
            heading = Content.assemble(
                ("Orphans", "bold $text-warning"),
                ("  not found in their changed or missing article; kept with their text", "dim"),
            )
            options.append(Option(heading, disabled=True))
            for bookmark in orphans:
                options += entry(bookmark)
        self._shown = {str(b.id): b for b in kept}
        option_list = self.options
        option_list.set_options(options)
        count = f"{len(kept):,} of {len(self._all):,}" if words else f"{len(self._all):,}"
        title = Content(f"Bookmarks · {count}")
        self.query_one("#bookmarks-title", Static).update(title, layout=False)
        if not kept:
            empty = (
                f"No bookmark has “{safe(self.filter_box.value, tabs=False)}”"
                if self._all
                else "No bookmarks yet: m in the reader keeps a passage"
            )
            option_list.set_options([Option(Content(empty), disabled=True)])
            return
        index = 0
        if keep is not None:
            for position in range(option_list.option_count):
                if option_list.get_option_at_index(position).id == str(keep):
                    index = position
                    break
        if option_list.option_count:
            option_list.highlighted = index
            if option_list.get_option_at_index(index).disabled:
                option_list.action_cursor_down()

    @property
    def current(self) -> Bookmark | None:
        option_list = self.options
        index = option_list.highlighted
        if index is None:
            return None
        return self._shown.get(option_list.get_option_at_index(index).id or "")

    def _say(self, text: str) -> None:
        self.query_one("#bookmarks-note", Static).update(Content(safe(text)))

    # ----------------------------------------------------------------- filtering

    @on(Input.Changed, "#bookmark-filter")
    def _filter_changed(self) -> None:
        # The list follows the typing a moment later: filtering thousands of bookmarks and
        # redrawing the list on every key would make the keys lag.
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(_FILTER_DELAY, self._show)

    @on(Input.Submitted, "#bookmark-filter")
    def _filter_submitted(self) -> None:
        if self._filter_timer is not None:  # what was typed last is what is opened
            self._filter_timer.stop()
            self._filter_timer = None
            self._show()
        self._selected()

    def on_key(self, event: Key) -> None:
        box = self.filter_box
        if move_list_from_filter(event, box, self.options):
            return
        if (
            self.options.has_focus
            and event.character
            and event.character.isprintable()
            and not event.character.isspace()
            and event.character not in _LIST_KEYS
        ):
            # Type to filter: a key the list has no use for goes on the end of the filter.
            event.stop()
            event.prevent_default()
            box.focus()
            box.value += event.character
            box.cursor_position = len(box.value)

    def action_filter(self) -> None:
        self.filter_box.focus()

    def action_down(self) -> None:
        self.options.action_cursor_down()

    def action_up(self) -> None:
        self.options.action_cursor_up()

    def action_close(self) -> None:
        if self.filter_box.value:
            with self.filter_box.prevent(Input.Changed):
                self.filter_box.value = ""
            self.filter_box.focus()
            self._show()
            return
        self.dismiss(None)

    # ----------------------------------------------------------------- acting on one

    @on(OptionList.OptionSelected, "#bookmark-list")
    def _selected(self) -> None:
        bookmark = self.current
        if bookmark is not None:
            self.dismiss(bookmark)

    def action_edit_note(self) -> None:
        from reader.ui.screens.note import NoteScreen

        bookmark = self.current
        if bookmark is None or bookmark.id is None:
            return
        bookmark_id, shown = bookmark.id, bookmark.note

        def save(note: str) -> None:
            # A StoreError keeps the box open with the note in it.
            if self.store.set_note(bookmark_id, note, shown) != note:
                self.notify(NOTE_MERGED, title="Bookmarks", severity="warning", timeout=10)

        def done(note: str | None) -> None:
            if note is not None:
                self.reload(keep=bookmark_id)

        self.app.push_screen(
            NoteScreen("Edit the bookmark's note", bookmark.text, bookmark.note, save), done
        )

    def action_delete(self) -> None:
        bookmark = self.current
        if bookmark is None or bookmark.id is None:
            return
        try:
            deleted = self.store.delete(bookmark.id)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        if deleted is not None:
            self._deleted.append(deleted)
        self.reload()
        self.notify(f"Deleted {excerpt(bookmark.text, 40)} · u brings it back", timeout=6)

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("Nothing to undo")
            return
        bookmark = self._deleted.pop()
        try:
            self.store.restore(bookmark)
        except StoreError as error:
            self._deleted.append(bookmark)
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.reload(keep=bookmark.id)
        self.notify("Bookmark restored", timeout=3)

    def action_reattach(self) -> None:
        """An orphan takes the passage (or selection) under the reader's cursor."""
        bookmark = self.current
        if bookmark is None or bookmark.id is None:
            return
        if not bookmark.orphan:
            self.notify("Only an orphan is re-attached; this bookmark's passage is found")
            return
        pane = self.app.main.reader  # type: ignore[attr-defined]
        chosen = pane.view.choice.chosen()
        replacement = pane.keeper.bookmark_of(chosen) if chosen is not None else None
        if replacement is None:
            self.notify("Open the article and put the cursor on the passage first", timeout=5)
            return
        try:
            self.store.reattach(bookmark.id, replacement)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        pane.keeper.refresh_marks()
        self.reload(keep=bookmark.id)
        self.notify(f"Re-attached to {excerpt(replacement.text, 40)}", timeout=4)
