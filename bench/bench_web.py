"""Benchmark articles from the web. Prints one JSON object of figures.

    python bench/bench_web.py             # extraction and a 100-entry feed
    python bench/bench_web.py --install   # and what the web dependencies add to an install

Figures: the time to extract one page (median and p95 over the page fixtures of the tests,
each extracted many times, and over a long article of 60 paragraphs), the first extraction in a
fresh process (imports included), and a feed of 100 entries served on 127.0.0.1, every entry's
page fetched and extracted into the library: wall time and the growth of the peak memory.
With --install: the time and disk size pip takes for trafilatura, lxml_html_clean, feedparser
and httpx in a fresh virtual environment (from the package index this machine uses).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.corpus.webpage import extract_page  # noqa: E402
from tests.local_web import WEB_DATA, LocalWeb, Reply  # noqa: E402

PAGES = ["harbour.html", "bridge.html", "cafe-cp1252.html"]
WEB_DEPENDENCIES = [
    "trafilatura>=2.0,<3",
    "lxml_html_clean>=0.4",
    "feedparser>=6.0,<7",
    "httpx>=0.27,<1",
]


def long_page(paragraphs: int) -> bytes:
    """The harbour page with its story told `paragraphs` times over (a long feature)."""
    page = (WEB_DATA / "harbour.html").read_bytes()
    start = page.index(b"<p>About 600")
    end = page.index(b"<h2>Impact")
    story = page[start:end]
    return page[:start] + story * (paragraphs // 4) + page[start:]


def extraction(rounds: int) -> dict:
    pages = {name: (WEB_DATA / name).read_bytes() for name in PAGES}
    pages["long (60 paragraphs)"] = long_page(60)
    extract_page(pages["harbour.html"])  # imports and trafilatura's first-call set-up
    times: list[float] = []
    per_page = {}
    for name, data in pages.items():
        mine = []
        for _ in range(rounds):
            start = time.perf_counter()
            extract_page(data)
            mine.append(time.perf_counter() - start)
        per_page[name] = round(statistics.median(mine) * 1000, 2)
        times.extend(mine)
    times.sort()
    return {
        "pages": len(pages),
        "runs": len(times),
        "median_ms": round(statistics.median(times) * 1000, 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 2),
        "median_ms_per_page": per_page,
    }


def first_extraction() -> float:
    code = (
        "import time; start = time.perf_counter()\n"
        "from reader.corpus.webpage import extract_page\n"
        f"extract_page(open({str(WEB_DATA / 'harbour.html')!r}, 'rb').read())\n"
        "print(time.perf_counter() - start)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return round(float(out.stdout.strip()) * 1000, 1)


def feed_of(base: str, entries: int) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story/{n}</link><guid>story-{n}</guid>"
        f"<description>Summary of story {n}.</description></item>"
        for n in range(entries)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed</title>{items}</channel></rss>"
    ).encode()


def feed_fetch(entries: int) -> dict:
    from reader.services.feeds import Feeds
    from reader.services.fetch import Fetcher
    from reader.services.state import StateKeeper

    page = (WEB_DATA / "harbour.html").read_bytes()
    with tempfile.TemporaryDirectory() as scratch, LocalWeb() as web:
        for n in range(entries):
            body = page.replace(
                b"Harbour workers walk out", f"Story {n}: workers walk out".encode()
            )
            web.routes[f"/story/{n}"] = Reply(body)
        web.routes["/feed.xml"] = Reply(
            feed_of(web.base, entries), content_type="application/rss+xml"
        )
        keeper = StateKeeper(Path(scratch) / "reader.db")
        keeper.open()
        feeds = Feeds(keeper.database, Path(scratch) / "library")
        with Fetcher() as fetcher:
            feeds.add(web.url("/feed.xml"), fetcher)
            extract_page(page)  # imports done before the clock starts
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            start = time.perf_counter()
            progress = feeds.fetch(fetcher)
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        keeper.close()
        return {
            "entries": entries,
            "articles_written": len(progress.new),
            "problems": len(progress.problems),
            "seconds": round(seconds, 2),
            "articles_per_second": round(len(progress.new) / seconds, 1),
            "peak_memory_growth_mb": round((after - before) / 1024, 1),
            "peak_memory_mb": round(after / 1024, 1),
            "most_requests_at_once_to_the_host": web.most_in_flight,
        }


def install_cost() -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        venv = Path(scratch) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        # What the app needs anyway (lxml comes with trafilatura only).
        subprocess.run([*pip, "textual", "markdown-it-py", "platformdirs"], check=True)
        site = next((venv / "lib").glob("python*/site-packages"))
        size_before = _size(site)
        start = time.perf_counter()
        subprocess.run([*pip, *WEB_DEPENDENCIES], check=True)
        seconds = time.perf_counter() - start
        return {
            "seconds": round(seconds, 1),
            "added_mb": round((_size(site) - size_before) / 1e6, 1),
        }


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="extractions of each page")
    parser.add_argument("--entries", type=int, default=100, help="entries in the local feed")
    parser.add_argument("--install", action="store_true", help="measure the install too")
    args = parser.parse_args()
    figures = {
        "extraction": extraction(args.rounds),
        "first_extraction_in_a_fresh_process_ms": first_extraction(),
        "feed_fetch": feed_fetch(args.entries),
    }
    if args.install:
        figures["web_dependencies_install"] = install_cost()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
