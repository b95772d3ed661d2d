"""`reader add`, `reader feeds`, `reader fetch` and the library folder, as a user runs them."""

from __future__ import annotations

import pytest

from reader import cli
from reader.cli import main
from tests.local_web import Reply


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def wait_until(condition, what: str) -> None:
    """Poll until `condition()` holds (the bound only ends a test that would hang)."""
    import time

    for _ in range(3000):
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"waited in vain for {what}")


def library_files(tmp_path):
    folder = tmp_path / "state" / "library"
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_add_writes_the_article_once_and_indexes_it(web, tmp_path, capsys):
    code, out, _ = run(capsys, "add", web.url("/business/harbour-strike"))
    assert code == 0
    assert out.startswith("added\tHarbour workers walk out in dispute over pay\t")
    code, out, _ = run(capsys, "add", web.url("/business/harbour-strike#comments"))
    assert code == 0 and out.startswith("already in the library\t")
    assert library_files(tmp_path) == [
        "harbour-workers-walk-out-in-dispute-over-pay-" + out.strip().rsplit("-", 1)[1]
    ]
    # Indexed: `reader list` with no path lists the library, not the seeds.
    code, out, _ = run(capsys, "list")
    assert code == 0 and out.startswith("Harbour workers walk out in dispute over pay\t")


def test_add_says_why_an_address_was_not_added(web, tmp_path, capsys):
    web.page("/login", "login-wall.html")
    code, out, err = run(
        capsys, "add", "file:///etc/passwd", web.url("/missing"), web.url("/login")
    )
    assert code == 1 and out == ""
    assert "only http and https addresses are fetched, not file:" in err
    assert "404 Not Found" in err
    assert "no article text; nothing was written" in err
    assert "Traceback" not in err
    assert library_files(tmp_path) == []


def test_with_no_network_add_says_so_once(tmp_path, capsys):
    urls = [f"http://host{n}.invalid/story" for n in range(4)]
    code, _, err = run(capsys, "add", *urls)
    assert code == 1
    assert err.count("no network") == 1
    assert "the other 2 addresses were not tried" in err


def test_a_host_that_does_not_exist_does_not_stop_the_rest(web, tmp_path, capsys):
    code, out, err = run(capsys, "add", "http://typo.invalid/a", web.url("/news/bridge"))
    assert code == 1
    assert out.startswith("added\tCouncil approves new bridge")
    assert "could not add http://typo.invalid/a: cannot find typo.invalid" in err


def test_titles_from_the_web_reach_the_terminal_without_escapes(web, tmp_path, capsys):
    words = "The board met the union again on Monday to talk about pay and shifts. " * 4
    web.routes["/evil"] = Reply(
        f"<html><head><title>Evil\x1b]0;pwned\x07 \x1b[2Jtitle</title></head><body><article>"
        f"<p>{words}</p></article></body></html>".encode()
    )
    code, out, _ = run(capsys, "add", web.url("/evil"))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "Evil" in out


