"""What the reader pane's article view tells the widgets above it, each message carrying what
it was made for."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.corpus.find import TextHit
from reader.corpus.model import Article
from reader.services.bookmarks import Bookmark
from reader.ui.selection import Chosen


@dataclass
class PositionChanged(Message):
    """The reading position moved: `position` is a source offset into `article`."""

    article: Article
    position: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PositionChanged)


@dataclass
class LinkClicked(Message):
    href: str


@dataclass
class MentionStepped(Message):
    """]/[: the cursor is on mention `current` of `total` of `entity`."""

    entity: str
    current: int
    total: int


@dataclass
class EntityFilterRequested(Message):
    """`f`: show only the articles that mention this entity."""

    entity: str


@dataclass
class LinksRequested(Message):
    """`o`: the links of the passage under the cursor, (text, address), to choose from."""

    links: list[tuple[str, str]]


@dataclass
class SearchUpdated(Message):
    """Matches changed or the current one moved: for the status line."""

    query: str
    current: int
    total: int
    searching: bool = False  # more matches may still come
    capped: bool = False  # there are more matches than `total`, not marked
    wrapped: str = ""  # "top" or "bottom": n or N went round to the other end


@dataclass
class MatchesFound(Message):
    """A batch of in-article search matches, from the search worker to the view."""

    search_round: int  # which search (a new query, article or clear: anew)
    hits: list[TextHit]
    done: bool
    capped: bool = False  # there were more than the most that are marked


@dataclass
class KeepRequested(Message):
    """`m`: keep what is chosen (or edit the note of the bookmark it is)."""

    chosen: Chosen
    existing: Bookmark | None


@dataclass
class CopyRequested(Message):
    """`y`: copy what is chosen, with its attribution."""

    chosen: Chosen


class ChoiceChanged(Message):
    """The sentence cursor or the selection changed: for the status line."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ChoiceChanged)


@dataclass
class Said(Message):
    """A short confirmation for the status line ("Bookmark 2 of 3")."""

    text: str
