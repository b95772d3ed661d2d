"""`reader quotes` and `reader entities`: who said what, and who is named, across the library.

Both bring the article index and the analysis index in step with the PATHs first (reading and
analysing only what is new or changed, with a progress line on standard error), then answer
from the index.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader.cli import say
from reader.output import json_line, write_line, write_text_atomically
from reader.output import one_line_field as field

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")

QUOTES_USAGE = (
    "reader quotes [--speaker NAME] [--words TEXT] [--sort date|speaker] [--limit N] "
    "[--json | --markdown [--output FILE]] [PATH ...]"
)
ENTITIES_USAGE = (
    "reader entities [--type PERSON|ORG|GPE|LOC|NORP] [--top N] [--sort articles|name] "
    "[--json] [PATH ...]"
)


def _parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"reader {command}", usage=QUOTES_USAGE if command == "quotes" else ENTITIES_USAGE
    )
    parser.add_argument("--data-dir", metavar="DIR", help="keep state in DIR (or READER_DATA_DIR)")
    parser.add_argument("--engine", help="analysis engine: builtin or spacy")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    if command == "quotes":
        parser.description = (
            "Every quotation in the articles under PATH (default: the library, or the seeds "
            "while it is empty): speaker, words, title, date, path, offset (tab-separated), "
            "newest first."
        )
        parser.add_argument("--speaker", default="", help="only speakers whose name holds NAME")
        parser.add_argument("--words", default="", help="only quotations whose words hold TEXT")
        parser.add_argument("--sort", choices=("date", "speaker"), default="date")
        parser.add_argument("--limit", type=int, default=0, metavar="N", help="at most N")
        parser.add_argument(
            "--markdown", action="store_true", help="Markdown, a citation under each quotation"
        )
        parser.add_argument("--output", metavar="FILE", help="--markdown: write to FILE")
    else:
        parser.description = (
            "Every entity named in the articles under PATH (default: the library, or the seeds "
            "while it is empty): name, type, articles, mentions (tab-separated), most named first."
        )
        parser.add_argument("--type", choices=ENTITY_TYPES, type=str.upper)
        parser.add_argument("--top", type=int, default=0, metavar="N", help="only the first N")
        parser.add_argument("--sort", choices=("articles", "name"), default="articles")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    return parser


def main(command: str, argv: list[str]) -> int:
    args = _parser(command).parse_args(argv)
    if getattr(args, "limit", 0) < 0 or getattr(args, "top", 0) < 0:
        say("--limit and --top must be 0 (no limit) or more")
        return 2
    from reader.cli import default_corpus
    from reader.corpus.discover import MissingPath, check_paths_exist

    paths = [Path(path) for path in args.paths]
    try:
        check_paths_exist(paths)
        paths = paths or default_corpus(args.data_dir, None)[0]
    except (MissingPath, FileNotFoundError) as error:
        say(str(error))
        return 2
    from reader.cli import open_state
    from reader.paths import locations

    keeper = open_state(locations(args.data_dir).database)
    if keeper is None:
        return 2
    try:
        if not _bring_up_to_date(keeper.database, paths, args.engine):
            return 2
        from reader.store.database import open_existing
        from reader.store.library_views import LibraryViews

        conn = open_existing(keeper.database)
        try:
            views = LibraryViews(conn)
            if command == "quotes":
                return _print_quotes(views, paths, args)
            return _print_entities(views, paths, args)
        finally:
            conn.close()
    finally:
        keeper.close()


def _bring_up_to_date(database: Path, paths: list[Path], engine_name: str | None) -> bool:
    """Index the files, then analyse what is new, with progress on stderr. False on failure."""
    import sqlite3

    from reader.analysis.engine import EngineUnavailable, get_engine
    from reader.cli import _configured_engine
    from reader.services.analysis_index import BackgroundAnalyser
    from reader.services.library import Indexer
    from reader.store.database import StoreError, describe

    seen: set[str] = set()

    def skipped(update) -> None:
        for item in update.skipped:
            if str(item.path) not in seen:
                seen.add(str(item.path))
                say(f"skipped {item}")

    name = engine_name or _configured_engine(None)
    try:
        engine = get_engine(name)
        Indexer(database, paths).run(skipped)
        analyser = BackgroundAnalyser(database, paths, engine, engine_name=name)
        progress = analyser.run(_progress_line())
    except EngineUnavailable as error:
        say(str(error))
        return False
    except sqlite3.Error as error:
        say(f"could not bring the index up to date: {describe(error, database)}")
        return False
    except StoreError as error:
        say(f"could not bring the index up to date: {error}")
        return False
    if progress.failed:
        say(f"{progress.failed:,} articles could not be analysed and are left out")
    return True


def _progress_line():
    """A progress line on stderr, rewritten in place on a terminal, at most twice a second."""
    interactive = sys.stderr.isatty()
    state = {"shown": 0.0, "started": time.monotonic(), "written": False}

    def report(progress) -> None:
        now = time.monotonic()
        pending = progress.total - progress.analysed - progress.failed
        if not pending or now - state["shown"] < 0.5:
            return
        state["shown"] = now
        text = f"reader: analysed {progress.analysed:,} of {progress.total:,} articles"
        if interactive:
            print(f"\r{text}", end="", file=sys.stderr, flush=True)
            state["written"] = True
        elif now - state["started"] > 2:
            print(text, file=sys.stderr)

    def done(progress) -> None:
        report(progress)
        if state["written"] and progress.analysed + progress.failed >= progress.total:
            print(file=sys.stderr)
            state["written"] = False

    return done


def _print_quotes(views, paths: list[Path], args) -> int:
    limit = args.limit or 10**9
    listing = views.quotations(
        paths, text=args.words, speaker=args.speaker, order=args.sort, limit=limit
    )
    if args.markdown:
        from reader.services.library_index import quotations_markdown

        text = quotations_markdown(listing.rows, args.speaker)
        if args.output:
            try:
                write_text_atomically(Path(args.output), text)
            except OSError as error:
                say(f"could not write {args.output}: {error.strerror or error}")
                return 2
            say(f"wrote {len(listing.rows):,} quotations to {args.output}")
            return 0
        write_line(text.rstrip("\n"))
        return 0
    for row in listing.rows:
        title = row.title or Path(row.path).stem
        if args.json:
            record = {
                "speaker": row.speaker or None,
                "words": row.words,
                "title": title,
                "date": row.date,
                "path": row.path,
                "offset": row.start,
                "end": row.end,
            }
            write_line(json_line(record))
        else:
            write_line(
                "\t".join(
                    field(part)
                    for part in (row.speaker, row.words, title, row.date, row.path, str(row.start))
                )
            )
    return 0


def _print_entities(views, paths: list[Path], args) -> int:
    limit = args.top or 10**9
    listing = views.entities(paths, label=args.type, order=args.sort, limit=limit)
    for row in listing.rows:
        if args.json:
            record = {
                "name": row.name,
                "type": row.label,
                "articles": row.articles,
                "mentions": row.mentions,
            }
            write_line(json_line(record))
        else:
            write_line(f"{field(row.name)}\t{row.label}\t{row.articles}\t{row.mentions}")
    return 0
