"""Benchmark of the analysis index on generated corpora (names and quotations in every
article: `bench_library.generate`). Prints JSON.

    python bench/bench_analysis_index.py                 # 10,000 articles
    python bench/bench_analysis_index.py --size 1000 --scale 100000

Figures: the time to analyse every article in the background (a process per core), alone and
inside the running app with the longest stall of its event loop meanwhile (a 50 ms heartbeat);
the database's growth per 1,000 articles; p50/p95 of what the people and quotation screens
and the entity filter ask (listing, filtering as you type, sorting). With --scale, the
queries again on a library of that many articles (copies of the generated ones, which the
analyser takes from their twin without analysing them again).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_library import disk_size, generate  # noqa: E402

from reader.analysis.engine import get_engine  # noqa: E402
from reader.services.analysis_index import BackgroundAnalyser  # noqa: E402
from reader.services.library import Indexer  # noqa: E402
from reader.store.database import connect, open_existing  # noqa: E402
from reader.store.library_views import LibraryViews  # noqa: E402

TYPED = ["o", "ok", "oka", "okaf", "lis", "lisbon", "m", "me", "mei", "tanaka", "x", "be"]
WORDS = ["minister", "budget", "harbour storm", "said", "zzz", "court", "Haddad", "energy"]


def percentiles(times: list[float]) -> dict:
    times = sorted(times)
    return {
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)] * 1000, 1),
    }


def timed(calls) -> dict:
    spent = []
    for call in calls:
        start = time.perf_counter()
        call()
        spent.append(time.perf_counter() - start)
    return percentiles(spent)


def query_figures(database: Path, roots: list[Path]) -> dict:
    conn = open_existing(database)
    views = LibraryViews(conn)
    people = [row.name for row in views.entities(roots, label="PERSON", limit=6).rows]
    figures = {
        "entities_list": timed([lambda: views.entities(roots)] * 10),
        "entities_by_name": timed([lambda: views.entities(roots, order="name")] * 10),
        "entities_typed": timed([lambda t=t: views.entities(roots, text=t) for t in TYPED]),
        "quotations_list": timed([lambda: views.quotations(roots)] * 10),
        "quotations_by_speaker": timed([lambda: views.quotations(roots, order="speaker")] * 10),
        "quotations_typed": timed([lambda w=w: views.quotations(roots, text=w) for w in WORDS]),
        "entity_filter": timed(
            [lambda n=n: views.articles_naming(views.entity_named(n)) for n in people]
        ),
    }
    conn.close()
    return figures


def analyse(database: Path, roots: list[Path]) -> tuple[float, object]:
    engine = get_engine("builtin")
    start = time.perf_counter()
    progress = BackgroundAnalyser(database, roots, engine, engine_name="builtin").run()
    return time.perf_counter() - start, progress


async def in_the_app(folder: Path, data: Path, keys: bool) -> dict:
    """The app on the corpus with a fresh state: the longest event-loop stall while the
    background analysis runs (after the index is built), and how long the analysis took."""
    from reader.config import Config
    from reader.paths import Locations
    from reader.ui.app import CorpusSpec, ReaderApp

    locations = Locations(data, data / "cache", data / "none.toml")
    app = ReaderApp(CorpusSpec([folder], "bench"), locations, Config())
    gaps: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        analysis = app.main.library_analysis
        while analysis.progress is None:
            await pilot.pause(0.05)
        started = last = time.perf_counter()

        def beat() -> None:
            nonlocal last
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

        app.set_interval(0.05, beat)
        key_times: list[float] = []
        while analysis.running or analysis.progress.analysed < analysis.progress.total:
            await pilot.pause(0.5)
            if keys:  # the list answers meanwhile: from a key to the cursor on the next row
                article_list = app.article_list

                def at(article_list=article_list) -> int | None:
                    row = article_list.current
                    return row.id if row is not None else None

                article_list.focus()
                await pilot.pause()
                before = at()
                pressed = time.perf_counter()
                task = asyncio.create_task(pilot.press("j" if len(key_times) % 2 == 0 else "k"))
                while at() == before and time.perf_counter() - pressed < 10:
                    await asyncio.sleep(0.002)
                key_times.append(time.perf_counter() - pressed)
                await task
                last = time.perf_counter()  # a key's own work is not the analysis' stall
        took = time.perf_counter() - started
    stalls = [gap - 0.05 for gap in gaps]
    keyed = {"app_key_round_trip": percentiles(key_times)} if key_times else {}
    return {
        **keyed,
        "app_analysis_s": round(took, 1),
        "app_longest_stall_ms": round(max(stalls) * 1000, 1) if stalls else None,
        "app_stalls_over_50ms": sum(stall > 0.05 for stall in stalls),
        "app_heartbeats": len(gaps),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--scale", type=int, default=0, help="also query a library this big")
    parser.add_argument("--no-app", action="store_true", help="skip the run inside the app")
    parser.add_argument("--keys", action="store_true", help="the app again, with keys pressed")
    options = parser.parse_args()
    figures: dict = {"articles": options.size, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        folder = root / "corpus"
        figures["corpus_mb"] = round(generate(folder, options.size) / 1e6, 1)
        database = root / "state" / "reader.db"
        connect(database)[0].close()
        Indexer(database, [folder]).run(lambda update: None)
        before = disk_size(database)
        seconds, progress = analyse(database, [folder])
        figures["analysis_s"] = round(seconds, 1)
        figures["analysed"] = progress.analysed
        figures["failed"] = progress.failed
        figures["articles_per_s"] = round(progress.analysed / seconds)
        growth = disk_size(database) - before
        figures["db_growth_per_1000_articles_mb"] = round(growth / options.size * 1000 / 1e6, 2)
        figures["queries"] = query_figures(database, [folder])
        if not options.no_app:
            app_state = root / "app-state"
            figures.update(asyncio.run(in_the_app(folder, app_state, keys=False)))
            if options.keys:
                shutil.rmtree(app_state)
                figures["with_keys"] = asyncio.run(in_the_app(folder, app_state, keys=True))
        if options.scale > options.size:
            copies = options.scale // options.size
            for number in range(1, copies):
                shutil.copytree(folder, root / f"copy{number:03}" / "corpus")
            roots = [folder, *(root / f"copy{n:03}" for n in range(1, copies))]
            Indexer(database, roots).run(lambda update: None)
            seconds, progress = analyse(database, roots)
            figures[f"at_{options.scale}"] = {
                "copies_taken_s": round(seconds, 1),
                "analysed": progress.analysed,
                "articles": progress.total,
                "db_mb": round(disk_size(database) / 1e6),
                "queries": query_figures(database, roots),
            }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