def test_help_names_the_library_folder_and_the_config_moves_it(tmp_path, capsys, monkeypatch):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert f"library      {tmp_path / 'state' / 'library'}" in out
    news = tmp_path / "News"
    (tmp_path / "config.toml").write_text(f'[reader]\nlibrary = "{news}"\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert f"library      {news}" in capsys.readouterr().out


def test_reader_opens_the_seeds_until_the_library_holds_articles(
    web, tmp_path, capsys, monkeypatch
):
    opened = []
    monkeypatch.setattr(
        cli, "open_app", lambda paths, name, *rest: opened.append((paths, name)) or 0
    )
    assert main([]) == 0
    assert opened[-1][1] == "seeds"
    run(capsys, "add", web.url("/news/bridge"))
    assert main([]) == 0
    assert opened[-1] == ([tmp_path / "state" / "library"], "library")


def test_feeds_from_subscription_to_fetch(web, tmp_path, capsys):
    code, out, _ = run(capsys, "feeds", "add", web.url("/rss.xml"))
    assert code == 0 and out.startswith("subscribed\tCoastal Times: Business\t")
    code, out, err = run(capsys, "feeds", "add", web.url("/rss.xml"))
    assert code == 1 and "already subscribed" in err
    run(capsys, "feeds", "add", web.url("/atom.xml"))
    code, out, _ = run(capsys, "feeds", "list")
    lines = out.splitlines()
    assert [line.split("\t")[1] for line in lines] == [
        "Coastal Times: Business",
        "Old Town Gazette",
    ]
    assert all(line.endswith("never fetched") for line in lines)

    code, out, err = run(capsys, "fetch")
    assert code == 0
    assert len(out.splitlines()) == 4
    assert "4 new articles from 2 feeds" in err
    code, out, err = run(capsys, "fetch")
    assert code == 0 and out == "" and "0 new articles" in err
    code, out, _ = run(capsys, "feeds", "list")
    assert "\t3 articles\t" in out.splitlines()[0]
    # The fetched articles are indexed: `reader list` (the library) shows them.
    code, out, _ = run(capsys, "list")
    assert len(out.splitlines()) == 4


def test_feeds_remove_import_and_export(web, tmp_path, capsys):
    run(capsys, "feeds", "add", web.url("/rss.xml"))
    opml = tmp_path / "out.opml"
    code, _, err = run(capsys, "feeds", "export", str(opml))
    assert code == 0 and "wrote 1 feeds" in err
    assert web.url("/rss.xml") in opml.read_text(encoding="utf-8")
    code, out, err = run(capsys, "feeds", "remove", "1")
    assert code == 0 and out.startswith("unsubscribed\tCoastal Times: Business")
    assert "its articles stay" in err
    code, out, _ = run(capsys, "feeds", "import", str(opml))
    assert code == 0 and out.strip() == "imported 1 feeds (0 already subscribed)"
    code, _, err = run(capsys, "feeds", "import", str(tmp_path / "missing.opml"))
    assert code == 2 and "No such file" in err and "Traceback" not in err
    code, _, err = run(capsys, "feeds", "remove")
    assert code == 2 and "needs a URL or NUMBER" in err


def test_fetch_with_no_feeds_or_no_network(tmp_path, capsys):
    code, _, err = run(capsys, "fetch")
    assert code == 0 and "no feeds yet" in err
    run(
        capsys,
        "feeds",
        "import",
        str(_opml(tmp_path, ["http://a.invalid/rss", "http://b.invalid/feed"])),
    )
    code, out, err = run(capsys, "fetch")
    assert code == 1 and out == ""
    assert err.count("no network") == 1 and "already fetched still open" in err


def _opml(tmp_path, urls):
    path = tmp_path / "feeds.opml"
    outlines = "".join(
        f'<outline type="rss" text="F{n}" xmlUrl="{u}"/>' for n, u in enumerate(urls)
    )
    path.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    return path


def held_feed(web, release, stories: int = 8, served: int = 3, answered=None) -> str:
    """A feed of `stories` pages whose first `served` come at once, the rest on `release`."""
    titles = [f"Story {number}: crews walk out" for number in range(stories)]
    return web.held_feed(release, titles, served, answered)


def test_a_fetch_killed_half_way_leaves_only_whole_articles(web, tmp_path, capsys):
    import os
    import signal
    import subprocess
    import sys
    import threading

    from reader.corpus.discover import load_article

    release = threading.Event()
    run(capsys, "feeds", "add", held_feed(web, release))
    folder = tmp_path / "state" / "library" / "feeds" / "port"
    fetch = subprocess.Popen([sys.executable, "-m", "reader", "fetch"], stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: len(list(folder.glob("*.md"))) == 3, "three articles written")
    finally:
        os.kill(fetch.pid, signal.SIGKILL)
        fetch.wait()
        release.set()
    for path in folder.iterdir():
        assert path.suffix == ".md" or path.name.startswith("."), path.name
    for path in folder.glob("*.md"):
        assert "The board has made record profits" in load_article(path).source
    # The next fetch takes the rest, and nothing twice.
    code, out, _ = run(capsys, "fetch")
    assert code == 0 and len(out.splitlines()) == 5
    assert len(list(folder.glob("*.md"))) == 8


def test_ctrl_c_ends_a_fetch_at_once_keeping_what_it_wrote(web, tmp_path, capsys):
    import signal
    import subprocess
    import sys
    import threading

    release = threading.Event()
    run(capsys, "feeds", "add", held_feed(web, release))
    folder = tmp_path / "state" / "library" / "feeds" / "port"
    fetch = subprocess.Popen(
        [sys.executable, "-m", "reader", "fetch"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_until(lambda: len(list(folder.glob("*.md"))) == 3, "three articles written")
        fetch.send_signal(signal.SIGINT)
        # Ended while the held pages are still held: nothing waits for their requests.
        _, err = fetch.communicate(timeout=30)
        still_held = not release.is_set()
    finally:
        release.set()
        if fetch.poll() is None:
            fetch.kill()
    assert still_held
    assert fetch.returncode == 130
    assert b"interrupted: 3 new articles kept" in err and b"Traceback" not in err
    code, out, _ = run(capsys, "list")
    assert code == 0 and len(out.splitlines()) == 3  # what was kept is indexed
