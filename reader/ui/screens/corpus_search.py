"""Search every article: a query box, ranked results as you type (title, source, date, and a
snippet with the hit marked); Enter opens the article at the hit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.output import safe
from reader.services.bookmarks import Bookmark
from reader.services.search import (
    HIT_END,
    HIT_START,
    MAX_TERMS,
    SearchCancelled,
    SearchHit,
    SearchResults,
    SearchService,
    StoreError,
    Term,
    query_terms,
)
from reader.ui.widgets.line_renderer import excerpt, fit_cells
from reader.ui.widgets.text_input import TextInput

_RESULTS = 50
_BOOKMARK_RESULTS = 5  # bookmarks whose notes match come first, a few of them
_BARE_LAST_WORD = re.compile(r"(?:^|\s)[\w]+$")


@dataclass(frozen=True, slots=True)
class SearchChoice:
    article_id: int
    query: str = ""  # as typed, for the in-article search box
    terms: tuple[Term, ...] = ()  # what it looks for, marked in the article
    snippet: str = ""  # the result's snippet: the article opens at its first marked word
    bookmark: Bookmark | None = None  # a bookmark whose note (or passage) matched


def as_you_type(query: str) -> str:
    """While typing, the last bare word is a prefix ("McIntu" finds "McInturff")."""
    if _BARE_LAST_WORD.search(query) and query.count('"') % 2 == 0:
        return query + "*"
    return query


def snippet_content(snippet: str) -> Content:
    """A snippet with its matching words highlighted."""
    pieces: list[tuple[str, str] | str] = []
    for index, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        text = safe(" ".join(part.split("\n")), tabs=False)
        if text:
            pieces.append((text, "bold $text-warning") if index % 2 else text)
    return Content.assemble(*pieces)


def bookmark_result_prompt(bookmark: Bookmark, snippet: str) -> Content:
    return Content.assemble(
        ("✎ Bookmark note", "bold $text-warning"),
        "  ",
        (fit_cells(bookmark.title, 200), "bold"),
        "\n",
        (excerpt(bookmark.text, 90), "$text-muted"),
        "\n",
        snippet_content(snippet),
    )


def result_prompt(hit: SearchHit) -> Content:
    info = " · ".join(part for part in (hit.source, hit.date, Path(hit.path).name) if part)
    return Content.assemble(
        (fit_cells(hit.title, 200), "bold"),
        "\n",
        (fit_cells(info, 200), "$text-muted"),
        "\n",
        snippet_content(hit.snippet),
    )


class SearchScreen(ModalScreen[SearchChoice | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search.close"),
        Binding("down", "results_down", "Next result", show=False, id="search.down"),
        Binding("up", "results_up", "Previous result", show=False, id="search.up"),
    ]

    def __init__(self, service: SearchService, roots: list[Path]) -> None:
        super().__init__()
        self.service = service
        self.roots = roots
        self._hits: list[SearchHit] = []
        self._notes: list[tuple[Bookmark, str]] = []
        self._query = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="corpus-search"):
            yield Static(
                "Search every article · phrases in quotes, prefix*, OR, NOT", classes="panel-title"
            )
            yield TextInput(placeholder="Words to find…", id="corpus-query")
            yield OptionList(id="corpus-results")
            yield Static("", id="corpus-note")

    def on_mount(self) -> None:
        self.query_one("#corpus-query", Input).focus()

    def on_unmount(self) -> None:
        # A search still running stops now (its progress handler sees the flag).
        self.workers.cancel_group(self, "corpus-search")

    @on(Input.Changed, "#corpus-query")
    def _changed(self, event: Input.Changed) -> None:
        self._query = event.value
        self._search(event.value)

    @work(thread=True, exclusive=True, group="corpus-search", description="search")
    def _search(self, query: str) -> None:
        worker = get_current_worker()
        try:
            found = self.service.find(
                query,
                self.roots,
                limit=_RESULTS,
                notes=_BOOKMARK_RESULTS,
                prefix_query=as_you_type(query),
                cancelled=lambda: worker.is_cancelled,
            )
        except SearchCancelled:
            return
        except StoreError as error:
            self.app.call_from_thread(self._failed, query, str(error))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, found)

    def _failed(self, query: str, reason: str) -> None:
        if query == self._query:
            self.query_one("#corpus-note", Static).update(Content(safe(reason)))

    def _show(self, query: str, found: SearchResults) -> None:
        if query != self._query:
            return  # typed on since
        hits, notes = found.hits, found.notes
        self._hits, self._notes = hits, notes
        results = self.query_one("#corpus-results", OptionList)
        results.set_options(
            [
                *(Option(bookmark_result_prompt(bookmark, snip)) for bookmark, snip in notes),
                *(Option(result_prompt(hit)) for hit in hits),
            ]
        )
        if hits or notes:
            results.highlighted = 0
        note = self.query_one("#corpus-note", Static)
        cut = f" (the first {MAX_TERMS} words searched)" if found.capped else ""
        if not query.strip():
            note.update("")
        elif hits or notes:
            more = "the best " if len(hits) == _RESULTS else ""
            kept = f" · {len(notes)} bookmark{'s' if len(notes) != 1 else ''}" if notes else ""
            note.update(
                Content(
                    f"{more}{len(hits)} article{'s' if len(hits) != 1 else ''}{kept}{cut} · "
                    "Enter opens · ↑/↓ choose · Esc closes"
                )
            )
        else:
            note.update(Content(f"No article has “{fit_cells(query, 60)}”{cut}"))

    def action_results_down(self) -> None:
        self.query_one("#corpus-results", OptionList).action_cursor_down()

    def action_results_up(self) -> None:
        self.query_one("#corpus-results", OptionList).action_cursor_up()

    @on(Input.Submitted, "#corpus-query")
    def _submitted(self) -> None:
        self._choose(self.query_one("#corpus-results", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#corpus-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is None:
            return
        if index < len(self._notes):
            bookmark = self._notes[index][0]
            self.dismiss(SearchChoice(bookmark.article_id or 0, bookmark=bookmark))
            return
        index -= len(self._notes)
        if not 0 <= index < len(self._hits):
            return
        hit = self._hits[index]
        query = self._query.strip()
        terms = tuple(query_terms(as_you_type(query)))
        self.dismiss(SearchChoice(hit.article_id, query, terms, hit.snippet))
