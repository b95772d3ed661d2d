"""Choosing, keeping, copying and finding again passages, driven through the app."""

from __future__ import annotations

import shutil

from reader.store.bookmarks import BookmarkStore
from reader.store.database import open_existing
from reader.ui.screens.note import NoteScreen
from tests.conftest import (
    SEEDS,
    FixedEngine,
    make_app,
    notices,
    settle,
    view_text,
    wait_for,
    wait_for_article,
    wait_for_focus,
    wait_for_palette,
)

BLINKEN = "“We are not clear about Moscow’s intentions"


async def _open_seed(pilot, app) -> None:
    await wait_for_article(pilot, app)
    await settle(pilot, app)
    await pilot.press("tab")  # into the reader pane


async def _cursor_to(pilot, app, text: str) -> None:
    view = app.article_view
    for _ in range(30):
        if text in view.article.blocks[view.cursor].text:
            return
        await pilot.press("j")
    raise AssertionError(f"no passage with {text!r}")


def _stored(locations) -> list:
    conn = open_existing(locations.database)
    try:
        return BookmarkStore(conn).all()
    finally:
        conn.close()


async def _keep(pilot, note: str = "") -> None:
    """`m`, the note typed into the box once it has focus (on a busy machine a key pressed
    before would reach the article as a command), and Enter."""
    app = pilot.app
    await pilot.press("m")
    await wait_for(
        pilot,
        lambda: (
            isinstance(app.screen, NoteScreen)
            and app.focused is not None
            and app.focused.id == "note"
        ),
        "the note box",
    )
    if note:
        await pilot.press(*note)
    await pilot.press("enter")
    # Kept (the box closes) or refused (the box stays, the reason under the note).
    await wait_for(
        pilot,
        lambda: (
            not isinstance(app.screen, NoteScreen)
            or app.screen.query_one("#note-problem").has_class("-shown")
        ),
        "the note box to close or say why not",
    )


