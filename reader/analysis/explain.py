"""`reader analyze --explain`: the built-in engine's analysis of an article with, for every
entity and speaker, the name of the rule that decided it (`run_cutting`, `label_rules`,
`entities`, `attribution`), so a newcomer sees which rule to change."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from reader.corpus.model import Article

NOT_MARKED = "none"


@dataclass(frozen=True, slots=True)
class Decision:
    start: int  # offsets in `article.source`
    end: int
    text: str  # as written
    answer: str  # the label (NOT_MARKED for a name decided to be none), or the speaker
    name: str  # the entity's canonical name ("" for a quotation)
    rule: str  # "" for a quotation no rule gave a speaker


@dataclass(frozen=True, slots=True)
class Explanation:
    entities: list[Decision]  # in reading order, the names decided to be none among them
    speakers: list[Decision]  # speech quotations ("" if no speaker) and others given one


def explain(article: Article) -> Explanation:
    from reader.analysis.attribution import attributed_quotes
    from reader.analysis.entities import explained_entities
    from reader.analysis.text import ArticleText

    text = ArticleText(article)
    source = article.source
    rejected: list[tuple[int, int, str]] = []
    decided = explained_entities(text, rejected)
    entities = []
    for start, end, label, name, rule in decided:
        first, last = text.to_source(start, end)
        entities.append(Decision(first, last, source[first:last], label, name, rule))
    for start, end, rule in rejected:
        first, last = text.to_source(start, end)
        entities.append(Decision(first, last, source[first:last], NOT_MARKED, "", rule))
    entities.sort(key=lambda decision: decision.start)
    quotes = attributed_quotes(text, [mention[:4] for mention in decided])
    speakers = []
    for quote in sorted(quotes, key=lambda found: found.start):
        if quote.kind != "speech" and quote.speaker is None:
            continue  # a scare quote or a title nobody is said to have said
        first, last = text.to_source(quote.start, quote.end)
        speaker = quote.speaker[2] if quote.speaker else ""
        speakers.append(Decision(first, last, source[first:last], speaker, "", quote.rule))
    return Explanation(entities, speakers)


_NEWLINE = re.compile("\n")


def line_numbers(source: str) -> Callable[[int], int]:
    """The line (from 1) an offset of `source` is on, each looked up by bisection: an article
    of thousands of names is not counted through again for every one."""
    breaks = [match.start() for match in _NEWLINE.finditer(source)]
    return lambda offset: bisect_left(breaks, offset) + 1
