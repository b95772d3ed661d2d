"""The entity panel: the article's entities grouped by type, with mention counts.

Enter chooses an entity (its mentions are marked, ]/[ step through them); f filters the
article list to the articles that mention it.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.analysis.model import Analysis, EntitySummary
from reader.output import safe
from reader.ui.widgets.side_panel import SidePanel

LABEL_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places",
    "LOC": "Regions, seas, continents",
    "NORP": "Nationalities and groups",
}


class _Entities(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="entities.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entities.up"),
        Binding("f", "filter", "Filter articles", id="entities.filter"),
    ]

    def action_filter(self) -> None:
        if self.highlighted is not None:
            option_id = self.get_option_at_index(self.highlighted).id
            if option_id:
                self.post_message(EntityPanel.FilterRequested(entity_name(option_id)))


class EntityPanel(SidePanel):
    TITLE = "Entities · Enter marks · f filters list"
    BINDINGS_FOR_HELP = _Entities.BINDINGS

    class Chosen(Message):
        def __init__(self, entity: str) -> None:
            super().__init__()
            self.entity = entity

    class FilterRequested(Message):
        def __init__(self, entity: str) -> None:
            super().__init__()
            self.entity = entity

    def _make_options(self) -> OptionList:
        return _Entities()

    def show(self, analysis: Analysis | None, waiting: str = "Finding entities…") -> None:
        """The analysis' contents; without one, `waiting` says why (still running, no
        article, too long to analyse, the engine failed)."""
        if analysis is None:
            self.note(waiting)
            return
        entities = analysis.entities()
        if not entities:
            self.note("No entities found")
            return
        options = self.options
        options.clear_options()
        label = None
        for entity in entities:
            if entity.label != label:
                label = entity.label
                heading = Content.styled(LABEL_NAMES[label], "bold $text-accent")
                options.add_option(Option(heading, disabled=True))
            elsewhere = analysis.library_articles.get((entity.label, entity.name), 0)
            options.add_option(
                Option(_prompt(entity, elsewhere), id=f"{entity.label}\t{entity.name}")
            )
        options.highlighted = 1

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(self.Chosen(entity_name(event.option_id)))


def entity_name(option_id: str) -> str:
    """Options are identified as "LABEL<tab>name" (one name may carry two labels)."""
    return option_id.split("\t", 1)[1]


def _prompt(entity: EntitySummary, articles: int = 0) -> Content:
    """The name, its mentions here, and (when more than this one) the library's articles
    naming it."""
    more = f" · {articles:,} articles" if articles > 1 else ""
    return Content.assemble(f"  {safe(entity.name)} ", (f"×{entity.count}{more}", "$text-muted"))
