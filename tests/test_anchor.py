"""Finding a bookmarked passage again after its article changed: right place or orphan, never
the wrong passage."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.corpus.anchor import anchor, make_selector

WORDS = (
    "the minister said talks would resume after the summit while officials in the capital "
    "warned that sanctions could follow any move against the border region and markets fell"
).split()

NAMES = (
    "Okonkwo Lindqvist Haverford Mbeki Castellanos Yamamoto Petrovic Gallagher Nakamura "
    "Fitzgerald Oyelaran Brzezinski Kowalczyk Adeyemi Villanueva"
).split()
PLACES = (
    "Mombasa Tromso Valparaiso Kharkiv Ulaanbaatar Cartagena Bratislava Maputo Tbilisi Quito "
    "Dushanbe Windhoek Ljubljana Asuncion Yerevan"
).split()


@st.composite
def articles(draw):
    """An article of sentences and a passage of one to three whole sentences in it. Each
    sentence has words of its own, as the sentences of a real article do: two that differ by a
    character or two cannot be told apart by anyone."""
    count = draw(st.integers(6, 14))
    names, places = draw(st.permutations(NAMES)), draw(st.permutations(PLACES))
    sentences = []
    for number in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=12))
        # A name and a place of its own, as a real sentence has.
        words[1:1] = [names[number], places[number]]
        sentences.append(f"{' '.join(words).capitalize()} ({number}).")
    first = draw(st.integers(1, count - 3))
    last = draw(st.integers(first, min(first + 2, count - 2)))
    return sentences, first, last


def _join(sentences: list[str]) -> str:
    return " ".join(sentences)


def _span(sentences: list[str], first: int, last: int) -> tuple[int, int]:
    start = len(_join(sentences[:first])) + (1 if first else 0)
    return start, start + len(_join(sentences[first : last + 1]))


def _overlaps(found, start: int, end: int, slack: int = 12) -> bool:
    return abs(found.start - start) <= slack and abs(found.end - end) <= slack


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.data())
def test_edits_outside_the_passage_keep_it_exactly(article, data):
    sentences, first, last = article
    start, end = _span(sentences, first, last)
    selector = make_selector(_join(sentences), start, end)
    edited = list(sentences)
    kind = data.draw(
        st.sampled_from(["insert before", "insert after", "delete before", "delete after"])
    )
    if kind == "insert before":
        edited.insert(data.draw(st.integers(0, first)), "A new sentence was added here (x).")
        first, last = first + 1, last + 1
    elif kind == "insert after":
        edited.insert(data.draw(st.integers(last + 1, len(edited))), "Another one came later (y).")
    elif kind == "delete before":
        del edited[data.draw(st.integers(0, first - 1))]
        first, last = first - 1, last - 1
    else:
        del edited[data.draw(st.integers(last + 1, len(edited) - 1))]
    new_start, new_end = _span(edited, first, last)
    found = anchor(_join(edited), selector)
    assert found is not None
    assert (found.start, found.end) == (new_start, new_end)


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.data())
def test_a_changed_word_near_or_inside_finds_the_passage_or_orphans_it(article, data):
    sentences, first, last = article
    start, end = _span(sentences, first, last)
    selector = make_selector(_join(sentences), start, end)
    edited = list(sentences)
    where = data.draw(st.sampled_from([first - 1, last + 1, first, last]))
    words = edited[where].split()
    position = data.draw(st.integers(0, len(words) - 2))
    words[position] = "unexpectedly"
    edited[where] = " ".join(words)
    new_start, new_end = _span(edited, first, last)
    found = anchor(_join(edited), selector)
    if first <= where <= last:
        # Inside: found in its edited form, or an orphan; never somewhere else.
        assert found is None or _overlaps(found, new_start, new_end)
    else:
        assert found is not None
        assert (found.start, found.end) == (new_start, new_end)


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.data(), st.booleans())
def test_a_duplicated_passage_anchors_to_the_original(article, data, edit_original):
    sentences, first, last = article
    start, end = _span(sentences, first, last)
    selector = make_selector(_join(sentences), start, end)
    passage = _join(sentences[first : last + 1])
    edited = list(sentences)
    if edit_original:
        # The original is edited, the copy is not: the copy is still the wrong passage.
        edited[first] = edited[first].replace(" ", " really ", 1)
    at = data.draw(st.sampled_from([0, len(edited)]))
    edited.insert(at, passage)
    if at == 0:
        first, last = first + 1, last + 1
    new_start, new_end = _span(edited, first, last)
    found = anchor(_join(edited), selector)
    if edit_original:
        assert found is None or _overlaps(found, new_start, new_end)
    else:
        assert found is not None
        assert (found.start, found.end) == (new_start, new_end)


def test_a_deleted_passage_is_an_orphan_not_a_loose_match():
    text = "Officials met on Monday. “We will not retreat,” she said. Markets were calm."
    start = text.index("“")
    selector = make_selector(text, start, text.index("said") - 1)
    rewritten = "Officials met on Monday. Markets were calm. Nothing more was said that week."
    assert anchor(rewritten, selector) is None


def test_a_short_quote_elsewhere_with_other_surroundings_is_an_orphan():
    text = "The vote was close. Yes. The count took all night."
    start = text.index("Yes.")
    selector = make_selector(text, start, start + 4)
    rewritten = "Asked whether he would run again, the mayor said: Yes. Then he left."
    assert anchor(rewritten, selector) is None


def test_found_where_it_was_scores_one():
    text = "One. Two three four. Five."
    selector = make_selector(text, 5, 20)
    found = anchor(text, selector)
    assert found is not None and (found.start, found.end, found.score) == (5, 20, 1.0)


def test_a_paragraph_inserted_before_an_edited_passage_is_never_swallowed():
    from tests.conftest import SEEDS

    source = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    start = source.index("In the daily Telegraph")
    end = source.index("\n", start)
    selector = make_selector(source, start, end)
    inserted = "A new paragraph the editors added later, about something else entirely.\n\n"
    edited = source[start:end].replace("annoyance", "irritation")
    changed = source[:start] + inserted + edited + source[end:]
    found = anchor(changed, selector)
    assert found is not None
    assert changed[found.start : found.end] == edited


def test_a_fuzzy_match_is_never_longer_than_the_passage_by_whole_paragraphs():
    paragraphs = [
        f"Paragraph {n} tells how {name} met officials in {place} before the vote."
        for n, (name, place) in enumerate(zip(NAMES, PLACES, strict=True))
    ]
    source = "\n\n".join(paragraphs)
    start = source.index(paragraphs[6])
    selector = make_selector(source, start, start + len(paragraphs[6]))
    for filler in ("Short.", "A longer inserted paragraph of some twenty words " * 2):
        edited = paragraphs[6].replace("officials", "ministers")
        changed = "\n\n".join([*paragraphs[:6], filler, edited, *paragraphs[7:]])
        found = anchor(changed, selector)
        assert found is not None and changed[found.start : found.end] == edited, filler
