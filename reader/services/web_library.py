"""Pages from the web as article files: `reader add URL` and the entries of feeds.

A page is fetched, its main text extracted, and written as a Markdown article with front matter
into the library folder, under a temporary name first and then renamed, so a killed fetch
leaves no partial article. One URL (in one spelling, see `normal_url`) is one article.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from reader.corpus.webpage import NoArticleText, Page, extract_page, page_markdown
from reader.services.fetch import Fetcher, FetchError, check_url, normal_url
from reader.store.articles import path_key
from reader.store.database import StoreError, describe, open_existing, problem_kind
from reader.store.web import WebStore

__all__ = ["Added", "FetchError", "WebLibrary", "now_stamp", "on_web_store", "write_page"]

T = TypeVar("T")

_NAME_WORDS = re.compile(r"[^\W_]+")
_MAX_NAME = 60


@dataclass(frozen=True, slots=True)
class Added:
    path: Path
    title: str
    existed: bool  # the URL was already an article: nothing fetched


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_name(page: Page, url_key: str) -> str:
    """A readable, stable name: the title's words, then a short hash of the URL (the same URL
    always lands on the same name, so a repeated fetch replaces rather than doubles)."""
    words = _NAME_WORDS.findall((page.title or page.site or "article").lower())
    stem = "-".join(words)[:_MAX_NAME].rstrip("-") or "article"
    digest = hashlib.blake2b(url_key.encode(), digest_size=4).hexdigest()
    return f"{stem}-{digest}.md"


def write_page(folder: Path, page: Page, url_key: str, fetched: str) -> Path:
    """Write `page` into `folder` whole or not at all; returns its path. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    name = file_name(page, url_key)
    digest = name.rsplit("-", 1)[1]
    # A file of this URL under an older title (its title changed): replaced, not doubled.
    for earlier in folder.glob(f"*-{digest}"):
        if earlier.name != name:
            earlier.unlink(missing_ok=True)
    target = folder / name
    partial = folder / f".{name}.partial"  # hidden: the indexer never lists it
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(page_markdown(page, fetched))
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return target


def on_web_store(database: Path, work: Callable[[WebStore], T]) -> T:
    """`work` on the web tables, on a connection of this thread; fails only with
    `StoreError` (its kind saying locked, full, corrupt… as for every other service)."""
    conn = open_existing(database)
    try:
        return work(WebStore(conn))
    except sqlite3.Error as error:
        raise StoreError(describe(error, database), problem_kind(error)) from error
    finally:
        conn.close()


class WebLibrary:
    """Adds pages by URL to the library folder, remembering which URL is which file."""

    def __init__(self, database: Path, folder: Path) -> None:
        self.database = database
        self.folder = folder

    def known(self, url: str) -> Path | None:
        """The article file of `url`, if it was added before and is still there."""
        key = normal_url(check_url(url))
        found = on_web_store(self.database, lambda store: store.page_path(key))
        return Path(found) if found and Path(found).is_file() else None

    def add(self, url: str, fetcher: Fetcher) -> Added:
        """Fetch, extract and write the page at `url` (FetchError, StoreError, or OSError when
        the folder cannot be written). The same URL twice is one article."""
        url = check_url(url)
        found = self.known(url)
        if found is not None:
            return Added(found, "", existed=True)
        response = fetcher.get(url)
        final_key = normal_url(response.url)
        if final_key != normal_url(url):
            found = self.known(response.url)
            if found is not None:
                return Added(found, "", existed=True)
        try:
            page = extract_page(response.content, response.url)
        except NoArticleText as error:
            raise FetchError(f"{error}; nothing was written") from error
        fetched = now_stamp()
        path = write_page(self.folder, page, final_key, fetched)
        urls, where = [normal_url(url), final_key], path_key(path)
        on_web_store(self.database, lambda store: store.remember_page(urls, where, fetched))
        return Added(path, page.title, existed=False)
