"""The library's analysis in the background, for the main screen: after each pass of the
indexer, the articles with no analysis for their text are analysed in other processes (see
`reader.services.analysis_index`), the header says how far it is ("analysed 3,412 of
10,000"), and what waits on it (the entity filter, the panels' counts) is told as it grows."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.worker import get_current_worker

from reader.ui.messages import WORKER_DESCRIPTION

if TYPE_CHECKING:
    from reader.services.analysis_index import Progress
    from reader.ui.screens.main import MainScreen

_REFRESH_SECONDS = 2.0  # how often a filter in force takes in newly analysed articles


def progress_text(progress: Progress) -> str:
    return f"analysed {progress.analysed:,} of {progress.total:,}"


class LibraryAnalysis:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.progress: Progress | None = None  # the last figures, for the library screens
        self._again = False  # the indexer found more while a run was under way
        self._refreshed = 0.0
        self._failures_said = 0

    @property
    def running(self) -> bool:
        return any(w.group == "library-analysis" and not w.is_finished for w in self.screen.workers)

    def start(self) -> None:
        """Analyse what the index lacks (once more after this run, if one is under way)."""
        app = self.screen.app
        if app.state.damaged or not app.state.is_open:
            return
        if self.running:
            self._again = True
            return
        self._again = False
        self.screen.run_worker(
            self._run,
            thread=True,
            group="library-analysis",
            exclusive=True,
            description=WORKER_DESCRIPTION,
        )

    def article_analysed(self) -> None:
        """The reader pane analysed an article (and kept it in the index): if the last
        figures still counted articles to do, count again (the background run may have
        left it to the pane, and ended before the pane was done)."""
        progress = self.progress
        if progress is not None and progress.analysed + progress.failed < progress.total:
            self.start()

    def _run(self) -> None:
        from reader.analysis.engine import EngineUnavailable
        from reader.services.analysis_index import BackgroundAnalyser
        from reader.services.library_index import StoreError

        app, worker = self.screen.app, get_current_worker()
        runner = app.analysis
        try:
            analyser = BackgroundAnalyser(
                app.state.database,
                app.corpus.paths,
                runner.engine(),
                engine_name=runner.engine_name if runner.shareable else None,
            )
            final = analyser.run(
                lambda progress: app.call_from_thread(self._report, progress, False),
                lambda: worker.is_cancelled,
            )
        except EngineUnavailable:
            return  # the reader pane says so when an article opens
        except (OSError, StoreError) as error:
            if worker.is_cancelled or app.state.damage_found(error):
                return
            message = f"The library's analysis stopped: {type(error).__name__}: {error}"
            app.call_from_thread(app.notify, message, title="Analysis", severity="error")
            app.call_from_thread(self.screen.sidebar.set_activity, "analysis", "")
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._report, final, True)

    def _report(self, progress: Progress, finished: bool) -> None:
        self.progress = progress
        if not self.screen.is_attached or not self.screen.is_running:
            return  # the app is closing: nothing left to tell
        try:
            sidebar = self.screen.sidebar
        except NoMatches:
            return  # the same, a moment later

        pending = progress.total - progress.analysed - progress.failed
        sidebar.set_activity("analysis", "" if finished or not pending else progress_text(progress))
        now = time.monotonic()
        if finished or now - self._refreshed > _REFRESH_SECONDS:
            self._refreshed = now
            sidebar.refresh_entity_filter()
        if finished and progress.failed > self._failures_said:
            self._failures_said = progress.failed
            self._say_failures(progress.failed)
        if finished and self._again:
            self.start()

    def _say_failures(self, count: int) -> None:
        from reader.services.library_index import StoreError

        try:
            reasons = self.screen.app.library.problems()
        except StoreError:
            reasons = []
        why = ""
        if reasons:
            others = f"; {len(reasons) - 1} other reasons" if len(reasons) > 1 else ""
            why = f" ({reasons[0]}{others})"
        noun = "article" if count == 1 else "articles"
        self.screen.notify(
            f"{count:,} {noun} could not be analysed{why} and are left out",
            title="Analysis",
            severity="warning",
            timeout=10,
        )
