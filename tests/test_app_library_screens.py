"""The people and quotation screens, driven as a user would, on a fixed engine: filter as
you type, sort, filter the list by an entity, open an article at a quotation, keep it, copy
it, merge two names and split them again; and the header while the library is analysed."""

from pathlib import Path

from reader.ui.screens.people import PeopleScreen
from reader.ui.screens.quotations import QuotationsScreen
from tests.conftest import (
    FixedEngine,
    make_app,
    notices,
    wait_for,
    wait_for_article,
    wait_for_focus,
    wait_for_library_analysis,
)

PARIS = "Talks in Paris\n\nAnna Berg met Omar Haddad in Paris.\n\n“We agreed on much,” Berg said.\n"
LISBON = "Port deal\n\nOmar Haddad visited Lisbon.\n\n“The port will grow,” Haddad said.\n"
VOTE = "Vote\n\nA. Berg spoke in Lisbon.\n\n“I will stand again,” she said.\n"


def engine() -> FixedEngine:
    return FixedEngine(
        quotes=[
            ("“We agreed on much,”", "Anna Berg"),
            ("“The port will grow,”", "Omar Haddad"),
            ("“I will stand again,”", "A. Berg"),
        ],
        mentions=[
            ("Anna Berg", "PERSON", "Anna Berg"),
            ("Omar Haddad", "PERSON", "Omar Haddad"),
            ("A. Berg", "PERSON", "A. Berg"),
            ("Paris", "GPE", "Paris"),
            ("Lisbon", "GPE", "Lisbon"),
        ],
    )


def library(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("paris.txt", PARIS), ("lisbon.txt", LISBON), ("vote.txt", VOTE)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


async def analysed(pilot, app) -> None:
    await wait_for_library_analysis(pilot, app)
    assert app.main.library_analysis.progress.analysed == 3


def rows_text(screen) -> list[str]:
    options = screen.options
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def shown(pilot, screen, condition, what: str) -> None:
    await wait_for(pilot, lambda: screen._loaded and condition(rows_text(screen)), what)


async def test_people_screen_filters_as_you_type_sorts_and_filters_the_list(tmp_path, locations):
    app = make_app([library(tmp_path)], locations, engine=engine())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await analysed(pilot, app)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen), "the people screen")
        screen = app.screen
        await wait_for_focus(pilot, app, "library-filter")
        await shown(pilot, screen, lambda rows: len(rows) == 5, "five names")
        # Most named first: Omar Haddad and Lisbon are in two articles each.
        first_two = {rows_text(screen)[0].split()[0], rows_text(screen)[1].split()[0]}
        assert first_two == {"Omar", "Lisbon"}
        await pilot.press("h", "a", "d")
        await shown(pilot, screen, lambda rows: len(rows) == 1, "one name")
        assert "Omar Haddad" in rows_text(screen)[0] and "2 articles" in rows_text(screen)[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.article_list.filter_label, "the list filtered")
        titles = sorted(row.title for row in app.article_list.rows)
        assert titles == ["Port deal", "Talks in Paris"]
        assert "mentioning Omar Haddad" in app.main.sub_title


async def test_people_screen_sorts_by_name_and_by_type(tmp_path, locations):
    app = make_app([library(tmp_path)], locations, engine=engine())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await analysed(pilot, app)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen), "the people screen")
        screen = app.screen
        await shown(pilot, screen, lambda rows: len(rows) == 5, "five names")
        await pilot.press("tab", "s")
        await shown(
            pilot, screen, lambda rows: rows[0].split()[:2] == ["A.", "Berg"], "sorted by name"
        )
        assert [row.split()[0] for row in rows_text(screen)] == [
            "A.",
            "Anna",
            "Lisbon",
            "Omar",
            "Paris",
        ]
        await pilot.press("t")  # people only
        await shown(pilot, screen, lambda rows: len(rows) == 3, "three people")
        assert "People" in str(screen.query_one("#library-title").render())


async def test_merge_two_names_of_one_person_and_split_them_again(tmp_path, locations):
    app = make_app([library(tmp_path)], locations, engine=engine())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await analysed(pilot, app)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen), "the people screen")
        screen = app.screen
        await wait_for_focus(pilot, app, "library-filter")
        await pilot.press("b", "e", "r", "g")
        await shown(pilot, screen, lambda rows: len(rows) == 2, "two Bergs")
        names = [row.split("  ")[1].strip() for row in rows_text(screen)]
        await pilot.press("tab")
        # m on "A. Berg", then m on "Anna Berg": the first is counted as the second.
        await pilot.press(*(["j"] if names[0] == "Anna Berg" else []), "m")
        await pilot.press("k" if names[0] == "Anna Berg" else "j", "m")
        await shown(pilot, screen, lambda rows: len(rows) == 1, "one Berg")
        assert "Anna Berg" in rows_text(screen)[0] and "2 articles" in rows_text(screen)[0]
        assert any("A. Berg is counted as Anna Berg" in notice for notice in notices(app))
        note = screen.query_one("#library-note")
        await wait_for(pilot, lambda: "also written" in str(note.render()), "her other name")
        assert "Anna Berg is also written A. Berg" in str(note.render())
        # Her quotations are now one speaker's.
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotationsScreen), "quotations")
        quotations = app.screen
        await shown(pilot, quotations, lambda rows: len(rows) == 2, "her two quotations")
        assert all(row.startswith("Anna Berg") for row in rows_text(quotations))
        await pilot.press("escape")
        # x splits "A. Berg" off again.
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen), "the people screen")
        screen = app.screen
        await wait_for_focus(pilot, app, "library-filter")
        await pilot.press("a", "n", "n", "a")
        await shown(pilot, screen, lambda rows: len(rows) == 1, "Anna Berg")
        await pilot.press("tab", "x")
        await wait_for(pilot, lambda: app.screen is not screen, "the names to split off")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen, "back")
        await pilot.press("escape")  # clears the filter
        await shown(pilot, screen, lambda rows: len(rows) == 5, "five names again")


