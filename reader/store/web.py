"""The web tables: which URL is which article file, the feeds, and the entries taken from them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.store.database import transaction


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    title: str
    folder: str
    etag: str | None
    last_modified: str | None
    checked: str | None
    problem: str | None
    entries: int = 0


_FEED_COLUMNS = "id, url, title, folder, etag, last_modified, checked, problem"


class WebStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # ------------------------------------------------------------ pages

    def page_path(self, url: str) -> str | None:
        row = self.conn.execute("SELECT path FROM web_pages WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def remember_page(self, urls: list[str], path: str, added: str) -> None:
        """`path` is the article of every URL in `urls` (the one asked for, and where it
        redirected)."""
        with transaction(self.conn):
            self.conn.executemany(
                "INSERT OR REPLACE INTO web_pages (url, path, added) VALUES (?, ?, ?)",
                [(url, path, added) for url in dict.fromkeys(urls)],
            )

    # ------------------------------------------------------------ feeds

    def feeds(self) -> list[FeedRow]:
        rows = self.conn.execute(
            f"SELECT {_FEED_COLUMNS}, (SELECT count(*) FROM feed_entries e "
            "WHERE e.feed_id = feeds.id AND e.path IS NOT NULL) "
            "FROM feeds ORDER BY lower(title), url"
        ).fetchall()
        return [FeedRow(*row) for row in rows]

    def feed(self, url: str) -> FeedRow | None:
        row = self.conn.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return FeedRow(*row) if row else None

    def add_feed(self, url: str, title: str, folder: str, added: str) -> bool:
        """False when the feed is there already."""
        with transaction(self.conn):
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO feeds (url, title, folder, added) VALUES (?, ?, ?, ?)",
                (url, title, folder, added),
            )
        return cursor.rowcount == 1

    def remove_feed(self, feed_id: int) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))

    def checked(
        self,
        feed_id: int,
        when: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
        moved_to: str | None = None,
        problem: str | None = None,
    ) -> None:
        """What one fetch of a feed learnt: its validators, title, new address or problem."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE feeds SET checked = ?, problem = ?, "
                "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
                "title = CASE WHEN title = '' AND ? IS NOT NULL THEN ? ELSE title END "
                "WHERE id = ?",
                (when, problem, etag, last_modified, title, title, feed_id),
            )
            if moved_to and self.feed(moved_to) is None:
                self.conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (moved_to, feed_id))

    # ------------------------------------------------------------ entries

    def known_entries(self, feed_id: int, keys: list[str], urls: list[str]) -> set[str]:
        """Of `keys` and `urls`, those already taken (from this feed, or any URL already an
        article)."""
        known: set[str] = set()
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            known.update(
                row[0]
                for row in self.conn.execute(
                    "SELECT entry_key FROM feed_entries "
                    f"WHERE feed_id = ? AND entry_key IN ({marks})",
                    (feed_id, *part),
                )
            )
        for start in range(0, len(urls), 500):
            part = [url for url in urls[start : start + 500] if url]
            if not part:
                continue
            marks = ",".join("?" * len(part))
            known.update(
                row[0]
                for row in self.conn.execute(
                    f"SELECT url FROM web_pages WHERE url IN ({marks}) "
                    "UNION SELECT url FROM feed_entries "
                    f"WHERE url IN ({marks}) AND path IS NOT NULL",
                    (*part, *part),
                )
            )
        return known

    def take_entry(self, feed_id: int, key: str, url: str, path: str | None, added: str) -> None:
        """An entry is taken: written to `path`, or (None) one that can never be had."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO feed_entries (feed_id, entry_key, url, path) "
                "VALUES (?, ?, ?, ?)",
                (feed_id, key, url, path),
            )
            if path and url:
                self.conn.execute(
                    "INSERT OR IGNORE INTO web_pages (url, path, added) VALUES (?, ?, ?)",
                    (url, path, added),
                )
