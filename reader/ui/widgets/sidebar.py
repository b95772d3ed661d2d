"""The sidebar: the article list, its title filter box, and the filter by entity (which
articles mention someone, found with the app's analysis runner in a worker)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from reader.ui.messages import WORKER_DESCRIPTION, post_own
from reader.ui.widgets.article_list import ArticleList


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


class Sidebar(Vertical):
    class Activity(Message):
        """Work on the list started, progressed or ended (`text` is empty when done)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter titles…  (Enter keeps, Esc clears)", id="list-filter")
        yield ArticleList(id="articles")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#list-filter", Input)

    # ----------------------------------------------------------------- filter by title

    def open_filter(self) -> None:
        self.filter_box.add_class("-open")
        self.filter_box.focus()

    @on(Input.Changed, "#list-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.article_list.set_title_filter(event.value)

    @on(Input.Submitted, "#list-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            event.input.remove_class("-open")
        self.article_list.focus()

    # ----------------------------------------------------------------- filter by entity

    def filter_by_entity(self, name: str) -> None:
        self.notify(f"Finding the articles that mention {name}…", timeout=3)
        rows = self.article_list.all_rows
        self._find_mentions(name, [(row.id, row.path, row.content_hash) for row in rows])

    @work(thread=True, exclusive=True, group="filter", description=WORKER_DESCRIPTION)
    def _find_mentions(self, name: str, articles: list[tuple[int, str, str]]) -> None:
        app, worker = self.app, get_current_worker()

        def progress(done: int, total: int) -> None:
            text = f"finding articles that mention {name}: {done:,} of {total:,}"
            app.call_from_thread(post_own, self, self.Activity(text))

        try:
            found = app.analysis.articles_mentioning(
                articles, name, None, progress, lambda: worker.is_cancelled
            )
        except Exception as error:  # the engine cannot run: the list stays as it is
            message = f"Could not filter by {name}: {type(error).__name__}: {error}"
            app.call_from_thread(self.notify, message, title="Analysis", severity="error")
            app.call_from_thread(post_own, self, self.Activity(""))
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._apply_mentions, name, found.ids, found.failed)

    def _apply_mentions(self, name: str, ids: set[int], failed: list[str]) -> None:
        self.article_list.set_filter(ids, f"mentioning {name}")
        post_own(self, self.Activity(""))
        noun = "article mentions" if len(ids) == 1 else "articles mention"
        self.notify(f"{len(ids):,} {noun} {name} · Esc shows all", timeout=5)
        if failed:
            more = f"\n…and {len(failed) - 5} more" if len(failed) > 5 else ""
            self.notify(
                "\n".join(failed[:5]) + more,
                title=f"{plural(len(failed), 'article')} not analysed",
                severity="warning",
                timeout=10,
            )

    def clear_filters(self) -> bool:
        """Show every article again (or stop finding them); False if nothing was filtered."""
        if any(w.group == "filter" and not w.is_finished for w in self.workers):
            self.workers.cancel_group(self, "filter")
            post_own(self, self.Activity(""))
            return True
        box, article_list = self.filter_box, self.article_list
        if (
            article_list.filter_label is None
            and not article_list.title_filter
            and not (box.has_class("-open"))
        ):
            return False
        with box.prevent(Input.Changed):
            box.value = ""
        box.remove_class("-open")
        article_list.set_filter(None)
        article_list.set_title_filter("")
        article_list.focus()
        return True
