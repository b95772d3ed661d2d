"""`reader add URL...`, `reader feeds ...` and `reader fetch`: articles from the web, written into
the library folder (the config's `library`, else a folder in the data dir) and indexed."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader.cli import say
from reader.output import one_line_field as field
from reader.output import write_line

ADD_USAGE = "reader add [--data-dir DIR] [--config FILE] URL ..."
FEEDS_USAGE = (
    "reader feeds add URL | list | remove URL|NUMBER | import FILE.opml | export [FILE.opml]"
)
FETCH_USAGE = "reader fetch [--data-dir DIR] [--config FILE]"


def _parser(command: str) -> argparse.ArgumentParser:
    usage = {"add": ADD_USAGE, "feeds": FEEDS_USAGE, "fetch": FETCH_USAGE}[command]
    parser = argparse.ArgumentParser(prog=f"reader {command}", usage=usage)
    parser.add_argument("--data-dir", metavar="DIR", help="keep state in DIR (or READER_DATA_DIR)")
    parser.add_argument("--config", metavar="FILE", help="config file (its [reader] library)")
    if command == "add":
        parser.description = (
            "Fetch each page, extract its article and write it as Markdown into the library "
            "folder. The same address twice is one article."
        )
        parser.add_argument("urls", nargs="+", metavar="URL")
    elif command == "feeds":
        parser.description = (
            "Subscribe to news feeds (RSS, Atom), list and remove them, and move them to and "
            "from other readers as OPML. `reader fetch` brings their new articles."
        )
        parser.add_argument("action", choices=("add", "list", "remove", "import", "export"))
        parser.add_argument("target", nargs="?", metavar="URL|NUMBER|FILE")
    else:
        parser.description = (
            "Fetch every feed's new entries as full articles, into a folder per feed under the "
            "library folder."
        )
    return parser


def main(command: str, argv: list[str]) -> int:
    args = _parser(command).parse_args(argv)
    from reader.cli import open_state
    from reader.config import load_config
    from reader.paths import library_folder, locations

    where = locations(args.data_dir, args.config)
    config = load_config(where.config_file)
    for problem in config.problems:
        say(problem)
    library = library_folder(where, config.library)
    keeper = open_state(where.database)
    if keeper is None:
        return 2
    try:
        if command == "add":
            return _add(keeper.database, library, args.urls)
        if command == "fetch":
            return _fetch(keeper.database, library)
        return _feeds(keeper.database, library, args.action, args.target)
    finally:
        keeper.close()


def _index(database: Path, folder: Path) -> None:
    """Bring the article index in step with the library folder (only what changed is read)."""
    from reader.services.library import Indexer

    if folder.is_dir():
        Indexer(database, [folder]).run(lambda update: None)


def _add(database: Path, library: Path, urls: list[str]) -> int:
    from reader.services.fetch import Fetcher
    from reader.services.web_library import FetchError, WebLibrary
    from reader.store.database import StoreError

    web = WebLibrary(database, library)
    failed = 0
    # A host that cannot be found may be a typo or a dead network: the next address tells.
    # Two such failures in a row are taken as no network, said once, and the rest skipped.
    unreachable: tuple[str, FetchError] | None = None
    with Fetcher() as fetcher:
        for number, url in enumerate(urls):
            try:
                added = web.add(url, fetcher)
            except FetchError as error:
                failed += 1
                if error.offline and unreachable is not None:
                    left = len(urls) - number - 1
                    skipped = f"; the other {left} addresses were not tried" if left else ""
                    say(f"no network: could not reach {unreachable[0]} or {url}{skipped}")
                    failed += left
                    unreachable = None
                    break
                if unreachable is not None:
                    say(f"could not add {unreachable[0]}: {unreachable[1]}")
                    unreachable = None
                if error.offline:
                    unreachable = (url, error)
                else:
                    say(f"could not add {url}: {error}")
                continue
            except (StoreError, OSError) as error:
                say(f"could not add {url}: {getattr(error, 'strerror', None) or error}")
                return 2
            if unreachable is not None:
                say(f"could not add {unreachable[0]}: {unreachable[1]}")
                unreachable = None
            if added.existed:
                write_line(f"already in the library\t{field(str(added.path))}")
            else:
                write_line(f"added\t{field(added.title)}\t{field(str(added.path))}")
    if unreachable is not None:
        say(f"could not add {unreachable[0]}: {unreachable[1]}")
    _index(database, library)
    return 1 if failed else 0


def _feeds(database: Path, library: Path, action: str, target: str | None) -> int:
    from reader.services.feeds import FeedError, Feeds
    from reader.services.fetch import Fetcher, FetchError
    from reader.store.database import StoreError

    feeds = Feeds(database, library)
    needs_target = {"add": "URL", "remove": "URL or NUMBER", "import": "FILE.opml"}
    if action in needs_target and not target:
        say(f"feeds {action} needs a {needs_target[action]}")
        return 2
    try:
        if action == "list":
            for number, feed in enumerate(feeds.list(), 1):
                state = f"problem: {feed.problem}" if feed.problem else f"{feed.entries} articles"
                checked = feed.checked or "never fetched"
                parts = (feed.title or "(untitled)", feed.url, state, checked)
                write_line("\t".join([str(number), *map(field, parts)]))
            return 0
        if action == "add":
            with Fetcher() as fetcher:
                feed = feeds.add(target, fetcher)
            write_line(f"subscribed\t{field(feed.title or feed.url)}\t{field(feed.folder)}")
            return 0
        if action == "remove":
            feed = feeds.remove(target)
            write_line(f"unsubscribed\t{field(feed.title or feed.url)}")
            say(f"its articles stay in {feed.folder}")
            return 0
        if action == "import":
            added, present = feeds.import_opml(Path(target))
            write_line(f"imported {added} feeds ({present} already subscribed)")
            return 0
        text = feeds.export_opml()
        if target:
            from reader.output import write_text_atomically

            write_text_atomically(Path(target), text)
            say(f"wrote {len(feeds.list())} feeds to {target}")
        else:
            write_line(text.rstrip("\n"))
        return 0
    except (FeedError, FetchError) as error:
        say(str(error))
        return 1
    except OSError as error:
        say(f"{target}: {error.strerror or error}")
        return 2
    except StoreError as error:
        say(str(error))
        return 2


def _fetch(database: Path, library: Path) -> int:
    from reader.services.feeds import Feeds
    from reader.services.fetch import Fetcher
    from reader.store.database import StoreError

    feeds = Feeds(database, library)
    interactive = sys.stderr.isatty()
    shown = {"at": 0.0, "written": False}
    latest = []  # the fetch's progress, for an interrupted fetch

    def report(progress) -> None:
        latest[:] = [progress]
        now = time.monotonic()
        if not interactive or now - shown["at"] < 0.2:
            return
        shown["at"], shown["written"] = now, True
        print(
            f"\rreader: feeds {progress.feeds_done} of {progress.feeds_total}, "
            f"articles {progress.entries_done} of {progress.entries_total}",
            end="",
            file=sys.stderr,
            flush=True,
        )

    try:
        with Fetcher() as fetcher:
            progress = feeds.fetch(fetcher, report)
    except StoreError as error:
        say(str(error))
        return 2
    except KeyboardInterrupt:
        # Ctrl+C: the articles written so far are whole, kept and indexed; the rest next time.
        if shown["written"]:
            print(file=sys.stderr)
        kept = len(latest[0].new) if latest else 0
        say(f"interrupted: {kept} new articles kept; the rest come with the next fetch")
        _index(database, library)
        return 130
    if shown["written"]:
        print(file=sys.stderr)
    if not progress.feeds_total:
        say("no feeds yet: reader feeds add URL")
        return 0
    if progress.offline:
        say("no network: no feed could be reached; the articles already fetched still open")
        return 1
    for problem in progress.problems:
        say(problem)
    for path in progress.new:
        write_line(field(str(path)))
    say(f"{len(progress.new)} new articles from {progress.feeds_total} feeds")
    _index(database, library)
    return 1 if progress.problems and not progress.new else 0
