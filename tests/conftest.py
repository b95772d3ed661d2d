"""Shared fixtures: an isolated data dir for every test, the seed corpus, a small mixed corpus."""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
from pathlib import Path

import pytest

from reader.config import Config
from reader.corpus.model import Article
from reader.corpus.plaintext import parse_plaintext
from reader.paths import Locations
from reader.ui.app import CorpusSpec, ReaderApp

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SEED_TITLE = "United States warns European allies: Russia may be planning an invasion of Ukraine"


@pytest.fixture(autouse=True)
def isolated_state(tmp_path, monkeypatch):
    """No test reads or writes the developer's real state or config."""
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config.toml"))


@pytest.fixture
def locations(tmp_path) -> Locations:
    return Locations(
        data_dir=tmp_path / "state",
        cache_dir=tmp_path / "state" / "cache",
        config_file=tmp_path / "config.toml",
    )


@pytest.fixture
def web():
    """A web server on 127.0.0.1 serving the news pages and feeds of tests/data/web."""
    from tests.local_web import LocalWeb

    with LocalWeb() as server:
        server.news_site()
        yield server


@pytest.fixture
def state_database(tmp_path) -> Path:
    """A reader database, opened (migrated) and closed again: its path."""
    from reader.services.state import StateKeeper

    keeper = StateKeeper(tmp_path / "state" / "reader.db")
    keeper.open()
    yield keeper.database
    keeper.close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seed article, two Markdown articles and a CJK one, in nested folders."""
    root = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", root)
    shutil.copy(next(SEEDS.glob("*.txt")), root / "000_seed.txt")
    return root


# make_app(..., engine=BUILTIN): the real built-in analysis, for tests of the analysis in the app.
BUILTIN = "builtin"


def make_app(
    paths: list[Path],
    locations: Locations,
    config: Config | None = None,
    engine: FixedEngine | str | None = None,
) -> ReaderApp:
    """The app on `paths`. Its analysis is a `FixedEngine`'s (the seed's frozen answer, unless
    one is given), so a test of the interface does not move when the analysis rules do."""
    analysis = None
    if engine != BUILTIN and (config is None or config.engine == "builtin"):
        from reader.services.analysis import AnalysisRunner

        analysis = AnalysisRunner("builtin", locations.cache_dir, engine or FixedEngine())
    return ReaderApp(CorpusSpec(list(paths), "test corpus"), locations, config, analysis)


class FixedEngine:
    """An engine with fixed answers. For the seed article: its analysis frozen in
    tests/data/seed_analysis.json (tools/freeze_seed_analysis.py). Elsewhere: each quotation
    (its text, its speaker) and mention (its text, label, entity) given is marked where its
    text first occurs; nothing else is found."""

    name = "builtin"
    label = "fixed test engine"

    def __init__(
        self,
        quotes: list[tuple[str, str | None]] = (),
        mentions: list[tuple[str, str, str]] = (),
    ) -> None:
        self.quotes, self.mentions = list(quotes), list(mentions)
        self.version = f"fixed-{id(self)}"
        self.calls = 0  # articles analysed (not answered from the cache)

    def analyze(self, article):
        from reader.analysis.model import Analysis, Mention, Quote

        self.calls += 1
        frozen = _seed_analysis()
        if article.content_hash == frozen["content_hash"]:
            return Analysis.from_json(frozen["analysis"])
        source = article.source
        found_mentions, found_quotes = [], []
        for text, label, entity in self.mentions:
            start = source.find(text)
            if start >= 0:
                found_mentions.append(Mention(start, start + len(text), text, label, entity))
        for text, speaker in self.quotes:
            start = source.find(text)
            if start >= 0:
                end = start + len(text)
                found_quotes.append(Quote(start, end, text, "speech", speaker, speaker))
        found_mentions.sort(key=lambda mention: mention.start)
        found_quotes.sort(key=lambda quote: quote.start)
        return Analysis(mentions=found_mentions, quotes=found_quotes, engine=self.name)


@functools.cache
def _seed_analysis() -> dict:
    return json.loads((DATA / "seed_analysis.json").read_text(encoding="utf-8"))


def view_text(app: ReaderApp) -> str:
    """What the reader pane shows right now, line by line."""
    view = app.article_view
    return "\n".join(view.render_line(y).text.rstrip() for y in range(view.size.height))


def list_text(app: ReaderApp) -> str:
    rows = app.article_list
    return "\n".join(rows.render_line(y).text.rstrip() for y in range(rows.size.height))


async def wait_for_article(pilot, app: ReaderApp, title_part: str = "") -> None:
    """Let workers finish until an article (whose title holds `title_part`) is shown. The
    bound only ends a test that would hang: a busy machine may take many seconds."""
    for _ in range(3000):
        await pilot.pause(0.02)
        article = app.article_view.article
        busy = any(not worker.is_finished for worker in app.workers)
        listed = app.article_list.total_count > 0
        if article is not None and title_part in article.title and not busy and listed:
            return
    running = [worker.name for worker in app.workers if not worker.is_finished]
    shown = article.title if article is not None else None
    raise AssertionError(
        f"no article with {title_part!r} was shown (showing {shown!r}, "
        f"{app.article_list.total_count} listed, still running: {running}, "
        f"notices: {notices(app)}, status: {app.screen.query('StatusLine').first().render()!s})"
    )


async def wait_for(pilot, condition, what: str, tries: int = 3000) -> None:
    """Let the app run until `condition()` holds (the bound only ends a test that would hang)."""
    for _ in range(tries):
        await pilot.pause(0.02)
        if condition():
            return
    raise AssertionError(f"waited in vain for {what}")


async def wait_for_focus(pilot, app: ReaderApp, widget_id: str) -> None:
    """Until the widget with this id has focus: keys typed before it has would reach the
    screen underneath as commands (a screen's `on_mount` focus may come late on a busy
    machine)."""

    def focused() -> bool:
        return app.focused is not None and app.focused.id == widget_id

    await wait_for(pilot, focused, f"#{widget_id} to have focus")


async def wait_for_palette(pilot, app: ReaderApp) -> None:
    """Until the command palette lists what was typed into it."""
    from textual.command import CommandList

    def listed() -> bool:
        found = app.screen.query(CommandList)
        return bool(found) and found.first().option_count > 0

    await wait_for(pilot, listed, "the palette's commands")


async def wait_for_library_analysis(pilot, app: ReaderApp) -> None:
    """Until the background analysis has been over every article of the library."""

    def done() -> bool:
        analysis = app.main.library_analysis
        progress = analysis.progress
        return (
            progress is not None
            and not analysis.running
            and progress.analysed + progress.failed == progress.total
        )

    await wait_for(pilot, done, "the library analysed")


async def settle(pilot, app: ReaderApp) -> None:
    """Let every worker finish (or be cancelled) and its results arrive."""
    for _ in range(5000):
        await pilot.pause()
        if all(worker.is_finished for worker in app.workers):
            break
        await pilot.pause(0.01)
    for _ in range(3):
        await pilot.pause()


async def open_entity_panel_at(pilot, app: ReaderApp, prompt: str) -> None:
    """Open the entity panel (e) with the entity listed as `prompt` ("Vladimir Putin ×3")
    highlighted."""
    await pilot.press("e")
    panel = app.query_one("EntityPanel")
    prompts = [str(option.prompt).strip() for option in panel.options.options]
    panel.options.highlighted = prompts.index(prompt)


def row_at(conn, path):
    """The index's row for the file at `path` (None if it has none)."""
    from reader.store.articles import ArticleStore, path_key

    found = conn.execute("SELECT id FROM articles WHERE path = ?", (path_key(path),)).fetchone()
    return ArticleStore(conn).get(found[0]) if found else None


def notices(app: ReaderApp) -> list[str]:
    """The notifications on screen now, as the user reads them (title, then message)."""
    from textual.widgets._toast import Toast

    return [str(toast.render()) for screen in app.screen_stack for toast in screen.query(Toast)]


async def wait_for_notice(pilot, app: ReaderApp, text: str) -> str:
    """Wait until a notification holding `text` is on screen; returns it."""
    for _ in range(1000):
        found = [notice for notice in notices(app) if text in notice]
        if found:
            return found[0]
        await pilot.pause(0.01)
    raise AssertionError(f"no notification with {text!r}; on screen: {notices(app)}")


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """A folder nothing can be created in, even by root (who ignores permissions): the
    immutable attribute where the file system has one, else its permissions."""
    import os
    import subprocess

    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if made.returncode != 0:
            pytest.skip("running as root where chattr +i is not possible")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        return
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(mode)


def report(body: str) -> Article:
    """A short article: a title, then `body` (the analysis tests' one way to make one)."""
    return parse_plaintext(Path("a.txt"), "Report\n\n" + body + "\n")
