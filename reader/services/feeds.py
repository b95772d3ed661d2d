"""News feeds (feedparser): subscribe, move subscriptions in and out as OPML, and fetch every
feed's new entries as full articles into a folder per feed.

A fetch asks each feed conditionally (ETag, Last-Modified), takes only entries it has not
taken before (by entry id, and by URL across feeds and added links), and fetches each entry's
page to extract the full article; when the page cannot be had or holds no article text, the
feed's own content is used. Feeds and pages are fetched a few at a time (`WORKERS`), and the
`Fetcher` keeps to a polite number of requests per host. Only this thread touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.webpage import Page
from reader.services.feed_reading import (
    DaemonPool,
    Entry,
    FeedAnswer,
    FeedError,
    clean,
    feed_link,
    host_of,
    parse_feed,
    read_entry,
    read_feed,
    unique_entries,
)
from reader.services.fetch import FEED_TYPES, Fetcher, FetchError, check_url
from reader.services.web_library import now_stamp, on_web_store, write_page
from reader.store.articles import path_key
from reader.store.web import FeedRow, WebStore

__all__ = ["FeedError", "FeedRow", "Feeds", "FetchProgress"]

WORKERS = 6
FEEDS_FOLDER = "feeds"
_FOLDER_WORDS = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class FetchProgress:
    """How a fetch goes: reported after each feed and each entry."""

    feeds_total: int = 0
    feeds_done: int = 0
    entries_total: int = 0  # new entries found so far
    entries_done: int = 0
    new: list[Path] = field(default_factory=list)  # articles written, in order
    problems: list[str] = field(default_factory=list)
    offline: bool = False  # every feed failed for want of a network

    @property
    def fraction(self) -> float:
        steps = self.feeds_total + self.entries_total
        return (self.feeds_done + self.entries_done) / steps if steps else 1.0


class Feeds:
    def __init__(self, database: Path, library: Path) -> None:
        self.database = database
        self.library = library

    def _run(self, work: Callable[[WebStore], object]):
        return on_web_store(self.database, work)

    # ------------------------------------------------------------ subscriptions

    def list(self) -> list[FeedRow]:
        return self._run(lambda store: store.feeds())

    def add(self, url: str, fetcher: Fetcher | None = None, title: str = "") -> FeedRow:
        """Subscribe to `url`; with a fetcher the feed is read first (so a page that is not a
        feed is refused). FeedError if it is there already or is not a feed."""
        url = check_url(url)
        if fetcher is not None:
            response = fetcher.get(url, FEED_TYPES, what="a feed")
            try:
                parsed = parse_feed(response.content, response.content_type)
            except FeedError:
                # A site's page rather than its feed: the feed the page links to, if any.
                found = feed_link(response.content, response.url)
                if found is None:
                    raise
                url = found
                response = fetcher.get(url, FEED_TYPES, what="a feed")
                parsed = parse_feed(response.content, response.content_type)
            url = response.moved_to or url
            title = title or parsed[0]
        folder = self._folder_for(title or (re.sub(r"^www\.", "", host_of(url))))

        def add(store: WebStore) -> FeedRow:
            if not store.add_feed(url, clean(title), folder, now_stamp()):
                raise FeedError(f"already subscribed to {url}")
            return store.feed(url)

        return self._run(add)

    def remove(self, which: str) -> FeedRow:
        """Unsubscribe by URL or by the number `reader feeds list` shows. Its articles stay."""
        feeds = self.list()
        chosen = None
        if which.isdigit() and 1 <= int(which) <= len(feeds):
            chosen = feeds[int(which) - 1]
        else:
            chosen = next((feed for feed in feeds if feed.url == which.strip()), None)
        if chosen is None:
            raise FeedError(f"no feed {which!r} (see reader feeds list)")
        self._run(lambda store: store.remove_feed(chosen.id))
        return chosen

    def _folder_for(self, name: str) -> str:
        words = _FOLDER_WORDS.findall(name.lower())
        stem = "-".join(words)[:40].rstrip("-") or "feed"
        taken = {feed.folder for feed in self.list()}
        folder, number = stem, 1
        while str(self.library / FEEDS_FOLDER / folder) in taken:
            number += 1
            folder = f"{stem}-{number}"
        return str(self.library / FEEDS_FOLDER / folder)

    # ------------------------------------------------------------ OPML

    def import_opml(self, path: Path) -> tuple[int, int]:
        """Subscribe to every feed an OPML file lists: (added, already there). Raises FeedError
        on a file that is not OPML, OSError when it cannot be read."""
        from xml.etree import ElementTree

        try:
            tree = ElementTree.parse(path)
        except ElementTree.ParseError as error:
            raise FeedError(f"{path} is not OPML: {error}") from error
        added = present = 0
        for outline in tree.iter("outline"):
            url = outline.get("xmlUrl") or outline.get("xmlurl")
            if not url:
                continue
            try:
                self.add(url, title=outline.get("title") or outline.get("text") or "")
                added += 1
            except FeedError:
                present += 1
            except FetchError:
                present += 0  # not http(s): left out, like any address reader cannot fetch
        return added, present

    def export_opml(self) -> str:
        from xml.etree import ElementTree

        root = ElementTree.Element("opml", version="2.0")
        head = ElementTree.SubElement(root, "head")
        ElementTree.SubElement(head, "title").text = "reader feeds"
        body = ElementTree.SubElement(root, "body")
        for feed in self.list():
            name = feed.title or feed.url
            ElementTree.SubElement(
                body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url
            )
        ElementTree.indent(root)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(root, encoding="unicode")
            + "\n"
        )

    # ------------------------------------------------------------ fetching

    def fetch(
        self,
        fetcher: Fetcher,
        report: Callable[[FetchProgress], None] = lambda progress: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> FetchProgress:
        """Fetch every feed's new entries as articles; reports after each step."""
        feeds = self.list()
        progress = FetchProgress(feeds_total=len(feeds))
        report(progress)
        offline = 0
        claimed: set[str] = set()  # URLs taken in this fetch: one story in two feeds is one
        pool = DaemonPool(WORKERS)
        # Feeds and pages in one stream, each recorded as soon as it is done: an article lands
        # while a slow page elsewhere is still coming.
        pending: dict[Future, tuple] = {}
        try:
            pending.update((pool.submit(read_feed, fetcher, feed), (feed,)) for feed in feeds)
            while pending:
                done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                if cancelled():
                    break
                for future in done:
                    job = pending.pop(future)
                    if len(job) == 1:  # a feed
                        answer = future.result()
                        progress.feeds_done += 1
                        offline += answer.offline
                        new = [
                            entry
                            for entry in self._record_feed(answer, progress)
                            if not entry.url or entry.url not in claimed
                        ]
                        claimed.update(entry.url for entry in new if entry.url)
                        for entry in new:
                            page = pool.submit(read_entry, fetcher, answer, entry)
                            pending[page] = (answer, entry)
                        progress.entries_total += len(new)
                    else:
                        self._record_entry(*job, future.result(), progress)
                        progress.entries_done += 1
                    report(progress)
        finally:
            # Given up (the app quits, Ctrl+C) or done: what has not started never will, and
            # requests in flight end with the process rather than hold it open.
            for future in pending:
                future.cancel()
            pool.shutdown()
        progress.offline = bool(feeds) and offline == len(feeds)
        return progress

    def _record_feed(self, answer: FeedAnswer, progress: FetchProgress) -> list[Entry]:
        feed = answer.feed
        name = feed.title or answer.title or feed.url
        if answer.problem:
            progress.problems.append(f"{name}: {answer.problem}")

        def record(store: WebStore) -> list[Entry]:
            store.checked(
                feed.id,
                now_stamp(),
                etag=answer.etag,
                last_modified=answer.last_modified,
                title=clean(answer.title) if answer.title else None,
                moved_to=answer.moved_to,
                problem=answer.problem,
            )
            entries = unique_entries(answer.entries)
            known = store.known_entries(
                feed.id, [entry.key for entry in entries], [entry.url for entry in entries]
            )
            return [e for e in entries if e.key not in known and (not e.url or e.url not in known)]

        return self._run(record)

    def _record_entry(self, answer, entry: Entry, page: Page | str, progress) -> None:
        feed = answer.feed
        if isinstance(page, str):  # why nothing could be written
            progress.problems.append(f"{entry.title or entry.url}: {page}")
            # An entry with nothing to read is not asked for again; a network failure is.
            if page.startswith("no article text"):
                self._run(lambda s: s.take_entry(feed.id, entry.key, entry.url, None, now_stamp()))
            return
        fetched = now_stamp()
        try:
            path = write_page(Path(feed.folder), page, entry.url or entry.key, fetched)
        except OSError as error:
            progress.problems.append(f"could not write to {feed.folder}: {error.strerror or error}")
            return
        self._run(lambda s: s.take_entry(feed.id, entry.key, entry.url, path_key(path), fetched))
        progress.new.append(path)
