"""The sidebar: the article list, fed by the library's index; its title filter box; and the
filter by entity (which articles mention someone, from the analysis index).

Loading runs in a worker: the rows the index already holds at once, then the indexer's batches
as it brings the index in step with the disk. Files that cannot be shown are reported once a
session, in one notification per pass.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Key
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from reader.corpus.discover import Skipped
from reader.services.library import ArticleRow, Indexer, IndexUpdate, load_rows
from reader.services.library_index import StoreError
from reader.ui.messages import WORKER_DESCRIPTION, post_own
from reader.ui.widgets.article_list import ArticleList, SortOrder
from reader.ui.widgets.text_input import TextInput, move_list_from_filter

EMPTY_CORPUS = (
    "No articles here: reader opens .txt, .md and .markdown files and saved web pages (.html)."
)


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


class Sidebar(Vertical):
    class Activity(Message):
        """Work on the list ("index", "filter") progressed or ended (`text` empty when done)."""

        def __init__(self, kind: str, text: str) -> None:
            super().__init__()
            self.kind = kind
            self.text = text

    class Listed(Message):
        """The list has its first rows; `restored`: the cursor is on the last article read."""

        def __init__(self, restored: bool) -> None:
            super().__init__()
            self.restored = restored

    class Indexed(Message):
        """The index is in step with the disk."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._highlight: int | None = None
        self._listed = False  # the list has had its first rows
        self._skipped: dict[str, Skipped] = {}  # found by the running pass
        self._reported: set[str] = set()  # said once this session, not again on a rescan
        self._unreadable: dict[str, Skipped] = {}  # every file skipped, or failed to open
        # Work under way, for the header.
        self._activity = {"index": "", "filter": "", "analysis": "", "web": ""}
        self._entity_filter: str | None = None  # the entity the list is filtered by
        self._roots: list[Path] = []

    def compose(self) -> ComposeResult:
        # The title filter box is mounted above the list when first opened (`open_filter`).
        yield ArticleList(id="articles")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def filter_box(self) -> Input | None:
        """The title filter box, if it was ever opened."""
        return self.query_one_optional("#list-filter", Input)

    @property
    def indexing(self) -> bool:
        """The index is being brought in step with the disk."""
        return any(w.group == "index" and not w.is_finished for w in self.workers)

    def summary(self) -> str:
        """For the header: how many articles, unread, filtered, the order, work under way."""
        article_list = self.article_list
        total = article_list.total_count
        counts = f"{plural(total, 'article')} · {article_list.unread_count:,} unread"
        filters = [article_list.filter_label] if article_list.filter_label else []
        if article_list.title_filter:
            filters.append(f"titles with “{article_list.title_filter}”")
        if filters or article_list.shown_count != total:
            counts = f"{article_list.shown_count:,} of {counts}"
        parts = [counts, *filters]
        if article_list.sort_order is not SortOrder.PATH:
            parts.append(f"sorted: {article_list.sort_order.value}")
        parts += [text for text in self._activity.values() if text]
        return " · ".join(parts)

    def set_activity(self, kind: str, text: str) -> None:
        self._activity[kind] = text
        post_own(self, self.Activity(kind, text))

    # ----------------------------------------------------------------- the index

    def load(
        self,
        database: Path,
        roots: list[Path],
        first_paint: threading.Event,
        highlight: int | None = None,
        rescan: bool = False,
        restart: bool = False,
    ) -> None:
        """Fill the list from the index, then keep it in step with the disk (a rescan: only
        the latter). The indexer reads no file before `first_paint` is set. `restart`: a
        run under way is replaced (after a repair: it was reading the damaged file)."""
        if self.app.state.damaged:
            return  # a repair is under way, and loads the list again when done
        if self.indexing and not restart:
            return
        self._highlight = highlight
        self._roots = roots
        if rescan:
            self.set_activity("index", "looking for changes")
        self._index(database, roots, first_paint, rescan)

    @work(thread=True, exclusive=True, group="index", description=WORKER_DESCRIPTION)
    def _index(
        self, database: Path, roots: list[Path], first_paint: threading.Event, rescan: bool
    ) -> None:
        app, worker = self.app, get_current_worker()

        def report(update: IndexUpdate) -> None:
            if not worker.is_cancelled:
                app.call_from_thread(self._index_update, update)

        try:
            if not rescan:
                rows, skipped = load_rows(database, roots)
                app.call_from_thread(self._rows_loaded, rows, skipped)
            Indexer(database, roots).run(report, lambda: worker.is_cancelled, first_paint)
        except Exception as error:
            if worker.is_cancelled:
                return  # replaced: what this run failed on is the new run's to find
            app.call_from_thread(self._set_activity, "index", "")
            if app.state.damage_found(error):
                return  # being repaired; the index is rebuilt after
            # The index is a cache of the disk: say what failed, never end the session.
            message = f"Could not index the articles: {type(error).__name__}: {error}"
            app.call_from_thread(
                self.notify, message, title="Library", severity="error", timeout=15
            )

    def take_in(self, paths: list[Path], then=None) -> None:
        """Index new files (articles just fetched from the web) and list them at once, without
        a walk of the folders; `then(rows)` is called with their rows once listed."""
        self._take_in(self.app.state.database, paths, then)

    @work(thread=True, group="take-in", description=WORKER_DESCRIPTION)
    def _take_in(self, database: Path, paths: list[Path], then) -> None:
        app = self.app
        rows: list[ArticleRow] = []

        def report(update: IndexUpdate) -> None:
            rows.extend(update.rows)
            if update.rows or update.skipped:
                app.call_from_thread(self._taken_in, update)

        try:
            Indexer(database, paths).run(report)
        except Exception as error:
            if app.state.damage_found(error):
                return
            message = f"Could not index the new articles: {type(error).__name__}: {error}"
            app.call_from_thread(self.notify, message, title="Library", severity="error")
            return
        if then is not None:
            final = {row.id: row for row in rows}  # a row's last report is its parsed one
            app.call_from_thread(then, list(final.values()))

    def _taken_in(self, update: IndexUpdate) -> None:
        if update.rows:
            if self._listed:
                self.article_list.upsert(update.rows)
            else:
                self._show_rows(update.rows)
        if update.skipped:
            self.report_skipped(update.skipped)

    def _rows_loaded(self, rows: list[ArticleRow], skipped: list[Skipped]) -> None:
        self._remember_skipped(skipped)
        if rows or self._listed:  # a list shown before (another corpus) is replaced, even by none
            self._show_rows(rows)

    def _show_rows(self, rows: list[ArticleRow]) -> None:
        article_list = self.article_list
        article_list.set_rows(rows, highlight=self._highlight)
        self._listed = True
        current = article_list.current
        restored = current is not None and current.id == self._highlight
        post_own(self, self.Listed(restored))

    def _index_update(self, update: IndexUpdate) -> None:
        article_list = self.article_list
        if not self._listed and update.rows:
            self._show_rows(update.rows)
        elif update.rows:
            article_list.upsert(update.rows)
        if update.removed:
            article_list.remove(update.removed)
        self._remember_skipped(update.skipped)
        if update.moved:
            self._report_moved(update.moved)
        if update.finished:
            self._index_done()
        elif update.total:
            text = f"reading {update.done:,} of {update.total:,}"
            self.set_activity("index", text)

    def _index_done(self) -> None:
        self.set_activity("index", "")
        self._unreadable.update(self._skipped)
        self.article_list.placeholder = self.empty_text
        self.article_list.refresh()
        unreported = [item for path, item in self._skipped.items() if path not in self._reported]
        if unreported:
            self.report_skipped(unreported)
        self._reported.update(self._skipped)
        self._skipped.clear()
        post_own(self, self.Indexed())

    @property
    def empty_text(self) -> str:
        """Why there is nothing to read: what was skipped and why, else what reader opens."""
        skipped = list(self._unreadable.values())
        if not skipped:
            return EMPTY_CORPUS
        reasons = "; ".join(f"{item.path.name}: {item.reason}" for item in skipped[:3])
        more = f"; and {len(skipped) - 3:,} more" if len(skipped) > 3 else ""
        return f"No articles here: {plural(len(skipped), 'file')} skipped ({reasons}{more})."

    def _remember_skipped(self, skipped: list[Skipped]) -> None:
        for item in skipped:
            self._skipped.setdefault(str(item.path), item)

    def _report_moved(self, moved: list[tuple[str, str]]) -> None:
        """Say where moved files went (one notification a batch): their state went along."""
        if len(moved) == 1:
            old, new = (self._shown_path(path) for path in moved[0])
            text = f"{old} is now {new}: its bookmarks, read mark and place went with it."
        else:
            text = (
                f"{len(moved):,} articles were moved or renamed: their bookmarks, read marks "
                "and places went with them."
            )
        self.notify(text, title="Moved", timeout=8)

    def _shown_path(self, path: str) -> str:
        """A path as the reader knows it: under the corpus folder it was found in."""
        file = Path(path)
        for root in self._roots:
            if file.is_relative_to(root):
                return file.relative_to(root).as_posix()
        return path

    def report_unreadable(self, item: Skipped) -> None:
        """An article that could not be opened: while the index runs, said with everything
        else it skips, in one notice when it is done (the first files of a folder of bad ones
        fail one after another); after that, at once."""
        self._unreadable[str(item.path)] = item
        if self.indexing:
            self._skipped.setdefault(str(item.path), item)
        elif str(item.path) not in self._reported:
            self.report_skipped([item])

    def report_skipped(self, skipped: list[Skipped]) -> None:
        """One notification for many files."""
        self._reported.update(str(item.path) for item in skipped)
        lines = [f"{item.path.name}: {item.reason}" for item in skipped[:8]]
        if len(skipped) > 8:
            lines.append(f"…and {len(skipped) - 8} more (`reader list` prints them all)")
        self.notify(
            "\n".join(lines),
            title=f"Skipped {plural(len(skipped), 'file')}",
            severity="warning",
            timeout=10,
        )

    # ----------------------------------------------------------------- filter by title

    async def open_filter(self) -> None:
        box = self.filter_box
        if box is None:
            box = TextInput(
                placeholder="Filter titles…  (↑↓ choose · Enter opens · Esc clears)",
                id="list-filter",
            )
            await self.mount(box, before=self.article_list)
        box.add_class("-open")
        box.focus()

    def on_key(self, event: Key) -> None:
        move_list_from_filter(event, self.filter_box, self.article_list)

    @on(Input.Changed, "#list-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.article_list.set_title_filter(event.value)

    @on(Input.Submitted, "#list-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter and opens the chosen article (an empty filter: the list)."""
        event.stop()
        if not event.value:
            event.input.remove_class("-open")
            self.article_list.focus()
            return
        self.article_list.focus()
        self.article_list.action_open()

    # ----------------------------------------------------------------- filter by entity

    def filter_by_entity(self, name: str, quiet: bool = False) -> None:
        """Keep the articles the analysis index says name `name` (`quiet`: the same filter
        again, as the background analysis adds articles)."""
        self._entity_filter = name
        self._find_mentions(name, quiet)

    @work(thread=True, exclusive=True, group="filter", description=WORKER_DESCRIPTION)
    def _find_mentions(self, name: str, quiet: bool) -> None:
        app = self.app
        try:
            ids = app.library.articles_naming(name)
        except StoreError as error:  # the index cannot be read: the list stays as it is
            message = f"Could not filter by {name}: {error}"
            app.call_from_thread(self.notify, message, title="Analysis", severity="error")
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._apply_mentions, name, ids, quiet)

    def _apply_mentions(self, name: str, ids: set[int], quiet: bool) -> None:
        if self._entity_filter != name:
            return  # cleared, or another chosen, meanwhile
        self.article_list.set_filter(ids, f"mentioning {name}")
        if quiet:
            return
        noun = "article mentions" if len(ids) == 1 else "articles mention"
        pending = self._activity.get("analysis", "")
        more = f" so far ({pending}: the list grows as it goes)" if pending else ""
        self.notify(f"{len(ids):,} {noun} {name}{more} · Esc shows all", timeout=5)

    def refresh_entity_filter(self) -> None:
        """The analysis index has grown: the entity filter in force takes in the new articles."""
        if self._entity_filter is not None and self.article_list.filter_label:
            self.filter_by_entity(self._entity_filter, quiet=True)

    def clear_filters(self) -> bool:
        """Show every article again (or stop finding them); False if nothing was filtered."""
        if any(w.group == "filter" and not w.is_finished for w in self.workers):
            self.workers.cancel_group(self, "filter")
            self.set_activity("filter", "")
            self._entity_filter = None
            return True
        box, article_list = self.filter_box, self.article_list
        if (
            article_list.filter_label is None
            and not article_list.title_filter
            and not (box is not None and box.has_class("-open"))
        ):
            return False
        if box is not None:
            with box.prevent(Input.Changed):
                box.value = ""
            box.remove_class("-open")
        self._entity_filter = None
        article_list.set_filter(None)
        article_list.set_title_filter("")
        article_list.focus()
        return True
