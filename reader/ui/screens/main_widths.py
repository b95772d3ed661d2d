"""The main screen's widths: the text column (+/-) and the article list (</>), remembered."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.config import MAX_MEASURE, MIN_MEASURE

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen

MIN_LIST_WIDTH, MAX_LIST_WIDTH = 20, 120


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _seconds(text: str) -> float:
    """A time saved as text (0 for none: a measure saved before times were, or damaged)."""
    try:
        return float(text)
    except ValueError:
        return 0.0


class Widths:
    """Owned by the main screen: sets, applies and remembers both widths."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.list_width: int | None = None  # set with < and >; else the stylesheet's

    def restore(self) -> None:
        """The measure set last wins: with + and - (remembered), or in the config file when
        the file was written after that. The list width is the app's alone."""
        screen = self.screen
        state = screen.app.state
        saved = state.get_value("measure")
        set_at = state.get_value("measure_set_at") or ""
        config_at = _modified(screen.app.locations.config_file)
        keys_win = saved and saved.isdigit() and (config_at is None or config_at < _seconds(set_at))
        screen.article_view.measure = int(saved) if keys_win else screen.app.config.measure
        if saved and not keys_win and saved != str(screen.app.config.measure):
            name = screen.app.locations.config_file.name
            screen.reader.say(
                f"Text column: {screen.app.config.measure} columns, from {name} "
                "(written after the last + or -)"
            )
        saved = state.get_value("list_width")
        if saved and saved.isdigit():
            self.set_list_width(int(saved), announce=False)

    def set_measure(self, measure: int) -> None:
        view = self.screen.article_view
        view.measure = max(MIN_MEASURE, min(MAX_MEASURE, measure))
        self.screen.app.state.set_value("measure", str(view.measure))
        self.screen.app.state.set_value("measure_set_at", str(time.time()))
        self.screen.reader.say(f"Text column: {view.measure} columns · + and - change it")

    def step_measure(self, step: int) -> None:
        self.set_measure(self.screen.article_view.measure + step)

    def step_list(self, step: int) -> None:
        screen = self.screen
        screen.list_open = True
        self.set_list_width((self.list_width or screen.sidebar.size.width) + step)

    def set_list_width(self, width: int, announce: bool = True) -> None:
        self.list_width = max(MIN_LIST_WIDTH, min(MAX_LIST_WIDTH, width))
        self.apply()
        if announce:
            self.screen.app.state.set_value("list_width", str(self.list_width))
            self.screen.reader.say(f"Article list: {self.list_width} columns · < and > change it")

    def apply(self) -> None:
        """The width chosen with < and >, on a wide screen; a narrow one gives the list it all."""
        styles = self.screen.sidebar.styles
        if self.list_width is None or self.screen.narrow:
            styles.width = styles.max_width = styles.min_width = None
        else:
            styles.width = self.list_width
            styles.max_width = styles.min_width = self.list_width
