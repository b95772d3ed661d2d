"""The library in the app: the search screen, sorting and filtering the list, the index across
restarts, stale background results, a failing engine in the entity filter, a large corpus."""

import time
from pathlib import Path

from reader.cli import main
from reader.ui.screens.corpus_search import SearchScreen
from tests.conftest import (
    FixedEngine,
    list_text,
    make_app,
    notices,
    settle,
    view_text,
    wait_for,
    wait_for_article,
    wait_for_focus,
)


def indexed(app) -> bool:
    rows = app.article_list.all_rows
    busy = any(w.group == "index" and not w.is_finished for w in app.workers)
    return bool(rows) and not busy and all(row.words is not None for row in rows)


async def test_search_screen_finds_a_word_in_a_body_and_opens_the_article_at_it(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await pilot.press("F")
        assert isinstance(app.screen, SearchScreen)
        await wait_for_focus(pilot, app, "corpus-query")
        await pilot.press(*"breakw")  # a prefix, as typed so far, of a word in one body only
        await settle(pilot, app)
        results = app.screen.query_one("#corpus-results")
        assert results.option_count == 1
        prompt = str(results.get_option_at_index(0).prompt)
        assert "Harbour reopens" in prompt and "breakwater" in prompt.lower()
        await pilot.press("enter")
        await wait_for_article(pilot, app, "Harbour reopens")
        await settle(pilot, app)
        view = app.article_view
        assert view.matches.query.lower().startswith("breakw")
        assert view.matches.spans
        cursor_block = view.article.blocks[view.cursor]
        assert view.matches.query.lower() in cursor_block.text.lower()
        assert str(app.query_one("#status").render()).startswith("Match 1 of")


async def test_a_search_result_opens_at_the_hit_its_snippet_shows(tmp_path, locations):
    folder = tmp_path / "articles"
    folder.mkdir()
    paragraphs = [
        "A storm closed roads along the coast at the weekend.",
        "Fishermen brought their boats in early and tied them down.",
        "Shops on the front boarded their windows against the wind.",
        "By Sunday evening the rain had eased but the sea stayed high.",
        "The storm closed the harbour on Monday, and the ferries stayed in port.",
    ]
    (folder / "coast.md").write_text("# Coast\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await pilot.press("F")
        await wait_for_focus(pilot, app, "corpus-query")
        await pilot.press(*"harbour closed storm ")
        await settle(pilot, app)
        results = app.screen.query_one("#corpus-results")
        assert "closed the harbour" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await wait_for_article(pilot, app, "Coast")
        await settle(pilot, app)
        view = app.article_view
        # Landed on the snippet's hit, in the last paragraph, not the first "storm closed".
        assert "closed the harbour" in view.article.blocks[view.cursor].text
        # The in-article search is the query's terms: every one of them is marked.
        marked = {view.article.source[span.start : span.end].lower() for span in view.matches.spans}
        assert marked == {"storm", "closed", "harbour"}
        assert str(app.query_one("#status").render()).startswith("Match 3 of 5")


async def test_search_screen_says_when_nothing_matches_and_escape_closes(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await pilot.press("F", *'"unbalanced (quote')
        await settle(pilot, app)
        assert "No article has" in str(app.screen.query_one("#corpus-note").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_s_cycles_the_sort_order_and_J_follows_the_visible_order(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await pilot.press("s")  # folder order → title
        await settle(pilot, app)
        titles = [row.title for row in app.article_list.rows]
        assert titles == sorted(titles, key=str.casefold)
        assert "sorted: title" in app.main.sub_title
        await pilot.press("g")
        await wait_for_article(pilot, app, titles[0][:10])
        await pilot.press("J")
        await wait_for_article(pilot, app, titles[1][:10])
        await pilot.press("s", "s")  # title → newest first → longest first
        await settle(pilot, app)
        words = [row.words for row in app.article_list.rows]
        assert words == sorted(words, reverse=True)
        assert "sorted: longest first" in app.main.sub_title


async def test_f_filters_the_list_by_title_and_escape_shows_all(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        if not app.article_list.has_focus:
            await pilot.press("tab")  # to the list: there f filters titles
        await pilot.press("f", *"harb")
        await settle(pilot, app)
        assert [row.title[:7] for row in app.article_list.rows] == ["Harbour"]
        assert "1 of 4 articles" in app.main.sub_title
        assert "United States" not in list_text(app)
        await pilot.press("enter")  # keeps the filter and opens the article to read
        await wait_for(pilot, lambda: app.article_view.has_focus, "the article opened")
        assert app.article_view.article.title.startswith("Harbour")
        assert app.article_list.title_filter == "harb"
        await pilot.press("escape")
        assert len(app.article_list.rows) == 4


async def test_second_start_lists_from_the_index_and_sees_a_new_file(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
    (corpus / "late.txt").write_text("A late arrival\n\nIt came after.\n", encoding="utf-8")
    (corpus / "world" / "harbour.md").unlink()
    again = make_app([corpus], locations)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(again), "the index")
        titles = [row.title for row in again.article_list.rows]
        assert "A late arrival" in titles
        assert not any("Harbour" in title for title in titles)
        assert "4 articles" in again.main.sub_title


async def test_a_moved_file_keeps_its_place_and_the_notice_says_where_it_went(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("enter", "space", "space")
        position = app.article_view.position
        assert position > 0
        await pilot.press("q")
    (corpus / "moved").mkdir()
    (corpus / "000_seed.txt").rename(corpus / "moved" / "seed.txt")
    again = make_app([corpus], locations)
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_for_article(pilot, again, "United States")
        await wait_for(pilot, lambda: indexed(again), "the index")
        assert again.article_view.article.path == corpus / "moved" / "seed.txt"
        assert again.article_view.position == position
        said = " ".join(notices(again))
        assert "vanished" not in said
        assert "moved/seed.txt" in said


async def test_opening_a_file_deleted_while_the_app_runs_says_so(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await wait_for(pilot, lambda: indexed(app), "the index")
        second = app.article_list.rows[1]
        second.file.unlink()
        app.article_list.focus()
        await pilot.press("j", "enter")
        # Opened, it says so in the pane; passed over on a busy machine (the preview of j
        # came first), in a notice: either way the reason is shown and the row is gone.
        said = f"{second.name}: file vanished"
        await wait_for(
            pilot,
            lambda: said in view_text(app) or any(said in n for n in notices(app)),
            "the reason",
        )
        await wait_for(pilot, lambda: app.article_list.row(second.id) is None, "the row gone")


async def test_ctrl_r_finds_a_file_added_while_the_app_runs(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        (corpus / "fresh.txt").write_text("Fresh news\n\nJust in.\n", encoding="utf-8")
        (corpus / "broken.txt").write_bytes(b"\x00\x01")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.article_list.total_count == 5, "the new file")
        await settle(pilot, app)
        assert "Fresh news" in [row.title for row in app.article_list.rows]
        assert "5 articles" in app.main.sub_title
        skipped = [n for n in notices(app) if "Skipped" in n]
        assert len(skipped) == 1 and "broken.txt" in skipped[0]
        await pilot.press("ctrl+r")  # nothing new: no second report of the same file
        await settle(pilot, app)
        assert len([n for n in notices(app) if "Skipped" in n]) == 1


async def test_switching_from_a_long_article_while_it_lays_out_shows_the_short_one(
    tmp_path, locations
):
    folder = tmp_path / "mixed"
    folder.mkdir()
    paragraph = "word " * 200
    body = "\n\n".join(paragraph for _ in range(1200))  # over a million characters
    (folder / "a_long.txt").write_text(f"A long one\n\n{body}\n", encoding="utf-8")
    (folder / "b_short.txt").write_text("A short one\n\nJust this.\n", encoding="utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await wait_for(pilot, lambda: app.article_view.article is not None, "an article")
        assert app.article_view.article.title == "A long one"
        await pilot.press("J")  # while the long one may still be laying out
        await wait_for_article(pilot, app, "A short one")
        await settle(pilot, app)
        assert app.article_view.article.title == "A short one"
        assert "Just this." in view_text(app)
        assert app.is_running


async def test_articles_the_engine_fails_on_are_counted_and_said_and_the_rest_analysed(
    corpus, locations
):
    engine = FixedEngine(mentions=[("Vladimir Putin", "PERSON", "Vladimir Putin")])
    analyze = engine.analyze

    def fails_on_markdown(article):
        if article.path.suffix == ".md":
            raise RuntimeError("model exploded")
        return analyze(article)

    engine.analyze = fails_on_markdown
    app = make_app([corpus], locations, engine=engine)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await wait_for(
            pilot,
            lambda: any("could not be analysed" in message for message in notices(app)),
            "the failures said",
        )
        said = [message for message in notices(app) if "could not be analysed" in message]
        assert said == [
            "Analysis\n2 articles could not be analysed (RuntimeError: model exploded) "
            "and are left out"
        ]
        progress = app.main.library_analysis.progress
        assert (progress.analysed, progress.failed, progress.total) == (2, 2, 4)
        assert app.is_running and app.article_view.article is not None


async def test_ten_thousand_articles_open_and_every_row_gets_its_title(tmp_path, locations):
    folder = tmp_path / "archive"
    for number in range(10_000):
        sub = folder / f"{number // 1000:02}"
        if number % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{number:05}.txt").write_text(
            f"Story number {number}\n\nA short body for story {number}.\n", encoding="utf-8"
        )
    app = make_app([folder], locations)
    started = time.monotonic()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "10,000 titles", tries=6000)
        assert app.article_list.total_count == 10_000
        assert "10,000 articles" in app.main.sub_title
        await pilot.press("G")
        assert app.article_list.current.title == "Story number 9999"
    assert time.monotonic() - started < 300


def test_cli_search_prints_path_title_and_snippet_best_first(corpus, capsys):
    assert main(["search", "harbour", str(corpus)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines and all(len(line.split("\t")) == 3 for line in lines)
    path, title, snippet = lines[0].split("\t")
    assert Path(path).name == "harbour.md" and "Harbour" in title
    assert "harbour" in snippet.lower()
    assert main(["search", "--json", '"no such phrase anywhere"', str(corpus)]) == 0
    assert capsys.readouterr().out == ""


async def test_a_search_with_too_many_matches_marks_the_first_and_says_there_are_more(
    tmp_path, locations
):
    folder = tmp_path / "big"
    folder.mkdir()
    body = "\n\n".join("a cat sat on a mat " * 100 for _ in range(400))  # 80,000 "at"s
    (folder / "cats.txt").write_text(f"Cats\n\n{body}\n", encoding="utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "Cats")
        await pilot.press("tab", "slash", "a", "t")
        await settle(pilot, app)
        assert len(app.article_view.matches.spans) == 50_000
        status = str(app.query_one("#status").render())
        assert status.startswith("Match 1 of 50,000+ for “at”")
        await pilot.press("enter", "n")
        assert str(app.query_one("#status").render()).startswith("Match 2 of 50,000+")


async def test_a_folder_whose_first_file_is_unreadable_opens_the_first_readable_one(
    tmp_path, locations
):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01\x02 binary")
    (folder / "b.txt").write_bytes(bytes(range(1, 256)) * 4)  # not text in any encoding
    (folder / "c.txt").write_text("Readable\n\nAt last.\n", encoding="utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app, "Readable")
        await settle(pilot, app)
        assert "Cannot show" not in view_text(app)
        skipped = [n for n in notices(app) if "Skipped" in n]
        assert len(skipped) >= 1
        named = "\n".join(skipped)
        assert named.count("a.txt") == 1  # each file once


async def test_list_rows_are_legible_in_a_light_theme(corpus, locations):
    from reader.config import Config

    app = make_app([corpus], locations, Config(theme="textual-light"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: indexed(app), "the index")
        await pilot.press("tab")  # the list loses focus: the cursor row is drawn unfocused
        article_list = app.article_list
        for y in (0, 1, 2, 3):  # the cursor row and the next, title and info lines
            for segment in article_list.render_line(y):
                if segment.text.strip() in ("", "●", "○") or segment.style is None:
                    continue  # the read mark is a coloured dot, not text to read
                fg = segment.style.color.get_truecolor()
                bg = segment.style.bgcolor.get_truecolor()
                lum = [0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue for c in (fg, bg)]
                assert abs(lum[0] - lum[1]) > 60, (y, segment.text)
