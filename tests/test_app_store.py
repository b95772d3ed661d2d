"""The app with a database in trouble: damaged after opening, locked by another program, in a
folder that cannot be written. Reading goes on, nothing the user kept is hidden or lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from reader.store import database as db
from reader.store.database import connect, set_aside_files
from reader.store.recovery import check
from reader.ui.screens.note import NoteScreen
from tests.conftest import (
    SEEDS,
    make_app,
    notices,
    read_only_folder,
    settle,
    view_text,
    wait_for_article,
    wait_for_notice,
)
from tests.test_app_bookmarks import _keep, _open_seed
from tests.test_store_recovery import garble_page


async def _first_session_with_a_bookmark(locations) -> None:
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await pilot.press("j")
        await _keep(pilot, "remember this")
        assert app.state.bookmarks.count() == 1


async def test_a_database_damaged_since_the_last_run_is_repaired_at_start(locations):
    await _first_session_with_a_bookmark(locations)
    garble_page(locations.database, "articles", leaf=0)
    assert not check(locations.database)
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        notice = await wait_for_notice(pilot, app, "bookmarks and the reading state")
        assert "1 bookmarks" in notice and "rebuilt from the files" in notice
        await wait_for_article(pilot, app, "United States")
        await settle(pilot, app)
        assert "United States" in view_text(app)
        assert [b.note for b in app.state.bookmarks.all()] == ["remember this"]
        assert app.article_list.total_count == len(list(SEEDS.glob("*.txt")))
    assert len(set_aside_files(locations.data_dir)) == 1
    assert check(locations.database)


_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    print("held", flush=True)
    sys.stdin.read()
    """
)


async def test_a_database_locked_elsewhere_is_reported_and_left_whole(locations, monkeypatch):
    await _first_session_with_a_bookmark(locations)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(locations.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 0.3)
        app = make_app([SEEDS], locations)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            notice = await wait_for_notice(pilot, app, "locked by another program")
            assert "will not be saved" in notice
            await wait_for_article(pilot, app, "United States")  # reading goes on
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert set_aside_files(locations.data_dir) == []
    conn, _ = connect(locations.database)
    assert conn.execute("SELECT note FROM bookmarks").fetchall() == [("remember this",)]


async def test_a_read_only_data_folder_shows_the_bookmarks_and_refuses_new_ones(locations):
    await _first_session_with_a_bookmark(locations)
    with read_only_folder(locations.data_dir):
        app = make_app([SEEDS], locations)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for_notice(pilot, app, "Your bookmarks and reading state are shown")
            await wait_for_article(pilot, app)
            await settle(pilot, app)
            assert [b.note for b in app.state.bookmarks.all()] == ["remember this"]
            await pilot.press("M")
            await pilot.pause()
            await settle(pilot, app)
            assert "remember this" in str(
                app.screen.query_one("#bookmark-list").get_option_at_index(0).prompt
            )
            await pilot.press("escape")
            app.article_view.focus()
            await pilot.press("j", "j")
            await _keep(pilot, "a second one")
            # Refused, said in the box, the note kept there to copy.
            assert isinstance(app.screen, NoteScreen)
            problem = str(app.screen.query_one("#note-problem").render())
            assert "Could not keep the bookmark" in problem and "cannot be written" in problem
            assert app.screen.query_one("#note").value == "a second one"
        scratch = app.state.database.parent
    assert not scratch.exists()  # the scratch copy went with the app
    assert set_aside_files(locations.data_dir) == []


async def test_a_database_set_aside_earlier_is_offered_back_once(locations):
    from reader.store.database import set_aside

    await _first_session_with_a_bookmark(locations)
    kept = set_aside(locations.database)
    for start in (1, 2):
        app = make_app([SEEDS], locations)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for_article(pilot, app)
            await settle(pilot, app)
            offered = [n for n in notices(app) if "set aside earlier" in n]
            if start == 1:
                assert offered and f"reader bookmarks import {kept}" in offered[0]
            else:
                assert offered == []
