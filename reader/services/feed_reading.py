"""Reading feeds and their entries' pages, in the fetch's worker threads: no database here,
only HTTP (through the `Fetcher`), feedparser and the page extraction. `feeds.py` records what
these return.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field

from reader.corpus.webpage import NoArticleText, Page, extract_page, one_line
from reader.services.fetch import FEED_TYPES, Fetcher, FetchError, check_url, normal_url
from reader.store.web import FeedRow


class FeedError(Exception):
    """A feed could not be added, found or moved; the message says why."""


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    url: str
    title: str
    author: str
    date: str
    content: str  # the feed's own HTML or text for it


@dataclass(slots=True)
class FeedAnswer:
    feed: FeedRow
    entries: list[Entry] = field(default_factory=list)
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    problem: str | None = None
    offline: bool = False


class DaemonPool:
    """A few threads doing the fetch's requests. Unlike a ThreadPoolExecutor's, they never
    keep the program alive: quitting in the middle of a fetch does not wait out a slow
    server's timeouts."""

    def __init__(self, workers: int) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._workers = workers
        for _ in range(workers):
            threading.Thread(target=self._work, daemon=True, name="reader-fetch").start()

    def submit(self, function, *args) -> Future:
        future: Future = Future()
        self._jobs.put((future, function, args))
        return future

    def shutdown(self) -> None:
        for _ in range(self._workers):
            self._jobs.put(None)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, function, args = job
            if not future.set_running_or_notify_cancel():
                continue  # cancelled before it started
            try:
                future.set_result(function(*args))
            except BaseException as error:  # handed to whoever waits on it
                future.set_exception(error)


def read_feed(fetcher: Fetcher, feed: FeedRow) -> FeedAnswer:
    """Fetch and parse one feed (in a worker thread: no database here)."""
    answer = FeedAnswer(feed)
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
        answer.title, answer.entries = parse_feed(response.content, response.content_type)
    except FeedError as error:
        answer.problem = str(error)
    return answer


def parse_feed(content: bytes, content_type: str) -> tuple[str, list[Entry]]:
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
        entries.append(Entry(key, url, title, item.get("author") or "", _entry_date(item), content))
    return parsed.feed.get("title") or "", entries


def feed_link(content: bytes, base: str) -> str | None:
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


def read_entry(fetcher: Fetcher, answer: FeedAnswer, entry: Entry) -> Page | str:
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


def _with_feed_fields(page: Page, answer: FeedAnswer, entry: Entry) -> Page:
    """What the page left out, from the feed: title, author, date, site, address."""
    from dataclasses import replace

    return replace(
        page,
        title=page.title or clean(entry.title),
        author=page.author or clean(entry.author),
        date=page.date or entry.date,
        site=page.site or clean(answer.feed.title or answer.title or ""),
        url=page.url or entry.url,
    )


def unique_entries(entries: list[Entry]) -> list[Entry]:
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


def clean(text: str) -> str:
    """A field from the web on one line, without control characters."""
    return one_line(text)


def host_of(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "feed"