async def test_quotations_screen_filters_sorts_and_opens_at_the_quotation(tmp_path, locations):
    app = make_app([library(tmp_path)], locations, engine=engine())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await analysed(pilot, app)
        await pilot.press("Q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotationsScreen), "quotations")
        screen = app.screen
        await wait_for_focus(pilot, app, "library-filter")
        await shown(pilot, screen, lambda rows: len(rows) == 3, "three quotations")
        await pilot.press("tab", "s")  # by speaker
        await shown(pilot, screen, lambda rows: rows[0].startswith("A. Berg"), "sorted by speaker")
        speakers = [row.split("  ")[0] for row in rows_text(screen)]
        assert speakers == ["A. Berg", "Anna Berg", "Omar Haddad"]
        await pilot.press("p", "o", "r", "t")  # typing goes to the filter, whatever has focus
        await shown(pilot, screen, lambda rows: len(rows) == 1, "the port quotation")
        await pilot.press("enter")
        await wait_for_article(pilot, app, "Port deal")
        view = app.article_view
        block = view.article.blocks[view.cursor]
        assert block.text.startswith("“The port will grow,”")


async def test_a_quotation_is_kept_as_a_bookmark_copied_and_exported_with_its_speaker(
    tmp_path, locations, monkeypatch
):
    import reader.ui.screens.main_bookmarks as main_bookmarks

    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setattr(main_bookmarks, "export_folder", lambda: documents)
    app = make_app([library(tmp_path)], locations, engine=engine())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await analysed(pilot, app)
        await pilot.press("Q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotationsScreen), "quotations")
        screen = app.screen
        await wait_for_focus(pilot, app, "library-filter")
        await pilot.press("a", "g", "r", "e", "e", "d")
        await shown(pilot, screen, lambda rows: len(rows) == 1, "one quotation")
        await pilot.press("tab", "y")
        assert app.clipboard == "“We agreed on much,” — Anna Berg, “Talks in Paris”"
        await pilot.press("m")
        await wait_for(pilot, lambda: any("Kept" in n for n in notices(app)), "kept")
        (kept,) = app.state.bookmarks.all()
        assert kept.text == "“We agreed on much,”" and kept.speaker == "Anna Berg"
        assert kept.title == "Talks in Paris"
        await pilot.press("e")
        await wait_for(pilot, lambda: list(documents.glob("*.md")), "the export")
        (exported,) = documents.glob("*.md")
        text = exported.read_text(encoding="utf-8")
        assert "> “We agreed on much,”" in text
        assert "— Anna Berg, “Talks in Paris”" in text


async def test_the_header_counts_the_analysis_and_the_screens_say_it_runs(tmp_path, locations):
    folder = library(tmp_path)
    for number in range(40):
        (folder / f"more{number:02}.txt").write_text(PARIS + f"\nNote {number}.\n")
    engine_ = engine()
    analyze = engine_.analyze
    seen: list[str] = []

    def slow_enough(article):
        seen.append(app.main.sub_title)
        return analyze(article)

    engine_.analyze = slow_enough
    app = make_app([folder], locations, engine=engine_)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for(
            pilot,
            lambda: (
                app.main.library_analysis.progress is not None
                and app.main.library_analysis.progress.analysed == 43
            ),
            "every article analysed",
        )
        await wait_for(pilot, lambda: "analysed" not in app.main.sub_title, "the count gone")
    assert any("analysed" in title and "of 43" in title for title in seen)


async def test_escape_sequences_in_quotations_and_names_never_reach_the_screen(tmp_path, locations):
    folder = tmp_path / "news"
    folder.mkdir()
    hostile = "“We won \x1b]0;owned\x07 today,”"
    (folder / "a.txt").write_text(f"Vote\n\nEve Stone\x1b[31m spoke.\n\n{hostile} Stone said.\n")
    engine_ = FixedEngine(
        quotes=[(hostile, "Eve Stone\x1b[31m")],
        mentions=[("Eve Stone\x1b[31m", "PERSON", "Eve Stone\x1b[31m")],
    )
    app = make_app([folder], locations, engine=engine_)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_library_analysis(pilot, app)
        for key, screen_type in (("Q", QuotationsScreen), ("p", PeopleScreen)):
            await pilot.press(key)
            await wait_for(pilot, lambda t=screen_type: isinstance(app.screen, t), "the screen")
            screen = app.screen
            await shown(pilot, screen, lambda rows: len(rows) == 1, "one row")
            drawn = "".join(
                segment.text
                for y in range(screen.size.height)
                for segment in screen.options.render_line(y)
            )
            assert "\x1b" not in drawn and "\x07" not in drawn and "␛" in drawn
            await pilot.press("escape")


async def test_the_entity_panel_says_in_how_many_articles_a_name_appears(tmp_path, locations):
    app = make_app([library(tmp_path)], locations, engine=engine())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_library_analysis(pilot, app)
        row = next(row for row in app.article_list.rows if row.title == "Talks in Paris")
        app.main.open_row(row)
        await wait_for_article(pilot, app, "Talks in Paris")
        await wait_for(pilot, lambda: app.article_view.marks.analysis is not None, "analysis")
        await pilot.press("e")
        panel = app.query_one("EntityPanel")
        await wait_for(pilot, lambda: panel.options.option_count > 3, "the entities")
        prompts = [str(option.prompt).strip() for option in panel.options.options]
        assert "Omar Haddad ×1 · 2 articles" in prompts
        assert "Anna Berg ×1" in prompts  # in this article only
