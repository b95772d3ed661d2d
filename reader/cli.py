"""Command line: `reader [PATH...]`, `reader list [PATH...]`, `--version`, `--help`.

Imports stay light until they are needed: the TUI is imported only when it opens.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import __version__
from reader.output import json_line, safe, write_line

SEARCH_LIMIT = 50  # results `reader search` prints unless --limit says


def field(text: str) -> str:
    """One field of a line of output: control characters, tabs and line breaks as symbols."""
    return safe(text, tabs=False)


USAGE = """\
reader [--data-dir DIR] [--config FILE] [--engine NAME] [PATH ...]
       reader list [PATH ...]
       reader search [--json] QUERY [PATH ...]
       reader bookmarks list | export [--format md|json] [--output FILE] | import FILE.json
       reader quotes [--speaker NAME] [--json | --markdown] [PATH ...]
       reader entities [--type PERSON|ORG|GPE|LOC|NORP] [--top N] [--json] [PATH ...]
       reader add URL ...
       reader feeds add URL | list | remove URL|N | import FILE.opml | export [FILE.opml]
       reader fetch
       reader analyze [--json] [--no-cache] [--engine NAME] [--explain] PATH ...
       reader evaluate [--engine NAME] [--errors] [GOLD_DIR]"""

DESCRIPTION = """\
A terminal reader for news articles. With no PATH, opens the library folder (where
`reader add` and `reader fetch` write), or the bundled seed corpus while that is empty.
PATHs may be files or folders (read recursively): .txt, .md, .markdown and saved web
pages (.html, .htm: their main text, without navigation, adverts or comments).

commands:
  list [PATH ...]      print one line per article: title, words, path (tab-separated)
  search QUERY [PATH ...]
                       full-text search: path, title, snippet (tab-separated), best first;
                       "a phrase", prefix*, OR, NOT work (--json: one object a line)
  bookmarks list       the kept passages: path, title, passage, note (tab-separated)
  bookmarks export     Markdown grouped by article (--format json: every field;
                       --output FILE); bookmarks import FILE.json merges an export
  quotes [PATH ...]    every quotation: speaker, words, title, date, path, offset
                       (tab-separated, newest first; --speaker NAME, --json; --markdown:
                       one speaker's quotations with a citation each); see quotes --help
  entities [PATH ...]  every entity: name, type, articles, mentions, most named first
                       (--type, --top N, --json); both analyse what is new first
  add URL ...          fetch each page, extract its article and write it as Markdown with
                       front matter into the library folder (one address, one article)
  feeds add URL        subscribe to an RSS or Atom feed; feeds list | remove URL|N;
                       feeds import FILE.opml | export [FILE.opml] (newsboat and others)
  fetch                every feed's new entries as full articles, a folder per feed
  analyze PATH ...     entities and quotations of each article (--json: one object a line,
                       a quotation's kind "speech" or "other" (a scare quote, a term or a
                       title: "form" says which); --explain: every entity and speaker with
                       the rule that decided it)
  evaluate [GOLD_DIR]  precision, recall and F1 of an engine on gold annotations
                       (default: tests/gold of a source checkout)

