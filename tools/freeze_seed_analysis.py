"""Write the fixed analysis the interface tests show for the seed article.

UI tests run on a fixed engine (tests/conftest.py `FixedEngine`) so that a change to the
analysis rules never breaks a test of the interface. Its answer for the seed is this file,
made once from the built-in engine and kept: run this only when the seed itself changes.

    .venv/bin/python tools/freeze_seed_analysis.py
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.analysis.engine import BuiltinEngine
from reader.corpus.discover import load_article

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    article = load_article(next((REPO / "seeds").glob("*.txt")))
    analysis = BuiltinEngine().analyze(article)
    target = REPO / "tests" / "data" / "seed_analysis.json"
    record = {"content_hash": article.content_hash, "analysis": analysis.to_json()}
    target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{target}: {len(analysis.mentions)} mentions, {len(analysis.quotes)} quotations")


if __name__ == "__main__":
    main()
