"""Daily use: short confirmations, the sort order kept, small terminals (issue 19)."""

from __future__ import annotations

from tests.conftest import make_app, notices, settle, wait_for, wait_for_article


def status_text(app) -> str:
    return str(app.query_one("#status").render())


async def test_width_keys_say_the_width_on_the_status_line_not_in_stacked_notices(
    corpus, locations
):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "minus", "minus", "minus")
        await settle(pilot, app)
        assert not [notice for notice in notices(app) if "column" in notice]
        assert "Text column: 68 columns" in status_text(app)
        await pilot.press("greater_than_sign")
        await settle(pilot, app)
        assert "Article list:" in status_text(app)
        # The next movement gives the line back to the reading.
        await pilot.press("j")
        await wait_for(pilot, lambda: "column" not in status_text(app), "the status line back")
        assert not notices(app)


async def test_the_sort_order_is_remembered(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        order = app.article_list.sort_order
    again = make_app([corpus], locations)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, again)
        assert again.article_list.sort_order == order
        assert order.value != "folder order"


async def test_help_wraps_a_long_description_under_its_own_column_and_pairs_keys(locations):
    from reader.ui.screens.help import HelpScreen
    from tests.conftest import SEEDS

    app = make_app([SEEDS], locations)
    async with app.run_test(size=(60, 30)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await settle(pilot, app)
        rows = list(app.screen.query(".help-row"))
        long_row = next(
            row
            for row in rows
            if "this passage's first" in row.query_one(".help-description").render().plain
        )
        keys, description = (
            long_row.query_one(".help-keys"),
            long_row.query_one(".help-description"),
        )
        assert description.size.height >= 2  # it wraps…
        assert description.region.x >= keys.region.right  # …under its own column
        lines = app.screen.text.splitlines()
        following = lines.index("]  Next mention") + 1
        assert lines[following] == "[  Previous mention"  # ] and [ side by side


async def test_a_corpus_of_only_unreadable_files_says_what_was_skipped_and_why(tmp_path, locations):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    app = make_app([empty, binary], locations)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        view = app.article_view
        await wait_for(pilot, lambda: view.placeholder.startswith("No articles"), "the news")
        await settle(pilot, app)
        said = view.placeholder
        assert "2 files" in said and "empty" in said and "binary" in said
        assert ".txt, .md and .markdown" not in said  # they were .txt files: not the reason
        skipped = [notice for notice in notices(app) if "Skipped" in notice]
        assert len(skipped) == 1 and "2 files" in skipped[0]


async def test_at_40_columns_the_header_keeps_the_counts_and_cuts_the_folder_name(
    tmp_path, locations
):
    folder = tmp_path / "international-news-archive"
    folder.mkdir()
    for number in range(84):
        (folder / f"a{number:02}.txt").write_text(f"Story {number}\n\nText of story {number}.\n")
    app = make_app([folder], locations)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, lambda: app.article_list.total_count == 84, "the 84 articles")
        await settle(pilot, app)
        title = app.screen.query_one("HeaderTitle")
        line = str(title.render())
        assert "84 articles · 84 unread" in line, line
        assert len(line) <= title.size.width, (line, title.size.width)  # nothing cut off
        assert app.corpus.name not in line  # the name gave way, not the counts


async def test_after_resizing_down_the_status_line_keeps_its_percentage(tmp_path, locations):
    article = tmp_path / "long.txt"
    body = "\n\n".join(f"Paragraph {n} with words that go on for a while." for n in range(9))
    article.write_text(f"A long article title that is quite long indeed\n\n{body}\n")
    app = make_app([article], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for(pilot, lambda: status_text(app).endswith("%"), "the percentage")
        await pilot.resize_terminal(40, 12)
        await settle(pilot, app)
        status = app.query_one("#status")
        assert status_text(app).endswith("%")
        assert len(status_text(app)) <= status.content_region.width  # fitted, not cut


async def test_the_title_filter_keeps_the_reader_in_step_and_enter_opens(tmp_path, locations):
    for number in range(1, 31):
        (tmp_path / f"a{number:02}.txt").write_text(f"Article {number}\n\nText {number}.\n")
    app = make_app([tmp_path], locations)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_article(pilot, app, "Article 1")
        await pilot.press("f", *"Article 2")
        # The shown article follows the filter: never one it leaves out.
        await wait_for(
            pilot,
            lambda: (
                app.article_view.article is not None
                and app.article_view.article.title.startswith("Article 2")
            ),
            "an article the filter keeps",
        )
        await pilot.press("down", "enter")
        # One Enter keeps the filter and opens the chosen article to read.
        await wait_for(pilot, lambda: app.article_view.has_focus, "the article opened")
        assert app.article_view.article.title == "Article 20"
        assert app.article_list.title_filter == "Article 2"


async def test_after_the_title_filter_the_list_starts_at_an_entry_not_inside_one(
    tmp_path, locations
):
    for number in range(1, 33):
        (tmp_path / f"a{number:02}.txt").write_text(f"Article {number}\n\nText {number}.\n")
    app = make_app([tmp_path], locations)
    async with app.run_test(size=(100, 16)) as pilot:
        await wait_for_article(pilot, app, "Article 1")
        await pilot.press("f", *"Article 2", "down", "down", "down", "escape", "escape")
        await wait_for(pilot, lambda: not app.article_list.title_filter, "the filter cleared")
        await settle(pilot, app)
        assert int(app.article_list.scroll_y) % 2 == 0  # an entry is two lines


async def test_a_measure_written_in_the_config_after_the_keys_wins(corpus, locations):
    import os
    import time as clock

    from reader.config import load_config

    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "minus")  # 76, set with a key
        await settle(pilot, app)
    # The reader then writes the config file: later than the key press.
    locations.config_file.write_text("[reader]\nmeasure = 60\n")
    now = clock.time()
    os.utime(locations.config_file, (now, now))
    config = load_config(locations.config_file)
    again = make_app([corpus], locations, config)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, again)
        assert again.article_view.measure == 60
        await pilot.press("tab", "plus")  # and a key after that wins again, next time too
        await settle(pilot, again)
    third = make_app([corpus], locations, config)
    async with third.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, third)
        assert third.article_view.measure == 64


