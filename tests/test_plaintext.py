"""Plain-text parsing: title, standfirst, paragraphs, Source: line, debris; offsets into source."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.corpus.model import BlockKind
from reader.corpus.plaintext import parse_plaintext
from tests.conftest import SEED_TITLE, SEEDS


def seed():
    path = next(SEEDS.glob("*.txt"))
    return parse_plaintext(path, path.read_text(encoding="utf-8"))


def assert_blocks_point_into_source(article):
    for block in article.blocks:
        assert article.source[block.start : block.end].split() == block.text.split()
        for index, char in enumerate(block.text):
            source_char = article.source[block.to_source(index)]
            assert source_char == char or (char == " " and source_char.isspace())


def test_seed_title_is_the_first_line():
    article = seed()
    assert article.title == SEED_TITLE
    assert article.blocks[0].kind == BlockKind.TITLE


def test_seed_standfirst_is_the_first_paragraph():
    standfirst = seed().blocks[1]
    assert standfirst.kind == BlockKind.STANDFIRST
    assert standfirst.text.startswith("New data collected by US intelligence services")


def test_seed_source_line_becomes_metadata_and_debris_is_hidden():
    article = seed()
    assert article.metadata.source == "with agencies"
    shown = " ".join(block.text for block in article.blocks if block.visible)
    assert "All comments." not in shown
    assert "Source:" not in shown
    assert [b.kind for b in article.blocks[-2:]] == [BlockKind.METADATA, BlockKind.DEBRIS]


def test_seed_blocks_point_into_the_source():
    article = seed()
    assert_blocks_point_into_source(article)
    assert len([b for b in article.blocks if b.kind == BlockKind.PARAGRAPH]) == 9


def test_word_count_counts_only_shown_text():
    article = seed()
    shown = sum(len(b.text.split()) for b in article.blocks if b.visible)
    assert article.word_count == shown
    assert 600 < article.word_count < 700


def test_hard_wrapped_lines_fold_into_one_paragraph():
    source = "Title\n\nOne line\n   wrapped here\nand here.\n\nSecond paragraph."
    article = parse_plaintext(Path("a.txt"), source)
    assert article.blocks[1].text == "One line wrapped here and here."
    assert article.blocks[2].text == "Second paragraph."
    assert_blocks_point_into_source(article)


def test_long_lines_without_blank_lines_are_separate_paragraphs():
    long_one = "A sentence that goes on. " * 6
    source = f"Title\n{long_one.strip()}\n{long_one.strip()}\n"
    article = parse_plaintext(Path("a.txt"), source)
    assert len(article.blocks) == 3


def test_windows_line_endings_and_byte_order_mark():
    source = "\ufeffHeadline here\r\n\r\nBody text\r\nmore.\r\n"
    article = parse_plaintext(Path("a.txt"), source)
    assert article.title == "Headline here"
    assert article.blocks[1].text == "Body text more."
    assert_blocks_point_into_source(article)


def test_trailing_debris_without_source_line():
    source = "Title\n\nBody.\n\nShare this article\n\nAdvertisement\n"
    article = parse_plaintext(Path("a.txt"), source)
    assert [b.text for b in article.blocks if b.visible] == ["Title", "Body."]


def test_whitespace_only_file_has_a_title_from_its_name():
    article = parse_plaintext(Path("empty_story.txt"), "   \n\n ")
    assert article.blocks == ()
    assert article.title == "empty_story"


@given(st.text(alphabet=st.sampled_from("ab \n\r\t\u00a0é日😀"), max_size=200))
def test_any_text_parses_with_blocks_inside_the_source(source):
    article = parse_plaintext(Path("x.txt"), source)
    previous_end = 0
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(source)
        assert block.start >= previous_end
        previous_end = block.end
    assert_blocks_point_into_source(article)


def test_long_lines_split_into_paragraphs_whatever_the_line_breaks():
    from reader.corpus.plaintext import _line_start

    long = "word " * 30
    source = f"Title\n\n{long}\r\n{long}\r{long}\nshort\nline"
    article = parse_plaintext(Path("x.txt"), source)
    body = [block.text for block in article.blocks[1:]]
    assert body == [long.strip(), long.strip(), long.strip(), "short line"]
    # A line starts after the nearest break of either kind, searched back no further.
    assert _line_start("a\rb\nc", 5) == 4 and _line_start("a\nb\rc", 5) == 4
    assert _line_start("abc", 2) == 0
