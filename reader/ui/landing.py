"""Where an article opens: a place to land once it is shown, carried with the request to open
it (a corpus search's hit, a bookmark's passage, a quotation), so that nothing waits in the screen's
attributes for the article it was meant for."""

from __future__ import annotations

from dataclasses import dataclass

from reader.services.bookmarks import Bookmark
from reader.services.search import Term


@dataclass(frozen=True, slots=True)
class SearchLanding:
    """At the hit a search result's snippet shows, with the query's terms marked."""

    query: str  # as typed, for the search box
    terms: tuple[Term, ...]
    snippet: str


@dataclass(frozen=True, slots=True)
class BookmarkLanding:
    """At a bookmark's passage (found again if the text changed), flashed."""

    bookmark: Bookmark


@dataclass(frozen=True, slots=True)
class PassageLanding:
    """At a span of the source (a quotation chosen on the quotations screen), flashed."""

    start: int
    end: int


Landing = SearchLanding | BookmarkLanding | PassageLanding
