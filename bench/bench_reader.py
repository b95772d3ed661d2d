"""Benchmarks for the reader foundation. Prints one JSON object of figures.

    python bench/bench_reader.py            # all figures
    python bench/bench_reader.py --quick    # skip the 50 MB file

Figures: parse and layout throughput, time to first article on screen (seed corpus and a
generated 1,000-article corpus), cost of a cursor keypress in a 24,000-word article, and the
CLI's start-up for --version.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual import events

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.corpus.discover import load_article, parse_article, read_text  # noqa: E402
from reader.paths import Locations  # noqa: E402
from reader.ui.app import CorpusSpec, ReaderApp  # noqa: E402
from reader.ui.layout import layout_article  # noqa: E402

_VOCABULARY = """
the of and to in a is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their Minister said Kyiv government
“quoted” officials reported Tuesday
"""
WORDS = _VOCABULARY.split()


def paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_article(path: Path, rng: random.Random, paragraphs: int, words: int = 80) -> None:
    body = "\n\n".join(paragraph(rng, words) for _ in range(paragraphs))
    path.write_text(f"Headline {path.stem}\n\n{body}\n\nSource: bench\n", encoding="utf-8")


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


async def first_article_seconds(paths: list[Path], data: Path) -> tuple[float, float]:
    """Seconds until an article is on screen, and until every list row has its title."""
    app = ReaderApp(CorpusSpec(paths, "bench"), Locations(data, data / "cache", data / "none.toml"))
    start = time.perf_counter()
    shown = listed = None
    async with app.run_test(size=(120, 40)) as pilot:
        while listed is None:
            await pilot.pause(0.005)
            if shown is None and app.article_view.article is not None:
                shown = time.perf_counter() - start
            rows = app.article_list.all_rows
            if rows and all(row.words is not None for row in rows):
                listed = time.perf_counter() - start
    return shown or listed, listed


async def keypress_cpu_ms(path: Path, data: Path, key: str, presses: int = 100) -> float:
    """CPU milliseconds per keypress, frame rendering included (wall time is mostly the test
    harness waiting for the next frame)."""
    app = ReaderApp(CorpusSpec([path], "bench"), Locations(data, data / "c", data / "none.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        while app.article_view.article is None:
            await pilot.pause(0.01)
        await pilot.press("tab")
        start = time.process_time()
        for _ in range(presses):
            await pilot.press(key)
        return (time.process_time() - start) * 1000 / presses


async def search_while_typing(path: Path, data: Path, query: str) -> dict[str, float]:
    """Type `query` into the in-article search of a huge article, a key at a time: the longest
    stall of the event loop (a 50 ms heartbeat) and the time until the last match is counted."""
    app = ReaderApp(CorpusSpec([path], "bench"), Locations(data, data / "c", data / "none.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.article_view
        while view.article is None or view.layout is None:
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        stalls, last = [0.0], [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            stalls.append(now - last[0] - 0.05)
            last[0] = now

        app.set_interval(0.05, beat)
        await pilot.press("tab", "slash")
        # Keys as a quick typist sends them (8 a second), not waiting for the app between keys
        # as the test pilot would.
        for key in query:
            app.post_message(events.Key(key, key))
            await asyncio.sleep(0.125)
        start = time.perf_counter()
        while view.matches.searching or view.matches.query != query:
            await pilot.pause(0.01)
        return {
            "matches": len(view.matches.spans),
            "all_matches_after_last_key_s": round(time.perf_counter() - start, 2),
            "longest_stall_ms": round(max(stalls) * 1000, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 50 MB file")
    options = parser.parse_args()
    rng = random.Random(7)
    figures: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seed = next((REPO / "seeds").glob("*.txt"))
        source = read_text(seed)
        _, seconds = timed(lambda: [parse_article(seed, source) for _ in range(200)])
        figures["parse_seed_ms"] = round(seconds / 200 * 1000, 3)

        long_path = root / "long" / "long.txt"
        long_path.parent.mkdir()
        write_article(long_path, rng, paragraphs=300)  # ~24,000 words
        article = load_article(long_path)
        figures["long_article_words"] = article.word_count
        _, seconds = timed(layout_article, article, 78)
        figures["layout_24k_words_ms"] = round(seconds * 1000, 1)

        if not options.quick:
            huge = root / "huge.txt"
            write_article(huge, rng, paragraphs=65_000, words=160)  # ~50 MB
            figures["huge_file_mb"] = round(huge.stat().st_size / 1e6, 1)
            text, seconds = timed(read_text, huge)
            figures["huge_read_s"] = round(seconds, 2)
            parsed, seconds = timed(parse_article, huge, text)
            figures["huge_parse_s"] = round(seconds, 2)
            figures["huge_parse_mb_per_s"] = round(figures["huge_file_mb"] / seconds, 1)
            _, seconds = timed(layout_article, parsed, 78)
            figures["huge_layout_s"] = round(seconds, 2)

            twenty = root / "twenty" / "twenty.txt"
            twenty.parent.mkdir()
            write_article(twenty, rng, paragraphs=26_000, words=160)  # ~20 MB
            typed = asyncio.run(search_while_typing(twenty, root / "s-20", "minister"))
            figures["search_20mb_matches"] = typed["matches"]
            figures["search_20mb_all_matches_after_last_key_s"] = typed[
                "all_matches_after_last_key_s"
            ]
            figures["search_20mb_longest_stall_ms"] = typed["longest_stall_ms"]

        corpus = root / "corpus"
        corpus.mkdir()
        for number in range(1000):
            write_article(corpus / f"{number:04}.txt", rng, paragraphs=rng.randint(5, 20))

        shown, listed = asyncio.run(first_article_seconds([REPO / "seeds"], root / "s1"))
        figures["seed_first_article_s"] = round(shown, 3)
        shown, listed = asyncio.run(first_article_seconds([corpus], root / "s2"))
        figures["corpus_1000_first_article_s"] = round(shown, 3)
        figures["corpus_1000_all_rows_titled_s"] = round(listed, 3)
        for key, name in (("j", "cursor_down"), ("space", "page_down"), ("x", "unbound_key")):
            cpu = asyncio.run(keypress_cpu_ms(long_path, root / f"s-{name}", key))
            figures[f"keypress_{name}_cpu_ms_24k_words"] = round(cpu, 2)

        start = time.perf_counter()
        command = [sys.executable, "-m", "reader", "--version"]
        subprocess.run(command, check=True, capture_output=True)
        figures["cli_version_s"] = round(time.perf_counter() - start, 3)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
