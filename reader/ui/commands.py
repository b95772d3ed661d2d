"""Command palette: open any article by typing part of its title, and the reader's own actions."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App, SystemCommand
from textual.command import Hit, Hits, Provider


class ArticleCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        matcher = self.matcher(query)
        for entry in app.article_entries():  # type: ignore[attr-defined]
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(entry.title),
                    partial(app.open_entry, entry),  # type: ignore[attr-defined]
                    help=f"Open article · {entry.path.name}",
                )


def reader_commands(app: App) -> Iterator[SystemCommand]:
    """The app's actions, offered beside Textual's own (theme, keys, quit…)."""
    actions = [
        ("Toggle article list", "Show or hide the list", "toggle_list"),
        ("Next article", "Open the next article", "next_article"),
        ("Previous article", "Open the previous article", "previous_article"),
        ("Search in article", "Find text in this article", "search"),
        ("Mark read / unread", "Toggle the read mark", "toggle_read"),
        ("Wider text column", "Widen the reading measure", "wider"),
        ("Narrower text column", "Narrow the reading measure", "narrower"),
        ("Show keys", "Every key binding", "help"),
        ("Entities", "People, organisations, places named in this article", "entities"),
        ("Who said what", "The quotations of this article and their speakers", "quotes"),
        ("Toggle highlights", "Show or hide entity and quotation colours", "toggle_highlights"),
    ]
    for title, help_text, action in actions:
        yield SystemCommand(title, help_text, getattr(app, f"action_{action}"))
