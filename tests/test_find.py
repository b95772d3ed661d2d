"""In-article search: case-insensitive matches in displayed text, reported as source spans."""

from pathlib import Path

from reader.corpus.find import TextHit, iter_matches
from reader.corpus.markdown import parse_markdown
from reader.corpus.model import Article
from tests.test_plaintext import seed


def find_in_article(article: Article, query: str) -> list[TextHit]:
    """Every match of `query` in the article, in reading order."""
    return [hit for hits in iter_matches(article, query) for hit in hits]


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


def test_a_query_marks_its_words_and_phrases_not_its_operators():
    from reader.store.search_index import Term, query_terms

    assert query_terms('"prime minister" OR title:putin* NOT nato') == [
        Term(("prime", "minister")),
        Term(("putin",), prefix=True),
        Term(("nato",)),
    ]


def test_terms_match_whole_words_phrases_across_line_breaks_and_prefixes():
    from reader.corpus.find import iter_matches, terms_pattern

    article = parse_markdown(
        Path("x.md"), "# T\n\nThe Prime\nMinister met Putinists; a primer on minister.\n"
    )
    pattern = terms_pattern([(("prime", "minister"), False), (("putin",), True)])
    found = [
        article.blocks[h.block].text[h.start : h.end]
        for b in iter_matches(article, pattern)
        for h in b
    ]
    assert found == ["Prime Minister", "Putinists"]


def test_a_snippet_finds_its_hit_in_the_article_even_where_its_word_occurs_earlier():
    from reader.corpus.find import snippet_hit

    article = parse_markdown(
        Path("x.md"), "# T\n\nA storm closed roads.\n\nLater the storm closed the harbour.\n"
    )
    snippet = "…Later the \x02storm\x03 \x02closed\x03 the harbour."
    offset = snippet_hit(article, snippet, "\x02", "\x03")
    assert article.source[offset : offset + 5] == "storm"
    assert offset == article.source.index("the storm") + 4
    assert snippet_hit(article, "…nowhere \x02here\x03…", "\x02", "\x03") is None
