"""Source spans to displayed ranges: what the reader pane colours, block by block."""

from pathlib import Path

from reader.analysis.model import Analysis, Mention, Quote
from reader.corpus.find import hits_for_span
from reader.corpus.markdown import parse_markdown
from reader.corpus.plaintext import parse_plaintext
from reader.ui.highlights import LayeredHighlights, build_highlights
from tests.test_find import find_in_article

SOURCE = (
    "Title\n\nFirst paragraph with Joe Biden.\n\n"
    "“A quote that runs on.\n\n“And ends here,” he said."
)


def article():
    return parse_plaintext(Path("a.txt"), SOURCE)


def test_a_span_inside_one_block_is_one_hit_with_display_offsets():
    art = article()
    start = SOURCE.index("Joe Biden")
    [hit] = hits_for_span(art, start, start + len("Joe Biden"))
    block = art.blocks[hit.block]
    assert block.text[hit.start : hit.end] == "Joe Biden"


def test_a_span_over_two_paragraphs_is_one_hit_per_block():
    art = article()
    start, end = SOURCE.index("“A quote"), SOURCE.index("here,”") + len("here,”")
    hits = hits_for_span(art, start, end)
    assert [art.blocks[h.block].text[h.start : h.end] for h in hits] == [
        "“A quote that runs on.",
        "“And ends here,”",
    ]


def test_markdown_markup_inside_a_span_is_skipped_in_display():
    art = parse_markdown(Path("a.md"), "# T\n\nMet **Joe** Biden today.\n")
    start = art.source.index("**Joe")
    end = art.source.index("Biden") + len("Biden")
    [hit] = hits_for_span(art, start, end)
    assert art.blocks[hit.block].text[hit.start : hit.end] == "Joe Biden"


def test_layers_quotes_then_entities_then_the_chosen_entity():
    art = article()
    name = SOURCE.index("Joe Biden")
    quote = SOURCE.index("“And")
    analysis = Analysis(
        mentions=[Mention(name, name + 9, "Joe Biden", "PERSON", "Joe Biden")],
        quotes=[Quote(quote, quote + 16, "“And ends here,”", "speech", None)],
    )
    layers = build_highlights(
        art,
        analysis,
        show_analysis=True,
        selected_entity="Joe Biden",
    )
    flat = [style for ranges in layers.values() for *_, style in ranges]
    assert sorted(flat) == ["reader--person", "reader--selected", "reader--speech"]
    person_block = hits_for_span(art, name, name + 9)[0].block
    assert [style for *_, style in layers[person_block]] == ["reader--person", "reader--selected"]


def test_hidden_analysis_leaves_only_the_chosen_entity_and_search():
    art = article()
    name = SOURCE.index("Joe Biden")
    analysis = Analysis(mentions=[Mention(name, name + 9, "Joe Biden", "PERSON", "Joe Biden")])
    layers = build_highlights(art, analysis, show_analysis=False, selected_entity=None)
    assert layers == {}


def test_layers_paint_search_over_entities_and_the_current_match_last():
    art = article()
    start = SOURCE.index("Joe Biden")
    analysis = Analysis(
        mentions=[Mention(start, start + 9, "Joe Biden", "PERSON", "Joe Biden")], quotes=[]
    )
    layers = LayeredHighlights()
    layers.base = build_highlights(art, analysis, show_analysis=True, selected_entity=None)
    block = hits_for_span(art, start, start + 9)[0].block
    assert [name for *_, name in layers.get(block)] == ["reader--person"]
    hits = find_in_article(art, "biden")
    layers.add_search(hits)
    assert [name for *_, name in layers.get(block)] == ["reader--person", "reader--search"]
    layers.current = hits[0]
    assert [name for *_, name in layers.get(block)][-1] == "reader--search-current"
    layers.clear_search()
    assert [name for *_, name in layers.get(block)] == ["reader--person"]
    assert layers.get(999) == ()
