"""The analysis on real published news (../shared/eval, beside the repo): the figures may rise,
never fall below these floors (a little under what the engine reaches). Skipped where the
development sets are not beside the checkout."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score_quotes.py").exists(), reason="../shared/eval is not beside the repo"
)


def scored(tmp_path, dataset: str, scorer: str) -> dict:
    analyzed = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "analyze",
            "--no-cache",
            "--json",
            str(EVAL / dataset / "docs"),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "READER_DATA_DIR": str(tmp_path / "state")},
    )
    predictions = tmp_path / f"{dataset}.jsonl"
    predictions.write_text(analyzed.stdout, encoding="utf-8")
    score = subprocess.run(
        [
            sys.executable,
            str(EVAL / scorer),
            str(predictions),
            str(EVAL / dataset / "gold.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(score.stdout)


def test_entities_on_reuters_news_do_not_fall(tmp_path):
    headline = scored(tmp_path, "news-dev", "score_entities.py")["headline"]
    assert headline["f1"] >= 0.84


def test_quotations_and_speakers_on_us_political_news_do_not_fall(tmp_path):
    figures = scored(tmp_path, "quotes-dev", "score_quotes.py")
    assert figures["recall"] >= 0.97
    assert figures["precision"] >= 0.84
    assert figures["kind_accuracy"] >= 0.94
    assert figures["speaker_accuracy"] >= 0.84


def test_entities_quotations_and_speakers_on_bbc_news_do_not_fall(tmp_path):
    entities = scored(tmp_path, "bbc-dev", "score_entities.py")["headline"]
    assert entities["f1"] >= 0.83
    quotes = scored(tmp_path, "bbc-dev", "score_quotes.py")
    assert quotes["recall"] >= 0.97
    assert quotes["precision"] >= 0.95
    assert quotes["kind_accuracy"] >= 0.89
    assert quotes["speaker_accuracy"] >= 0.79
