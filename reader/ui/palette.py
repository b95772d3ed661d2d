"""Command palette: open any article by typing part of its title, and the reader's own actions."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import SystemCommand
from textual.command import Hit, Hits, Provider
from textual.screen import Screen

# Matching every title of a huge corpus on each keystroke would stall; the full-text search
# (F) covers the rest.
_MAX_TITLES = 20_000


class ArticleCommands(Provider):
    async def search(self, query: str) -> Hits:
        main = self.app.main  # type: ignore[attr-defined]
        matcher = self.matcher(query)
        for row in main.article_list.rows[:_MAX_TITLES]:
            score = matcher.match(row.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(row.title),
                    partial(main.open_row, row),
                    help=f"Open article · {row.name}",
                )


def reader_commands(screen: Screen) -> Iterator[SystemCommand]:
    """The main screen's actions, offered beside Textual's own (theme, keys, quit…)."""
    actions = [
        ("Find in every article", "Full-text search across the corpus", "find_everywhere"),
        ("Bookmarks", "Every kept passage: open, filter, edit notes, delete", "bookmarks"),
        (
            "Export bookmarks as Markdown",
            "Grouped by article, for a notes app; written to your documents folder",
            "export_bookmarks",
        ),
        (
            "Export bookmarks as JSON",
            "Every field, for `reader bookmarks import`; written to your documents folder",
            "export_bookmarks_json",
        ),
        ("Sort articles", "Folder order, title, date, length, source, unread first", "cycle_sort"),
        ("Filter titles", "Show the articles whose titles hold some text", "filter_titles"),
        ("Look for new files", "Index new, changed and deleted files in the folders", "rescan"),
        (
            "Add a link…",
            "Fetch a web page, keep its article in the library folder, and open it",
            "add_link",
        ),
        (
            "Subscribe to a feed…",
            "An RSS or Atom feed, or a site that names one; its articles are fetched at once",
            "subscribe_feed",
        ),
        (
            "Fetch feeds",
            "Every feed's new entries as full articles",
            "fetch_feeds",
        ),
        ("Toggle article list", "Show or hide the list", "toggle_list"),
        ("Next article", "Open the next article", "next_article"),
        ("Previous article", "Open the previous article", "previous_article"),
        ("Search in article", "Find text in this article", "search"),
        ("Mark read / unread", "Toggle the read mark", "toggle_read"),
        ("Edit the article", "Its file in $EDITOR, reloaded after the edit", "edit_article"),
        (
            "Mark all listed read",
            "Every article the list shows (as filtered) read; again to undo",
            "mark_all_read",
        ),
        ("Wider text column", "Widen the reading measure", "wider"),
        ("Narrower text column", "Narrow the reading measure", "narrower"),
        ("Entities", "People, organisations, places named in this article", "entities"),
        ("Who said what", "The quotations of this article and their speakers", "quotes"),
        (
            "People, organisations and places",
            "Everyone the library's articles name: filter the list by one, their quotations",
            "people",
        ),
        (
            "All quotations",
            "Who said what across the library, by speaker or words; open, bookmark, copy",
            "all_quotations",
        ),
        ("Toggle highlights", "Show or hide entity and quotation colours", "toggle_highlights"),
    ]
    for title, help_text, action in actions:
        yield SystemCommand(title, help_text, getattr(screen, f"action_{action}"))
    yield SystemCommand("Show keys", "Every key binding", screen.app.action_help)
