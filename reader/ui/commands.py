"""Command palette provider: open any article of the corpus by typing part of its title."""

from __future__ import annotations

from functools import partial

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
