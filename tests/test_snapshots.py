"""What the screen looks like: the screens tools/screenshots.py draws for the README, compared
with the accepted SVGs in tests/__snapshots__/ (pytest-textual-snapshot). After a change that
is meant to alter the look, review the new pictures and accept them with
`pytest tests/test_snapshots.py --snapshot-update`.

The analysis is the FixedEngine's (the seed's frozen answer) and bookmarks are dated on a fixed
day, so nothing here moves with the rules or the calendar."""

from __future__ import annotations

import pytest

from reader.config import Config
from tests.conftest import (
    DATA,
    SEEDS,
    make_app,
    settle,
    wait_for_article,
    wait_for_library_analysis,
)

# Noon on 2026-12-01 (UTC): the same day in every time zone the tests run in.
FIXED_DAY = 1_796_126_400.0


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    import reader.store.bookmarks as bookmarks

    class Clock:
        @staticmethod
        def time() -> float:
            return FIXED_DAY

    monkeypatch.setattr(bookmarks, "time", Clock)


def _after_the_article(*keys: str, title: str = ""):
    """Wait for the article and its analysis, press `keys` (each let settle), then take the
    picture with no passing notification or confirmation in it."""

    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_for_article(pilot, app, title)
        await wait_for_library_analysis(pilot, app)
        await settle(pilot, app)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, app)
        from textual.widgets import Input

        for screen in app.screen_stack:
            for box in screen.query(Input):
                box.cursor_blink = False  # a blinking cursor is caught on or off by chance
        app.clear_notifications()
        app.main.reader.unsay()  # a confirmation on the status line lasts until a move too
        await _laid_out(pilot, app)

    return run_before


async def _laid_out(pilot, app) -> None:
    """Wait until every scrolling part of the screen keeps its size through a few frames (the
    help lays its rows out in more than one pass; a picture between them has another
    scrollbar)."""

    def sizes() -> list:
        return [(w.virtual_size, w.size) for w in app.screen.query("*") if w.is_scrollable]

    last, steady = sizes(), 0
    for _ in range(500):
        await pilot.pause(0.02)
        now = sizes()
        steady = steady + 1 if now == last else 0
        if steady >= 3:
            return
        last = now
    raise AssertionError("the screen's layout never settled")


KEEP_TWO = [
    *["tab", "j", "j", "right_parenthesis", "m", *"the warning, on record", "enter"],
    *["j", "j", "m", *"Lukashenko and the migrants", "enter", "M"],
]

SHOTS = {
    "reader": ((120, 40), ["tab", "j", "j", "j"], None, [SEEDS]),
    "narrow": ((40, 12), [], None, [SEEDS]),
    "entities": ((120, 40), ["tab", "e", "j", "enter"], None, [SEEDS]),
    "quotes": ((120, 40), ["tab", "w"], None, [SEEDS]),
    "help": ((120, 40), ["question_mark"], None, [SEEDS]),
    "light": ((120, 40), ["tab", "j", "j", "j"], "textual-light", [SEEDS]),
    "bookmarks": ((120, 34), KEEP_TWO, None, [SEEDS]),
    "corpus_search": ((120, 36), ["F", *"said"], None, [SEEDS, DATA / "corpus"]),
    "people": ((120, 34), ["p"], None, [SEEDS, DATA / "corpus"]),
    "quotations": ((120, 34), ["Q"], None, [SEEDS, DATA / "corpus"]),
}


@pytest.mark.parametrize("name", list(SHOTS))
def test_the_screen_looks_as_accepted(name, snap_compare, locations):
    size, keys, theme, paths = SHOTS[name]
    app = make_app(paths, locations, Config(theme=theme) if theme else None)
    assert snap_compare(app, terminal_size=size, run_before=_after_the_article(*keys))
