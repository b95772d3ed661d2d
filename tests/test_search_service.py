"""The search service: a pasted page of text is cut to its first words, a search can be stopped
at once, a runaway one stops by itself, and quitting never waits for one."""

from __future__ import annotations

import asyncio
import threading

import pytest

from reader.services import search as search_module
from reader.services.search import MAX_TERMS, SearchCancelled, SearchService, StoreError, capped
from reader.store.articles import ArticleStore, Parsed
from reader.store.database import connect, transaction
from tests.conftest import SEEDS, make_app, settle, wait_for_article

_FOREVER = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"


def _endless_search(conn, query, roots=None, limit=50, snippet_words=16):
    conn.execute(_FOREVER).fetchone()  # only the progress handler can end it
    return []


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "reader.db"
    conn, _ = connect(path)
    store = ArticleStore(conn)
    with transaction(conn):
        row = store.add_paths(["/news/a.txt"])[0]
        store.save_parsed(
            row.id, "/news/a.txt", Parsed(1, 1, "h", "Talks", "", "", 5, "minister said words")
        )
    conn.close()
    return path


def test_a_long_pasted_query_is_cut_to_its_first_words():
    page = " ".join(f"word{n}" for n in range(5000))
    query, cut = capped(page)
    assert cut and len(query.split()) == MAX_TERMS
    assert capped('"vladimir putin" OR nato') == ('"vladimir putin" OR nato', False)


def test_a_search_finds_and_says_when_it_cut_the_query(database):
    found = SearchService(database).find("minister " * 40, None)
    assert found.capped and [hit.title for hit in found.hits] == ["Talks"]


def test_a_search_stops_as_soon_as_it_is_cancelled(database, monkeypatch):
    monkeypatch.setattr(search_module, "search", _endless_search)
    stop = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            SearchService(database).find("words", None, cancelled=stop.is_set)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    stop.set()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert isinstance(outcome[0], SearchCancelled)


def test_a_runaway_search_stops_by_itself_and_says_so(database, monkeypatch):
    monkeypatch.setattr(search_module, "search", _endless_search)
    monkeypatch.setattr(search_module, "TIME_LIMIT", 0.2)
    with pytest.raises(StoreError, match="took over"):
        SearchService(database).find("words", None)


async def test_quitting_during_a_search_does_not_wait_for_it(locations, monkeypatch):
    monkeypatch.setattr(search_module, "search", _endless_search)
    app = make_app([SEEDS], locations)

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_article(pilot, app)
            await settle(pilot, app)
            await pilot.press("F")
            await pilot.pause()
            app.screen.query_one("#corpus-query").value = "putin"  # one search, not five
            await pilot.pause()
            assert any(w.group == "corpus-search" and not w.is_finished for w in app.workers)
            await pilot.press("escape", "q")

    # Without the progress handler the search thread never ends and the app never exits.
    await asyncio.wait_for(session(), timeout=60)
