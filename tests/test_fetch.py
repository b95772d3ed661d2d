"""Fetching pages (`Fetcher`) and adding them to the library (`WebLibrary`), against a web
server on 127.0.0.1: every fault gives a message a user can read and writes nothing."""

from __future__ import annotations

import threading

import pytest

from reader.corpus.discover import load_article
from reader.services.fetch import PER_HOST, Fetcher, FetchError, check_url, normal_url
from reader.services.web_library import WebLibrary
from tests.local_web import Reply


@pytest.fixture
def library(tmp_path, state_database):
    return WebLibrary(state_database, tmp_path / "library")


def written(library: WebLibrary) -> list[str]:
    """Every file in the library folder, hidden ones too (a partial file would show here)."""
    folder = library.folder
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ------------------------------------------------------------------ addresses


@pytest.mark.parametrize(
    "text",
    [
        "file:///etc/passwd",
        "ftp://example.org/a",
        "javascript:alert(1)",
        "example.org/news",
        "http://",
        "http://exa mple.org/",
        "http://x\x1b[2J.org/",
    ],
)
def test_only_http_and_https_addresses_are_fetched(text):
    with pytest.raises(FetchError):
        check_url(text)


def test_one_address_has_one_spelling():
    assert normal_url("HTTPS://News.Example.org:443/a?utm_source=rss&id=3#top") == (
        "https://news.example.org/a?id=3"
    )
    assert normal_url("http://example.org") == "http://example.org/"


# ------------------------------------------------------------------ faults


def fetch_problem(url: str, **limits) -> FetchError:
    with Fetcher(**limits) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value


def test_an_http_error_says_what_the_server_answered(web):
    assert "404 Not Found" in str(fetch_problem(web.url("/missing")))
    web.routes["/broken"] = Reply(b"oops", 500)
    assert "500" in str(fetch_problem(web.url("/broken")))


def test_a_redirect_loop_is_cut_off(web):
    web.routes["/loop"] = Reply(status=302, headers={"Location": "/loop"})
    assert "redirects" in str(fetch_problem(web.url("/loop")))
    assert web.hits["/loop"] <= 12


def test_a_redirect_to_a_file_address_is_refused(web):
    web.routes["/sneaky"] = Reply(status=302, headers={"Location": "file:///etc/passwd"})
    assert "not http or https" in str(fetch_problem(web.url("/sneaky")))


def test_a_page_over_the_size_cap_is_refused(web):
    web.routes["/big"] = Reply(b"<p>" + b"x" * 3000 + b"</p>")
    assert "larger than" in str(fetch_problem(web.url("/big"), max_bytes=2048))

    def chunked_and_undeclared(handler):
        return Reply(b"y" * 5000, headers={"Content-Length": "100"})

    web.routes["/lying"] = chunked_and_undeclared
    with Fetcher(max_bytes=2048) as fetcher:
        # A server whose Content-Length is less than it sends gets only what it declared.
        assert len(fetcher.get(web.url("/lying")).content) <= 2048


def test_a_type_that_is_not_html_is_refused(web):
    web.routes["/report.pdf"] = Reply(b"%PDF-1.4", content_type="application/pdf")
    assert "not a web page but application/pdf" in str(fetch_problem(web.url("/report.pdf")))


def test_a_server_that_refuses_or_a_name_that_does_not_resolve(web):
    refused = fetch_problem("http://127.0.0.1:9/")
    assert "refused" in str(refused) and not refused.offline
    nowhere = fetch_problem("http://nothing-here.invalid/")
    assert "cannot find nothing-here.invalid" in str(nowhere) and nowhere.offline


def test_a_server_that_stops_sending_times_out(web):
    release = threading.Event()

    def stall(handler):
        release.wait(10)
        return Reply(b"late")

    web.routes["/stall"] = stall
    try:
        problem = fetch_problem(web.url("/stall"), read_seconds=0.2)
    finally:
        release.set()
    assert "stopped sending for 0.2 s" in str(problem)


def test_no_more_than_two_requests_at_once_to_one_host(web):
    import time

    def slow(handler):
        # Each request waits for company (a second one in flight) or for the last request,
        # so the requests overlap as far as the limit lets them.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with web.lock:
                if web.in_flight >= 2 or web.hits["/slow"] == 5:
                    break
            time.sleep(0.005)
        return Reply(b"ok")

    web.routes["/slow"] = slow
    with Fetcher() as fetcher:
        threads = [threading.Thread(target=fetcher.get, args=(web.url("/slow"),)) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert web.hits["/slow"] == 5
    assert web.most_in_flight == PER_HOST == 2


# ------------------------------------------------------------------ the library


def test_adding_a_page_writes_a_markdown_article_with_front_matter(web, library):
    added = library.add(web.url("/business/harbour-strike"), Fetcher())
    assert not added.existed and added.title == "Harbour workers walk out in dispute over pay"
    text = added.path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Harbour workers walk out in dispute over pay"\n')
    for line in (
        'author: "Priya Natarajan"',
        'date: "2025-03-14"',
        'source: "Coastal Times"',
        "url: ",
        "fetched: ",
    ):
        assert line in text
    article = load_article(added.path)
    assert article.title == "Harbour workers walk out in dispute over pay"
    assert "Greedy unions" not in article.source
    assert written(library) == [added.path.name]


def test_the_same_address_twice_is_one_article(web, library):
    first = library.add(web.url("/news/bridge"), Fetcher())
    again = library.add(web.url("/news/bridge?utm_source=twitter#comments"), Fetcher())
    assert again.existed and again.path == first.path
    assert web.hits["/news/bridge"] == 1
    assert written(library) == [first.path.name]


def test_an_address_that_redirects_to_one_already_added_is_that_article(web, library):
    first = library.add(web.url("/news/bridge"), Fetcher())
    web.routes["/short/b"] = Reply(status=301, headers={"Location": "/news/bridge"})
    again = library.add(web.url("/short/b"), Fetcher())
    assert again.existed and again.path == first.path
    assert len(written(library)) == 1


def test_a_page_with_no_article_text_writes_nothing(web, library):
    web.page("/login", "login-wall.html")
    with pytest.raises(FetchError, match=r"no article text.*nothing was written"):
        library.add(web.url("/login"), Fetcher())
    assert written(library) == []


def test_a_failed_fetch_writes_nothing(web, library):
    with pytest.raises(FetchError):
        library.add(web.url("/missing"), Fetcher())
    assert written(library) == []


def test_a_write_that_fails_leaves_no_partial_file(web, library, monkeypatch):
    import os

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        library.add(web.url("/news/bridge"), Fetcher())
    assert written(library) == []


def test_a_page_in_a_legacy_charset_is_written_as_utf8(web, library):
    added = library.add(web.url("/local/cafe"), Fetcher())
    text = added.path.read_text(encoding="utf-8")
    assert "María López" in text and "Café owners fear rates rise" in text
