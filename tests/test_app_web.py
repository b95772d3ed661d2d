"""Articles from the web in the app: "Add a link" (A, the palette, a pasted address) and
fetching the feeds (r) with a progress bar, against a web server on 127.0.0.1."""

from __future__ import annotations

import pytest
from textual.widgets import ProgressBar

from reader.services.feeds import Feeds
from reader.services.fetch import Fetcher
from reader.services.state import StateKeeper
from reader.ui.app import CorpusSpec, ReaderApp
from tests.conftest import (
    SEED_TITLE,
    SEEDS,
    FixedEngine,
    list_text,
    notices,
    settle,
    view_text,
    wait_for,
    wait_for_article,
    wait_for_focus,
    wait_for_notice,
)
from tests.local_web import Reply


def seeds_app(locations) -> ReaderApp:
    """The app as `reader` opens it while the library is empty: the seeds."""
    from reader.services.analysis import AnalysisRunner

    runner = AnalysisRunner("builtin", locations.cache_dir, FixedEngine())
    return ReaderApp(CorpusSpec([SEEDS], "seeds"), locations, None, runner)


def header(app) -> str:
    return str(app.screen.query_one("HeaderTitle").render())


def subscribe(locations, *urls: str) -> None:
    keeper = StateKeeper(locations.database)
    keeper.open()
    try:
        feeds = Feeds(keeper.database, locations.default_library)
        with Fetcher() as fetcher:
            for url in urls:
                feeds.add(url, fetcher)
    finally:
        keeper.close()


async def test_add_a_link_opens_the_article_and_the_library_replaces_the_seeds(web, locations):
    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        assert "seeds" in header(app)
        await pilot.press("A")
        await wait_for_focus(pilot, app, "add-link-url")
        assert str(locations.default_library) in str(
            app.screen.query_one("#add-link-where").render()
        )
        # What is typed is an address, checked: anything else is refused in the box.
        await pilot.press(*"file:///etc/passwd", "enter")
        problem = app.screen.query_one("#add-link-problem")
        await wait_for(pilot, lambda: "only http and https" in str(problem.render()), "a problem")
        app.screen.query_one("#add-link-url").value = ""
        await pilot.press(*web.url("/news/bridge"), "enter")
        await wait_for_article(pilot, app, "Council approves new bridge")
        # The list is replaced by the library's as its index is read: waited for, not assumed.
        await wait_for(
            pilot,
            lambda: "Council approves" in list_text(app) and SEED_TITLE[:30] not in list_text(app),
            "the library's list, not the seeds'",
        )
        await settle(pilot, app)
        assert "library" in header(app) and "seeds" not in header(app), header(app)
        assert "The city council voted on Tuesday" in view_text(app), view_text(app)
        assert list((locations.default_library).glob("council-approves-new-bridge-*.md"))


async def test_a_link_that_fails_says_why_and_changes_nothing(web, locations):
    web.page("/login", "login-wall.html")
    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("A")
        await wait_for_focus(pilot, app, "add-link-url")
        await pilot.press(*web.url("/login"), "enter")
        notice = await wait_for_notice(pilot, app, "no article text")
        assert "nothing was written" in notice
        await settle(pilot, app)
        assert "seeds" in header(app)
        assert app.article_view.article.title == SEED_TITLE
        assert not locations.default_library.exists() or not any(
            locations.default_library.iterdir()
        )


async def test_a_pasted_address_offers_itself_as_a_link(web, locations):
    from textual.events import Paste

    app = seeds_app(locations)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_article(pilot, app, "United States")
        app.screen.post_message(Paste(web.url("/business/harbour-strike")))
        await wait_for_focus(pilot, app, "add-link-url")
        assert app.screen.query_one("#add-link-url").value == web.url("/business/harbour-strike")
        await pilot.press("enter")
        await wait_for_article(pilot, app, "Harbour workers walk out")


async def test_add_a_link_from_the_palette(web, locations):
    from tests.conftest import wait_for_palette

    app = seeds_app(locations)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("ctrl+p", *"add a link")
        await wait_for_palette(pilot, app)
        await pilot.press("enter")
        await wait_for_focus(pilot, app, "add-link-url")


