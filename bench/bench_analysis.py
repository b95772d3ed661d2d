"""Benchmark the analysis engines. Prints one JSON object of figures.

    python bench/bench_analysis.py                 # the built-in engine
    python bench/bench_analysis.py --engine spacy  # needs spaCy and a model

Figures: characters analysed per second (the seed article and the gold set, repeated; real news
of ../shared/eval when it is there), the first analysis in a fresh process (imports included), a
cache hit, and the time for one long article of 1, 2, 4 and 8 MB (time should grow in step).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.analysis.cache import AnalysisCache  # noqa: E402
from reader.analysis.engine import get_engine  # noqa: E402
from reader.analysis.evaluate import load_gold  # noqa: E402
from reader.corpus.discover import load_article, parse_article  # noqa: E402


def chars_per_second(engine, articles, rounds: int) -> float:
    characters = sum(len(article.source) for article in articles) * rounds
    start = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            engine.analyze(article)
    return characters / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="builtin")
    options = parser.parse_args()
    engine = get_engine(options.engine)
    seed = load_article(next((REPO / "seeds").glob("*.txt")))
    gold = [
        parse_article(Path(f"{item.name}.txt"), item.source)
        for item in load_gold(REPO / "tests" / "gold")
    ]
    figures: dict[str, float | str] = {"engine": options.engine}
    figures["seed_chars_per_s"] = round(chars_per_second(engine, [seed], 50))
    figures["gold_chars_per_s"] = round(chars_per_second(engine, gold, 10))
    eval_docs = sorted((REPO.parent / "shared" / "eval").glob("*/docs/*.txt"))
    real = [parse_article(path, path.read_text(encoding="utf-8")) for path in eval_docs]
    if real:
        figures["real_news_chars_per_s"] = round(chars_per_second(engine, real, 1))
    body = "\n\n".join(a.source.split("\n", 1)[-1] for a in (real or [seed, *gold]))
    for megabytes in (1, 2, 4, 8):
        size = megabytes * 1_000_000
        source = ("A long article\n\n" + body * (size // len(body) + 1))[:size]
        article = parse_article(Path("long.txt"), source)
        start = time.perf_counter()
        engine.analyze(article)
        figures[f"long_article_{megabytes}mb_s"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    engine.analyze(seed)
    figures["seed_analysis_ms"] = round((time.perf_counter() - start) * 1000, 2)

    code = (
        "import time; t=time.perf_counter();"
        "from pathlib import Path;"
        "from reader.analysis.engine import get_engine;"
        "from reader.corpus.discover import load_article;"
        f"get_engine({options.engine!r}).analyze(load_article(Path({str(seed.path)!r})));"
        "print(time.perf_counter()-t)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    figures["first_analysis_fresh_process_s"] = round(float(result.stdout.strip()), 3)

    with tempfile.TemporaryDirectory() as folder:
        cache = AnalysisCache(Path(folder))
        cache.analyze(engine, seed)
        start = time.perf_counter()
        cache.analyze(engine, seed)
        figures["cache_hit_ms"] = round((time.perf_counter() - start) * 1000, 2)
    if eval_docs and options.engine == "builtin":
        figures["reader_analyze_1mb_end_to_end_chars_per_s"] = end_to_end(eval_docs)
    print(json.dumps(figures, indent=2))


def end_to_end(docs: list[Path], size: int = 1_000_000) -> int:
    """`reader analyze` over a folder of real news of about `size` characters (the eval
    articles, repeated), timed from process start to the last line: the best of 3 runs."""
    with tempfile.TemporaryDirectory() as folder:
        total, number = 0, 0
        while total < size:
            for path in docs:
                text = path.read_text(encoding="utf-8")
                (Path(folder) / f"{number:05}.txt").write_text(text, encoding="utf-8")
                total += len(text)
                number += 1
                if total >= size:
                    break
        command = [sys.executable, "-m", "reader", "analyze", "--no-cache", folder]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(command, cwd=REPO, capture_output=True, check=True)
            best = min(best, time.perf_counter() - start)
    return round(total / best)


if __name__ == "__main__":
    main()
