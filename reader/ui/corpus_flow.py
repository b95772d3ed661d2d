"""Loading the corpus into the article list: discovery, a summary pass, skipped files, counts,
and the list filtered to the articles that mention an entity.

A mixin of ReaderApp (it uses the app's list, view, state and notifications); the slow parts
run in thread workers and hand results back with `call_from_thread`.
"""

from __future__ import annotations

import time

from textual import work
from textual.worker import get_current_worker

from reader.analysis.model import Analysis
from reader.corpus.discover import Skipped, UnreadableArticle, discover, load_article
from reader.ui.widgets.article_list import ListEntry

_SUMMARY_BATCH_SECONDS = 0.2
_PROGRESS_SECONDS = 0.5


def mentions_entity(analysis: Analysis, name: str, label: str | None = None) -> bool:
    """Whether an article's analysis names `name` (a person also by surname alone)."""
    surname = name.split()[-1]
    for mention in analysis.mentions:
        if label and mention.label != label:
            continue
        if mention.entity == name:
            return True
        if mention.label == "PERSON" and mention.entity.split()[-1] == surname:
            return True
    return False


class CorpusFlow:
    @work(thread=True, exclusive=True, group="corpus")
    def _discover(self, read: set[str]) -> None:
        found = discover(self.corpus.paths)
        entries = [ListEntry(path=path, title=path.stem) for path in found.paths]
        for entry in entries:
            entry.read = entry.key in read
        self.call_from_thread(self._show_entries, entries, found.skipped)
        self._summarise(entries)

    def _show_entries(self, entries: list[ListEntry], skipped: list[Skipped]) -> None:
        last = self.state.get_value("last_article")
        self.article_list.set_entries(entries, highlight=last)
        self._report_skipped(skipped)
        self._update_counts()
        if not entries:
            self.article_view.show_placeholder(
                "No articles here: reader opens .txt, .md and .markdown files."
            )
            return
        if last or not self._list_open:
            self.article_view.focus()
        else:
            self.article_list.focus()

    def _summarise(self, entries: list[ListEntry]) -> None:
        """Read every article once for its title and length; rows update in batches."""
        worker = get_current_worker()
        done: list[ListEntry] = []
        skipped: list[Skipped] = []
        flushed = time.monotonic()
        for entry in entries:
            if worker.is_cancelled:
                return
            try:
                article = load_article(entry.path)
            except UnreadableArticle as error:
                skipped.append(Skipped(entry.path, str(error)))
            else:
                entry.title, entry.source = article.title, article.metadata.source
                entry.words = article.word_count
                done.append(entry)
            if time.monotonic() - flushed > _SUMMARY_BATCH_SECONDS:
                self.call_from_thread(self._summaries_ready, done, skipped)
                done, skipped, flushed = [], [], time.monotonic()
        self.call_from_thread(self._summaries_ready, done, skipped)

    def _summaries_ready(self, entries: list[ListEntry], skipped: list[Skipped]) -> None:
        for entry in entries:
            self.article_list.update_entry(entry)
        for item in skipped:
            self.article_list.remove_entry(str(item.path.absolute()))
        self._report_skipped(skipped)
        self._update_counts()

    def _report_skipped(self, skipped: list[Skipped]) -> None:
        if not skipped:
            return
        lines = [f"{item.path.name}: {item.reason}" for item in skipped[:8]]
        if len(skipped) > 8:
            lines.append(f"…and {len(skipped) - 8} more (`reader list` prints them all)")
        noun = "file" if len(skipped) == 1 else "files"
        self.notify(
            "\n".join(lines), title=f"Skipped {len(skipped)} {noun}", severity="warning", timeout=10
        )

    def _update_counts(self) -> None:
        entries = self.article_list.all_entries
        unread = sum(not entry.read for entry in entries)
        noun = "article" if len(entries) == 1 else "articles"
        counts = f"{len(entries)} {noun} · {unread} unread"
        label = self.article_list.filter_label
        if label is not None:
            counts = f"{len(self.article_list.entries)} of {counts} · {label}"
        self.sub_title = f"{self.corpus.name} · {counts}"

    def article_entries(self) -> list[ListEntry]:
        return self.article_list.entries

    # ----------------------------------------------------------------- filtering by entity

    def filter_by_entity(self, name: str, label: str | None) -> None:
        self.notify(f"Finding the articles that mention {name}…", timeout=3)
        self._filter_worker(name, label)

    @work(thread=True, exclusive=True, group="filter")
    def _filter_worker(self, name: str, label: str | None) -> None:
        worker = get_current_worker()
        engine = self.engine()
        keys = set()
        entries = self.article_list.all_entries
        reported = time.monotonic()
        for number, entry in enumerate(entries, 1):
            if worker.is_cancelled:
                return
            if time.monotonic() - reported > _PROGRESS_SECONDS:
                # The first filter analyses every article (later ones hit the cache): show progress.
                progress = f"finding articles that mention {name}: {number} of {len(entries)}"
                self.call_from_thread(
                    setattr, self, "sub_title", f"{self.corpus.name} · {progress}"
                )
                reported = time.monotonic()
            try:
                article = load_article(entry.path)
            except UnreadableArticle:
                continue
            if mentions_entity(self.analysis_cache.analyze(engine, article), name, label):
                keys.add(entry.key)
        self.call_from_thread(self._apply_filter, name, keys)

    def _apply_filter(self, name: str, keys: set[str]) -> None:
        self.article_list.set_filter(keys, f"mentioning {name}")
        self._update_counts()
        self.notify(f"{len(keys)} articles mention {name} · Esc shows all", timeout=5)

    def clear_filter(self) -> bool:
        """Show every article again (or stop finding them); False if there was no filter."""
        finding = [w for w in self.workers if w.group == "filter" and not w.is_finished]
        if finding:
            self.workers.cancel_group(self, "filter")
            self._update_counts()
            return True
        if self.article_list.filter_label is None:
            return False
        self.article_list.set_filter(None)
        self._update_counts()
        return True
