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
