"""Bookmarks out and in: Markdown for a notes app, JSON that round-trips every field."""

from __future__ import annotations

import json
import time
from itertools import groupby

from reader.store.bookmarks import Bookmark

FORMAT_NAME = "reader-bookmarks"
FORMAT_VERSION = 1


def _date(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds)) if seconds else ""


def to_markdown(bookmarks: list[Bookmark]) -> str:
    """Grouped by article (title, source, date, path), each passage a block quote followed by
    its speaker and note: ready for Obsidian, Logseq or any Markdown notes."""
    lines = ["# Bookmarks", ""]
    ordered = sorted(bookmarks, key=lambda b: (b.path, b.start))
    for (path, title), group in groupby(ordered, key=lambda b: (b.path, b.title)):
        kept = list(group)
        first = kept[0]
        lines += [f"## {title or path}", ""]
        about = [part for part in (first.source, first.date) if part]
        if about:
            lines.append(" · ".join(about) + "  ")
        lines += [f"`{path}`", ""]
        for bookmark in kept:
            for paragraph in bookmark.text.split("\n"):
                lines.append(f"> {paragraph}".rstrip())
            lines.append("")
            if bookmark.speaker:
                lines.append(f"— {bookmark.speaker}  ")
            if bookmark.note:
                lines.append(f"**Note:** {bookmark.note}  ")
            flags = " (orphan: not found in the article as it is now)" if bookmark.orphan else ""
            lines += [f"*Kept {_date(bookmark.created)}*{flags}", ""]
    return "\n".join(lines).rstrip() + "\n"


def to_json(bookmarks: list[Bookmark]) -> str:
    """Every field, the text-quote selector included."""
    records = []
    for bookmark in bookmarks:
        record = bookmark.to_dict()
        record.pop("id", None)  # a row number of this database only
        record["selector"] = {
            "type": "TextQuoteSelector",
            "exact": bookmark.exact,
            "prefix": bookmark.prefix,
            "suffix": bookmark.suffix,
        }
        record["position"] = {
            "type": "TextPositionSelector",
            "start": bookmark.start,
            "end": bookmark.end,
        }
        records.append(record)
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "bookmarks": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class ImportError_(ValueError):
    """The file is not a bookmarks export; the message says why."""


def from_json(text: str) -> list[Bookmark]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportError_(f"not JSON ({error.msg}, line {error.lineno})") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportError_(f'not a reader bookmarks export (no "format": "{FORMAT_NAME}")')
    records = document.get("bookmarks")
    if not isinstance(records, list):
        raise ImportError_('no "bookmarks" list')
    bookmarks = []
    for number, record in enumerate(records, 1):
        try:
            selector = record.get("selector") or {}
            position = record.get("position") or {}
            data = {
                **record,
                "exact": selector.get("exact", record.get("exact")),
                "prefix": selector.get("prefix", record.get("prefix", "")),
                "suffix": selector.get("suffix", record.get("suffix", "")),
                "start": int(position.get("start", record.get("start"))),
                "end": int(position.get("end", record.get("end"))),
            }
            data.pop("id", None)
            bookmark = Bookmark.from_dict(data)
            if not isinstance(bookmark.exact, str) or not isinstance(bookmark.path, str):
                raise TypeError("exact and path must be text")
        except (AttributeError, TypeError, ValueError) as error:
            raise ImportError_(f"bookmark {number} is incomplete: {error}") from error
        bookmarks.append(bookmark)
    return bookmarks
