"""`reader quotes` and `reader entities` on real folders, and an analyser killed half-way."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import bundled_seeds, main

SEED = next(bundled_seeds().glob("*.txt")).read_text(encoding="utf-8")


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_entities_lists_the_seed_corpus_most_named_first(tmp_path, capsys):
    code, out, _ = run(capsys, "entities", "--data-dir", str(tmp_path), "--json", "--top", "3")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert rows[0]["name"] == "Ukraine" and rows[0]["type"] == "GPE"
    assert rows[0]["mentions"] >= rows[1]["mentions"]
    code, out, _ = run(capsys, "entities", "--data-dir", str(tmp_path), "--type", "person")
    assert code == 0
    assert {line.split("\t")[1] for line in out.splitlines()} == {"PERSON"}
    assert "Dmytro Kuleba\tPERSON\t1\t" in out


def test_quotes_by_one_speaker_and_their_markdown_with_citations(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path)]
    code, out, _ = run(capsys, "quotes", *data, "--speaker", "kuleba", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {row["speaker"] for row in rows} == {"Dmytro Kuleba"}
    source = next(bundled_seeds().glob("*.txt")).read_text(encoding="utf-8")
    for row in rows:
        assert source[row["offset"] : row["end"]] == row["words"]
    target = tmp_path / "kuleba.md"
    code, _, err = run(
        capsys, "quotes", *data, "--speaker", "Kuleba", "--markdown", "--output", str(target)
    )
    assert code == 0 and "wrote" in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Quotations of Kuleba")
    assert text.count("\n> ") == len(rows) and text.count("— Dmytro Kuleba, “") == len(rows)


def test_what_articles_say_reaches_the_terminal_without_its_escape_sequences(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        'Hostile\n\nJohn Smith spoke on Monday.\n\n"We won \x1b]0;owned\x07 today," Smith said.\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "quotes", "--data-dir", str(tmp_path / "d"), str(folder))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert out.startswith("John Smith\t")


def test_a_missing_path_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "entities", "--data-dir", str(tmp_path), str(tmp_path / "nope"))
    assert code == 2 and "nope" in err


def _counts_are_true(database: Path) -> None:
    conn = sqlite3.connect(database)
    try:
        kept = dict(conn.execute("SELECT id, articles FROM entities WHERE articles > 0"))
        counted = dict(
            conn.execute(
                "SELECT entity_id, count(DISTINCT article_id) FROM article_entities "
                "GROUP BY entity_id"
            )
        )
        assert kept == counted
        twice = conn.execute(
            "SELECT count(*) FROM (SELECT article_id, start FROM quotations "
            "GROUP BY article_id, start HAVING count(*) > 1)"
        ).fetchone()[0]
        assert twice == 0
        unfinished = conn.execute(
            "SELECT count(*) FROM article_entities WHERE article_id NOT IN "
            "(SELECT article_id FROM analyses)"
        ).fetchone()[0]
        assert unfinished == 0
    finally:
        conn.close()


def _analysed(database: Path) -> int:
    try:
        conn = sqlite3.connect(database, timeout=10)
        try:
            return conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 of a process group")
def test_an_analyser_killed_half_way_loses_nothing_and_the_next_run_finishes(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(120):
        (folder / f"{number:03}.txt").write_text(
            SEED + f"\n\nEditor's note {number}: updated.\n" + SEED.split("\n", 1)[1] * 2,
            encoding="utf-8",
        )
    data = tmp_path / "data"
    database = data / "reader.db"
    command = [sys.executable, "-m", "reader", "entities", "--data-dir", str(data), str(folder)]
    child = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while _analysed(database) < 3 and child.poll() is None:
            time.sleep(0.01)  # polling the condition, not a time budget
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    _counts_are_true(database)
    code, out, _ = run(capsys, "entities", "--data-dir", str(data), "--json", str(folder))
    assert code == 0
    assert _analysed(database) == 120
    _counts_are_true(database)
    rows = {row["name"]: row for row in map(json.loads, out.splitlines())}
    assert rows["Ukraine"]["articles"] == 120
    # The same as one run that was never stopped.
    code, fresh, _ = run(
        capsys, "entities", "--data-dir", str(tmp_path / "fresh"), "--json", str(folder)
    )
    assert fresh == out
