"""Compare quotation finding and speaker attribution with textacy's direct_quotations.

    python bench/compare_quotes.py [GOLD_DIR ...]

Needs textacy and a spaCy English model in the environment (not project dependencies:
`pip install textacy` and a model; READER_SPACY_MODEL names a model other than
en_core_web_sm). Prints one JSON object: for each system, quotations found (a found
quotation counts when it overlaps a gold speech quotation by half its length or more), and
speakers right among the gold speech quotations. Articles where textacy refuses to run (it
gives up when an article holds an odd number of quotation marks) count as nothing found.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.analysis.engine import get_engine  # noqa: E402
from reader.analysis.evaluate import load_gold, same_speaker  # noqa: E402
from reader.corpus.discover import parse_article  # noqa: E402


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared >= 0.5 * (b[1] - b[0])


def textacy_quotes(nlp, source: str) -> list[tuple[int, int, str]] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(nlp(source)))
    except ValueError:
        return None
    found = []
    for triple in triples:
        speaker = " ".join(token.text for token in triple.speaker)
        found.append((triple.content.start_char, triple.content.end_char, speaker))
    return found


def score(results, gold_articles) -> dict:
    found = speakers = total = refused = 0
    for article, predicted in zip(gold_articles, results, strict=True):
        if predicted is None:
            refused += 1
            predicted = []
        for quote in article.quotes:
            if quote.kind != "speech":
                continue
            total += 1
            match = next(
                (p for p in predicted if overlaps((p[0], p[1]), (quote.start, quote.end))), None
            )
            if match:
                found += 1
                speakers += same_speaker(match[2] or None, quote.speaker)
    return {
        "speech_quotes": total,
        "found": found,
        "speakers_right": speakers,
        "articles_refused": refused,
    }


def main() -> None:
    import spacy

    folders = [Path(arg) for arg in sys.argv[1:]] or [
        REPO / "tests/gold",
        REPO / "tests/gold_heldout",
    ]
    gold = [article for folder in folders for article in load_gold(folder)]
    engine = get_engine("builtin")
    ours = []
    for article in gold:
        analysis = engine.analyze(parse_article(Path(f"{article.name}.txt"), article.source))
        ours.append(
            [(q.start, q.end, q.speaker or "") for q in analysis.quotes if q.kind == "speech"]
        )
    nlp = spacy.load(os.environ.get("READER_SPACY_MODEL", "en_core_web_sm"))
    theirs = [textacy_quotes(nlp, article.source) for article in gold]
    print(
        json.dumps({"reader builtin": score(ours, gold), "textacy": score(theirs, gold)}, indent=2)
    )


if __name__ == "__main__":
    main()
