"""`reader bookmarks list | export | import`: the bookmarks from the command line."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

USAGE = """\
reader bookmarks [--data-dir DIR] list
       reader bookmarks [--data-dir DIR] export [--format md|json] [--output FILE]
       reader bookmarks [--data-dir DIR] import FILE.json"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader bookmarks",
        usage=USAGE,
        description=(
            "The passages kept with m in the reader. list: one line each (path, title, "
            "passage, note; tab-separated). export: Markdown grouped by article, or JSON with "
            "every field. import: merge a JSON export (a bookmark already here is skipped)."
        ),
    )
    parser.add_argument("--data-dir", metavar="DIR", help="state in DIR (or READER_DATA_DIR)")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="export format")
    parser.add_argument("--output", metavar="FILE", help="export: write FILE (default: stdout)")
    parser.add_argument("action", choices=("list", "export", "import"))
    parser.add_argument("file", nargs="?", metavar="FILE", help="import: a JSON export")
    return parser


def _error(message: str) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    from reader.paths import locations
    from reader.store.bookmarks import BookmarkStore
    from reader.store.database import StoreError, connect

    args = _parser().parse_args(argv)
    try:
        conn, warning = connect(locations(args.data_dir).database)
    except StoreError as error:
        return _error(str(error))
    if warning:
        print(f"reader: {warning}", file=sys.stderr)
    store = BookmarkStore(conn)
    try:
        if args.action == "list":
            return list_bookmarks(store)
        if args.action == "export":
            return export_bookmarks(store, args.format, args.output)
        if not args.file:
            return _error("bookmarks import needs a FILE.json")
        return import_bookmarks(store, Path(args.file))
    except sqlite3.Error as error:
        return _error(f"the bookmarks could not be read or written: {error}")
    finally:
        conn.close()


def list_bookmarks(store) -> int:
    for bookmark in store.all():
        passage = " ".join(bookmark.text.split())
        orphan = "\t(orphan)" if bookmark.orphan else ""
        print(f"{bookmark.path}\t{bookmark.title}\t{passage}\t{bookmark.note}{orphan}")
    return 0


def export_bookmarks(store, fmt: str, output: str | None) -> int:
    from reader.bookmarks.transfer import to_json, to_markdown

    bookmarks = store.all()
    text = to_json(bookmarks) if fmt == "json" else to_markdown(bookmarks)
    if output is None:
        sys.stdout.write(text)
        return 0
    target = Path(output)
    try:
        # Written beside the target first, then moved over it: never a half-written export.
        partial = target.with_name(target.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError as error:
        return _error(f"cannot write {target}: {error.strerror or error}")
    print(f"reader: {len(bookmarks)} bookmarks written to {target}", file=sys.stderr)
    return 0


def import_bookmarks(store, path: Path) -> int:
    from reader.bookmarks.transfer import ImportError_, from_json

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _error(f"cannot read {path}: {getattr(error, 'strerror', None) or error}")
    try:
        bookmarks = from_json(text)
    except ImportError_ as error:
        return _error(f"{path} cannot be imported: {error}")
    rows = store.conn.execute("SELECT path, id FROM articles WHERE gone = 0")
    added, skipped = store.merge(bookmarks, dict(rows.fetchall()))
    print(f"reader: {added} bookmarks imported, {skipped} already here", file=sys.stderr)
    return 0
