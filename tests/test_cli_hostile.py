"""A hostile corpus through every command: escape sequences in titles, text, notes and file
names never reach the terminal, a file name that is not UTF-8 is skipped with a reason, and a
closed pipe ends a command quietly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4vKg==\x07"  # OSC 52: set the clipboard to `rm -rf ~/*`
WIPE = "\x1b[2J"
LINK = "\x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\"
C1 = "\x9b31m"  # a one-byte CSI on terminals that honour C1 controls
# Anything below 0x20 but newline and tab, DEL, and the C1 controls (as UTF-8).
FORBIDDEN = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


@pytest.fixture
def hostile(tmp_path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "clip.txt").write_text(
        f"Talks {CLIPBOARD}resume [/b] end\n\n"
        f"“We will not retreat{WIPE},” said Jane Doe, the minister. {LINK} Ministers met in "
        f"Paris on Monday {C1} with officials from Germany. More \x02hits\x03 here.\n\n"
        "Source: Wire\x07\n"
    )
    (folder / "plain.md").write_text(f"# Markdown {WIPE} title\n\nA [link]({CLIPBOARD}) in text.\n")
    (folder / f"tab\tname{WIPE}.txt").write_text("Odd name\n\nA paragraph of words.\n")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("Latin name\n\nStill indexed? No.\n")
    return folder


def _run(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        env=env,
        timeout=120,
        input=stdin.encode() if stdin else None,
    )


def _clean(done: subprocess.CompletedProcess) -> None:
    for stream in (done.stdout, done.stderr):
        found = FORBIDDEN.search(stream)
        assert found is None, f"control byte {found.group()!r} in {stream[:400]!r}"
    assert b"Traceback" not in done.stderr


def test_no_control_character_reaches_the_terminal_from_any_command(hostile, tmp_path):
    data = tmp_path / "state"
    runs = [
        _run("list", str(hostile), data=data),
        _run("search", "minister", str(hostile), data=data),
        _run("search", "--json", "Talks", str(hostile), data=data),
        _run("search", f"retreat {WIPE}", str(hostile), data=data),
        _run("analyze", str(hostile), data=data),
        _run("analyze", "--json", str(hostile), data=data),
    ]
    # A bookmark with a hostile note, imported, then listed and exported both ways.
    export = {
        "format": "reader-bookmarks",
        "version": 1,
        "bookmarks": [
            {
                "path": str(hostile / "clip.txt"),
                "exact": "We will not retreat",
                "start": 0,
                "end": 19,
                "text": f"We will not {CLIPBOARD}retreat",
                "note": f"check {WIPE}\tthis\nlater",
                "title": f"Talks {LINK}",
            }
        ],
    }
    imported = tmp_path / "b.json"
    imported.write_text(json.dumps(export))
    runs += [
        _run("bookmarks", "import", str(imported), data=data),
        _run("bookmarks", "list", data=data),
        _run("bookmarks", "export", "--format", "md", data=data),
        _run("bookmarks", "export", "--format", "json", data=data),
    ]
    for done in runs:
        assert done.returncode == 0, done.stderr
        _clean(done)
    listed = runs[0].stdout.decode()
    assert "Talks ␛]52;c;cm0gLXJmIH4vKg==␇resume [/b] end" in listed
    # A name with a tab keeps its line's three fields.
    assert all(line.count("\t") == 2 for line in listed.splitlines())
    assert "tab␉name␛[2J.txt" in listed
    # The file whose name is not UTF-8 is skipped with a reason, the rest indexed.
    assert "not valid UTF-8" in runs[0].stderr.decode()
    assert len(listed.splitlines()) == 3
    assert "not valid UTF-8" in runs[1].stderr.decode()
    assert b"clip.txt" in runs[1].stdout
    bookmarks = runs[-3].stdout.decode()
    assert bookmarks.count("\n") == 1 and "check ␛[2J␉this␊later" in bookmarks
    assert json.loads(runs[-1].stdout)["bookmarks"][0]["note"] == f"check {WIPE}\tthis\nlater"


def test_snippet_markers_in_an_article_are_not_taken_for_hits(hostile, tmp_path):
    done = _run("search", "--json", "hits", str(hostile), data=tmp_path / "state")
    record = json.loads(done.stdout)
    assert record["match"] == "hits"
    assert "␂hits␃" in record["snippet"]


def test_a_query_that_is_not_utf8_is_searched_not_a_traceback(hostile, tmp_path):
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "state"), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"reader",
            b"search",
            b"minist\xe9r",
            str(hostile).encode(),
        ],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    _clean(done)


@pytest.mark.parametrize("command", [["list"], ["search", "the"], ["analyze"]])
def test_a_closed_pipe_ends_the_command_quietly(tmp_path, command):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"{number:03}.txt").write_text(f"Title {number}\n\nThe words of the article.\n")
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "state"), "PYTHONPATH": str(REPO)}
    reader = subprocess.Popen(
        [sys.executable, "-m", "reader", *command, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    reader.stdout.readline()
    reader.stdout.close()  # as `| head -1` does
    _, err = reader.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
    assert reader.returncode == 0
