"""Markdown parsing: front matter, title, inline marks; display text maps back into the source."""

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.corpus.markdown import parse_front_matter, parse_markdown
from reader.corpus.model import BlockKind
from tests.conftest import DATA


def parse(source: str):
    return parse_markdown(Path("a.md"), source)


def assert_display_maps_to_source(article):
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.source)
        places = [block.to_source(index) for index in range(len(block.text))]
        # Read in order: the display text never runs back through its source.
        assert places == sorted(places), (block, places)
        for index, char in enumerate(block.text):
            source_char = article.source[places[index]]
            # A character reference (`&#1;`, `&amp;`) shows as one character mapped to its `&`.
            same = source_char == char or source_char == "&"
            assert same or (char in " \n" and source_char.isspace()), (block, index)


def test_front_matter_gives_title_source_author_date():
    article = parse_markdown(
        Path("x.md"), (DATA / "corpus/world/budget_talks.md").read_text(encoding="utf-8")
    )
    assert article.title == "Markdown sample: the budget talks"
    assert article.metadata.source == "Example Times"
    assert article.metadata.author == "Ann Reporter"
    assert article.metadata.date == "2026-11-20"
    assert_display_maps_to_source(article)


def test_without_front_matter_the_first_heading_is_the_title():
    article = parse("Intro line\n\n# The real title\n\nBody.\n")
    assert article.title == "The real title"
    titles = [b for b in article.blocks if b.kind == BlockKind.TITLE]
    assert len(titles) == 1 and article.source[titles[0].start : titles[0].end] == "The real title"


def test_standfirst_follows_the_title():
    article = parse("# Title\n\nFirst paragraph.\n\nSecond.\n")
    assert [b.kind for b in article.blocks] == [
        BlockKind.TITLE,
        BlockKind.STANDFIRST,
        BlockKind.PARAGRAPH,
    ]


def test_markup_is_removed_from_display_text_but_kept_as_marks():
    article = parse("# T\n\nSome *em*, **strong**, `code` and [a link](https://example.org).\n")
    block = article.blocks[1]
    assert block.text == "Some em, strong, code and a link."
    kinds = {mark.kind: block.text[mark.start : mark.end] for mark in block.marks}
    assert kinds == {"em": "em", "strong": "strong", "code": "code", "link": "a link"}
    link = next(mark for mark in block.marks if mark.kind == "link")
    assert link.href == "https://example.org"
    assert_display_maps_to_source(article)


def test_text_after_a_link_maps_to_itself_not_into_the_url():
    article = parse("# T\n\n[x](http://x.example/x) x\n")
    block = article.blocks[1]
    last_x = block.to_source(len(block.text) - 1)
    assert last_x == len(article.source) - 2


def test_escapes_and_entities_map_to_their_source_characters():
    article = parse("# T\n\nA \\*star\\* &amp; more\n")
    block = article.blocks[1]
    assert block.text == "A *star* & more"
    assert_display_maps_to_source(article)


def test_lists_quotes_code_and_rules():
    source = (
        "# T\n\n- one\n- two\n  - nested\n\n1. first\n\n> quoted\n\n```\ncode  here\n```\n\n---\n"
    )
    article = parse(source)
    items = [b for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert [(b.prefix, b.text, b.level) for b in items] == [
        ("• ", "one", 1),
        ("• ", "two", 1),
        ("• ", "nested", 2),
        ("1. ", "first", 1),
    ]
    quote = next(b for b in article.blocks if b.quote_depth)
    assert quote.text == "quoted"
    code = next(b for b in article.blocks if b.kind == BlockKind.CODE)
    assert code.text == "code  here"
    assert article.blocks[-1].kind == BlockKind.RULE
    assert_display_maps_to_source(article)


def test_front_matter_is_optional_and_tolerant():
    assert parse_front_matter("no front matter") == ({}, 0)
    fields, end = parse_front_matter("---\ntitle: 'Quoted'\nnonsense line\n---\nBody")
    assert fields == {"title": "Quoted"}
    assert end == len("---\ntitle: 'Quoted'\nnonsense line\n---\n")


markdownish = st.text(alphabet=st.sampled_from("ab *_`[]()#>-\n\\&;!1.é日"), max_size=120)


@settings(max_examples=300)
@given(markdownish)
@example("1\\;\n1;")  # an escape, then the same text unescaped on the next line
def test_any_markdown_maps_display_text_into_the_source(source):
    assert_display_maps_to_source(parse(source))


def test_text_with_an_escape_is_found_on_its_own_line_not_the_next():
    article = parse("1\\;\n1;")
    (block,) = article.blocks
    assert block.text == "1; 1;"
    assert [block.to_source(i) for i in range(len(block.text))] == [0, 2, 3, 4, 5]


FEATURES = Path(__file__).parent / "data" / "features.md"


def test_a_table_is_one_block_of_aligned_rows_with_source_offsets():
    source = FEATURES.read_text(encoding="utf-8")
    article = parse_markdown(FEATURES, source)
    [table] = [block for block in article.blocks if block.kind == BlockKind.TABLE]
    rows = table.text.split("\n")
    assert rows[0].startswith("Country │ Share │ Note")
    assert set(rows[1]) <= {"─", "┼"}
    bars = {row.index("│") for row in rows if "│" in row}
    assert len(bars) == 1  # the columns line up
    assert rows[-1].endswith("…")  # a cell wider than a column is cut
    for word in ("France", "24.3%", "largest"):
        at = table.text.index(word)
        start = table.to_source(at)
        assert source[start : start + len(word)] == word
    kinds = {(mark.kind, table.text[mark.start : mark.end]) for mark in table.marks}
    assert ("strong", "largest") in kinds and ("link", "the report") in kinds


def test_footnotes_are_numbered_notes_and_references_show_their_numbers():
    source = FEATURES.read_text(encoding="utf-8")
    article = parse_markdown(FEATURES, source)
    notes = [block for block in article.blocks if block.kind == BlockKind.NOTE]
    assert [(note.prefix, note.text) for note in notes] == [
        ("1. ", "The Commission draft of 20 November 2026."),
        ("2. ", "Speaking on condition of anonymity."),
    ]
    body = next(block for block in article.blocks if "Commission[1]" in block.text)
    assert "set out who pays what" in body.text
    starts = [block.start for block in article.blocks]
    assert starts == sorted(starts)  # blocks stay in source order


def test_a_front_matter_title_repeated_as_the_first_heading_is_shown_once():
    article = parse_markdown(FEATURES, FEATURES.read_text(encoding="utf-8"))
    titles = [b for b in article.blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING)]
    assert [(b.kind, b.text) for b in titles] == [(BlockKind.TITLE, "Budget talks, the figures")]
    assert article.metadata.date == "2026-11-24"
