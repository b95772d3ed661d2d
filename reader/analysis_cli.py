"""`reader analyze` (entities and quotations of each article, or `--explain`: the rules that
decided them) and `reader evaluate` (the engine against hand-made gold).

Many articles are analysed by the built-in engine in a process per core, in order: its rules
are pure Python, so one process uses one core.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.cli import field, read_articles, say
from reader.output import json_line, write_line

# Fewer files than this are analysed in this process: starting others would cost more.
PARALLEL_FROM = 8


def analyze_articles(
    paths: list[Path], engine_name: str, as_json: bool, data_dir: str | None, no_cache: bool
) -> int:
    from reader.analysis.cache import AnalysisCache
    from reader.analysis.engine import EngineUnavailable, describe_engine, get_engine
    from reader.paths import locations

    try:
        engine = get_engine(engine_name)
    except EngineUnavailable as error:
        say(str(error))
        return 2
    print(f"reader: analysing with the {describe_engine(engine)}", file=sys.stderr)
    if engine.name == "builtin":
        # The rules need no file cache (they are quick); the spaCy engine's model is slow.
        return _analyse_in_parallel(paths, as_json)
    cache = AnalysisCache(locations(data_dir).cache_dir)
    for article in read_articles(paths):
        analysis = engine.analyze(article) if no_cache else cache.analyze(engine, article)
        write_line(analysis_output(article, analysis, as_json))
    return 0


def analysis_output(article, analysis, as_json: bool) -> str:
    if not as_json:
        return format_analysis(article.title, str(article.path), analysis)
    record = {"path": str(article.path), "title": article.title, **analysis.to_json()}
    for quote in record["quotes"]:
        if quote["kind"] != "speech":  # a scare quote, a term or a title: "other"
            quote["kind"], quote["form"] = "other", quote["kind"]
    return json_line(record)


def _analyse_in_parallel(paths: list[Path], as_json: bool) -> int:
    """Each file's output, in order, from a process per core (one process for a few files)."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from reader.corpus.discover import discover

    found = discover(paths)
    for skipped in found.skipped:
        say(f"skipped {skipped}")
    jobs = [(path, as_json) for path in found.paths]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cores or 1) < 2 or len(jobs) < PARALLEL_FROM:
        for job in jobs:
            _write(*_analysed_file(job))
        return 0
    pool = ProcessPoolExecutor(max_workers=cores, mp_context=_process_context())
    try:
        chunk = max(1, len(jobs) // (cores * 8))
        for result in pool.map(_analysed_file, jobs, chunksize=chunk):
            _write(*result)
    finally:
        # A reader that went away (`| head`) ends the program: the files not begun are not.
        pool.shutdown(wait=True, cancel_futures=True)
    return 0


def _write(output: str | None, problem: str | None) -> None:
    if problem:
        say(problem)
    if output is not None:
        write_line(output)


def _analysed_file(job: tuple[Path, bool]) -> tuple[str | None, str | None]:
    """One file's output, or why it was skipped (in a worker process, or this one)."""
    from reader.analysis.engine import get_engine
    from reader.corpus.discover import UnreadableArticle, load_article

    path, as_json = job
    try:
        article = load_article(path)
    except UnreadableArticle as error:
        return None, f"skipped {path}: {error}"
    return analysis_output(article, get_engine("builtin").analyze(article), as_json), None


def _process_context():
    """Forked workers on Linux (they start at once, the engine already imported); elsewhere
    the platform's default, which is safe there."""
    import multiprocessing

    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def explain_articles(paths: list[Path], as_json: bool) -> int:
    """Each article's entities and speakers with the rules that decided them (the built-in
    engine's: its rules are what a newcomer changes)."""
    from reader.analysis.explain import explain

    print("reader: explaining the built-in engine's rules", file=sys.stderr)
    for article in read_articles(paths):
        explained = explain(article)
        if as_json:
            record = {
                "path": str(article.path),
                "title": article.title,
                "entities": [
                    {
                        "start": d.start,
                        "end": d.end,
                        "text": d.text,
                        "label": d.answer,
                        "entity": d.name,
                        "rule": d.rule,
                    }
                    for d in explained.entities
                ],
                "speakers": [
                    {
                        "start": d.start,
                        "end": d.end,
                        "text": d.text,
                        "speaker": d.answer or None,
                        "rule": d.rule or None,
                    }
                    for d in explained.speakers
                ],
            }
            write_line(json_line(record))
        else:
            write_line(format_explanation(article, explained))
    return 0


def format_explanation(article, explained) -> str:
    """One line per entity and per speech quotation: where (line), what, and which rule."""
    from reader.analysis.explain import line_numbers

    line_of = line_numbers(article.source)
    lines = [f"{field(' '.join(article.title.split()))}  ({field(str(article.path))})"]
    for decision in explained.entities:
        where = f"line {line_of(decision.start)}"
        written = " ".join(decision.text.split())
        named = "" if decision.name in ("", written) else f" = {field(decision.name)}"
        lines.append(
            f"  {where:<10} {decision.answer:<6} {field(written)}{named}  ← {decision.rule}"
        )
    for decision in explained.speakers:
        where = f"line {line_of(decision.start)}"
        words = " ".join(decision.text.split())
        short = words if len(words) <= 50 else words[:49] + "…"
        speaker = field(decision.answer) if decision.answer else "no speaker"
        rule = decision.rule or "no rule found one"
        lines.append(f"  {where:<10} said   {field(short)}  — {speaker}  ← {rule}")
    return "\n".join(lines)


def format_analysis(title: str, path: str, analysis) -> str:
    lines = [f"{field(title)}  ({field(path)})"]
    for entity in analysis.entities():
        lines.append(f"  {entity.label:<6} {field(entity.name)}  ×{entity.count}")
    for quote in analysis.quotes:
        if quote.kind == "speech":
            text = " ".join(quote.text.split())
            short = text if len(text) <= 70 else text[:67] + "…"
            lines.append(f"  said   {field(short)}  — {field(quote.speaker or 'unknown')}")
    return "\n".join(lines)


def evaluate_engine(folders: list[str], engine_name: str, show_errors: bool) -> int:
    from reader.analysis.engine import EngineUnavailable, get_engine
    from reader.analysis.evaluate import evaluate, load_gold

    folder = Path(folders[0]) if folders else Path(__file__).resolve().parent.parent / "tests/gold"
    if not folder.is_dir():
        print(f"reader: no gold annotations at {folder}", file=sys.stderr)
        return 2
    try:
        engine = get_engine(engine_name)
    except EngineUnavailable as error:
        say(str(error))
        return 2
    report = evaluate(engine, load_gold(folder))
    print(f"engine: {engine_name}   gold: {folder}")
    print(report.format())
    if show_errors:
        print("\n".join(report.errors))
    return 0
