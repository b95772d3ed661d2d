"""The status line under the reader pane: search progress, else what is chosen (a sentence, a
selection), else who speaks in the passage under the cursor, else the links in it (shown, never
followed), else the reading progress."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static

from reader.analysis.model import ENGINE_LABELS
from reader.output import safe
from reader.ui.widgets.article_messages import MentionStepped, SearchUpdated
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.line_renderer import fit_cells


class StatusLine(Static):
    """Every text it shows is plain text on one line: never markup, never a control character
    (an article's title may be "Talks [/b] end" or hold an escape sequence)."""

    _search: SearchUpdated | None = None  # the last search progress shown
    _said: str | None = None  # a confirmation shown until the next move (`say`)

    def say(self, text: str) -> None:
        self._said = text
        self.update(text, layout=False)

    def refit(self, view: ArticleView) -> None:
        """After a resize: what was said stays; the rest is fitted to the new width."""
        if self._said is not None:
            self.update(self._said, layout=False)
        else:
            self.show(view)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if isinstance(content, str):
            content = Content(safe(content, tabs=False))
        super().update(content, layout=layout)

    def show(self, view: ArticleView) -> None:
        """What the line says when nothing was just said: the search, else the reading."""
        if view.matches.query and self._search is not None:
            self.show_search(self._search)
        else:
            self.show_reading(view)

    def show_search(self, event: SearchUpdated) -> None:
        self._search, self._said = event, None
        more = " (searching…)" if event.searching else ""
        if not event.query:
            self.update("")
        elif event.total:
            total = f"{event.total:,}+" if event.capped else f"{event.total:,}"
            went = f" · from the {event.wrapped}" if event.wrapped else ""
            self.update(
                f"Match {event.current:,} of {total}{more} for “{event.query}”{went} · n/N to move"
            )
        elif event.searching:
            self.update(f"Searching for “{event.query}”…")
        else:
            self.update(f"No matches for “{event.query}”")

    def show_mention(self, event: MentionStepped) -> None:
        self._said = None
        self.update(f"{event.entity}: mention {event.current} of {event.total}", layout=False)

    def show_reading(self, view: ArticleView) -> None:
        self._said = None
        article = view.article
        if view.matches.query or article is None:
            return
        # On a narrow line the speaker and the percentage win: the words before them are cut.
        width = max(self.content_region.width or self.size.width, 10)
        if view.choice.choosing:
            what = "Selected" if view.choice.anchor is not None else "Sentence"
            keys = " · m keep · y copy · Esc drop"
            summary = f"{what}: {view.choice.summary()}"
            # What is chosen comes first; the keys only where there is room for them.
            fits = cell_len(summary + keys) <= width
            self.update(summary + keys if fits else fit_cells(summary, width), layout=False)
            return
        speech = [q for q in view.marks.quotes_at_cursor() if q.kind == "speech"]
        if speech and view.show_analysis:
            quote = speech[0]
            speaker = quote.speaker_name or "unattributed"
            more = f"  (+{len(speech) - 1} more)" if len(speech) > 1 else ""
            tail = f" — {speaker}{more}"
            words = fit_cells(" ".join(quote.text.split()), min(50, width - cell_len(tail)))
            self.update(f"{words}{tail}", layout=False)
            return
        block = view.cursor_block
        links = [address for _text, address in block.links()] if block is not None else []
        if links:
            self.update(fit_cells("Link: " + "  ".join(links), width), layout=False)
            return
        percent = view.reading_percent
        tail = f" · {percent}%" if percent is not None else ""
        analysis = view.marks.analysis
        if analysis is not None and view.show_analysis and width > 60:
            # Which engine marked the entities (the config or --engine chooses it).
            tail = f" · {ENGINE_LABELS.get(analysis.engine, analysis.engine)}{tail}"
        title = fit_cells(" ".join(article.title.split()), width - cell_len(tail))
        self.update(f"{title}{tail}", layout=False)
