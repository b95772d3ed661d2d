"""Wrapping by terminal cells: CJK and emoji take their real width; RTL text keeps its order."""

from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.corpus.plaintext import parse_plaintext
from reader.ui.layout import layout_article, measure_width, with_attributions, wrap


def lines_of(text, width):
    return [text[start:end] for start, end in wrap(text, width)]


def test_english_wraps_at_spaces():
    assert lines_of("the quick brown fox jumps", 10) == ["the quick ", "brown fox ", "jumps"]


def test_cjk_characters_take_two_cells_and_break_anywhere():
    text = "日本語のテキストは単語の間にスペースがありません"
    lines = lines_of(text, 10)
    assert "".join(lines) == text
    assert all(cell_len(line) <= 10 for line in lines)
    assert len(lines[0]) == 5  # five wide characters fill ten cells


def test_emoji_take_two_cells():
    lines = lines_of("ab 😀😀😀😀 cd", 6)
    assert all(cell_len(line.rstrip()) <= 6 for line in lines)
    assert "".join(lines) == "ab 😀😀😀😀 cd"


def test_right_to_left_text_keeps_its_logical_order():
    text = "مرحبا بالعالم هذا نص عربي يجب أن يلتف بشكل صحيح"
    lines = lines_of(text, 15)
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip()) <= 15 for line in lines)


def test_a_word_longer_than_the_line_is_cut():
    assert lines_of("supercalifragilistic", 8) == ["supercal", "ifragili", "stic"]


@given(
    st.text(alphabet=st.sampled_from("ab cd  é日本😀\u0301"), max_size=120),
    st.integers(min_value=2, max_value=40),
)
def test_lines_cover_the_text_and_fit_the_width(text, width):
    spans = wrap(text, width)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in pairwise(spans):
        assert end == start
    for start, end in spans:
        assert cell_len(text[start:end].rstrip()) <= max(width, 2)


def test_layout_maps_every_text_line_back_to_its_block():
    source = "Title\n\n" + "word " * 200 + "\n\nSecond paragraph."
    article = parse_plaintext(Path("a.txt"), source)
    layout = layout_article(article, 40)
    for index, block in enumerate(article.blocks):
        first, last = layout.first_line[index], layout.last_line[index]
        shown = "".join(
            block.text[line.start : line.end] for line in layout.lines[first : last + 1]
        )
        assert shown == block.text
    assert layout.lines[1].role == "meta"  # the metadata line sits under the title


def test_measure_narrows_to_fit_but_never_vanishes():
    assert measure_width(200, 80) == 80
    assert measure_width(50, 80) == 48
    assert measure_width(8, 80) == 8


def test_an_attribution_line_takes_the_place_of_the_gap_after_its_passage():
    article = parse_plaintext(Path("a.txt"), "Title\n\nFirst.\n\n“Quoted,” she said.\n\nLast.")
    plain = layout_article(article, 40)
    marked = layout_article(article, 40, {2: "— Ann"})
    assert len(marked.lines) == len(plain.lines)
    after = marked.lines[marked.last_line[2] + 1]
    assert (after.role, after.label) == ("attribution", "— Ann")


def test_speakers_arriving_later_reuse_the_wrapped_lines_and_keep_every_passage_whole():
    from reader.corpus.markdown import parse_markdown

    article = parse_markdown(
        Path("a.md"),
        "# Title\n\n“One,” he said at length " + "and on " * 20 + "\n\n- “Two,” she said\n"
        "- three\n- “Four,” they said\n\nLast “five,” said Ann.",
    )
    bare = layout_article(article, 30)
    speakers = {index: f"— S{index}" for index in range(len(article.blocks))}
    spoken = with_attributions(bare, speakers)
    # Not wrapped again: the very same line objects, in the same order, with speaker lines
    # between them.
    text = [line for line in spoken.lines if line.role != "attribution"]
    assert all(any(line is old for old in bare.lines) for line in text)
    for block in bare.blocks:
        first, last = spoken.first_line[block], spoken.last_line[block]
        assert (
            spoken.lines[first : last + 1]
            == bare.lines[bare.first_line[block] : bare.last_line[block] + 1]
        )
        after = spoken.lines[last + 1]
        assert (after.role, after.label) == ("attribution", f"— S{block}")


def test_a_table_keeps_its_rows_and_is_cut_at_the_measure_not_wrapped():
    from reader.corpus.markdown import parse_markdown

    path = Path(__file__).parent / "data" / "features.md"
    article = parse_markdown(path, path.read_text(encoding="utf-8"))
    table = next(i for i, b in enumerate(article.blocks) if b.kind == "table")
    layout = layout_article(article, 40)
    lines = [line for line in layout.lines if line.block == table]
    assert len(lines) == len(article.blocks[table].text.split("\n"))
    assert all(line.end - line.start <= 40 for line in lines)


def test_a_long_code_line_wraps_indented_under_itself_not_at_the_left_edge():
    from reader.corpus.markdown import parse_markdown

    code = "x = compute(alpha, beta, gamma, delta, epsilon, zeta, eta, theta)"
    article = parse_markdown(Path("a.md"), f"# T\n\n```\n{code}\nshort()\n```\n")
    index = next(i for i, block in enumerate(article.blocks) if block.kind.value == "code")
    layout = layout_article(article, 30)
    lines = layout.lines[layout.first_line[index] : layout.last_line[index] + 1]
    block = article.blocks[index]
    assert "".join(block.text[line.start : line.end] for line in lines) == block.text
    first, continued = lines[0], lines[1]
    assert len(continued.indent) > len(first.indent)  # a continuation, set in
    assert all(
        len(line.indent) + cell_len(block.text[line.start : line.end].rstrip("\n")) <= 30
        for line in lines
    )
    short = next(line for line in lines if block.text[line.start : line.end].startswith("short"))
    assert short.indent == first.indent  # a line of its own starts at the edge again
