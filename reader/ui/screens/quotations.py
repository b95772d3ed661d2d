"""Who said what across the library: every quotation with its speaker, words, article and
date, newest first (or by speaker), filtered by speaker or words as you type.

Enter opens the article with the cursor on the quotation; `m` keeps it as a bookmark, `y`
copies it with its attribution."""

from __future__ import annotations

from textual import work
from textual.binding import Binding
from textual.content import Content

from reader.output import safe
from reader.services.library_index import LibraryIndex, QuotationRow, StoreError
from reader.ui.screens.library_list import LibraryListScreen
from reader.ui.widgets.line_renderer import excerpt, fit_cells

_WORDS_CELLS = 200


def attributed(row: QuotationRow) -> str:
    """The quotation as one would cite it: “words” — Speaker, “Title”, date."""
    words = " ".join(row.words.split())
    cited = [row.speaker or "unknown speaker", f"“{' '.join(_title(row).split())}”"]
    if row.date:
        cited.append(row.date)
    return f"{words} — {', '.join(cited)}"


def _title(row: QuotationRow) -> str:
    from pathlib import Path

    return row.title or Path(row.path).stem


class QuotationsScreen(LibraryListScreen):
    PLACEHOLDER = "Filter by speaker or words…  (↑↓ choose · Enter opens · Tab for keys)"
    HELP = (
        "Enter: open at the quotation · m bookmark it · y copy it, attributed · s sort · "
        "e export these as Markdown · Esc"
    )
    LIST_KEYS = set("jkmyse")
    SEPARATED = True

    BINDINGS = [
        *LibraryListScreen.BINDINGS,
        Binding("m", "bookmark", "Bookmark", show=False, id="quotations.bookmark"),
        Binding("y", "copy", "Copy", show=False, id="quotations.copy"),
        Binding("s", "sort", "Sort", show=False, id="quotations.sort"),
        Binding("e", "export", "Export", show=False, id="quotations.export"),
    ]

    def __init__(
        self,
        library: LibraryIndex,
        speaker: tuple[int, str] | None = None,
        pending: str = "",
    ) -> None:
        """`speaker`: (entity id, name) to show only theirs."""
        super().__init__()
        self.library = library
        self.speaker = speaker
        self.pending = pending
        self.order = "date"

    def title_text(self) -> str:
        whose = f"Quotations of {self.speaker[1]}" if self.speaker else "Who said what"
        order = "by speaker" if self.order == "speaker" else "newest first"
        return f"{safe(whose, tabs=False)} ({order})"

    def empty_text(self) -> str:
        if self.pending:
            return "No quotations yet: the articles are being analysed"
        return "No quotations found in these articles"

    def fetch(self, text: str):
        speaker_id = self.speaker[0] if self.speaker else None
        return self.library.quotations(text, speaker_id, self.order)

    def prompt(self, row: QuotationRow) -> Content:
        width = max((self.options.scrollable_content_region.width or 80) - 2, 30)
        speaker = fit_cells(row.speaker or "unknown speaker", 40)
        where = " · ".join(part for part in (row.date, _title(row)) if part)
        # The words as the article has them, marks and all (a quotation that runs on from
        # a paragraph before opens without one).
        words = " ".join(row.words[: _WORDS_CELLS * 4].split())
        return Content.assemble(
            (speaker, "bold" if row.speaker_id else "italic"),
            "  ",
            (fit_cells(where, max(width - len(speaker) - 2, 10)), "$text-muted"),
            "\n",
            (fit_cells(words, _WORDS_CELLS), "italic"),
        )

    def chosen(self) -> None:
        row = self.current
        if row is not None:
            self.dismiss(row)

    def action_sort(self) -> None:
        self.order = "speaker" if self.order == "date" else "date"
        self.reload()

    def action_copy(self) -> None:
        row = self.current
        if row is None:
            return
        self.app.copy_to_clipboard(attributed(row))
        self.notify(f"Copied {excerpt(row.words, 40)} with its attribution", timeout=3)

    def action_export(self) -> None:
        if not self.rows:
            self.notify("No quotations to export")
            return
        self._export(self.filter_box.value)

    @work(thread=True, group="quotation-export", description="export quotations")
    def _export(self, text: str) -> None:
        import time

        from reader.output import write_text_atomically
        from reader.services.library_index import quotations_markdown
        from reader.ui.screens.main_bookmarks import export_folder

        app = self.app
        speaker = self.speaker[1] if self.speaker else ""
        try:
            speaker_id = self.speaker[0] if self.speaker else None
            rows = self.library.quotations(text, speaker_id, self.order, limit=10**9).rows
            stamp = time.strftime("%Y%m%d-%H%M%S")
            whose = "".join(c if c.isalnum() else "-" for c in speaker.lower()) or "all"
            target = export_folder() / f"reader-quotations-{whose}-{stamp}.md"
            write_text_atomically(target, quotations_markdown(rows, speaker))
        except (StoreError, OSError) as error:
            app.call_from_thread(
                self.notify, f"Not exported: {error}", title="Quotations", severity="error"
            )
            return
        app.call_from_thread(
            self.notify, f"{len(rows):,} quotations written to {target}", timeout=8
        )

    def action_bookmark(self) -> None:
        row = self.current
        if row is not None:
            self._keep(row)

    @work(thread=True, group="quotation-bookmark", description="keep a quotation")
    def _keep(self, row: QuotationRow) -> None:
        from pathlib import Path

        from reader.corpus.discover import UnreadableArticle, load_article
        from reader.services.bookmarks import StoreError, passage_bookmark

        app = self.app
        store = app.state.bookmarks
        try:
            if store is None:
                raise StoreError("the saved state is not open")
            article = load_article(Path(row.path))
            if article.source[row.start : row.end] != row.words:
                raise UnreadableArticle("it changed since it was analysed; open it and keep it")
            bookmark = passage_bookmark(
                article, row.article_id, row.start, row.end, row.words, row.speaker
            )
            store.add(bookmark)
        except (StoreError, UnreadableArticle) as error:
            app.call_from_thread(
                self.notify, f"Not kept: {error}", title="Bookmarks", severity="error"
            )
            return
        app.call_from_thread(
            self.notify, f"Kept {excerpt(row.words, 40)} · M lists the bookmarks", timeout=4
        )
