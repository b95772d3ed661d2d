"""The reader as a user drives it: open, move, switch articles, search, quit, restart."""

from reader.config import Config
from reader.ui.screens.help import HelpScreen
from tests.conftest import (
    SEEDS,
    list_text,
    make_app,
    notices,
    settle,
    view_text,
    wait_for,
    wait_for_article,
    wait_for_notice,
    wait_for_palette,
)


async def test_seed_corpus_opens_with_title_and_metadata(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        text = view_text(app)
        assert "United States warns European allies" in text
        assert "with agencies · 000_9c742e0c72a81936.txt · 656 words · 3 min read" in text
        assert "All comments." not in text
        assert "United States warns European" in list_text(app)
        assert "1 article · 1 unread" in app.main.sub_title


async def test_the_header_and_footer_show_from_the_start_wide_and_narrow(locations):
    # Both are mounted after the first paint; the footer must list the keys all the same.
    for size in ((120, 40), (40, 12)):
        app = make_app([SEEDS], locations)
        async with app.run_test(size=size) as pilot:
            await wait_for_article(pilot, app)
            await settle(pilot, app)
            keys = [str(key.render_line(0).text) for key in app.screen.query("FooterKey")]
            assert any("List/Reader" in key for key in keys), (size, keys)
            header = str(app.screen.query_one("HeaderTitle").render_line(0).text)
            assert "1 article · 1 unread" in header, (size, header)


async def test_j_moves_the_cursor_down_paragraph_by_paragraph(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab")
        view = app.article_view
        start = view.cursor
        await pilot.press("j", "j")
        assert view.cursor == start + 2
        await pilot.press("k")
        assert view.cursor == start + 1
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        assert "Russia supports the separatists" in view_text(app)
        await pilot.press("g")
        assert view.scroll_y == 0


async def test_space_pages_down(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "space")
        view = app.article_view
        assert view.scroll_y == view.size.height - 1
        await pilot.press("pageup")
        assert view.scroll_y == 0


async def test_next_and_previous_article_and_read_marks(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("enter")
        await wait_for_article(pilot, app, "United States")
        assert "4 articles · 3 unread" in app.main.sub_title
        await pilot.press("J")
        await wait_for_article(pilot, app, "東京")
        await pilot.press("J")
        await wait_for_article(pilot, app, "Markdown sample")
        assert "Markdown sample: the budget talks" in view_text(app)
        assert "3 unread" in app.main.sub_title  # passed through, not read
        await pilot.press("K")
        await wait_for_article(pilot, app, "東京")
        await pilot.press("u")
        assert "2 unread" in app.main.sub_title


async def test_an_article_passed_with_J_is_read_once_scrolled_or_after_a_while(
    corpus, locations, monkeypatch
):
    from reader.ui.screens import main_opening as main_screen

    # Long enough that no busy machine reaches it: what is asserted unread stays unread.
    monkeypatch.setattr(main_screen, "READ_AFTER_SECONDS", 60)
    app = make_app([corpus], locations)
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("enter", "K")  # read the first; K: no earlier article
        assert "3 unread" in app.main.sub_title
        await pilot.press("J")
        await wait_for_article(pilot, app, "東京")
        assert "3 unread" in app.main.sub_title  # passed through, not yet read
        await pilot.press("J")
        await wait_for_article(pilot, app, "Markdown sample")
        assert "3 unread" in app.main.sub_title
        await pilot.press("space")  # scrolled: read
        await wait_for(pilot, lambda: "2 unread" in app.main.sub_title, "read once scrolled")
        # Stayed open a while: read.
        monkeypatch.setattr(main_screen, "READ_AFTER_SECONDS", 0.3)
        await pilot.press("K")
        await wait_for_article(pilot, app, "東京")
        await wait_for(pilot, lambda: "1 unread" in app.main.sub_title, "read after a while")


async def test_full_stop_goes_to_the_next_unread_article(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("enter")  # the first is read
        await pilot.press("full_stop")
        await wait_for_article(pilot, app, "東京")
        await pilot.press("u", "full_stop")  # 東京 marked read by hand; on to the next unread
        await wait_for_article(pilot, app, "Markdown sample")
        await pilot.press("u", "full_stop")
        await wait_for_article(pilot, app, "Harbour")
        await pilot.press("u", "full_stop")
        await wait_for_notice(pilot, app, "No unread articles")


async def test_search_highlights_matches_and_n_moves_through_them(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "slash", *"russia")
        await settle(pilot, app)
        status = app.query_one("#status")
        source = app.article_view.article.source
        shown = [block.text.lower() for block in app.article_view.article.blocks if block.visible]
        expected = sum(text.count("russia") for text in shown)
        assert str(status.render()) == f"Match 1 of {expected} for “russia” · n/N to move"
        assert len(app.article_view.matches.spans) == expected
        assert {source[s.start : s.end] for s in app.article_view.matches.spans} == {"Russia"}
        await pilot.press("enter", "n")
        assert str(status.render()).startswith(f"Match 2 of {expected}")
        await pilot.press("N", "N")
        assert str(status.render()).startswith(f"Match {expected} of {expected}")
        await pilot.press("escape")
        assert app.article_view.matches.spans == []


async def test_help_lists_every_binding(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text
        for description in ("Next article", "Search", "Page down", "Next match", "Quit"):
            assert description in text
        for legend in ("Highlights", "Person", "Organisation", "Nationality or group"):
            assert legend in text
        assert "Next mention" in text and "Filter articles" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_scrolls_with_the_reading_keys_and_names_keys_as_typed(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("question_mark")
        body = app.screen.query_one("#help-body")
        text = app.screen.text
        assert "right_square_bracket" not in text and "greater_than_sign" not in text
        assert any(line.strip().startswith("> ") for line in text.splitlines())
        assert any(line.strip().startswith("] ") for line in text.splitlines())
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 2
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("space")
        assert body.scroll_y > 2


def status_text(app) -> str:
    return str(app.query_one("#status").render())


async def test_reading_percentage_counts_to_the_bottom_of_the_view(corpus, locations):
    app = make_app([corpus / "000_seed.txt"], locations)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "h", "k")  # no speakers on the status line: the percentage
        view = app.article_view
        total = len(view.layout.lines)
        height = view.scrollable_content_region.height
        assert status_text(app).endswith(f" · {round(100 * height / total)}%")
        await pilot.press("space")
        await pilot.pause()
        bottom = int(view.scroll_y) + height
        assert status_text(app).endswith(f" · {round(100 * bottom / total)}%")
        await pilot.press("G")
        await pilot.pause()
        assert status_text(app).endswith(" · 100%")


async def test_an_article_that_fits_reads_100_percent_at_the_top(corpus, locations):
    app = make_app([corpus / "world" / "harbour.md"], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "Harbour")
        await pilot.press("tab", "j", "k")
        assert app.article_view.max_scroll_y == 0
        assert status_text(app).endswith(" · 100%")


async def test_on_a_narrow_terminal_the_percentage_stays_and_the_title_is_cut(corpus, locations):
    app = make_app([corpus / "000_seed.txt"], locations)
    async with app.run_test(size=(50, 20)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("G")
        await pilot.pause()
        text = status_text(app).strip()
        assert text.endswith("… · 100%") and len(text) <= 48


async def test_keys_can_be_remapped_by_binding_id(corpus, locations):
    config = Config(keymap={"app.next_article": "ctrl+n"})
    app = make_app([corpus], locations, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("ctrl+n")
        await wait_for_article(pilot, app, "東京")


async def test_quit_and_restart_restores_article_and_position(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("enter", "space")
        position = app.article_view.position
        assert position > 0
        await pilot.press("q")
    again = make_app([corpus], locations)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_for_article(pilot, again, "United States")
        assert again.article_view.position == position
        assert "3 unread" in again.main.sub_title


async def test_position_survives_a_resize(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("tab", "j", "j", "j", "j")
        view = app.article_view
        block = view.article.blocks[view.cursor]
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert block.text[:20] in view_text(app).replace("\n", " ")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert block.text[:20] in view_text(app).replace("\n", " ")


async def test_narrow_terminal_hides_the_list_and_tab_shows_it(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for_article(pilot, app)
        assert not app.article_list.display or not app.article_list.region.width
        assert "United States" in view_text(app)
        meta = next(line for line in view_text(app).splitlines() if "with agencies" in line)
        assert meta.endswith("…") and len(meta) <= 40  # cut to the width, not lost off-screen
        await pilot.press("tab")
        assert app.article_list.region.width == 40
        await pilot.press("enter")
        await pilot.pause()
        assert app.article_view.region.width > 0 and app.article_view.has_focus


async def test_skipped_files_are_reported_once(corpus, locations):
    (corpus / "bad.txt").write_bytes(bytes(range(1, 256)) * 4)  # neither UTF-8 nor text
    (corpus / "empty.md").write_bytes(b"")
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await wait_for_notice(pilot, app, "empty.md")
        messages = notices(app)
        joined = "\n".join(messages)
        assert joined.count("bad.txt: not text") == 1
        assert joined.count("empty.md: empty file") == 1
        # Once the index is through, the bad files are off the list (and not said again).
        await wait_for(pilot, lambda: "4 articles" in app.main.sub_title, "the index done")
        await settle(pilot, app)
        assert "\n".join(notices(app)).count("empty.md: empty file") == 1


async def test_the_light_theme_draws_the_article_dark_on_light(locations):
    app = make_app([SEEDS], locations, Config(theme="textual-light"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        # The article is drawn dark on light: the reader pane follows the theme.
        view = app.article_view
        drawn = [
            segment
            for y in range(view.size.height)
            for segment in view.render_line(y)
            if any(char.isalnum() for char in segment.text)
            and segment.style is not None
            and segment.style.bgcolor
        ]
        assert drawn
        for segment in drawn:
            fg = segment.style.color.get_truecolor()
            bg = segment.style.bgcolor.get_truecolor()
            lum = [0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue for c in (fg, bg)]
            assert lum[1] > 180 and lum[1] - lum[0] > 60, segment.text


async def test_markdown_link_click_shows_the_address(corpus, locations):
    app = make_app([corpus / "world" / "budget_talks.md"], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app, "Markdown sample")
        view = app.article_view
        lines = view_text(app).splitlines()
        row = next(i for i, line in enumerate(lines) if "the Commission" in line)
        column = lines[row].index("the Commission") + 2
        await pilot.click(view, offset=(column, row))
        await pilot.pause()
        await wait_for_notice(pilot, app, "https://ec.europa.eu")
        # The passage under the cursor shows its links' addresses on the status line too.
        assert "Link: https://ec.europa.eu" in str(app.query_one("#status").render())


async def test_command_palette_opens_an_article_by_title(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("ctrl+p")
        await pilot.press(*"harbour")
        await wait_for_palette(pilot, app)
        await pilot.press("enter")
        await wait_for_article(pilot, app, "Harbour reopens")
        assert app.article_view.has_focus


async def test_position_is_kept_when_switching_articles(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("enter", "space", "space")
        position = app.article_view.position
        assert position > 0
        await pilot.press("J")
        await wait_for_article(pilot, app, "東京")
        assert app.article_view.position == 0
        await pilot.press("K")
        await wait_for_article(pilot, app, "United States")
        assert app.article_view.position == position


async def test_a_bad_config_file_is_reported_not_fatal(locations):
    locations.config_file.write_text("[keymap\n")
    from reader.config import load_config

    app = make_app([SEEDS], locations, load_config(locations.config_file))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_notice(pilot, app, "was not used")
        assert "United States" in view_text(app)


async def test_corrupt_state_file_is_reported_and_reading_goes_on(locations):
    locations.data_dir.mkdir(parents=True)
    locations.database.write_bytes(b"not sqlite at all" * 64)
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_notice(pilot, app, "kept it as reader.db.corrupt-")
        assert list(locations.data_dir.glob("reader.db.corrupt-*"))


async def test_a_multi_megabyte_file_opens_and_reaches_its_end(tmp_path, locations):
    path = tmp_path / "big.txt"
    paragraphs = [f"Paragraph number {n} " + "word " * 150 for n in range(4000)]
    path.write_text("Big file\n\n" + "\n\n".join(paragraphs) + "\n\nThe very end.\n")
    assert path.stat().st_size > 3_000_000
    app = make_app([path], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            await pilot.pause(0.02)
            if app.article_view.article is not None and app.article_view.max_scroll_y > 0:
                break
        await pilot.press("tab", "G")
        assert "The very end." in view_text(app)


async def test_clicking_an_article_in_the_list_opens_it(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "United States")
        rows = list_text(app).splitlines()
        row = next(i for i, line in enumerate(rows) if "Harbour reopens" in line)
        await pilot.click(app.article_list, offset=(5, row))
        await wait_for_article(pilot, app, "Harbour reopens")
        assert app.article_view.has_focus
        assert next(e for e in app.article_list.rows if "Harbour" in e.title).read


async def test_theme_measure_and_list_width_survive_a_restart(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        app.theme = "textual-light"  # as the command palette sets it
        await pilot.press("tab", "minus", "minus", "greater_than_sign", "greater_than_sign")
        measure = app.article_view.measure
        width = app.main.sidebar.size.width
        assert measure == 72
    again = make_app([corpus], locations)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, again)
        await pilot.pause()
        assert again.theme == "textual-light"
        assert again.article_view.measure == measure
        assert again.main.sidebar.size.width == width
    narrow = make_app([corpus], locations)
    async with narrow.run_test(size=(60, 20)) as pilot:
        await wait_for_article(pilot, narrow)
        await pilot.press("l")  # on a narrow screen the open list takes the whole width
        assert narrow.main.sidebar.size.width == 60


async def test_a_windows_1252_article_opens_and_names_its_encoding(tmp_path, locations):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "old.txt").write_bytes(
        "Caf\u00e9 society\n\nThe \u201cbest\u201d caf\u00e9s.".encode("cp1252")
    )
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "Café society")
        text = view_text(app)
        assert "The “best” cafés." in text
        assert "Windows-1252" in text  # on the metadata line


async def test_the_cursor_passage_stays_under_the_cursor_on_resize_and_reopening(corpus, locations):
    seed = corpus / "000_seed.txt"
    app = make_app([seed], locations)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for_article(pilot, app)
        view = app.article_view
        assert view.has_focus  # a narrow screen opens on the text
        for _ in range(40):
            if "Konashenkov" in view.article.blocks[view.cursor].text:
                break
            await pilot.press("j")
        chosen = view.cursor
        for size in ((100, 30), (44, 16), (60, 20)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert view.cursor == chosen, size
            first = view.layout.first_line[chosen]
            top = int(view.scroll_y)
            assert top <= first < top + view.scrollable_content_region.height
        await pilot.press("q")
    again = make_app([seed], locations)
    async with again.run_test(size=(60, 20)) as pilot:
        await wait_for_article(pilot, again)
        assert "Konashenkov" in again.article_view.article.blocks[again.article_view.cursor].text
