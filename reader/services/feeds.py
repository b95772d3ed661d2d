"""News feeds (feedparser): subscribe, move subscriptions in and out as OPML, and fetch every
feed's new entries as full articles into a folder per feed.

A fetch asks each feed conditionally (ETag, Last-Modified), takes only entries it has not
taken before (by entry id, and by URL across feeds and added links), and fetches each entry's
page to extract the full article; when the page cannot be had or holds no article text, the
feed's own content is used. Feeds and pages are fetched a few at a time (`WORKERS`), and the
`Fetcher` keeps to a polite number of requests per host. Only this thread touches the database.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.webpage import NoArticleText, Page, extract_page
from reader.services.fetch import FEED_TYPES, Fetcher, FetchError, check_url, normal_url
from reader.services.web_library import now_stamp, write_page
from reader.store.articles import path_key
from reader.store.database import StoreError, describe, open_existing
from reader.store.web import FeedRow, WebStore

__all__ = ["FeedError", "FeedRow", "Feeds", "FetchProgress"]

WORKERS = 6
FEEDS_FOLDER = "feeds"
_FOLDER_WORDS = re.compile(r"[^\W_]+")


class FeedError(Exception):
    """A feed could not be added, found or moved; the message says why."""


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


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    url: str
    title: str
    author: str
    date: str
    content: str  # the feed's own HTML or text for it


@dataclass(slots=True)
class _FeedAnswer:
    feed: FeedRow
    entries: list[_Entry] = field(default_factory=list)
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    problem: str | None = None
    offline: bool = False


class Feeds:
    def __init__(self, database: Path, library: Path) -> None:
        self.database = database
        self.library = library

    def _run(self, work: Callable[[WebStore], object]):
        conn = open_existing(self.database)
        try:
            return work(WebStore(conn))
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.database)) from error
        finally:
            conn.close()

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
                parsed = _parse(response.content, response.content_type)
            except FeedError:
                # A site's page rather than its feed: the feed the page links to, if any.
                found = _feed_link(response.content, response.url)
                if found is None:
                    raise
                url = found
                response = fetcher.get(url, FEED_TYPES, what="a feed")
                parsed = _parse(response.content, response.content_type)
            url = response.moved_to or url
            title = title or parsed[0]
        folder = self._folder_for(title or (re.sub(r"^www\.", "", _host(url))))

        def add(store: WebStore) -> FeedRow:
            if not store.add_feed(url, _clean(title), folder, now_stamp()):
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
        with ThreadPoolExecutor(WORKERS) as pool:
            # Feeds and pages in one stream, each recorded as soon as it is done: an article
            # lands while a slow page elsewhere is still coming.
            pending: dict[Future, tuple] = {
                pool.submit(_read_feed, fetcher, feed): (feed,) for feed in feeds
            }
            while pending:
                done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                if cancelled():
                    for future in pending:
                        future.cancel()
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
                            page = pool.submit(_read_entry, fetcher, answer, entry)
                            pending[page] = (answer, entry)
                        progress.entries_total += len(new)
                    else:
                        self._record_entry(*job, future.result(), progress)
                        progress.entries_done += 1
                    report(progress)
        progress.offline = bool(feeds) and offline == len(feeds)
        return progress

    def _record_feed(self, answer: _FeedAnswer, progress: FetchProgress) -> list[_Entry]:
        feed = answer.feed
        name = feed.title or answer.title or feed.url
        if answer.problem:
            progress.problems.append(f"{name}: {answer.problem}")

        def record(store: WebStore) -> list[_Entry]:
            store.checked(
                feed.id,
                now_stamp(),
                etag=answer.etag,
                last_modified=answer.last_modified,
                title=_clean(answer.title) if answer.title else None,
                moved_to=answer.moved_to,
                problem=answer.problem,
            )
            entries = _unique(answer.entries)
            known = store.known_entries(
                feed.id, [entry.key for entry in entries], [entry.url for entry in entries]
            )
            return [e for e in entries if e.key not in known and (not e.url or e.url not in known)]

        return self._run(record)

    def _record_entry(self, answer, entry: _Entry, page: Page | str, progress) -> None:
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


def _read_feed(fetcher: Fetcher, feed: FeedRow) -> _FeedAnswer:
    """Fetch and parse one feed (in a worker thread: no database here)."""
    answer = _FeedAnswer(feed)
    try:
        response = fetcher.get(
            feed.url, FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified, what="a feed"
        )
    except FetchError as error:
        answer.problem, answer.offline = str(error), error.offline
        return answer
    answer.etag, answer.last_modified = response.etag, response.last_modified
    answer.moved_to = response.moved_to
    if response.not_modified:
        return answer
    try:
        answer.title, answer.entries = _parse(response.content, response.content_type)
    except FeedError as error:
        answer.problem = str(error)
    return answer


def _parse(content: bytes, content_type: str) -> tuple[str, list[_Entry]]:
    """The feed's title and entries; FeedError when it is not a feed at all."""
    import feedparser

    headers = {"content-type": content_type or "application/xml"}
    parsed = feedparser.parse(content, response_headers=headers)
    version = parsed.get("version") or ""
    if not parsed.entries and (not version or parsed.get("bozo")):
        # Not a feed at all, or one cut off or broken before its first entry.
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        kind = "a broken RSS or Atom feed" if version else "not an RSS or Atom feed"
        raise FeedError(f"{kind}{detail}")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or ""
        try:
            url = normal_url(check_url(link)) if link else ""
        except FetchError:
            url = ""  # a link reader will not fetch; the feed's content is still read
        content = ""
        if item.get("content"):
            content = item["content"][0].get("value") or ""
        content = content or item.get("summary") or ""
        title = item.get("title") or ""
        key = (
            item.get("id")
            or url
            or hashlib.blake2b(
                (title + content).encode("utf-8", "replace"), digest_size=8
            ).hexdigest()
        )
        entries.append(
            _Entry(key, url, title, item.get("author") or "", _entry_date(item), content)
        )
    return parsed.feed.get("title") or "", entries


