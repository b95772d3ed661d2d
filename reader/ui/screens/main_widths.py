"""The main screen's widths: the text column (+/-) and the article list (</>), remembered.
A mixin of MainScreen."""

from __future__ import annotations

from reader.config import MAX_MEASURE, MIN_MEASURE

MIN_LIST_WIDTH, MAX_LIST_WIDTH = 20, 120


class WidthActions:
    def _set_measure(self, measure: int) -> None:
        self.article_view.measure = max(MIN_MEASURE, min(MAX_MEASURE, measure))
        self.app.state.set_value("measure", str(self.article_view.measure))
        self.notify(f"Text column: {self.article_view.measure} columns", timeout=2)

    def _set_list_width(self, width: int, announce: bool = True) -> None:
        self.list_width = max(MIN_LIST_WIDTH, min(MAX_LIST_WIDTH, width))
        self._apply_list_width()
        if announce:
            self.app.state.set_value("list_width", str(self.list_width))
            self.notify(f"Article list: {self.list_width} columns", timeout=2)

    def _apply_list_width(self) -> None:
        """The width chosen with < and >, on a wide screen; a narrow one gives the list it all."""
        styles = self.sidebar.styles
        if self.list_width is None or self.narrow:
            styles.width = styles.max_width = styles.min_width = None
        else:
            styles.width = self.list_width
            styles.max_width = styles.min_width = self.list_width

    def action_wider_list(self) -> None:
        self.list_open = True
        self._set_list_width((self.list_width or self.sidebar.size.width) + 4)

    def action_narrower_list(self) -> None:
        self.list_open = True
        self._set_list_width((self.list_width or self.sidebar.size.width) - 4)

    def action_wider(self) -> None:
        self._set_measure(self.article_view.measure + 4)

    def action_narrower(self) -> None:
        self._set_measure(self.article_view.measure - 4)