async def test_ctrl_d_and_ctrl_u_move_half_a_page_and_ctrl_f_ctrl_b_a_page(locations):
    from tests.conftest import SEEDS

    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_article(pilot, app)
        view = app.article_view
        await pilot.press("tab")
        height = view.scrollable_content_region.height
        await pilot.press("ctrl+d")
        assert int(view.scroll_y) == height // 2
        await pilot.press("ctrl+u")
        assert int(view.scroll_y) == 0
        await pilot.press("ctrl+f")
        assert int(view.scroll_y) == height - 1
        await pilot.press("ctrl+b")
        assert int(view.scroll_y) == 0


async def test_n_past_the_last_match_says_it_went_back_to_the_first(locations):
    from tests.conftest import SEEDS

    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "slash", *"kuleba", "enter")
        await wait_for(pilot, lambda: "Match 1 of" in status_text(app), "the first match")
        total = app.article_view.matches.hits.hits
        for _ in range(len(total)):
            await pilot.press("n")
        await wait_for(
            pilot,
            lambda: "Match 1 of" in status_text(app) and "from the top" in status_text(app),
            "back at the first, said so",
        )
        await pilot.press("n")
        await wait_for(pilot, lambda: "from the" not in status_text(app), "an ordinary step")


async def test_at_40_by_12_the_bookmarks_screen_shows_several_bookmarks(locations):
    from reader.ui.screens.bookmarks import BookmarksScreen
    from tests.conftest import SEEDS

    app = make_app([SEEDS], locations)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for_article(pilot, app)
        app.article_view.focus()
        for note in ("one", "two"):
            await pilot.press("right_parenthesis", "m")  # a sentence each
            await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteScreen", "note")
            await pilot.press(*note, "enter")
            await wait_for(pilot, lambda: app.screen is app.main, "the note saved")
        await pilot.press("M")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen), "M")
        options = app.screen.options
        await wait_for(pilot, lambda: options.option_count == 2, "the bookmarks listed")
        await settle(pilot, app)
        # Two lines an entry, no rules between them, and room for both.
        assert options.virtual_size.height == 4
        assert options.scrollable_content_region.height >= 4


async def test_mark_every_listed_article_read_then_undo(tmp_path, locations):
    for number in range(1, 13):
        (tmp_path / f"a{number:02}.txt").write_text(f"Article {number}\n\nText {number}.\n")
    app = make_app([tmp_path], locations)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, lambda: app.article_list.total_count == 12, "the list")
        app.article_list.focus()
        await pilot.press("f", *"Article 1")  # 4 shown: 1, 10, 11, 12
        await wait_for(pilot, lambda: app.article_list.shown_count == 4, "the filter")
        app.article_list.focus()
        await pilot.press("R")
        await wait_for(pilot, lambda: app.article_list.unread_count == 8, "4 marked read")
        assert "4 articles marked read" in status_text(app)
        await pilot.press("R")  # at once again: undone
        await wait_for(pilot, lambda: app.article_list.unread_count == 12, "undone")
    again = make_app([tmp_path], locations)
    async with again.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, lambda: again.article_list.total_count == 12, "the list")
        assert again.article_list.unread_count == 12


async def test_editing_the_article_hands_the_terminal_to_the_editor_and_shows_the_edit(
    tmp_path, locations, monkeypatch
):
    import contextlib
    import subprocess

    article = tmp_path / "story.txt"
    article.write_text("Harbour story\n\nThe harbour reopened on Monday.\n")
    ran = []

    def editor(command, **_kwargs):  # the editor the user has: it changes a word
        ran.append(command)
        article.write_text("Harbour story\n\nThe harbour reopened on Tuesday.\n")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setenv("EDITOR", "nano -w")
    monkeypatch.setattr(subprocess, "run", editor)
    app = make_app([article], locations)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no real terminal here
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_article(pilot, app, "Harbour")
        await pilot.press("E")
        view = app.article_view
        await wait_for(
            pilot, lambda: view.article and "Tuesday" in view.article.source, "the edit shown"
        )
        assert ran == [["nano", "-w", str(article)]]
