"""Feeds: subscribing, OPML in and out, and fetching new entries as full articles from a local
server (conditional requests, deduplication, moved feeds, broken feeds, no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.discover import load_article
from reader.services.feeds import FeedError, Feeds
from reader.services.fetch import Fetcher, FetchError
from reader.services.web_library import WebLibrary
from tests.local_web import Reply


@pytest.fixture
def feeds(tmp_path, state_database):
    return Feeds(state_database, tmp_path / "library")


def fetch(feeds: Feeds):
    reports = []
    with Fetcher() as fetcher:
        final = feeds.fetch(fetcher, lambda progress: reports.append(progress.fraction))
    return final, reports


def articles(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.md")) if folder.exists() else []


def test_a_feed_is_read_before_it_is_subscribed(web, feeds):
    feed = feeds.add(web.url("/rss.xml"), Fetcher())
    assert feed.title == "Coastal Times: Business"
    assert feed.folder.endswith("feeds/coastal-times-business")
    with pytest.raises(FeedError, match="already subscribed"):
        feeds.add(web.url("/rss.xml"), Fetcher())
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        feeds.add(web.url("/news/bridge"), Fetcher())
    web.routes["/image.png"] = Reply(b"\x89PNG", content_type="image/png")
    with pytest.raises(FetchError, match="not a feed but image/png"):
        feeds.add(web.url("/image.png"), Fetcher())
    assert [f.url for f in feeds.list()] == [web.url("/rss.xml")]


def test_a_site_page_that_names_its_feed_subscribes_to_that_feed(web, feeds):
    web.routes["/home"] = Reply(
        b'<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml">'
        b"</head><body><p>Welcome</p></body></html>"
    )
    feed = feeds.add(web.url("/home"), Fetcher())
    assert feed.url == web.url("/atom.xml") and feed.title == "Old Town Gazette"


def test_fetching_takes_every_entry_as_a_full_article(web, feeds):
    feeds.add(web.url("/rss.xml"), Fetcher())
    feeds.add(web.url("/atom.xml"), Fetcher())
    final, reports = fetch(feeds)
    assert (final.feeds_done, final.entries_done, final.entries_total) == (2, 4, 4)
    assert reports[-1] == 1.0 and reports == sorted(reports)
    titles = {load_article(path).title for path in final.new}
    assert titles == {
        "Harbour workers walk out in dispute over pay",
        "Council approves new bridge",
        "Fishing fleet returns early",
        "Café owners fear rates rise",
    }
    harbour = next(p for p in final.new if "harbour" in p.name).read_text(encoding="utf-8")
    # The full article from its page, not the feed's one-line summary.
    assert "record profits while pay has fallen" in harbour
    # The page behind this entry is gone (404): the feed's own content is the article.
    fishing = next(p for p in final.new if "fishing" in p.name)
    assert "We could not risk the crews" in fishing.read_text(encoding="utf-8")
    assert final.problems == []
    assert {p.parent.name for p in final.new} == {"coastal-times-business", "old-town-gazette"}


def test_a_second_fetch_asks_conditionally_and_takes_nothing_twice(web, feeds):
    feeds.add(web.url("/rss.xml"), Fetcher())
    rss = web.routes["/rss.xml"]
    web.routes["/rss.xml"] = Reply(
        rss.body,
        headers={"ETag": '"v1"', "Last-Modified": "Fri, 14 Mar 2025 08:00:00 GMT"},
        content_type=rss.content_type,
    )
    first, _ = fetch(feeds)
    assert len(first.new) == 3

    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304)
        return Reply(rss.body, content_type=rss.content_type)

    web.routes["/rss.xml"] = conditional
    pages_before = web.hits["/business/harbour-strike"]
    second, _ = fetch(feeds)
    assert second.new == [] and second.problems == []
    headers = web.requests[-1][1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Fri, 14 Mar 2025 08:00:00 GMT"
    # A server that ignores the validators: the entries are known, no page is fetched again.
    web.routes["/rss.xml"] = Reply(rss.body, content_type=rss.content_type)
    third, _ = fetch(feeds)
    assert third.new == []
    assert web.hits["/business/harbour-strike"] == pages_before
    assert len(articles(feeds.library)) == 3


def test_one_story_in_two_feeds_is_one_article(web, feeds):
    feeds.add(web.url("/rss.xml"), Fetcher())
    other = web.routes["/rss.xml"].body.replace(b"Coastal Times: Business", b"Coastal Times: Top")
    other = other.replace(b"ct-2025-0314-harbour", b"another-id-same-story")
    web.routes["/top.xml"] = Reply(other, content_type="application/rss+xml")
    feeds.add(web.url("/top.xml"), Fetcher())
    final, _ = fetch(feeds)
    harbour = [p for p in final.new if "harbour" in p.name]
    assert len(harbour) == 1


def test_a_page_already_added_by_hand_is_not_fetched_again_for_a_feed(web, feeds, state_database):
    WebLibrary(state_database, feeds.library).add(web.url("/news/bridge"), Fetcher())
    feeds.add(web.url("/rss.xml"), Fetcher())
    final, _ = fetch(feeds)
    assert not [p for p in final.new if "bridge" in p.name]
    assert web.hits["/news/bridge"] == 1


def test_a_feed_that_moved_for_good_is_followed_and_remembered(web, feeds):
    feeds.add(web.url("/rss.xml"), Fetcher())
    web.routes["/rss-new.xml"] = web.routes["/rss.xml"]
    web.routes["/rss.xml"] = Reply(status=301, headers={"Location": "/rss-new.xml"})
    final, _ = fetch(feeds)
    assert len(final.new) == 3
    assert [f.url for f in feeds.list()] == [web.url("/rss-new.xml")]


def test_a_broken_or_foreign_feed_gives_a_problem_not_a_crash(web, feeds):
    latin = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
        "<title>Gazette fran\xe7aise</title><item><title>R\xe9sum\xe9 du jour</title>"
        "<guid>fr-1</guid><description>Le caf\xe9 du port a rouvert ce matin apr\xe8s "
        "des travaux.</description></item></channel></rss>"
    ).encode("latin-1")
    web.routes["/latin.xml"] = Reply(latin, content_type="application/rss+xml")
    feeds.add(web.url("/latin.xml"), Fetcher())
    feeds.add(web.url("/rss.xml"), Fetcher())
    web.routes["/rss.xml"] = Reply(b"<rss><channel><title>Half a fe", content_type="text/xml")
    final, _ = fetch(feeds)
    [latin_article] = final.new
    article = load_article(latin_article)
    assert article.title == "Résumé du jour"
    assert "Le café du port a rouvert" in article.source
    assert any(
        "Coastal Times: Business" in p and "a broken RSS or Atom feed" in p for p in final.problems
    )
    row = next(f for f in feeds.list() if f.url.endswith("/rss.xml"))
    assert row.problem and "broken RSS or Atom feed" in row.problem


def test_with_no_network_nothing_is_taken_and_the_fetch_says_so(feeds, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline type="rss" text="A" xmlUrl="http://a.invalid/rss"/>'
        '<outline type="rss" text="B" xmlUrl="http://b.invalid/feed"/></body></opml>',
        encoding="utf-8",
    )
    feeds.import_opml(opml)
    final, _ = fetch(feeds)
    assert final.offline and final.new == []
    assert all("cannot find" in problem for problem in final.problems)
    assert articles(feeds.library) == []
    # Nothing was taken: the next fetch (with a network) asks for every entry again.
    assert all(feed.entries == 0 and feed.problem for feed in feeds.list())


def test_feed_fields_reach_no_terminal_raw(web, feeds):
    hostile = (
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        b"<title>Evil\x1b]0;pwned\x07 feed</title><item><title>Bad \x1b[2J title</title>"
        b"<guid>evil-1</guid><description>Plenty of words in this description to make a short "
        b"article \x1b[31mred\x1b[0m about the harbour.</description></item></channel></rss>"
    )
    web.routes["/evil.xml"] = Reply(hostile, content_type="application/rss+xml")
    feed = feeds.add(web.url("/evil.xml"), Fetcher())
    assert "\x1b" not in feed.title and "\x07" not in feed.title
    final, _ = fetch(feeds)
    text = final.new[0].read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text


def test_removing_a_feed_keeps_its_articles(web, feeds):
    feeds.add(web.url("/rss.xml"), Fetcher())
    fetch(feeds)
    before = articles(feeds.library)
    removed = feeds.remove("1")
    assert removed.url == web.url("/rss.xml") and feeds.list() == []
    assert articles(feeds.library) == before
    with pytest.raises(FeedError, match="no feed"):
        feeds.remove("1")


def test_opml_out_and_back_in(web, feeds, tmp_path, state_database):
    feeds.add(web.url("/rss.xml"), Fetcher())
    feeds.add(web.url("/atom.xml"), Fetcher())
    opml = tmp_path / "feeds.opml"
    opml.write_text(feeds.export_opml(), encoding="utf-8")
    fresh = Feeds(state_database, tmp_path / "other")
    for row in fresh.list():
        fresh.remove(row.url)
    assert fresh.import_opml(opml) == (2, 0)
    assert {f.title for f in fresh.list()} == {"Coastal Times: Business", "Old Town Gazette"}
    assert fresh.import_opml(opml) == (0, 2)


def test_opml_from_another_reader_with_folders(feeds, tmp_path):
    opml = tmp_path / "newsboat.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>'
        '<outline text="News"><outline type="rss" text="One" xmlUrl="https://one.example/rss"/>'
        '<outline type="rss" text="Two" xmlUrl="https://two.example/feed"/></outline>'
        '<outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/></body></opml>',
        encoding="utf-8",
    )
    assert feeds.import_opml(opml) == (2, 0)
    assert [f.title for f in feeds.list()] == ["One", "Two"]
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline", encoding="utf-8")
    with pytest.raises(FeedError, match="not OPML"):
        feeds.import_opml(broken)


def test_a_fetch_given_up_returns_at_once_and_holds_nothing_open(web, feeds):
    """Quitting the app or Ctrl+C mid-fetch: the fetch returns with what it wrote while slow
    pages are still coming, and no thread of it keeps the program from ending."""
    import threading

    from tests.test_cli_web import held_feed

    release = threading.Event()
    answered: list[int] = []
    feeds.add(held_feed(web, release, answered=answered), Fetcher())
    written = [0]

    def report(progress) -> None:
        written[0] = len(progress.new)

    threads_before = set(threading.enumerate())
    try:
        with Fetcher() as fetcher:
            final = feeds.fetch(fetcher, report, cancelled=lambda: written[0] >= 3)
    finally:
        answered_before_return = list(answered)  # none: the fetch did not wait for them
        left = [t for t in set(threading.enumerate()) - threads_before if not t.daemon]
        release.set()
    assert answered_before_return == [] and len(final.new) == 3
    assert left == []