async def test_fetching_the_feeds_shows_progress_and_lists_the_new_articles_unread(web, locations):
    import threading

    subscribe(locations, web.url("/rss.xml"), web.url("/atom.xml"))
    release = threading.Event()
    harbour = web.routes["/business/harbour-strike"]

    def held(handler):  # one page waits, so the fetch is seen in progress
        release.wait(30)
        return harbour

    web.routes["/business/harbour-strike"] = held
    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("r")
        bar = app.screen.query_one_optional
        await wait_for(pilot, lambda: bar("#fetch-progress", ProgressBar) is not None, "a bar")
        progress = app.screen.query_one("#fetch-progress", ProgressBar)
        assert progress.display
        await wait_for(pilot, lambda: "feeds 2 of 2" in header(app), "the fetch in the header")
        # Articles that have landed are listed while the last one is still coming.
        await wait_for(pilot, lambda: app.article_list.total_count == 3, "three listed")
        assert progress.progress < 1.0
        assert "library" in header(app)
        release.set()
        await wait_for(pilot, lambda: "4 new from feeds" in header(app), "the count of new")
        await wait_for(pilot, lambda: not progress.display, "the bar gone")
        await wait_for(pilot, lambda: app.article_list.shown_count == 4, "four shown")
        await settle(pilot, app)
        assert "4 articles · 4 unread" in header(app)
        listed = list_text(app)
        for title in ("Harbour workers", "Council approves", "Fishing fleet", "Café owners"):
            assert title in listed


async def test_fetching_with_no_feeds_or_no_network_says_so_once(locations):
    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("r")
        await wait_for_notice(pilot, app, "No feeds yet")
    keeper = StateKeeper(locations.database)
    keeper.open()
    Feeds(keeper.database, locations.default_library).import_opml(_opml(locations))
    keeper.close()
    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("r")
        await wait_for_notice(pilot, app, "No network")
        await settle(pilot, app)
        assert sum("network" in notice for notice in notices(app)) == 1
        assert app.article_view.article.title == SEED_TITLE  # what is there still opens


def _opml(locations):
    path = locations.data_dir / "feeds.opml"
    path.parent.mkdir(parents=True, exist_ok=True)
    outlines = "".join(
        f'<outline type="rss" text="F{n}" xmlUrl="http://f{n}.invalid/rss"/>' for n in range(3)
    )
    path.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    return path


async def test_a_hostile_page_reaches_the_screen_as_text(web, locations):
    words = "The harbour board met the union again on Monday to talk about pay. " * 4
    web.routes["/evil"] = Reply(
        (
            "<html><head><title>[bold red]Evil[/] \x1b[2J title</title></head><body><article>"
            f"<p>{words} [link=file:///etc]click[/link] \x1b]8;;http://x\x1b\\\\x</p>"
            "</article></body></html>"
        ).encode()
    )
    app = seeds_app(locations)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("A")
        await wait_for_focus(pilot, app, "add-link-url")
        await pilot.press(*web.url("/evil"), "enter")
        await wait_for_article(pilot, app, "Evil")
        shown = view_text(app)
        assert "[bold red]Evil[/]" in list_text(app) or "[bold red]Evil[/]" in shown
        assert "[link=file:///etc]click[/link]" in shown
        assert "\x1b" not in shown


async def test_a_folder_of_saved_pages_reads_like_any_other(tmp_path, locations):
    import shutil

    from tests.conftest import make_app
    from tests.local_web import WEB_DATA

    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(WEB_DATA / "harbour.html", folder / "a-harbour.html")
    shutil.copy(WEB_DATA / "login-wall.html", folder / "b-login.htm")
    (folder / "c-note.txt").write_text("A note\n\nPlain text beside the pages.\n")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "Harbour workers")
        shown = view_text(app)
        assert "About 600 workers at the port of Southby" in shown
        assert "Impact on exporters" in shown
        assert "Greedy unions" not in shown and "cookies" not in shown
        assert "Coastal Times" in shown and "Priya Natarajan" in shown  # the metadata line
        await wait_for(pilot, lambda: app.article_list.total_count == 2, "two listed")
        await wait_for_notice(pilot, app, "no article text")


