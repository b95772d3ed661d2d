"""Saved web pages as articles: the main text and metadata of real page shapes, rendered as
Markdown, and what a hostile or empty page becomes."""

from __future__ import annotations

import pytest

from reader.corpus.discover import UnreadableArticle, load_article
from reader.corpus.webpage import NoArticleText, extract_page, page_markdown
from tests.local_web import WEB_DATA


def fixture(name: str) -> bytes:
    return (WEB_DATA / name).read_bytes()


def test_the_article_is_kept_and_the_page_around_it_left_out():
    page = extract_page(fixture("harbour.html"))
    body = page.body
    assert "About 600 workers at the port of Southby walked out" in body
    assert "record profits while pay has fallen" in body
    for chrome in (
        "Subscribe",
        "cookies",
        "ADVERTISEMENT",
        "Greedy unions",
        "142 comments",
        "Registered in England",
        "Port profits rise",
        "Privacy",
    ):
        assert chrome not in body, chrome


def test_metadata_comes_from_the_page_json_ld_and_open_graph():
    page = extract_page(fixture("harbour.html"))
    assert page.title == "Harbour workers walk out in dispute over pay"
    assert page.author == "Priya Natarajan"
    assert page.date == "2025-03-14"
    assert page.site == "Coastal Times"
    assert page.url == "https://news.example.org/business/harbour-strike"


def test_headings_lists_links_and_block_quotes_become_markdown():
    body = extract_page(fixture("bridge.html")).body
    assert "## What happens next" in body
    assert "- Clearing the site\n- Building the piers\n- Laying the deck" in body
    assert "[two years](https://example.com/plan)" in body
    assert "> We have waited long enough for this bridge." in body
    assert "Who cares about a bridge" not in body
    assert "cheap watches" not in body
    numbered = extract_page(fixture("harbour.html")).body
    assert "1. Friday: first 24-hour strike\n2. Monday: talks resume" in numbered


def test_a_page_in_windows_1252_reads_right():
    page = extract_page(fixture("cafe-cp1252.html"))
    assert page.title == "Café owners fear rates rise"
    assert "“We have already cut our opening hours,” said María López" in page.body


def test_a_page_with_no_article_text_is_refused():
    with pytest.raises(NoArticleText):
        extract_page(fixture("login-wall.html"))
    with pytest.raises(NoArticleText):
        extract_page(b"")
    with pytest.raises(NoArticleText):
        extract_page(b"\x00\x01\x02 binary \xff\xfe" * 50)


def hostile_page(title: str, text: str) -> str:
    paragraph = (
        "The harbour board met the union again on Monday to talk about pay and "
        "shift patterns for the crews. "
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{paragraph}{text}</p><p>{paragraph * 2}</p></article></body></html>"
    )


def test_escape_sequences_and_control_characters_never_survive_extraction():
    page = extract_page(
        hostile_page("Title\x1b]0;owned\x07 here", "Red \x1b[31mtext\x1b[0m \x9b2J end")
    )
    markdown = page_markdown(page, "2025-01-01T00:00:00Z")
    assert "\x1b" not in markdown and "\x07" not in markdown and "\x9b" not in markdown
    assert "Red" in page.body and "text" in page.body
    assert "\x1b" not in page.title


def test_text_that_reads_as_markdown_or_markup_stays_text():
    page = extract_page(
        hostile_page(
            "A [link](javascript:alert(1)) title",
            "Costs *rose* by [5%] and # more &lt;b&gt;bold&lt;/b&gt;",
        )
    )
    body = page.body
    assert "\\*rose\\*" in body and "\\[5%\\]" in body and "\\<b\\>" in body
    # The title's brackets stay in the front matter as quoted text, not a link.
    assert 'title: "A [link](javascript:alert(1)) title"' in page_markdown(page)


def test_links_other_than_web_and_mail_are_plain_text():
    html = hostile_page(
        "Links",
        '<a href="javascript:alert(1)">click here</a> and '
        '<a href="https://example.org/x">a real one</a>',
    )
    body = extract_page(html).body
    assert "javascript" not in body and "click here" in body
    assert "[a real one](https://example.org/x)" in body


def test_a_saved_page_in_a_folder_opens_as_an_article(tmp_path):
    saved = tmp_path / "harbour.html"
    saved.write_bytes(fixture("harbour.html"))
    article = load_article(saved)
    assert article.title == "Harbour workers walk out in dispute over pay"
    assert article.metadata.author == "Priya Natarajan"
    assert article.metadata.source == "Coastal Times"
    assert article.format == "markdown"
    # Offsets refer to the extracted text: a span read back from it is the words it names.
    start = article.source.index("Alan Reid")
    assert article.source[start : start + 9] == "Alan Reid"
    assert "Greedy unions" not in article.source


def test_a_saved_page_with_nothing_to_read_is_an_unreadable_article(tmp_path):
    saved = tmp_path / "login.htm"
    saved.write_bytes(fixture("login-wall.html"))
    with pytest.raises(UnreadableArticle, match="no article text"):
        load_article(saved)


def test_the_content_hash_follows_the_extracted_text(tmp_path):
    """A re-extraction that changes the text changes the hash, so bookmarks re-anchor."""
    first = tmp_path / "a.html"
    first.write_bytes(fixture("bridge.html"))
    second = tmp_path / "b.html"
    second.write_bytes(fixture("bridge.html").replace(b"<footer>", b"<footer><p>More.</p>"))
    assert load_article(first).content_hash == load_article(second).content_hash
    third = tmp_path / "c.html"
    third.write_bytes(fixture("bridge.html").replace(b"decade of debate", b"long debate"))
    assert load_article(third).content_hash != load_article(first).content_hash


def test_a_huge_saved_page_is_refused_with_a_reason(tmp_path):
    from reader.corpus.discover import MAX_PAGE_BYTES

    huge = tmp_path / "dump.html"
    huge.write_bytes(
        b"<html><body>" + b"<p>word word word</p>" * (MAX_PAGE_BYTES // 20) + b"</body></html>"
    )
    with pytest.raises(UnreadableArticle, match="over 10 MB"):
        load_article(huge)


def test_text_not_in_paragraphs_is_kept():
    """A feed's content is often bare text, or text between blocks."""
    html = (
        "<html><body><article>Bare words of the story come first here. <p>Then a paragraph "
        "follows them.</p> And words after it close the story.</article></body></html>"
    )
    body = extract_page(html, min_words=1).body
    assert "Bare words of the story come first here." in body
    assert "Then a paragraph follows them." in body
    assert "And words after it close the story." in body
