"""Articles from the web, for the main screen: "Add a link…" (A, the palette, or a pasted
address) fetches a page into the library folder and opens it; fetching the feeds (r) shows a
progress bar, and each new article joins the list, unread, as it lands.

The fetching runs in thread workers through the services (`web_library`, `feeds`); this module
only turns their results into what the screen shows. While the seed corpus is shown (the
library was empty), the first article fetched switches the list to the library folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widgets import ProgressBar
from textual.worker import get_current_worker

from reader.ui.messages import WORKER_DESCRIPTION

if TYPE_CHECKING:
    from reader.services.feeds import FetchProgress
    from reader.services.web_library import Added
    from reader.ui.screens.main import MainScreen

_TAKE_IN_SECONDS = 0.5  # new articles of a fetch join the list at most this often


class WebActions:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self._waiting: list[Path] = []
        self._taken_at = 0.0
        self._take_in_timer: Timer | None = None

    @property
    def library(self) -> Path:
        from reader.paths import library_folder

        app = self.screen.app
        return library_folder(app.locations, app.config.library)

    @property
    def fetching(self) -> bool:
        return any(w.group == "feeds" and not w.is_finished for w in self.screen.workers)

    # ----------------------------------------------------------------- add a link

    def ask_for_link(self, url: str = "") -> None:
        from reader.ui.screens.add_link import AddLinkScreen

        self.screen.app.push_screen(AddLinkScreen(str(self.library), url), self._link_given)

    def _link_given(self, url: str | None) -> None:
        if url:
            self.add(url)

    def add(self, url: str) -> None:
        from reader.services.web_library import WebLibrary

        library = WebLibrary(self.screen.app.state.database, self.library)
        self.screen.notify(f"Fetching {url}", title="Add a link", timeout=3, markup=False)
        self._in_background(
            "add-link",
            f"Could not add {url}",
            lambda fetcher: library.add(url, fetcher),
            self._added,
        )

    def _in_background(self, group: str, failure: str, work, then) -> None:
        """`work(fetcher)` in a worker; `then(result)` on the screen after, or a notice that
        says `failure` and why. Quitting meanwhile does not wait for the server."""
        from reader.services.feed_reading import FeedError
        from reader.services.fetch import Fetcher, FetchError
        from reader.services.library_index import StoreError

        def run() -> None:
            app, worker = self.screen.app, get_current_worker()

            def fetch():
                with Fetcher() as fetcher:
                    return work(fetcher)

            try:
                result = _unless_cancelled(fetch, worker)
            except (FetchError, FeedError, StoreError, OSError) as error:
                detail = getattr(error, "strerror", None) or error
                app.call_from_thread(self._problem, f"{failure}: {detail}")
                return
            if result is not None:  # None: the app is closing, the request left to end with it
                app.call_from_thread(then, result)

        self.screen.run_worker(run, thread=True, group=group, description=WORKER_DESCRIPTION)

    def _problem(self, message: str) -> None:
        self.screen.notify(message, title="Web", severity="error", timeout=10, markup=False)

    def _added(self, added: Added) -> None:
        if added.existed:
            self.screen.notify("Already in the library: opening it", title="Add a link", timeout=4)
        self._include_library()
        self.screen.sidebar.take_in([added.path], then=lambda rows: self._open(added.path, rows))

    def _open(self, path: Path, rows) -> None:
        """Open the article just added: its row from the index, or (a file already indexed
        and unchanged, so the index reported nothing) the list's row of that file."""
        if rows:
            row = self.screen.article_list.row(rows[0].id) or rows[0]
        else:
            wanted = os.path.abspath(path)  # as the index keeps paths
            row = next((r for r in self.screen.article_list.all_rows if r.path == wanted), None)
            if row is None:
                return
        self.screen.list_open = True
        self.screen.sidebar.clear_filters()
        self.screen.open_row(row)

    def _include_library(self) -> None:
        """Make the library folder part of what is shown: instead of the seed corpus (the
        library was empty), or beside the folders named on the command line."""
        from reader.ui.app import CorpusSpec

        app = self.screen.app
        library = self.library
        if any(library == path or library.is_relative_to(path) for path in app.corpus.paths):
            return
        if app.corpus.name == "seeds":
            app.corpus = CorpusSpec([library], "library")
            self.screen.opener.load_corpus(restart=True)
        else:
            app.corpus = CorpusSpec([*app.corpus.paths, library], f"{app.corpus.name} + library")
        self.screen.refresh_header()

    # ----------------------------------------------------------------- feeds

    def ask_for_feed(self) -> None:
        from reader.services.feeds import FEEDS_FOLDER
        from reader.ui.screens.add_link import AddLinkScreen

        box = AddLinkScreen(
            str(self.library / FEEDS_FOLDER),
            title="Subscribe to a feed",
            where="Its articles are written to",
        )
        self.screen.app.push_screen(box, self._feed_given)

    def _feed_given(self, url: str | None) -> None:
        from reader.services.feeds import Feeds

        if url:
            feeds = Feeds(self.screen.app.state.database, self.library)
            self.screen.notify(f"Reading {url}", title="Subscribe", timeout=3, markup=False)
            self._in_background(
                "subscribe",
                f"Could not subscribe to {url}",
                lambda fetcher: feeds.add(url, fetcher),
                lambda feed: self._subscribed(feed.title or feed.url),
            )

    def _subscribed(self, name: str) -> None:
        self.screen.notify(
            f"Subscribed to {name}: fetching its articles", title="Feeds", markup=False
        )
        self.fetch_feeds()

    def fetch_feeds(self) -> None:
        if self.fetching:
            self.screen.notify("Already fetching the feeds", timeout=2)
            return
        self._set_progress(0.0, "fetching feeds")
        self.screen.run_worker(
            self._fetch_feeds,
            thread=True,
            group="feeds",
            exclusive=True,
            description=WORKER_DESCRIPTION,
        )

    def _fetch_feeds(self) -> None:
        from reader.services.feeds import Feeds
        from reader.services.fetch import Fetcher
        from reader.services.library_index import StoreError

        app, worker = self.screen.app, get_current_worker()
        taken = 0

        def report(progress: FetchProgress) -> None:
            nonlocal taken
            fresh = progress.new[taken:]
            taken = len(progress.new)
            snapshot = (progress.fraction, progress.feeds_done, progress.feeds_total, taken)
            app.call_from_thread(self._fetch_progress, snapshot, fresh)

        try:
            with Fetcher() as fetcher:
                final = Feeds(app.state.database, self.library).fetch(
                    fetcher, report, lambda: worker.is_cancelled
                )
        except StoreError as error:
            app.call_from_thread(self._fetch_done, None, str(error))
            return
        app.call_from_thread(self._fetch_done, final, "")

    def _fetch_progress(self, snapshot: tuple, fresh: list[Path]) -> None:
        fraction, feeds_done, feeds_total, new = snapshot
        self._set_progress(fraction, f"feeds {feeds_done} of {feeds_total} · {new:,} new")
        self._waiting.extend(fresh)
        if not self._waiting or self._take_in_timer is not None:
            return
        wait = _TAKE_IN_SECONDS - (time.monotonic() - self._taken_at)
        if wait <= 0:
            self._take_in_waiting()
        else:  # soon, even if no other report comes (a slow page holds the rest)
            self._take_in_timer = self.screen.set_timer(wait, self._take_in_waiting)

    def _take_in_waiting(self) -> None:
        if self._take_in_timer is not None:
            self._take_in_timer.stop()
            self._take_in_timer = None
        if not self._waiting:
            return
        self._include_library()
        paths, self._waiting = self._waiting, []
        self._taken_at = time.monotonic()
        self.screen.sidebar.take_in(paths, then=lambda rows: self.screen.library_analysis.start())

    def _fetch_done(self, final: FetchProgress | None, problem: str) -> None:
        self._take_in_waiting()
        self._hide_progress()
        notify = self.screen.notify
        if final is None:
            notify(f"Could not fetch the feeds: {problem}", severity="error", markup=False)
            return
        if not final.feeds_total:
            notify(
                "No feeds yet: `reader feeds add URL` or `reader feeds import FILE.opml`",
                title="Feeds",
                markup=False,
            )
            return
        if final.offline:
            notify(
                "No network: no feed could be reached. The articles already fetched still open.",
                title="Feeds",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        self.screen.sidebar.set_activity("web", f"{len(final.new):,} new from feeds")
        if final.problems:
            lines = final.problems[:6]
            if len(final.problems) > 6:
                lines.append(f"…and {len(final.problems) - 6} more (`reader fetch` lists them)")
            notify(
                "\n".join(lines),
                title=f"{len(final.problems)} could not be fetched",
                severity="warning",
                timeout=10,
                markup=False,
            )

    # ----------------------------------------------------------------- the progress bar

    def _set_progress(self, fraction: float, text: str) -> None:
        bar = self.screen.query_one_optional("#fetch-progress", ProgressBar)
        if bar is None:
            bar = ProgressBar(total=1.0, show_eta=False, id="fetch-progress")
            self.screen.mount(bar, after=self.screen.query_one("#main"))
        bar.add_class("-shown")
        bar.update(progress=fraction)
        self.screen.sidebar.set_activity("web", text)

    def _hide_progress(self) -> None:
        bar = self.screen.query_one_optional("#fetch-progress", ProgressBar)
        if bar is not None:
            bar.remove_class("-shown")
        self.screen.sidebar.set_activity("web", "")


def _unless_cancelled(work, worker):
    """`work()`'s result, from a daemon thread this worker waits on; None as soon as the
    worker is cancelled (the app quits), without waiting for a slow server to answer: a
    worker's own thread would hold the closing app open until the request timed out."""
    import threading

    outcome: list = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # raised again in the worker, below
            outcome.append((False, error))
        done.set()

    threading.Thread(target=run, daemon=True, name="reader-web").start()
    while not done.wait(0.1):
        if worker.is_cancelled:
            return None
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value