def _feed_link(content: bytes, base: str) -> str | None:
    """The first RSS or Atom feed an HTML page announces (`<link rel="alternate">`)."""
    from urllib.parse import urljoin

    import lxml.html

    try:
        document = lxml.html.fromstring(content)
    except (ValueError, lxml.etree.ParserError):
        return None
    for link in document.iterfind(".//link[@href]"):
        kind = (link.get("type") or "").lower()
        if "alternate" in (link.get("rel") or "").lower().split() and (
            "rss" in kind or "atom" in kind
        ):
            try:
                return check_url(urljoin(base, link.get("href").strip()))
            except FetchError:
                continue
    return None


def _entry_date(item) -> str:
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else ""


def _read_entry(fetcher: Fetcher, answer: _FeedAnswer, entry: _Entry) -> Page | str:
    """The entry as a full article from its page, else from the feed's own content, else why
    not (in a worker thread)."""
    problem = "no link"
    if entry.url:
        try:
            response = fetcher.get(entry.url)
            page = extract_page(response.content, response.url)
            return _with_feed_fields(page, answer, entry)
        except FetchError as error:
            problem = str(error)
        except NoArticleText:
            problem = "no article text on its page"
    if entry.content.strip():
        html = f"<html><body><article>{entry.content}</article></body></html>"
        try:
            page = extract_page(html, entry.url, min_words=1)
        except NoArticleText:
            pass
        else:
            return _with_feed_fields(page, answer, entry)
    if problem.startswith("no article text") or problem == "no link":
        return "no article text on its page or in the feed"
    return problem


def _with_feed_fields(page: Page, answer: _FeedAnswer, entry: _Entry) -> Page:
    """What the page left out, from the feed: title, author, date, site, address."""
    from dataclasses import replace

    return replace(
        page,
        title=page.title or _clean(entry.title),
        author=page.author or _clean(entry.author),
        date=page.date or entry.date,
        site=page.site or _clean(answer.feed.title or answer.title or ""),
        url=page.url or entry.url,
    )


def _unique(entries: list[_Entry]) -> list[_Entry]:
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.key in seen or (entry.url and entry.url in seen):
            continue
        seen.add(entry.key)
        if entry.url:
            seen.add(entry.url)
        unique.append(entry)
    return unique


def _clean(text: str) -> str:
    from reader.output import strip_controls

    return " ".join(strip_controls(text).split())


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "feed"