Output is safe for a terminal: control characters in titles, text and file names are shown
as symbols (␛ for escape, ␇ for bell), and in tab-separated lines a tab or line break inside
a field as ␉ or ␊, so each article stays on one line with its fields in place.
"""

EPILOG = """\
Files in use (READER_DATA_DIR or --data-dir moves the data and cache; READER_CONFIG or
--config names the config file):
  config file  {config}
  data dir     {data}   (article index, bookmarks, reading positions, read marks)
  cache dir    {cache}   (the spaCy engine's analyses, by content; `--no-cache` skips it)
  library      {library}   (`reader add` and `reader fetch` write here; [reader] library
               in the config file moves it)
Keys can be remapped in the config file (see README).
"""


def _epilog() -> str:
    from reader.config import load_config
    from reader.paths import library_folder, locations

    where = locations()
    library = library_folder(where, load_config(where.config_file).library)
    return EPILOG.format(
        config=where.config_file, data=where.data_dir, cache=where.cache_dir, library=library
    )


def _parser(help_asked: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        usage=USAGE,
        description=DESCRIPTION,
        # The paths in use, only for --help (platformdirs is not imported otherwise).
        epilog=_epilog() if help_asked else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep state in DIR (or READER_DATA_DIR)")
    parser.add_argument(
        "--config", metavar="FILE", help="config file (default: platform config dir)"
    )
    parser.add_argument(
        "--engine",
        help="analysis engine: builtin or spacy (default: [reader] engine in the config, "
        "else builtin)",
    )
    parser.add_argument("--json", action="store_true", help="analyze, search: JSON lines")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyze: neither read nor write the spaCy engine's cache",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="analyze: each entity and speaker with the built-in engine's rule that decided it",
    )
    parser.add_argument("--errors", action="store_true", help="evaluate: list every error")
    parser.add_argument(
        "--limit",
        type=int,
        default=SEARCH_LIMIT,
        metavar="N",
        help=f"search: print at most N results, best first (default {SEARCH_LIMIT})",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    return parser


def _configured_engine(config_file: str | None) -> str:
    """The engine the config file names (problems in it are said when the app opens)."""
    from reader.config import load_config
    from reader.paths import locations

    return load_config(locations(config_file=config_file).config_file).engine


def bundled_seeds() -> Path:
    """The seed corpus: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "seeds", package.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seed corpus is missing from this installation")


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl+C on a command: a word, not a traceback
        print("\nreader: interrupted", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = "open"
    if args_list and args_list[0] == "bookmarks":
        from reader.bookmarks.cli import main as bookmarks_main

        return bookmarks_main(args_list[1:])
    if args_list and args_list[0] in ("add", "feeds", "fetch"):
        from reader.web_cli import main as web_main

        return web_main(args_list[0], args_list[1:])
    if args_list and args_list[0] in ("quotes", "entities"):
        from reader.library_cli import main as library_main

        return library_main(args_list[0], args_list[1:])
    if args_list and args_list[0] in ("list", "analyze", "evaluate", "search"):
        command, args_list = args_list[0], args_list[1:]
    args = _parser(help_asked=bool({"-h", "--help"} & set(args_list))).parse_args(args_list)
    args.engine = args.engine or _configured_engine(args.config)
    if command == "evaluate":
        from reader.analysis_cli import evaluate_engine

        return evaluate_engine(args.paths, args.engine, args.errors)
    if command == "analyze" and not args.paths:
        print("reader: analyze needs at least one PATH", file=sys.stderr)
        return 2
    query = ""
    if command == "search":
        if args.limit < 1:
            print("reader: --limit must be at least 1", file=sys.stderr)
            return 2
        if not args.paths:
            print("reader: search needs a QUERY", file=sys.stderr)
            return 2
        query, args.paths = argument_text(args.paths[0]), args.paths[1:]

    from reader.corpus.discover import MissingPath, check_paths_exist

    paths = [Path(path) for path in args.paths]
    try:
        check_paths_exist(paths)
    except MissingPath as error:
        say(str(error))
        return 2
    if paths:
        name = paths[0].resolve().name if len(paths) == 1 else f"{len(paths)} paths"
    else:
        try:
            paths, name = default_corpus(args.data_dir, args.config)
        except FileNotFoundError as error:
            say(str(error))
            return 2

    if command == "list":
        return list_articles(paths)
    if command == "analyze":
        from reader.analysis_cli import analyze_articles, explain_articles

        if args.explain:
            return explain_articles(paths, args.json)
        return analyze_articles(paths, args.engine, args.json, args.data_dir, args.no_cache)
    if command == "search":
        return search_articles(query, paths, args.json, args.data_dir, args.limit)
    return open_app(paths, name, args.data_dir, args.config, args.engine)


def default_corpus(data_dir: str | None, config_file: str | None) -> tuple[list[Path], str]:
    """What `reader` reads with no paths: the library folder once it holds articles, else the
    bundled seeds (FileNotFoundError when an install lost them), and the name the header shows."""
    library = _library_with_articles(data_dir, config_file)
    if library is not None:
        return [library], "library"
    return [bundled_seeds()], "seeds"


def _library_with_articles(data_dir: str | None, config_file: str | None) -> Path | None:
    """The library folder, once `reader add` or `reader fetch` has put an article in it."""
    from reader.config import load_config
    from reader.corpus.discover import iter_files
    from reader.paths import library_folder, locations

    where = locations(data_dir, config_file)
    folder = library_folder(where, load_config(where.config_file).library)
    if not folder.is_dir():
        return None
    return folder if next(iter_files([folder], []), None) is not None else None


def argument_text(argument: str) -> str:
    """A command-line word as text: bytes that are not UTF-8 (a terminal set to Latin-1) are
    read as Windows-1252, never passed on as lone surrogates."""
    import os

    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(argument).decode("cp1252", errors="replace")
    return argument


def say(message: str) -> None:
    """A message on standard error, its text from files and users made safe."""
    print(f"reader: {safe(message)}", file=sys.stderr)


def open_state(database: Path):
    """The saved state for a command, its warning said; None (said why) when it cannot open."""
    from reader.services.state import StateKeeper

    keeper = StateKeeper(database)
    warning = keeper.open()
    if warning:
        say(warning)
    return keeper if keeper.is_open else None


def read_articles(paths: list[Path]):
    """Each readable article under `paths`; skipped files are reported on stderr."""
    from reader.corpus.discover import UnreadableArticle, discover, load_article

    found = discover(paths)
    for skipped in found.skipped:
        say(f"skipped {skipped}")
    for path in found.paths:
        try:
            yield load_article(path)
        except UnreadableArticle as error:
            say(f"skipped {path}: {error}")


def list_articles(paths: list[Path]) -> int:
    for article in read_articles(paths):
        title = " ".join(article.title.split())
        write_line(f"{field(title)}\t{article.word_count}\t{field(str(article.path))}")
    return 0


def search_articles(
    query: str,
    paths: list[Path],
    as_json: bool,
    data_dir: str | None,
    limit: int = SEARCH_LIMIT,
) -> int:
    """Bring the index in step with `paths` (reading only what changed), then search it."""
    from reader.paths import locations
    from reader.services.search import StoreError

    keeper = open_state(locations(data_dir).database)
    if keeper is None:
        return 2
    try:
        for attempt in (1, 2):
            try:
                found = _index_and_search(keeper, query, paths, limit)
                break
            except StoreError as error:
                if attempt == 2 or not keeper.damaged:
                    say(str(error))
                    return 2
            keeper.suspend()  # damaged: copy out what the user made, rebuild, once more
            done = keeper.repair()
            problem = keeper.reopen()
            if done is not None:
                say(done.message())
            if problem:
                say(problem)
                return 2
    finally:
        keeper.close()
    if found.capped:
        say("only the first words of the query were searched")
    for hit in found.hits:
        if as_json:
            record = {
                "path": hit.path,
                "title": hit.title,
                "source": hit.source,
                "date": hit.date,
                "snippet": hit.snippet_text,
                "match": hit.first_match,
            }
            write_line(json_line(record))
        else:
            snippet = " ".join(hit.snippet_text.split())
            title = " ".join(hit.title.split())
            write_line(f"{field(hit.path)}\t{field(title)}\t{field(snippet)}")
    return 0


def _index_and_search(keeper, query: str, paths: list[Path], limit: int):
    import sqlite3

    from reader.services.library import Indexer
    from reader.store.database import StoreError, describe, problem_kind

    seen: set[str] = set()

    def report(update) -> None:
        for skipped in update.skipped:
            if str(skipped.path) not in seen:
                seen.add(str(skipped.path))
                say(f"skipped {skipped}")

    try:
        Indexer(keeper.database, paths).run(report)
    except sqlite3.Error as error:
        if problem_kind(error) == "corrupt":
            keeper.damaged = True
        raise StoreError(
            f"Could not index the articles: {describe(error, keeper.home)}", problem_kind(error)
        ) from error
    return keeper.search.find(query, paths, limit=limit)


def open_app(
    paths: list[Path], name: str, data_dir: str | None, config_file: str | None, engine: str
) -> int:
    from reader.analysis.engine import EngineUnavailable
    from reader.config import load_config
    from reader.paths import locations
    from reader.services.analysis import AnalysisRunner
    from reader.ui.app import CorpusSpec, ReaderApp

    where = locations(data_dir, config_file)
    config = load_config(where.config_file)
    config.engine = engine
    # Made here, once: a missing engine is refused before the screen opens, and the app uses
    # this same engine (spaCy's model is not loaded twice).
    runner = AnalysisRunner(engine, where.cache_dir)
    try:
        runner.engine()
    except EngineUnavailable as error:
        say(str(error))
        return 2
    app = ReaderApp(CorpusSpec(paths, name), where, config, runner)
    app.run()
    return app.return_code or 0
