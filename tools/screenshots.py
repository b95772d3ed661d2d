"""Regenerate the README's screenshots: SVGs of the real app on the bundled seed corpus.

    python tools/screenshots.py [NAME ...]

Each shot runs the app headless at a fixed size, with state in a temporary folder, drives it
with keys as a user would, and saves what is on screen to screenshots/.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.config import Config  # noqa: E402
from reader.paths import Locations  # noqa: E402
from reader.ui.app import CorpusSpec, ReaderApp  # noqa: E402

OUT = REPO / "screenshots"
SEEDS = REPO / "seeds"
MARKDOWN = REPO / "tests" / "data" / "corpus" / "world" / "budget_talks.md"
SMALL_CORPUS = REPO / "tests" / "data" / "corpus"
FEATURES = REPO / "tests" / "data" / "features.md"
PAUSE = "<pause>"  # let a screen open or close before the next key
SHOTS = [
    # name, size, keys pressed after the article shows, theme, what to open
    ("reader", (120, 40), ["tab", "j", "j", "j"], None, SEEDS),
    ("search", (120, 40), ["tab", "slash", *"Russia", "enter", "n"], None, SEEDS),
    ("help", (120, 40), ["question_mark"], None, SEEDS),
    ("narrow", (40, 12), [], None, SEEDS),
    ("light", (120, 40), ["tab", "j", "j", "j"], "textual-light", SEEDS),
    ("entities", (120, 40), ["tab", "e", "j", "enter", "right_square_bracket"], None, SEEDS),
    ("quotes", (120, 40), ["tab", "w"], None, SEEDS),
    ("markdown", (100, 30), ["tab", "j"], None, MARKDOWN),
    ("corpus_search", (120, 36), ["F", *"said"], None, [SEEDS, SMALL_CORPUS]),
    ("sorted", (120, 30), ["s", "s", "s"], None, [SEEDS, SMALL_CORPUS]),
    ("people", (120, 34), ["p"], None, [SEEDS, SMALL_CORPUS]),
    ("quotations", (120, 34), ["Q"], None, [SEEDS, SMALL_CORPUS]),
    ("markdown_table", (100, 34), ["tab", "j", "j"], None, FEATURES),
    ("markdown_table_light", (100, 34), ["tab", "j", "j"], "textual-light", FEATURES),
    ("selection", (120, 34), ["tab", "j", "j", "right_parenthesis", "v", "j"], None, SEEDS),
    (
        "selection_light",
        (120, 34),
        ["tab", "j", "j", "right_parenthesis", "v", "j"],
        "textual-light",
        SEEDS,
    ),
    (
        "bookmark_note",
        (100, 30),
        ["tab", "j", "j", "right_parenthesis", "v", "right_parenthesis", "m", PAUSE, *"on record"],
        None,
        SEEDS,
    ),
    (
        "bookmarks_narrow",
        (40, 16),
        [*["right_parenthesis", "m", PAUSE, *"forty columns", "enter", PAUSE, "M"]],
        None,
        SEEDS,
    ),
    (
        "bookmarks",
        (120, 34),
        [
            *["tab", "j", "j", "right_parenthesis", "m", PAUSE, *"the warning, on record"],
            *["enter", PAUSE, "j", "j", "m", PAUSE, *"Lukashenko and the migrants", "enter"],
            *[PAUSE, "M"],
        ],
        None,
        SEEDS,
    ),
]


async def shoot(
    name: str,
    size: tuple[int, int],
    keys: list[str],
    theme: str | None,
    corpus: Path | list[Path],
) -> Path:
    paths = corpus if isinstance(corpus, list) else [corpus]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        app = ReaderApp(
            CorpusSpec(paths, paths[0].name if len(paths) == 1 else f"{len(paths)} paths"),
            Locations(data, data / "cache", data / "none.toml"),
            Config(theme=theme),
        )
        async with app.run_test(size=size) as pilot:
            view = app.article_view
            while view.article is None or view.marks.analysis is None:
                await pilot.pause(0.02)
            await app.workers.wait_for_complete()  # the list indexed
            await pilot.pause(0.1)
            for key in keys:
                if key == PAUSE:
                    await pilot.pause(0.2)
                else:
                    await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            path = OUT / f"{name}.svg"
            app.save_screenshot(filename=path.name, path=str(OUT))
            return path


async def shoot_fetch() -> Path:
    """A fetch of three feeds in progress: a local server (nothing reaches the internet) whose
    last pages are held back, so the bar and the articles already landed show together."""
    import threading

    from reader.services.feeds import Feeds
    from reader.services.fetch import Fetcher
    from reader.services.state import StateKeeper
    from tests.local_web import LocalWeb

    release = threading.Event()
    topics = [
        "Ferry timetable cut",
        "Dock cranes idle",
        "Fish prices climb",
        "Pilots join",
        "Council backs talks",
        "Ministers urge deal",
        "Exporters count cost",
        "Union ballots again",
    ]
    with tempfile.TemporaryDirectory() as folder, LocalWeb() as web:
        web.news_site()
        web.held_feed(release, topics, served=5, name="Port News")
        data = Path(folder)
        where = Locations(data, data / "cache", data / "none.toml")
        keeper = StateKeeper(where.database)
        keeper.open()
        with Fetcher() as fetcher:
            feeds = Feeds(keeper.database, where.default_library)
            for feed in ("/rss.xml", "/atom.xml", "/port.xml"):
                feeds.add(web.url(feed), fetcher)
        keeper.close()
        app = ReaderApp(CorpusSpec([SEEDS], "seeds"), where, Config())
        try:
            async with app.run_test(size=(120, 34)) as pilot:
                while app.article_view.article is None:
                    await pilot.pause(0.02)
                await pilot.press("r")
                for _ in range(600):  # the bound only ends a run that would hang
                    listed = app.article_list
                    settled = listed.shown_count == listed.total_count >= 8  # every row placed
                    if settled and "3 of 3" in app.screen.sub_title:
                        break
                    await pilot.pause(0.05)
                await pilot.pause(0.6)
                app.save_screenshot(filename="fetch.svg", path=str(OUT))
        finally:
            release.set()
    return OUT / "fetch.svg"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    only = set(sys.argv[1:])  # names of shots to make again (all when none are named)
    for shot in SHOTS:
        if not only or shot[0] in only:
            print(asyncio.run(shoot(*shot)).relative_to(REPO))
    if not only or "fetch" in only:
        print(asyncio.run(shoot_fetch()).relative_to(REPO))


if __name__ == "__main__":
    main()
