"""The main screen's widths: the text column (+/-) and the article list (</>), remembered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.config import MAX_MEASURE, MIN_MEASURE

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen

MIN_LIST_WIDTH, MAX_LIST_WIDTH = 20, 120


class Widths:
    """Owned by the main screen: sets, applies and remembers both widths."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.list_width: int | None = None  # set with < and >; else the stylesheet's

    def restore(self) -> None:
        """The measure and list width last set in the app win over the config file's."""
        screen = self.screen
        state = screen.app.state
        saved = state.get_value("measure")
        screen.article_view.measure = (
            int(saved) if saved and saved.isdigit() else screen.app.config.measure
        )
        saved = state.get_value("list_width")
        if saved and saved.isdigit():
            self.set_list_width(int(saved), announce=False)

    def set_measure(self, measure: int) -> None:
        view = self.screen.article_view
        view.measure = max(MIN_MEASURE, min(MAX_MEASURE, measure))
        self.screen.app.state.set_value("measure", str(view.measure))
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
