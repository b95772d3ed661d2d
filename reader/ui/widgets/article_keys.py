"""The reader pane's keys: movement, search, entities, links, and choosing and keeping text.
Each has an id, so the config's [keymap] can change it (see README)."""

from __future__ import annotations

from textual.binding import Binding

ARTICLE_BINDINGS = [
    Binding("j,down", "move('down')", "Down", show=False, id="reader.down"),
    Binding("k,up", "move('up')", "Up", show=False, id="reader.up"),
    Binding(
        "space,pagedown,ctrl+f", "move('page_down')", "Page down", show=False, id="reader.page_down"
    ),
    Binding(
        "b,pageup,shift+space,ctrl+b", "move('page_up')", "Page up", show=False, id="reader.page_up"
    ),
    Binding("ctrl+d", "move('half_down')", "Half a page down", show=False, id="reader.half_down"),
    Binding("ctrl+u", "move('half_up')", "Half a page up", show=False, id="reader.half_up"),
    Binding("g,home", "move('top')", "Top", show=False, id="reader.top"),
    Binding("G,end", "move('bottom')", "Bottom", show=False, id="reader.bottom"),
    Binding("n", "step('match', 1)", "Next match", show=False, id="reader.next_match"),
    Binding("N", "step('match', -1)", "Previous match", show=False, id="reader.previous_match"),
    Binding(
        "right_square_bracket",
        "step('mention', 1)",
        "Next mention",
        show=False,
        id="reader.next_mention",
    ),
    Binding(
        "left_square_bracket",
        "step('mention', -1)",
        "Previous mention",
        show=False,
        id="reader.previous_mention",
    ),
    Binding(
        "f",
        "filter_by_entity",
        "Filter the list: articles naming the marked entity or this passage's first",
        show=False,
        id="reader.filter_entity",
    ),
    Binding("o", "open_link", "Open a link of this passage", show=False, id="reader.open_link"),
    Binding(
        "right_parenthesis",
        "step('sentence', 1)",
        "Next sentence",
        show=False,
        id="reader.next_sentence",
    ),
    Binding(
        "left_parenthesis",
        "step('sentence', -1)",
        "Previous sentence",
        show=False,
        id="reader.previous_sentence",
    ),
    Binding("v", "select", "Select: movement keys extend it", show=False, id="reader.select"),
    Binding("escape", "drop_choice", "Drop the selection", show=False, id="reader.drop"),
    Binding("m", "keep", "Bookmark", id="reader.keep"),
    Binding("y", "copy", "Copy with its attribution", show=False, id="reader.copy"),
    Binding(
        "apostrophe", "step('bookmark', 1)", "Next bookmark", show=False, id="reader.next_bookmark"
    ),
    Binding(
        "quotation_mark",
        "step('bookmark', -1)",
        "Previous bookmark",
        show=False,
        id="reader.previous_bookmark",
    ),
]
