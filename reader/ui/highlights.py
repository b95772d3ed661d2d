"""What the reader pane colours: entities by type, quotations by kind, the chosen entity, search.

Pure: turns source spans (analysis results, search hits) into per-block display ranges with a
component class each, in the order they are layered (later ones paint over earlier ones).
"""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.corpus.find import TextHit, hits_for_span
from reader.corpus.model import Article
from reader.ui.widgets.line_renderer import Highlight

ENTITY_STYLES = {
    "PERSON": "reader--person",
    "ORG": "reader--org",
    "GPE": "reader--gpe",
    "LOC": "reader--loc",
    "NORP": "reader--norp",
}
QUOTE_STYLES = {
    "speech": "reader--speech",
    "scare": "reader--scare",
    "title": "reader--title-quote",
}
SELECTED = "reader--selected"
SEARCH, SEARCH_CURRENT = "reader--search", "reader--search-current"


def attributions(article: Article, analysis: Analysis | None) -> dict[int, str]:
    """Under each passage where someone speaks, who: block index → "— Name · Name"."""
    speakers: dict[int, list[str]] = {}
    if analysis is None:
        return {}
    starts = [block.start for block in article.blocks]
    for quote in analysis.quotes:
        if quote.kind != "speech" or not quote.speaker_name:
            continue
        hits = hits_for_span(article, quote.start, quote.end, starts)
        if hits:
            names = speakers.setdefault(hits[-1].block, [])
            if quote.speaker_name not in names:
                names.append(quote.speaker_name)
    return {block: "— " + " · ".join(names) for block, names in speakers.items()}


def build_highlights(
    article: Article,
    analysis: Analysis | None,
    *,
    show_analysis: bool,
    selected_entity: str | None,
) -> dict[int, list[Highlight]]:
    """The analysis layer: entities, quotations and the chosen entity's mentions."""
    highlights: dict[int, list[Highlight]] = {}
    starts = [block.start for block in article.blocks]

    def add(hit: TextHit, style: str) -> None:
        highlights.setdefault(hit.block, []).append((hit.start, hit.end, style))

    if analysis is not None and show_analysis:
        for quote in analysis.quotes:
            for hit in hits_for_span(article, quote.start, quote.end, starts):
                add(hit, QUOTE_STYLES.get(quote.kind, "reader--scare"))
        for mention in analysis.mentions:
            for hit in hits_for_span(article, mention.start, mention.end, starts):
                add(hit, ENTITY_STYLES[mention.label])
    if analysis is not None and selected_entity:
        for mention in analysis.mentions_of(selected_entity):
            for hit in hits_for_span(article, mention.start, mention.end, starts):
                add(hit, SELECTED)
    return highlights


class LayeredHighlights:
    """What the renderer paints, per block, in layers: the analysis layer (rebuilt when the
    analysis, the chosen entity or the colours' switch change), the chosen text (a sentence, a
    selection, a flashed bookmark), the search layer (added to as matches arrive), and the
    current match over all. Stepping through a search with n/N
    touches no layer, and matches arriving in a huge article cost only themselves."""

    def __init__(self) -> None:
        self.base: dict[int, list[Highlight]] = {}
        self.search: dict[int, list[Highlight]] = {}
        self.current: TextHit | None = None
        # What the reader chose (a sentence, a selection) and a passage flashed for a moment.
        self.selection: dict[int, list[Highlight]] = {}
        self.flash: dict[int, list[Highlight]] = {}

    def add_search(self, hits: list[TextHit]) -> None:
        for hit in hits:
            self.search.setdefault(hit.block, []).append((hit.start, hit.end, SEARCH))

    def clear_search(self) -> None:
        self.search, self.current = {}, None

    def get(self, block: int, default: tuple = ()) -> list[Highlight] | tuple:
        base, found, current = self.base.get(block), self.search.get(block), self.current
        on_block = current is not None and current.block == block
        chosen, flashed = self.selection.get(block), self.flash.get(block)
        if not found and not on_block and not chosen and not flashed:
            return base or default
        layered = [*(base or ()), *(chosen or ()), *(flashed or ()), *(found or ())]
        if on_block:
            layered.append((current.start, current.end, SEARCH_CURRENT))
        return layered
