"""People, organisations and places: every entity the library's articles name, with its
type, articles and mentions, most named first (or by name), filtered as you type.

Enter filters the article list to the articles naming it; `w` opens its quotations. Names
the articles write differently are one entity: `m` on one, then `m` on another, counts the
first as the second from now on; `x` takes one of an entity's names back out of it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.worker import get_current_worker

from reader.output import safe
from reader.services.library_index import EntityRow, LibraryIndex, StoreError
from reader.ui.screens.library_list import LibraryListScreen
from reader.ui.widgets.line_renderer import fit_cells

LABEL_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
}
# `t` steps through these (None: every type).
TYPE_FILTERS = (None, "PERSON", "ORG", "GPE", "LOC", "NORP")
_TYPE_TITLES = {
    None: "People, organisations and places",
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities and states",
    "LOC": "Other places",
    "NORP": "Nationalities and groups",
}


@dataclass(frozen=True, slots=True)
class EntityChoice:
    """What the screen was closed for: "filter" the list by the entity, or its "quotations"."""

    action: str
    entity: EntityRow


class PeopleScreen(LibraryListScreen):
    PLACEHOLDER = "Filter names…  (↑↓ choose · Enter filters the list · Tab for keys)"
    HELP = (
        "Enter: the articles naming it · w its quotations · s sort · t type · "
        "m merge into another · x split a name off · Esc"
    )
    LIST_KEYS = set("jkwstmx")

    BINDINGS = [
        *LibraryListScreen.BINDINGS,
        Binding("w", "quotations", "Quotations", show=False, id="people.quotations"),
        Binding("s", "sort", "Sort", show=False, id="people.sort"),
        Binding("t", "type", "Type", show=False, id="people.type"),
        Binding("m", "merge", "Merge", show=False, id="people.merge"),
        Binding("x", "split", "Split", show=False, id="people.split"),
    ]

    def __init__(self, library: LibraryIndex, pending: str = "") -> None:
        super().__init__()
        self.library = library
        self.pending = pending  # "analysed 3,412 of 10,000" while the analysis runs
        self.order = "articles"
        self.label: str | None = None
        self.merging: EntityRow | None = None  # the entity `m` marked, to merge into another

    def title_text(self) -> str:
        order = "by name" if self.order == "name" else "most named first"
        return f"{_TYPE_TITLES[self.label]} ({order})"

    def empty_text(self) -> str:
        return "No names yet: the articles are being analysed" if self.pending else "No names"

    def fetch(self, text: str):
        return self.library.entities(text, self.label, self.order)

    def prompt(self, row: EntityRow) -> Content:
        kind = LABEL_NAMES.get(row.label, row.label.lower())
        counts = f"{row.articles:,} article{'s' if row.articles != 1 else ''} · {row.mentions:,}×"
        marked = self.merging is not None and self.merging.id == row.id
        return Content.assemble(
            ("▶ " if marked else "  ", "$text-warning"),
            (fit_cells(safe(row.name, tabs=False), 48).ljust(48), "bold"),
            "  ",
            (f"{kind:<13}", "$text-muted"),
            counts,
        )

    def shown(self) -> None:
        if self.merging is not None:
            self.say(f"m on another name merges {self.merging.name} into it · Esc: don't")
        else:
            self.say(self.HELP)
            self._show_aliases(self.current)

    @on(OptionList.OptionHighlighted, "#library-list")
    def _highlighted(self) -> None:
        if self.merging is None:
            self._show_aliases(self.current)

    @work(thread=True, exclusive=True, group="aliases", description="read a name's forms")
    def _show_aliases(self, entity: EntityRow | None) -> None:
        """Under the list: how the articles write the highlighted name, when not one way."""
        if entity is None:
            return
        try:
            aliases = [alias.name for alias in self.library.aliases(entity.id)]
        except StoreError:
            return
        others = [name for name in aliases if name != entity.name]
        if others and not get_current_worker().is_cancelled:
            written = ", ".join(others[:6]) + (
                f" and {len(others) - 6} more" if len(others) > 6 else ""
            )
            text = f"{entity.name} is also written {written} · x splits one off\n{self.HELP}"
            self.app.call_from_thread(self.say, text)

    # ----------------------------------------------------------------- acting on one

    def chosen(self) -> None:
        entity = self.current
        if entity is not None:
            self.dismiss(EntityChoice("filter", entity))

    def action_quotations(self) -> None:
        entity = self.current
        if entity is not None:
            self.dismiss(EntityChoice("quotations", entity))

    def action_sort(self) -> None:
        self.order = "name" if self.order == "articles" else "articles"
        self.reload()

    def action_type(self) -> None:
        self.label = TYPE_FILTERS[(TYPE_FILTERS.index(self.label) + 1) % len(TYPE_FILTERS)]
        self.reload()

    def action_close(self) -> None:
        if self.merging is not None:
            self.merging = None
            self.reload(keep=self.current_index)
            return
        super().action_close()

    def action_merge(self) -> None:
        entity = self.current
        if entity is None:
            return
        if self.merging is None or self.merging.id == entity.id:
            self.merging = None if self.merging is not None else entity
            self.reload(keep=self.current_index)
            return
        source, self.merging = self.merging, None
        try:
            self.library.merge(source.id, entity.id)
        except ValueError as error:
            self.notify(f"Not merged: {error}", severity="warning")
            self.reload(keep=self.current_index)
            return
        self.notify(f"{source.name} is counted as {entity.name} from now on · x splits it off")
        self.reload(keep=self.current_index)

    def action_split(self) -> None:
        entity = self.current
        if entity is None:
            return
        aliases = [alias for alias in self.library.aliases(entity.id) if alias.name != entity.name]
        if not aliases:
            self.notify(f"The articles write {entity.name} only one way: nothing to split off")
            return
        from reader.ui.screens.choice import ChoiceScreen

        def split(name: str | None) -> None:
            if name:
                self.library.split(entity.id, name)
                self.notify(f"{name} is its own entry again")
                self.reload(keep=self.current_index)

        choices = [
            (alias.name, f"{alias.name}  ({alias.articles:,} articles)") for alias in aliases
        ]
        self.app.push_screen(ChoiceScreen(f"Split a name off {entity.name}", choices), split)
