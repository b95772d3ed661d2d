"""The library-wide screens, for the main screen: people, organisations and places (`p`) and
who said what (`Q`), read from the analysis index; what the reader chose there comes back
here (filter the list, open an article at a quotation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.landing import PassageLanding

if TYPE_CHECKING:
    from reader.services.library_index import QuotationRow
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.people import EntityChoice


class LibraryScreens:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def _pending(self) -> str:
        """How far the background analysis is, while it runs (the screens say so)."""
        from reader.ui.screens.main_analysis import progress_text

        analysis = self.screen.library_analysis
        progress = analysis.progress
        if progress is None or not analysis.running:
            return ""
        return progress_text(progress)

    def open_people(self) -> None:
        from reader.ui.screens.people import PeopleScreen

        app = self.screen.app
        app.push_screen(PeopleScreen(app.library, self._pending()), self._entity_chosen)

    def open_quotations(self, speaker: tuple[int, str] | None = None) -> None:
        from reader.ui.screens.quotations import QuotationsScreen

        app = self.screen.app
        quotations = QuotationsScreen(app.library, speaker, self._pending())
        app.push_screen(quotations, self._quotation_chosen)

    def _entity_chosen(self, choice: EntityChoice | None) -> None:
        if choice is None:
            return
        if choice.action == "quotations":
            self.open_quotations((choice.entity.id, choice.entity.name))
            return
        self.screen.list_open = True
        self.screen.sidebar.filter_by_entity(choice.entity.name)
        self.screen.article_list.focus()

    def _quotation_chosen(self, row: QuotationRow | None) -> None:
        if row is None:
            return
        screen = self.screen
        found = screen.article_list.row(row.article_id)
        if found is None:
            screen.notify("That article is no longer in the list", severity="warning")
            return
        if screen.article_list.shown_count != screen.article_list.total_count:
            screen.sidebar.clear_filters()
        screen.open_row(found, PassageLanding(row.start, row.end))
