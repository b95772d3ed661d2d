"""Bookmarks out and in: Markdown for a notes app, JSON that round-trips every field."""

from __future__ import annotations

import json
import time
from itertools import groupby

from reader.output import escape_json_controls, visible
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
    # A notes app or a terminal shows the export: no control character stays alive in it.
    return visible("\n".join(lines).rstrip() + "\n")


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
    return escape_json_controls(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


class ImportError_(ValueError):
    """The file is not a bookmarks export; the message says why (and where)."""


# What an import may hold: beyond these a file is refused, not half read.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_IMPORT_BOOKMARKS = 100_000
_MAX_OFFSET = 2**31 - 1
_LATEST = 32503680000.0  # the year 3000, in seconds: a later "created" is a mistake
_TEXT_FIELDS = (
    "path",
    "content_hash",
    "exact",
    "prefix",
    "suffix",
    "text",
    "speaker",
    "note",
    "title",
    "source",
    "date",
    "key",
)
_REQUIRED = ("path", "exact", "start", "end")


def from_json(text: str) -> list[Bookmark]:
    """The bookmarks of a JSON export, every field checked (`ImportError_` names the line and
    the field of the first wrong one)."""
    if len(text) > MAX_IMPORT_BYTES:
        raise ImportError_(f"over {MAX_IMPORT_BYTES // (1024 * 1024)} MB: not a bookmarks export")
    records = _bookmark_records(text)
    if len(records) > MAX_IMPORT_BOOKMARKS:
        raise ImportError_(
            f"{len(records):,} bookmarks; at most {MAX_IMPORT_BOOKMARKS:,} are imported at once"
        )
    return [_checked(record, line) for line, record in records]


class _Lines:
    """Line numbers of offsets met in increasing order, counted once (a file of 100,000
    bookmarks is not read from its start for each)."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, index: int) -> int:
        if index < self.offset:
            return self.text.count("\n", 0, index) + 1
        self.line += self.text.count("\n", self.offset, index)
        self.offset = index
        return self.line


def _bookmark_records(text: str) -> list[tuple[int, object]]:
    """The export's bookmark records, each with the line it starts on. The document is read a
    value at a time, so a record's place is known and no record is nested past reason."""
    decoder = json.JSONDecoder()
    lines = _Lines(text)
    document: dict = {}
    records: list[tuple[int, object]] = []
    index = _skip(text, 0)
    try:
        if text[index : index + 1] != "{":
            raise ImportError_(f'not a reader bookmarks export (no "format": "{FORMAT_NAME}")')
        index = _skip(text, index + 1)
        while text[index : index + 1] != "}":
            key, index = decoder.raw_decode(text, index)
            index = _skip(text, index)
            if text[index : index + 1] != ":" or not isinstance(key, str):
                raise json.JSONDecodeError("Expecting ':' delimiter", text, index)
            index = _skip(text, index + 1)
            if key == "bookmarks" and text[index : index + 1] == "[":
                index = _skip(text, index + 1)
                while text[index : index + 1] != "]":
                    value, end = decoder.raw_decode(text, index)
                    records.append((lines.at(index), value))
                    index = _skip(text, end)
                    if text[index : index + 1] == ",":
                        index = _skip(text, index + 1)
                    elif text[index : index + 1] != "]":
                        raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
                document[key] = records
                index += 1
            else:
                document[key], index = decoder.raw_decode(text, index)
            index = _skip(text, index)
            if text[index : index + 1] == ",":
                index = _skip(text, index + 1)
            elif text[index : index + 1] != "}":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
    except json.JSONDecodeError as error:
        raise ImportError_(f"not JSON ({error.msg}, line {error.lineno})") from error
    except RecursionError as error:
        raise ImportError_(
            f"not a bookmarks export (nested too deeply near line {lines.at(index)})"
        ) from error
    except IndexError as error:
        raise ImportError_("not JSON (it ends too soon)") from error
    if document.get("format") != FORMAT_NAME:
        raise ImportError_(f'not a reader bookmarks export (no "format": "{FORMAT_NAME}")')
    if "bookmarks" not in document or not isinstance(document["bookmarks"], list):
        raise ImportError_('no "bookmarks" list')
    return records


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    if index >= len(text):
        raise json.JSONDecodeError("Expecting value", text, index)
    return index


def _checked(record: object, line: int) -> Bookmark:
    """A bookmark from one export record whose every field has the type and range it must."""

    def wrong(field: str, why: str) -> ImportError_:
        return ImportError_(f"bookmark at line {line}: {field!r} {why}")

    if not isinstance(record, dict):
        raise ImportError_(f"bookmark at line {line} is not an object")
    selector = record.get("selector") or {}
    position = record.get("position") or {}
    if not isinstance(selector, dict) or not isinstance(position, dict):
        raise wrong(
            "selector" if not isinstance(selector, dict) else "position", "is not an object"
        )
    data = {
        **record,
        "exact": selector.get("exact", record.get("exact")),
        "prefix": selector.get("prefix", record.get("prefix", "")),
        "suffix": selector.get("suffix", record.get("suffix", "")),
        "start": position.get("start", record.get("start")),
        "end": position.get("end", record.get("end")),
    }
    for name in _REQUIRED:
        if data.get(name) is None:
            raise wrong(name, "is missing")
    data.setdefault("text", data["exact"])
    data.setdefault("content_hash", "")
    data.setdefault("article_id", None)
    for name in _TEXT_FIELDS:
        value = data.get(name, "")
        if value is None:
            data[name] = ""
        elif not isinstance(value, str):
            raise wrong(name, f"must be text, not {type(value).__name__}")
    for name in ("start", "end"):
        value = data[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_OFFSET:
            raise wrong(name, f"must be a whole number from 0 to {_MAX_OFFSET}, not {value!r}")
    if data["end"] < data["start"]:
        raise wrong("end", "comes before start")
    for name in ("created", "updated"):
        value = data.get(name, 0.0)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (0 <= value <= _LATEST)
        ):
            raise wrong(name, f"must be seconds since 1970 (a number), not {value!r}")
        data[name] = float(value)
    orphan = data.get("orphan", False)
    if not isinstance(orphan, bool):
        raise wrong("orphan", f"must be true or false, not {orphan!r}")
    article_id = data.get("article_id")
    if article_id is not None and (isinstance(article_id, bool) or not isinstance(article_id, int)):
        raise wrong("article_id", f"must be a whole number or null, not {article_id!r}")
    data.pop("id", None)
    return Bookmark.from_dict(data)


def from_database_rows(rows: list[dict]) -> tuple[list[Bookmark], int]:
    """Bookmarks read back from a database file (one set aside, or another machine's), and
    how many rows were too damaged to be bookmarks."""
    found, damaged = [], 0
    for number, row in enumerate(rows, 1):
        row = {**row, "orphan": bool(row.get("orphan")), "article_id": None}
        try:
            found.append(_checked(row, number))
        except ImportError_:
            damaged += 1
    return found, damaged
