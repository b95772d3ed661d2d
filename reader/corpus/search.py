"""Find text within an article: case-insensitive matches in what is displayed, as source spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.corpus.model import Article, Span


@dataclass(frozen=True, slots=True)
class SearchHit:
    block: int
    start: int  # display offsets in the block's text
    end: int
    span: Span  # the same text as source offsets: article.source[span.start:span.end]


def find_in_article(article: Article, query: str) -> list[SearchHit]:
    """Every match of `query` in the article's visible blocks, in reading order."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits = []
    for index, block in enumerate(article.blocks):
        if not block.visible:
            continue
        for match in pattern.finditer(block.text):
            start = block.to_source(match.start())
            end = block.to_source(match.end() - 1) + 1
            hits.append(SearchHit(index, match.start(), match.end(), Span(start, end)))
    return hits