def _seed_copy(tmp_path):
    """A folder holding a copy of the seed article: (folder, the seed, the copy)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    article = folder / "seed.txt"
    shutil.copy(seed, article)
    return folder, seed, article


async def _bookmark_in(folder, locations, passage: str, note: str = "") -> None:
    """Open the app on `folder`, bookmark the passage holding `passage`, close it."""
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, passage)
        await _keep(pilot, note)


async def test_sentence_cursor_and_selection_say_what_is_chosen(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, BLINKEN)
        view = app.article_view
        block = view.cursor
        await pilot.press("right_parenthesis")
        assert view.choice.sentence == 0
        assert view.choice.chosen().text(view.article).startswith(BLINKEN)
        status = str(app.query_one("#status").render())
        assert "Sentence: 1 sentence · Anthony Blinken" in status
        await pilot.press("right_parenthesis")
        assert (view.cursor, view.choice.sentence) == (block, 1)
        assert view.choice.chosen().text(view.article).startswith("and more comprehensive")
        await pilot.press("left_parenthesis", "v", "right_parenthesis")
        chosen = view.choice.chosen()
        assert chosen.sentences == 2
        assert "Selected: 2 sentences · Anthony Blinken" in str(app.query_one("#status").render())
        await pilot.press("j")  # a passage move extends the selection over the next passage
        assert view.choice.chosen().blocks == (block, view.cursor) and view.cursor != block
        await pilot.press("escape")
        assert view.choice.anchor is None
        await pilot.press("escape")  # nothing chosen now: back to the whole passage
        assert view.choice.sentence is None and not view.choice.choosing


async def test_bookmark_with_a_note_marks_the_gutter_and_survives_a_restart(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, BLINKEN)
        await pilot.press("right_parenthesis")
        await _keep(pilot, "key quote")
        assert any(
            "◆" in line and "We are not clear" in line for line in view_text(app).split("\n")
        )
        stored = _stored(locations)
        assert len(stored) == 1
        assert stored[0].note == "key quote"
        assert stored[0].speaker == "Anthony Blinken"
        assert stored[0].exact.startswith(BLINKEN)
        # m on the bookmarked passage edits its note.
        await pilot.press("m")
        await wait_for_focus(pilot, app, "note")
        await pilot.press("ctrl+u", *"edited", "enter")
        await pilot.pause()
        assert [b.note for b in _stored(locations)] == ["edited"]
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await settle(pilot, app)
        assert len(app.article_view.bookmarks.shown) == 1


async def test_escape_cancels_the_note_and_keeps_nothing(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await pilot.press("m")
        await wait_for_focus(pilot, app, "note")
        await pilot.press(*"never", "escape")
        await pilot.pause()
        assert _stored(locations) == []


async def test_next_and_previous_bookmark(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        view = app.article_view
        kept = []
        for _ in range(2):
            await pilot.press("j", "j")
            kept.append(view.cursor)
            await _keep(pilot)
        await pilot.press("g")
        await pilot.press("apostrophe")
        assert view.cursor == kept[0]
        await pilot.press("apostrophe")
        assert view.cursor == kept[1]
        await pilot.press("quotation_mark")
        assert view.cursor == kept[0]


async def test_y_copies_the_passage_with_its_attribution(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, BLINKEN)
        await pilot.press("right_parenthesis", "y")
        copied = app.clipboard
        assert copied.startswith(BLINKEN)
        assert "and more comprehensive" not in copied  # one sentence was chosen
        last = copied.rstrip().split("\n")[-1]
        assert last.startswith("— Anthony Blinken · “United States warns European allies")
        assert "with agencies" in last


TWO_SPEAKERS = (
    "# Talks in Oslo\n\n"
    "“We will not wait for them,” said Anna Berg. “Nor will we,” said Tomas Lind.\n\n"
    "Markets fell in Oslo on Monday. Traders blamed the talks.\n"
)


async def test_copy_and_keep_name_every_speaker_of_what_is_chosen_and_nobody_else(
    tmp_path, locations
):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.md").write_text(TWO_SPEAKERS, "utf-8")
    engine = FixedEngine(
        quotes=[("“We will not wait for them,”", "Anna Berg"), ("“Nor will we,”", "Tomas Lind")],
        mentions=[("Anna Berg", "PERSON", "Anna Berg"), ("Oslo", "GPE", "Oslo")],
    )
    app = make_app([folder], locations, engine=engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, "We will not wait")
        await pilot.press("y")
        last = app.clipboard.rstrip().split("\n")[-1]
        assert last.startswith("— Anna Berg and Tomas Lind · “Talks in Oslo”")
        # A sentence with no quotation: no speaker is named, not even the place it names.
        await _cursor_to(pilot, app, "Markets fell")
        await pilot.press("right_parenthesis", "m")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert "Oslo" not in app.screen.heading
        await pilot.press("enter")
        await settle(pilot, app)
        (kept,) = _stored(locations)
        assert kept.text == "Markets fell in Oslo on Monday." and kept.speaker == ""
        # What was kept is still chosen: y copies that sentence, not its whole passage.
        await pilot.press("y")
        copied = app.clipboard
        assert copied.startswith("Markets fell in Oslo on Monday.\n")
        assert "Traders" not in copied


async def test_shift_click_extends_a_selection(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        view = app.article_view
        first = view.cursor
        layout = view.layout
        target = view.layout.blocks[view.layout.order[first] + 2]
        y = layout.first_line[target] - int(view.scroll_y)
        await pilot.click("#article", offset=(10, y), shift=True)
        chosen = view.choice.chosen()
        assert chosen.blocks[0] == first and chosen.blocks[-1] == target
        assert view.choice.anchor is not None


async def test_a_changed_article_keeps_its_bookmark_found_again(tmp_path, locations):
    folder, seed, article = _seed_copy(tmp_path)
    await _bookmark_in(folder, locations, BLINKEN)
    # An editor adds a paragraph at the top: the offsets move, the text is found again.
    text = seed.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    article.write_text(f"{title}\n\nAn update was added here.\n{rest}", encoding="utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await settle(pilot, app)
        view = app.article_view
        assert len(view.bookmarks.shown) == 1
        bookmark = view.bookmarks.shown[0]
        assert view.article.source[bookmark.start : bookmark.end].startswith(BLINKEN)
        assert not bookmark.orphan


def _options_text(app) -> list[str]:
    options = app.screen.query_one("#bookmark-list")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_typing_in_the_bookmarks_screen_only_ever_filters(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, BLINKEN)
        await _keep(pilot, "Blinken warning, check later")
        await _cursor_to(pilot, app, "Belarus")
        await _keep(pilot, "migrants")
        await pilot.press("M")
        await wait_for_focus(pilot, app, "bookmark-filter")
        await settle(pilot, app)
        # Letters that are the list's commands (d deletes, e edits, u, a, j, k) are typed.
        for key in "democrat jake":
            await pilot.press("space" if key == " " else key)
            await pilot.pause()  # typed slowly: the first letter is not replaced
        assert app.screen.filter_box.value == "democrat jake"
        assert sorted(b.note for b in _stored(locations)) == [
            "Blinken warning, check later",
            "migrants",
        ]
        assert app.screen is not app.main and app.screen.filter_box.has_focus
        # Tab moves to the list on purpose; there a letter that is no command still filters,
        # appended to what was typed, never replacing it.
        await pilot.press("ctrl+u", *"blinken", "tab")
        await settle(pilot, app)
        assert app.screen.options.has_focus
        await pilot.press("e")
        await wait_for_focus(pilot, app, "note")
        # The note editor shows the note; typing adds to it, nothing is replaced unseen.
        await pilot.press(*" now")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Blinken warning, check later now" in [b.note for b in _stored(locations)]


async def test_bookmarks_screen_filters_opens_edits_deletes_and_undoes(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, BLINKEN)
        await _keep(pilot, "blinken warning")
        await _cursor_to(pilot, app, "Belarus")
        await _keep(pilot, "migrants")
        await pilot.press("g")
        await pilot.press("M")
        await wait_for_focus(pilot, app, "bookmark-filter")
        await settle(pilot, app)
        texts = _options_text(app)
        assert len(texts) == 2 and "migrants" in texts[0]  # newest first
        await pilot.press(*"blink")  # typing filters
        await settle(pilot, app)
        texts = _options_text(app)
        assert len(texts) == 1 and "blinken warning" in texts[0] and "Anthony Blinken" in texts[0]
        await pilot.press("tab")  # to the list, whose letters are commands
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"sharper note", "enter")
        await settle(pilot, app)
        assert "sharper note" in _options_text(app)[0]
        await pilot.press("escape")  # clears the filter, then closes
        await pilot.pause()
        assert len(_options_text(app)) == 2 and app.screen.filter_box.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        await pilot.press("M")
        await wait_for_focus(pilot, app, "bookmark-filter")
        await settle(pilot, app)
        assert len(_options_text(app)) == 2
        await pilot.press("tab", "d")
        await settle(pilot, app)
        assert len(_stored(locations)) == 1
        await pilot.press("u")
        await settle(pilot, app)
        assert len(_stored(locations)) == 2
        # Enter opens the article with the passage under the cursor.
        options = app.screen.query_one("#bookmark-list")
        texts = _options_text(app)
        options.highlighted = next(i for i, t in enumerate(texts) if "sharper note" in t)
        await pilot.press("enter")
        await pilot.pause()
        view = app.article_view
        assert view.article.blocks[view.cursor].text.startswith(BLINKEN)
        assert view.highlights.flash  # flashed


async def test_corpus_search_finds_bookmark_notes(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, "Belarus")
        await _keep(pilot, "zeppelin angle")
        await pilot.press("F")
        await wait_for_focus(pilot, app, "corpus-query")
        await pilot.press(*"zeppelin")
        await settle(pilot, app)
        results = app.screen.query_one("#corpus-results")
        first = str(results.get_option_at_index(0).prompt)
        assert "Bookmark note" in first and "zeppelin" in first


async def test_a_bookmark_that_cannot_be_written_keeps_its_note_in_the_box(locations, monkeypatch):
    import sqlite3

    from reader.ui.screens.note import NoteScreen

    add = BookmarkStore.add

    def full(self, bookmark):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(BookmarkStore, "add", full)
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _keep(pilot, "check the date")
        # Still open, with the note as typed and the reason under it.
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one("#note").value == "check the date"
        problem = str(app.screen.query_one("#note-problem").render())
        assert "Could not keep the bookmark" in problem and "is full" in problem
        assert app.state.bookmarks.count() == 0
        # The disk has room again: Enter saves the same note.
        monkeypatch.setattr(BookmarkStore, "add", add)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, NoteScreen), "the box to close")
        assert [b.note for b in app.state.bookmarks.all()] == ["check the date"]


async def test_an_orphan_is_listed_and_reattached_to_the_passage_under_the_cursor(
    tmp_path, locations
):
    folder, seed, article = _seed_copy(tmp_path)
    await _bookmark_in(folder, locations, "Belarus", "about Belarus")
    # The passage is rewritten entirely: its bookmark becomes an orphan, kept with its text.
    text = seed.read_text(encoding="utf-8")
    start = text.index("These moves come")
    end = text.index("\n", start)
    article.write_text(text[:start] + "This paragraph was replaced." + text[end:], "utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        assert app.article_view.bookmarks.shown == []
        await _cursor_to(pilot, app, "This paragraph was replaced")
        await pilot.press("M")
        await settle(pilot, app)
        texts = _options_text(app)
        assert any("Orphans" in t for t in texts)
        assert any("These moves come" in t and "about Belarus" in t for t in texts)
        options = app.screen.query_one("#bookmark-list")
        options.highlighted = next(i for i, t in enumerate(texts) if "about Belarus" in t)
        await pilot.press("tab", "a")
        await settle(pilot, app)
        assert not any("Orphans" in t for t in _options_text(app))
        await pilot.press("escape")
        await pilot.pause()
        (kept,) = _stored(locations)
        assert kept.text == "This paragraph was replaced." and kept.note == "about Belarus"
        assert len(app.article_view.bookmarks.shown) == 1


async def test_an_imported_bookmark_opens_at_its_passage_in_a_fresh_library(tmp_path, locations):
    from reader.cli import main
    from reader.paths import Locations

    await _bookmark_in(SEEDS, locations, BLINKEN, "carried over")
    exported = tmp_path / "bookmarks.json"
    data = str(locations.data_dir)
    assert (
        main(
            [
                "bookmarks",
                "--data-dir",
                data,
                "export",
                "--format",
                "json",
                "--output",
                str(exported),
            ]
        )
        == 0
    )
    fresh = Locations(tmp_path / "fresh", tmp_path / "fresh" / "cache", tmp_path / "none.toml")
    assert main(["bookmarks", "--data-dir", str(fresh.data_dir), "import", str(exported)]) == 0
    app = make_app([SEEDS], fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await pilot.press("g", "M")
        await settle(pilot, app)
        texts = _options_text(app)
        assert not any("Orphans" in t for t in texts) and "carried over" in texts[0]
        await pilot.press("enter")
        await pilot.pause()
        view = app.article_view
        assert view.article.blocks[view.cursor].text.startswith(BLINKEN)
        assert len(view.bookmarks.shown) == 1  # and marked in the margin


async def test_a_moved_file_keeps_its_bookmarks(tmp_path, locations):
    folder, _seed, article = _seed_copy(tmp_path)
    await _bookmark_in(folder, locations, BLINKEN, "follows the file")
    (folder / "2021").mkdir()
    moved = folder / "2021" / "renamed.txt"
    article.rename(moved)
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        assert app.article_view.article.path == moved
        assert len(app.article_view.bookmarks.shown) == 1
        (kept,) = _stored(locations)
        assert kept.path == str(moved) and not kept.orphan and kept.note == "follows the file"


async def test_a_bookmark_in_a_folder_not_open_now_opens_from_the_bookmarks_screen(
    tmp_path, locations
):
    folder, _seed, article = _seed_copy(tmp_path)
    await _bookmark_in(folder, locations, BLINKEN, "elsewhere")
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.md").write_text("# Another article\n\nNothing to see.\n", "utf-8")
    app = make_app([other], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app, "Another article")
        await settle(pilot, app)
        await pilot.press("M")
        await settle(pilot, app)
        await pilot.press("enter")
        await wait_for_article(pilot, app, "United States")
        view = app.article_view
        assert view.article.path == article
        assert view.article.blocks[view.cursor].text.startswith(BLINKEN)
        assert any("not among the folders open" in said for said in notices(app))
        # It is read, not added to this corpus's list.
        assert app.article_list.total_count == 1


async def test_a_note_edited_in_another_window_meanwhile_is_kept_beside_this_one(locations):
    app = make_app([SEEDS], locations, engine=FixedEngine())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open_seed(pilot, app)
        await _keep(pilot, "check later")
        await pilot.press("M")
        await wait_for_focus(pilot, app, "bookmark-filter")
        await settle(pilot, app)
        await pilot.press("tab", "e")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        # Meanwhile another copy of the app saves its own note on the same bookmark.
        (kept,) = _stored(locations)
        conn = open_existing(locations.database)
        BookmarkStore(conn).set_note(kept.id, "Blinken warning", shown="check later")
        conn.close()
        await pilot.press(*" today", "enter")
        await settle(pilot, app)
        (kept,) = _stored(locations)
        assert kept.note == "Blinken warning · check later today"
        assert any("changed elsewhere" in said for said in notices(app))


async def test_a_bookmark_opened_from_M_in_a_changed_article_lands_where_it_was_found_again(
    tmp_path, locations
):
    folder, _seed, article = _seed_copy(tmp_path)
    await _bookmark_in(folder, locations, "These moves come", "belarus")
    text = article.read_text(encoding="utf-8")
    inserted = "An editor's note added at the top, pushing every passage down.\n\n"
    article.write_text(inserted + text.replace("These moves come", "These moves arrive"), "utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await pilot.press("g")
        await pilot.press("M")
        await settle(pilot, app)
        await pilot.press("enter")
        view = app.article_view
        # Marked where it was found again, until the cursor moves on.
        await wait_for(pilot, lambda: view.highlights.flash, "the passage marked")
        assert view.article.blocks[view.cursor].text.startswith("These moves arrive")
        await pilot.press("j")
        await wait_for(pilot, lambda: not view.highlights.flash, "the mark gone with the move")


async def test_a_deletion_can_be_undone_after_the_screen_was_closed(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _keep(pilot, "keep me")
        await pilot.press("M")
        await wait_for_focus(pilot, app, "bookmark-filter")
        await settle(pilot, app)
        await pilot.press("tab", "d", "escape")
        await pilot.pause()
        assert _stored(locations) == [] and app.article_view.bookmarks.shown == []
        await pilot.press("M")
        await wait_for_focus(pilot, app, "bookmark-filter")
        await settle(pilot, app)
        await pilot.press("tab", "u")
        await settle(pilot, app)
        assert [b.note for b in _stored(locations)] == ["keep me"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.article_view.bookmarks.shown) == 1


async def test_the_palette_exports_the_bookmarks(tmp_path, locations, monkeypatch):
    import reader.ui.screens.main_bookmarks as main_bookmarks

    monkeypatch.setattr(main_bookmarks, "export_folder", lambda: tmp_path)
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_seed(pilot, app)
        await _cursor_to(pilot, app, BLINKEN)
        await _keep(pilot, "for the notes app")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export bookmarks as Markdown")
        await wait_for_palette(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        (written,) = tmp_path.glob("reader-bookmarks-*.md")
        text = written.read_text(encoding="utf-8")
        assert "> “We are not clear about Moscow’s intentions" in text
        assert "**Note:** for the notes app" in text and "— Anthony Blinken" in text


async def test_with_no_usable_data_folder_a_bookmark_says_it_lasts_only_this_session(tmp_path):
    from reader.paths import Locations

    blocker = tmp_path / "file"
    blocker.write_text("")  # a file where the data folder should be: it cannot be created
    locations = Locations(blocker / "state", blocker / "cache", tmp_path / "none.toml")
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open_seed(pilot, app)
        await _keep(pilot, "fragile")
        messages = notices(app)
        assert any("Reading positions and bookmarks will not be saved" in m for m in messages)
        assert any("lasts only until the app closes" in m for m in messages)
        assert len(app.article_view.bookmarks.shown) == 1  # kept for the session all the same
