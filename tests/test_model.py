"""The model's one coordinate system: display offsets map back into the source."""

from hypothesis import given
from hypothesis import strategies as st

from reader.corpus.model import (
    OffsetMap,
    TextBuilder,
    identity_map,
    reading_minutes,
    reading_time_label,
)


def test_identity_map_round_trips():
    offsets = identity_map(10, 20)
    assert [offsets.to_source(i) for i in range(10)] == list(range(10, 20))
    assert offsets.to_display(15) == 5
    assert offsets.to_source(10) == 20  # one past the end maps to the block's end


def test_builder_records_a_run_per_jump_in_the_source():
    builder = TextBuilder()
    builder.add("Hello", 3)
    builder.add(" ", 8)  # a folded newline
    builder.add("world", 12)  # after skipped markup
    text, offsets = builder.build(17)
    assert text == "Hello world"
    assert offsets.runs == ((0, 3), (6, 12))
    assert offsets.to_source(6) == 12
    assert offsets.to_display(12) == 6
    assert offsets.to_display(10) == 6  # hidden markup maps to the next shown character


@given(st.lists(st.tuples(st.text(min_size=1, max_size=5), st.integers(0, 3)), max_size=20))
def test_builder_maps_each_display_character_to_its_source_character(pieces):
    source_parts, builder, position = [], TextBuilder(), 0
    for text, gap in pieces:
        source_parts.append("#" * gap)
        position += gap
        builder.add(text, position)
        source_parts.append(text)
        position += len(text)
    source = "".join(source_parts)
    text, offsets = builder.build(len(source))
    for index, char in enumerate(text):
        assert source[offsets.to_source(index)] == char
        assert offsets.to_display(offsets.to_source(index)) == index


def test_offset_map_is_small_for_a_long_plain_paragraph():
    offsets = OffsetMap(((0, 0),), 1_000_000, 1_000_000)
    assert offsets.to_source(999_999) == 999_999


def test_reading_time_rounds_to_whole_minutes_but_never_zero_for_text():
    assert reading_minutes(0) == 0
    assert reading_minutes(10) == 1
    assert reading_minutes(2300) == 10
    assert reading_time_label(2300) == "10 min"
    assert reading_time_label(230 * 125) == "2 h 5 min"
