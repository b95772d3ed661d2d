"""Cursor and scroll arithmetic: a block at a time, line by line through a tall one."""

from pathlib import Path

from reader.corpus.plaintext import parse_plaintext
from reader.ui.layout import layout_article
from reader.ui.navigation import block_at_line, cursor_down, cursor_up, page, reveal

SOURCE = "Title\n\nShort one.\n\n" + "long " * 120 + "\n\nAfter the long one.\n"


def layout():
    return layout_article(parse_plaintext(Path("a.txt"), SOURCE), 20)


def test_down_steps_to_the_next_block_when_the_current_one_is_all_in_view():
    lay = layout()
    move = cursor_down(lay, 1, 0, 10, 100)
    assert move.cursor == 2


def test_down_reads_line_by_line_through_a_block_taller_than_the_view():
    lay = layout()
    tall = 2
    top = lay.first_line[tall]
    move = cursor_down(lay, tall, top, 5, 100)
    assert (move.cursor, move.top) == (tall, top + 1)


def test_up_arrives_at_the_end_of_a_tall_block():
    lay = layout()
    below = 3
    top = lay.first_line[below]
    move = cursor_up(lay, below, top, 5)
    assert move.cursor == 2
    assert move.top == lay.last_line[2] - 5 + 1


def test_cursor_out_of_view_comes_back_to_the_top_of_the_view():
    lay = layout()
    top = lay.first_line[3]
    assert cursor_down(lay, 0, top, 5, 100).cursor == 3


def test_page_moves_a_screen_less_one_line_and_puts_the_cursor_there():
    lay = layout()
    move = page(lay, 0, 6, 100, 1)
    assert move.top == 5
    assert move.cursor == block_at_line(lay, 5)
    assert page(lay, 3, 6, 100, -1).top == 0


def test_reveal_scrolls_the_least():
    lay = layout()
    assert reveal(lay, 0, 0, 5) == 0
    last = lay.blocks[-1]
    assert reveal(lay, last, 0, 5) == lay.last_line[last] - 4
