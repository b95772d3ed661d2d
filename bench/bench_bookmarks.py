"""Bookmark figures: write latency (synced), listing and searching many, re-anchoring in changed
articles of several sizes, and opening the bookmarks screen with many.

    python bench/bench_bookmarks.py [--bookmarks N]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.corpus.anchor import anchor, make_selector  # noqa: E402
from reader.paths import Locations  # noqa: E402
from reader.store.bookmarks import Bookmark, BookmarkStore  # noqa: E402
from reader.store.database import connect  # noqa: E402

WORDS = (
    "minister said talks would resume after summit officials capital warned sanctions could "
    "follow move against border region markets fell government sources acknowledged annoyance "
    "anxiety military troops tanks pipeline gas supply pressure regulators approve operation"
).split()


def article_text(chars: int, rng: random.Random) -> str:
    sentences = []
    total = 0
    while total < chars:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
        sentence = " ".join(words).capitalize() + f" ({len(sentences)})."
        sentences.append(sentence)
        total += len(sentence) + 1
    return " ".join(sentences)


def timed(function, repeat: int = 5) -> float:
    """Median milliseconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_anchor(rng: random.Random) -> None:
    print("| article, chars | unchanged, ms | text inserted before, ms | word changed inside, ms |")
    print("| --- | --- | --- | --- |")
    for size in (10_000, 100_000, 1_000_000, 5_000_000):
        text = article_text(size, rng)
        start = len(text) // 2
        start = text.index(". ", start) + 2
        end = text.index(". ", start + 200) + 1
        selector = make_selector(text, start, end)
        inserted = "An update was added at the top of the article. " + text
        words = text[start:end].split(" ")
        words[len(words) // 2] = "unexpectedly"
        changed = text[:start] + " ".join(words) + text[end:]
        row = [f"{size:,}"]
        for source in (text, inserted, changed):
            row.append(f"{timed(lambda s=source, q=selector: anchor(s, q)):.2f}")
        found = anchor(changed, selector)
        assert found is not None and abs(found.start - start) < 5, "changed word: not found"
        print("| " + " | ".join(row) + " |")


def bench_store(count: int, rng: random.Random) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    conn, _ = connect(folder / "reader.db")
    store = BookmarkStore(conn)
    times = []
    for number in range(count):
        text = article_text(rng.randint(80, 400), rng)
        bookmark = Bookmark(
            None,
            f"/news/{number % 500}.txt",
            f"h{number % 500}",
            0,
            len(text),
            text,
            "",
            "",
            text,
            note=" ".join(rng.choice(WORDS) for _ in range(6)),
            title=f"Article {number}",
        )
        start = time.perf_counter()
        store.add(bookmark)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"\n{count:,} bookmarks, each written in its own synced transaction:")
    median, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    print(f"- write: median {median:.2f} ms, p95 {p95:.2f} ms")
    print(f"- list all (newest first): {timed(store.all):.1f} ms")
    print(f"- one article's: {timed(lambda: store.for_article(1, 'h7')):.2f} ms")
    search = timed(lambda: store.search_notes("sanctions pipeline"))
    print(f"- search notes ('sanctions pipeline'): {search:.2f} ms")
    conn.close()
    return folder


async def bench_screen(folder: Path) -> None:
    from reader.ui.app import CorpusSpec, ReaderApp

    seeds = REPO / "seeds"
    app = ReaderApp(
        CorpusSpec([seeds], "seeds"), Locations(folder, folder / "cache", folder / "none.toml")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        while app.article_view.article is None:
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        start = time.perf_counter()
        await pilot.press("M")
        while app.screen.__class__.__name__ != "BookmarksScreen":
            await pilot.pause(0)
        await pilot.pause()
        opened = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        await pilot.press(*"sanct")
        typed = (time.perf_counter() - start) * 1000 / 5
    print(f"- bookmarks screen open: {opened:.0f} ms; a key typed in its filter: {typed:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bookmarks", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(7)
    print("Re-anchoring one passage of ~200 characters (median of 5):\n")
    bench_anchor(rng)
    folder = bench_store(args.bookmarks, rng)
    asyncio.run(bench_screen(folder))


if __name__ == "__main__":
    main()
