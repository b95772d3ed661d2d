"""Hostile text in the app: titles, passages and notes full of markup brackets, escape
sequences and wide characters are shown as written, never as markup, never alive, never a
crash; links that are not web pages or mail are never opened."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.paths import Locations
from reader.ui.screens.note import NoteScreen
from tests.conftest import make_app, settle, wait_for_article, wait_for_focus

# What reaches the terminal as text: a control character here would be written alive.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def screen_text(app) -> str:
    """Every character the screen (and any dialog over it) would write, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def assert_nothing_alive(app) -> None:
    text = screen_text(app)
    found = _CONTROL.search(text)
    assert found is None, f"control character {found.group()!r} on screen"


def _locations(root: Path) -> Locations:
    return Locations(root / "state", root / "state" / "cache", root / "config.toml")


async def _through_the_app(root: Path, notes: list[str]) -> None:
    """Open each article of `root/articles`, keep a passage with a note, copy it, open the
    panels and the bookmarks screen, checking the screen after each step."""
    app = make_app([root / "articles"], _locations(root))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await settle(pilot, app)
        for note in notes:
            app.article_view.focus()
            await pilot.press("j", "m")
            await pilot.pause()
            if isinstance(app.screen, NoteScreen):
                app.screen.query_one("#note").insert_text_at_cursor(note)  # as a paste
                assert_nothing_alive(app)
                await pilot.press("enter")
                await pilot.pause()
            for key in ("y", "w", "e", "escape", "M"):
                await pilot.press(key)
                await settle(pilot, app)
                assert_nothing_alive(app)
            await pilot.press("escape", "J")
            await settle(pilot, app)
            assert_nothing_alive(app)
        await pilot.press("F")
        await wait_for_focus(pilot, app, "corpus-query")
        await pilot.press(*"the")
        await settle(pilot, app)
        assert_nothing_alive(app)


_PIECES = [
    "[/b]",
    "[/url]",
    "[sic]",
    "[Reuters]",
    "[b]",
    "[",
    "]",
    "[@click=app.quit]",
    "\\[",
    "\x1b]52;c;cm0gLXJmIH4vKg==\x07",
    "\x1b[2J",
    "\x1b]8;;http://x/\x1b\\",
    "\x9b",
    "\x07",
    "\x08",
    "\r",
    "\x00",
    "日本語",
    "한국",
    "e\u0301",
    "\u200b",
    "🙂",
    "\ufeff",
    "\t",
    "“",
    "”",
]
_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(alphabet="abc XYZ.,", min_size=1, max_size=8)),
    min_size=1,
    max_size=12,
).map("".join)


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    titles=st.lists(_text, min_size=2, max_size=2),
    bodies=st.lists(_text, min_size=2, max_size=2),
    notes=st.lists(_text, min_size=2, max_size=2),
)
async def test_hostile_titles_passages_and_notes_never_crash_or_reach_the_terminal(
    titles, bodies, notes
):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        articles = root / "articles"
        articles.mkdir()
        for number, (title, body) in enumerate(zip(titles, bodies, strict=True)):
            title = " ".join(title.split()) or "untitled"
            (articles / f"{number}.txt").write_text(
                f"X{title}\n\nJane Doe said “{body}” in Paris.\n\nA second {body} passage.\n",
                encoding="utf-8",
                errors="surrogatepass",
            )
        await _through_the_app(root, notes)


async def test_a_title_and_a_passage_with_markup_show_as_written(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Talks [/b] end [sic]\n\nThe minister [Reuters] spoke [/url] of it.\n\nMore words.\n"
    )
    app = make_app([articles], _locations(tmp_path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await settle(pilot, app)
        app.article_view.focus()
        await pilot.press("j", "m")
        await wait_for_focus(pilot, app, "note")
        assert isinstance(app.screen, NoteScreen)
        assert "[Reuters] spoke [/url]" in screen_text(app)
        await pilot.press(*"see [sic]", "enter")
        await pilot.press("M")
        await settle(pilot, app)
        shown = screen_text(app)
        assert "Talks [/b] end [sic]" in shown and "see [sic]" in shown


async def test_only_web_and_mail_links_are_opened(tmp_path, monkeypatch):
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda address, *a, **k: opened.append(address))
    articles = tmp_path / "articles"
    articles.mkdir()
    links = [
        "https://example.org/a",
        "ssh://host/x",
        "x-terminal-emulator:--e=sh",
        "smb://share/x",
        "../../etc/passwd",
        "mailto:desk@example.org",
        "file:///etc/passwd",
    ]
    body = " ".join(f"[link {n}]({address})" for n, address in enumerate(links))
    (articles / "a.md").write_text(f"# Links\n\n{body}\n")
    app = make_app([articles], _locations(tmp_path))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await settle(pilot, app)
        app.article_view.focus()
        await pilot.press("j", "o")
        await pilot.pause()
        # markdown-it itself refuses file: links (never a link); every other one is listed.
        listed = app.screen.query_one(".choice-list").option_count
        assert listed == len(links) - 1
        await pilot.press("escape")
        for index in range(listed):
            await pilot.press("o")
            await pilot.pause()
            for _ in range(index):
                await pilot.press("down")
            await pilot.press("enter")
            await settle(pilot, app)
    assert opened == ["https://example.org/a", "mailto:desk@example.org"]