async def test_the_header_counts_new_rows_before_they_take_their_place(corpus, locations):
    """Rows that land while the list is sorted are counted at once and placed a moment
    later; meanwhile the header says how many are shown, with no empty part."""
    from reader.store.articles import ArticleRow
    from reader.ui.widgets.article_list import SortOrder
    from tests.conftest import make_app

    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_article(pilot, app)
        app.article_list.sort_order = SortOrder.TITLE
        total = app.article_list.total_count
        app.article_list.upsert([ArticleRow(10_000, str(corpus / "zz.md"), "Late arrival")])
        summary = app.main.sidebar.summary()
        assert summary.startswith(f"{total} of {total + 1} articles")
        assert " ·  · " not in summary and not summary.endswith("· ")
        await wait_for(pilot, lambda: app.article_list.shown_count == total + 1, "placed")


async def test_adding_a_link_already_in_the_library_opens_it(web, locations):
    from tests.conftest import make_app

    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        for _ in range(2):
            await pilot.press("A")
            await wait_for_focus(pilot, app, "add-link-url")
            await pilot.press(*web.url("/news/bridge"), "enter")
            await wait_for_article(pilot, app, "Council approves new bridge")
            await pilot.press("J")  # away to another article
            await settle(pilot, app)
    # And in a later session, with the library shown and the file indexed and unchanged.
    app = make_app([locations.default_library], locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await pilot.press("A")
        await wait_for_focus(pilot, app, "add-link-url")
        await pilot.press(*web.url("/business/harbour-strike"), "enter")
        await wait_for_article(pilot, app, "Harbour workers")
        await pilot.press("A")
        await wait_for_focus(pilot, app, "add-link-url")
        await pilot.press(*web.url("/news/bridge"), "enter")
        await wait_for_notice(pilot, app, "Already in the library")
        await wait_for_article(pilot, app, "Council approves new bridge")
    assert web.hits["/news/bridge"] == 1


def test_a_link_being_fetched_does_not_hold_a_closing_app_open():
    """The add-link worker waits on the request in a daemon thread: cancelled (the app
    quits), it returns at once, the request left to end with the process."""
    import threading

    from reader.ui.screens.main_web import _unless_cancelled

    class Worker:
        is_cancelled = False

    worker, started, release = Worker(), threading.Event(), threading.Event()

    def slow_request():
        started.set()
        release.wait(60)
        return "page"

    outcome = []
    waiting = threading.Thread(
        target=lambda: outcome.append(_unless_cancelled(slow_request, worker))
    )
    waiting.start()
    started.wait(10)
    worker.is_cancelled = True
    waiting.join(10)
    try:
        assert not waiting.is_alive() and outcome == [None] and not release.is_set()
    finally:
        release.set()
    assert _unless_cancelled(lambda: "page", Worker()) == "page"
    with pytest.raises(ValueError, match="bad"):
        _unless_cancelled(lambda: (_ for _ in ()).throw(ValueError("bad")), Worker())


async def test_subscribing_to_a_feed_in_the_app_fetches_its_articles(web, locations):
    from tests.conftest import wait_for_palette

    app = seeds_app(locations)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await pilot.press("ctrl+p", *"subscribe to a feed")
        await wait_for_palette(pilot, app)
        await pilot.press("enter")
        await wait_for_focus(pilot, app, "add-link-url")
        assert "Subscribe to a feed" in str(app.screen.query_one(".panel-title").render())
        # A page that is not a feed, and names none: said, nothing subscribed.
        await pilot.press(*web.url("/news/bridge"), "enter")
        await wait_for_notice(pilot, app, "not an RSS or Atom feed")
        await pilot.press("ctrl+p", *"subscribe to a feed")
        await wait_for_palette(pilot, app)
        await pilot.press("enter")
        await wait_for_focus(pilot, app, "add-link-url")
        await pilot.press(*web.url("/rss.xml"), "enter")
        await wait_for_notice(pilot, app, "Subscribed to Coastal Times: Business")
        await wait_for(pilot, lambda: "3 new from feeds" in header(app), "its articles fetched")
        await wait_for(pilot, lambda: app.article_list.shown_count == 3, "three listed")
        assert "library" in header(app)
    keeper = StateKeeper(locations.database)
    keeper.open()
    try:
        subscribed = [feed.url for feed in Feeds(keeper.database, locations.default_library).list()]
    finally:
        keeper.close()
    assert subscribed == [web.url("/rss.xml")]
