"""Command line: `reader [PATH...]`, `reader list [PATH...]`, `--version`, `--help`.

Imports stay light until they are needed: the TUI is imported only when it opens.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import __version__

USAGE = """\
reader [--data-dir DIR] [--config FILE] [PATH ...]
       reader list [PATH ...]"""

DESCRIPTION = """\
A terminal reader for news articles. With no PATH, opens the bundled seed corpus.
PATHs may be files or folders (read recursively): .txt, .md and .markdown.

commands:
  list [PATH ...]   print one line per article: title, words, path (tab-separated)
"""

EPILOG = """\
State (reading positions, read marks) lives in the platform's data folder; --data-dir or
READER_DATA_DIR moves it. Keys can be remapped in the config file (see README).
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep state in DIR (or READER_DATA_DIR)")
    parser.add_argument(
        "--config", metavar="FILE", help="config file (default: platform config dir)"
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    return parser


def bundled_seeds() -> Path:
    """The seed corpus: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "seeds", package.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seed corpus is missing from this installation")


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = "open"
    if args_list and args_list[0] == "list":
        command, args_list = "list", args_list[1:]
    args = _parser().parse_args(args_list)

    from reader.corpus.discover import MissingPath, check_paths_exist

    paths = [Path(path) for path in args.paths]
    try:
        check_paths_exist(paths)
    except MissingPath as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    if paths:
        name = paths[0].resolve().name if len(paths) == 1 else f"{len(paths)} paths"
    else:
        try:
            paths, name = [bundled_seeds()], "seeds"
        except FileNotFoundError as error:
            print(f"reader: {error}", file=sys.stderr)
            return 2

    if command == "list":
        return list_articles(paths)
    return open_app(paths, name, args.data_dir, args.config)


def list_articles(paths: list[Path]) -> int:
    from reader.corpus.discover import UnreadableArticle, discover, load_article

    found = discover(paths)
    for skipped in found.skipped:
        print(f"reader: skipped {skipped}", file=sys.stderr)
    for path in found.paths:
        try:
            article = load_article(path)
        except UnreadableArticle as error:
            print(f"reader: skipped {path}: {error}", file=sys.stderr)
            continue
        title = " ".join(article.title.split())
        print(f"{title}\t{article.word_count}\t{path}")
    return 0


def open_app(paths: list[Path], name: str, data_dir: str | None, config_file: str | None) -> int:
    from reader.config import load_config
    from reader.paths import locations
    from reader.ui.app import CorpusSpec, ReaderApp

    where = locations(data_dir, config_file)
    app = ReaderApp(CorpusSpec(paths, name), where, load_config(where.config_file))
    app.run()
    return app.return_code or 0
