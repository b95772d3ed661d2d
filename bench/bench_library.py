"""Benchmark of the library on generated corpora of 100 to 100,000 articles. Prints JSON.

    python bench/bench_library.py                    # N = 100, 1,000, 10,000, 100,000
    python bench/bench_library.py --sizes 100 1000   # fewer

For each N, in one run: time from process start to the first article's text on screen, cold (no
index yet) and warm (second start), beside a bare Textual app showing one line (the floor); time
until every list row has its title (cold, warm); the longest stall of the event loop while the
index fills (a 50 ms heartbeat timer); a list keypress; peak RSS; corpus search p50/p95 over 20
queries; the index's size on disk. Also the bundled seed corpus against the floor.

The corpus is deterministic (seeded) and generated once per N under a temporary folder. The
package is byte-compiled first, as `pip install .` leaves it.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "probe_app.py"
sys.path.insert(0, str(REPO))

_WORDS = """
the of and to in a is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their minister said government
officials reported tuesday election market council harbour storm budget talks parliament
energy prices court ruling police strike union hospital school bridge river coast festival
""".split()
_NAMES = "Kyiv Lisbon Porto Nairobi Osaka Quito Bergen Tallinn Dakar Perth Ottawa Lima".split()
_PEOPLE = "Ana Okafor|Lars Berg|Mei Tanaka|Omar Haddad|Sofia Rossi|Juan Pérez".split("|")
QUERIES = [
    "minister",
    "harbour storm",
    '"budget talks"',
    "parl*",
    "Lisbon",
    "Okafor",
    '"Mei Tanaka"',
    "energy prices",
    "court OR police",
    "strike NOT union",
    "festival",
    "Tallinn bridge",
    "hosp*",
    "election market",
    '"said the minister"',
    "Nairobi",
    "coast",
    "Haddad",
    "river council",
    "title: story",
]


def generate(folder: Path, count: int, seed: int = 7) -> int:
    """`count` plain-text articles of 150 to 1,500 words in folders of 1,000; returns bytes.
    Paragraphs name places and people, and one in three quotes someone, so the analysis
    index has real work."""
    rng = random.Random(seed)
    pool = []
    for _ in range(500):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(40, 120))]
        words[rng.randrange(len(words))] = rng.choice(_NAMES)
        words[rng.randrange(len(words))] = rng.choice(_PEOPLE)
        paragraph = " ".join(words).capitalize() + "."
        if rng.random() < 1 / 3:
            said = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 25)))
            paragraph += f" “{said.capitalize()},” said {rng.choice(_PEOPLE)}."
        pool.append(paragraph)
    total = 0
    for number in range(count):
        sub = folder / f"{number // 1000:03}"
        if number % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        paragraphs = [rng.choice(pool) for _ in range(rng.randint(2, 18))]
        title = f"Story {number}: {rng.choice(_NAMES)} {rng.choice(_WORDS)} {rng.choice(_WORDS)}"
        day = f"2026-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        text = f"{title}\n\n" + "\n\n".join(paragraphs) + f"\n\nSource: Bench Wire {day}\n"
        data = text.encode("utf-8")
        (sub / f"{number:06}.txt").write_bytes(data)
        total += len(data)
    return total


def probe(mode: str, data: Path, paths: list[Path], keys: bool = False) -> dict:
    """Run the app (or the bare floor app) in a fresh process; its figures as a dict."""
    command = [sys.executable, str(PROBE), mode, str(data), *map(str, paths)]
    if keys:
        command.insert(3, "--keys")
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for name in ("first_text_at", "all_titled_at"):
        if figures.get(name) is not None:
            figures[name.replace("_at", "_s")] = round(figures.pop(name) - started, 3)
    return figures


def median_probe(mode: str, data: Path, paths: list[Path], runs: int) -> float:
    return statistics.median(probe(mode, data, paths)["first_text_s"] for _ in range(runs))


def search_figures(database: Path, roots: list[Path]) -> dict:
    from reader.store.database import open_existing
    from reader.store.search_index import search

    conn = open_existing(database)
    times = []
    for query in QUERIES:
        start = time.perf_counter()
        search(conn, query, roots, limit=50)
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    times.sort()
    return {
        "search_p50_ms": round(statistics.median(times), 1),
        "search_p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
    }


def disk_size(database: Path) -> int:
    return sum(
        Path(str(database) + suffix).stat().st_size
        for suffix in ("", "-wal")
        if Path(str(database) + suffix).exists()
    )


def bench_size(count: int, root: Path, runs: int) -> dict:
    corpus = root / f"corpus-{count}"
    started = time.perf_counter()
    size = generate(corpus, count)
    figures: dict = {"articles": count, "corpus_mb": round(size / 1e6, 1)}
    figures["generate_s"] = round(time.perf_counter() - started, 1)
    data = root / f"state-{count}"
    bare = median_probe("bare", root / "bare", [], runs)
    cold = probe("reader", data, [corpus])
    warm = probe("reader", data, [corpus], keys=True)
    warm_firsts = [warm["first_text_s"]] + [
        probe("reader", data, [corpus])["first_text_s"] for _ in range(runs - 1)
    ]
    figures.update(
        {
            "bare_textual_first_text_s": round(bare, 3),
            "cold_first_text_s": cold["first_text_s"],
            "cold_vs_bare": round(cold["first_text_s"] / bare, 2),
            "warm_first_text_s": round(statistics.median(warm_firsts), 3),
            "warm_vs_bare": round(statistics.median(warm_firsts) / bare, 2),
            "cold_all_titled_s": cold["all_titled_s"],
            "warm_all_titled_s": warm["all_titled_s"],
            "cold_longest_stall_ms": cold["longest_stall_ms"],
            "warm_longest_stall_ms": warm["longest_stall_ms"],
            "list_keypress_ms": warm.get("keypress_ms"),
            "list_keypress_cpu_ms": warm.get("keypress_cpu_ms"),
            "unbound_keypress_ms": warm.get("unbound_keypress_ms"),
            "cold_peak_rss_mb": cold["peak_rss_mb"],
            "warm_peak_rss_mb": warm["peak_rss_mb"],
        }
    )
    database = data / "reader.db"
    figures.update(search_figures(database, [corpus]))
    figures["index_mb"] = round(disk_size(database) / 1e6, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3, help="start-ups per median")
    options = parser.parse_args()
    # As installed (`pip install .` compiles the package), not from source: with
    # PYTHONDONTWRITEBYTECODE set, every start would compile every module of ours again while
    # Textual's come compiled, which is no user's machine.
    compileall.compile_dir(REPO / "reader", quiet=1)
    results: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seeds = [REPO / "seeds"]
        # One start of each, not counted: it reads files the system has not cached yet (a
        # fresh checkout's byte code), and the reader's builds the seed's index (a cold start).
        probe("bare", root / "bare", [])
        probe("reader", root / "seed-state", seeds)
        bare = median_probe("bare", root / "bare", [], options.runs)
        seed_runs = [probe("reader", root / "seed-state", seeds) for _ in range(options.runs)]
        seed_first = statistics.median(run["first_text_s"] for run in seed_runs)
        results["seed"] = {
            "bare_textual_first_text_s": round(bare, 3),
            "warm_first_text_s": round(seed_first, 3),
            "warm_vs_bare": round(seed_first / bare, 2),
        }
        results["sizes"] = []
        for count in options.sizes:
            results["sizes"].append(bench_size(count, root, options.runs))
            print(json.dumps(results["sizes"][-1]), file=sys.stderr)
    results["cores"] = os.cpu_count()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
