"""Measure an engine against hand-made gold annotations (see tests/gold/README.md).

Entities: a prediction is right when its span and label both match a gold mention exactly.
Quotations: found when the span matches exactly; kind and speaker are then compared.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.engine import Engine
from reader.analysis.model import ENTITY_LABELS
from reader.corpus.discover import parse_article

_MARK = re.compile(r"\[([^\[\]]+)\]\((PERSON|ORG|GPE|LOC|NORP)\)")


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass(slots=True)
class GoldArticle:
    name: str
    source: str
    entities: list[tuple[int, int, str]]
    quotes: list[GoldQuote]


def parse_annotated(annotated: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Strip `[text](LABEL)` marks: the plain text, and each mark's span and label in it."""
    parts, spans, position, offset = [], [], 0, 0
    for match in _MARK.finditer(annotated):
        parts.append(annotated[position : match.start()])
        offset += match.start() - position
        name = match.group(1)
        spans.append((offset, offset + len(name), match.group(2)))
        parts.append(name)
        offset += len(name)
        position = match.end()
    parts.append(annotated[position:])
    return "".join(parts), spans


def load_gold(folder: Path) -> list[GoldArticle]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        source, entities = parse_annotated(path.read_text(encoding="utf-8"))
        quotes: list[GoldQuote] = []
        quotes_path = path.with_suffix(".quotes.json")
        if quotes_path.exists():
            position = 0
            for item in json.loads(quotes_path.read_text(encoding="utf-8")):
                start = source.find(item["text"], position)
                if start < 0:
                    raise ValueError(
                        f"{quotes_path.name}: quotation not in the text: {item['text']!r}"
                    )
                quotes.append(
                    GoldQuote(start, start + len(item["text"]), item["kind"], item["speaker"])
                )
                position = start + 1
        articles.append(GoldArticle(path.stem, source, entities, quotes))
    return articles


@dataclass(slots=True)
class Scores:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)

    def add(self, key: str, predicted: set, gold: set) -> None:
        self.true_positive[key] += len(predicted & gold)
        self.predicted[key] += len(predicted)
        self.gold[key] += len(gold)

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, p, g = self.true_positive[key], self.predicted[key], self.gold[key]
        precision = tp / p if p else 0.0
        recall = tp / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass(slots=True)
class Report:
    entities: Scores
    quotes: Scores
    kinds_right: int = 0
    kinds_compared: int = 0
    speakers_right: int = 0
    speakers_compared: int = 0
    errors: list[str] = field(default_factory=list)

    def entity_f1(self, label: str = "ALL") -> float:
        return self.entities.prf(label)[2]

    def format(self) -> str:
        lines = ["Entities          precision  recall     F1   gold"]
        for label in (*ENTITY_LABELS, "ALL"):
            precision, recall, f1 = self.entities.prf(label)
            gold = self.entities.gold[label]
            lines.append(f"  {label:<15} {precision:9.3f} {recall:7.3f} {f1:6.3f} {gold:6}")
        precision, recall, f1 = self.quotes.prf("ALL")
        lines.append("Quotations")
        lines.append(
            f"  {'found':<15} {precision:9.3f} {recall:7.3f} {f1:6.3f} {self.quotes.gold['ALL']:6}"
        )
        lines.append(f"  kind right      {self.kinds_right}/{self.kinds_compared}")
        lines.append(f"  speaker right   {self.speakers_right}/{self.speakers_compared}")
        return "\n".join(lines)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return predicted == gold
    a, b = predicted.lower(), gold.lower()
    return a in b or b in a or a.split()[-1] == b.split()[-1]


def evaluate(engine: Engine, articles: list[GoldArticle]) -> Report:
    report = Report(Scores(), Scores())
    for gold in articles:
        article = parse_article(Path(f"{gold.name}.txt"), gold.source)
        analysis = engine.analyze(article)
        predicted = {(m.start, m.end, m.label) for m in analysis.mentions}
        expected = set(gold.entities)
        for label in ENTITY_LABELS:
            report.entities.add(
                label,
                {p for p in predicted if p[2] == label},
                {g for g in expected if g[2] == label},
            )
        report.entities.add("ALL", predicted, expected)
        for start, end, label in sorted(predicted ^ expected):
            side = "extra" if (start, end, label) in predicted else "missed"
            report.errors.append(f"{gold.name}: {side} {label} {gold.source[start:end]!r}")

        found = {(q.start, q.end): q for q in analysis.quotes}
        wanted = {(q.start, q.end): q for q in gold.quotes}
        report.quotes.add("ALL", set(found), set(wanted))
        for span, expected_quote in wanted.items():
            quote = found.get(span)
            if quote is None:
                report.errors.append(
                    f"{gold.name}: missed quote {gold.source[span[0] : span[1]]!r}"
                )
                continue
            report.kinds_compared += 1
            report.kinds_right += quote.kind == expected_quote.kind
            if quote.kind != expected_quote.kind:
                report.errors.append(
                    f"{gold.name}: kind {quote.kind} (gold {expected_quote.kind}) {quote.text!r}"
                )
            if expected_quote.kind == "speech":
                report.speakers_compared += 1
                right = same_speaker(quote.speaker, expected_quote.speaker)
                report.speakers_right += right
                if not right:
                    report.errors.append(
                        f"{gold.name}: speaker {quote.speaker!r} (gold {expected_quote.speaker!r})"
                        f" {quote.text[:40]!r}"
                    )
        for span in set(found) - set(wanted):
            report.errors.append(f"{gold.name}: extra quote {gold.source[span[0] : span[1]]!r}")
    return report
