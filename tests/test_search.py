"""In-article search: case-insensitive matches in displayed text, reported as source spans."""

from pathlib import Path

from reader.corpus.markdown import parse_markdown
from reader.corpus.search import find_in_article
from tests.test_plaintext import seed


def test_matches_are_source_spans_of_the_same_text():
    article = seed()
    hits = find_in_article(article, "kremlin")
    assert len(hits) == article.source.count("Kremlin")
    assert {article.source[hit.span.start : hit.span.end] for hit in hits} == {"Kremlin"}


def test_hidden_blocks_are_not_searched():
    assert find_in_article(seed(), "All comments") == []


def test_a_match_across_removed_markup_spans_the_markup_in_the_source():
    article = parse_markdown(Path("a.md"), "# T\n\nHello **bold** world\n")
    [hit] = find_in_article(article, "bold world")
    assert article.source[hit.span.start : hit.span.end] == "bold** world"


def test_empty_query_finds_nothing():
    assert find_in_article(seed(), "") == []
