"""`reader bookmarks list | export | import`: the bookmarks from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.output import safe, write_line, write_text_atomically

USAGE = """\
reader bookmarks [--data-dir DIR] list
       reader bookmarks [--data-dir DIR] export [--format md|json] [--output FILE]
       reader bookmarks [--data-dir DIR] import FILE.json|FILE.db"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader bookmarks",
        usage=USAGE,
        description=(
            "The passages kept with m in the reader. list: one line each (path, title, "
            "passage, note; tab-separated; control characters shown as symbols). export: "
            "Markdown grouped by article, or JSON with every field. import: merge a JSON export, "
            "or the bookmarks still readable in a database file (one reader set aside as "
            "reader.db.corrupt-…); a bookmark already here is skipped."
        ),
    )
    parser.add_argument("--data-dir", metavar="DIR", help="state in DIR (or READER_DATA_DIR)")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="export format")
    parser.add_argument("--output", metavar="FILE", help="export: write FILE (default: stdout)")
    parser.add_argument("action", choices=("list", "export", "import"))
    parser.add_argument("file", nargs="?", metavar="FILE", help="import: an export or a database")
    return parser


def _error(message: str) -> int:
    print(f"reader: {safe(message)}", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    from reader.paths import locations
    from reader.services.state import StateKeeper
    from reader.store.database import StoreError

    args = _parser().parse_args(argv)
    if args.action == "import" and not args.file:
        return _error("bookmarks import needs a FILE.json")
    keeper = StateKeeper(locations(args.data_dir).database)
    warning = keeper.open()
    if warning:
        print(f"reader: {safe(warning)}", file=sys.stderr)
    if keeper.bookmarks is None:
        return 2
    try:
        for attempt in (1, 2):
            try:
                return _run(args, keeper)
            except StoreError as error:
                if attempt == 2 or not keeper.damaged:
                    return _error(str(error))
            # Damaged: copy out what the user made, rebuild, and try once more.
            keeper.suspend()
            done = keeper.repair()
            problem = keeper.reopen()
            if done is not None:
                print(f"reader: {safe(done.message())}", file=sys.stderr)
            if problem or keeper.bookmarks is None:
                return _error(problem or "the saved state could not be opened again")
        return 2
    finally:
        keeper.close()


def _run(args, keeper) -> int:
    store = keeper.bookmarks
    if args.action == "list":
        return list_bookmarks(store)
    if args.action == "export":
        return export_bookmarks(store, args.format, args.output)
    return import_bookmarks(store, Path(args.file))


def list_bookmarks(store) -> int:
    for bookmark in store.all():
        passage = " ".join(bookmark.text.split())
        orphan = "\t(orphan)" if bookmark.orphan else ""
        fields = (bookmark.path, bookmark.title, passage, bookmark.note)
        write_line("\t".join(safe(field, tabs=False) for field in fields) + orphan)
    return 0


def export_bookmarks(store, fmt: str, output: str | None) -> int:
    from reader.bookmarks.transfer import to_json, to_markdown

    bookmarks = store.all()
    text = to_json(bookmarks) if fmt == "json" else to_markdown(bookmarks)
    if output is None:
        write_line(text, end="")
        return 0
    target = Path(output)
    try:
        write_text_atomically(target, text)
    except OSError as error:
        return _error(f"cannot write {target}: {error.strerror or error}")
    print(f"reader: {len(bookmarks)} bookmarks written to {safe(str(target))}", file=sys.stderr)
    return 0


def import_bookmarks(store, path: Path) -> int:
    from reader.bookmarks.transfer import (
        MAX_IMPORT_BYTES,
        ImportError_,
        from_database_rows,
        from_json,
    )
    from reader.store.database import StoreError
    from reader.store.recovery import is_sqlite_file, salvage_bookmarks

    damaged = 0
    if is_sqlite_file(path):
        try:
            bookmarks, damaged = from_database_rows(salvage_bookmarks(path))
        except StoreError as error:
            return _error(f"{path} cannot be imported: {error}")
    else:
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES:
                return _error(f"{path} cannot be imported: over {MAX_IMPORT_BYTES >> 20} MB")
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return _error(f"cannot read {path}: {getattr(error, 'strerror', None) or error}")
        try:
            bookmarks = from_json(text)
        except ImportError_ as error:
            return _error(f"{path} cannot be imported: {error}")
    print(f"reader: importing {len(bookmarks):,} bookmarks…", file=sys.stderr)
    added, skipped = store.merge(bookmarks)
    print(f"reader: {added} bookmarks imported, {skipped} already here", file=sys.stderr)
    if damaged:
        print(f"reader: {damaged} rows were too damaged to be read as bookmarks", file=sys.stderr)
    return 0
