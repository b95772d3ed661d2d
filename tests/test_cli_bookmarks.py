"""`reader bookmarks list | export | import`."""

from __future__ import annotations

import json

from reader.cli import main
from reader.store.bookmarks import Bookmark, BookmarkStore
from reader.store.database import connect


def _keep(data_dir, note: str, exact: str) -> None:
    conn, _ = connect(data_dir / "reader.db")
    BookmarkStore(conn).add(
        Bookmark(
            None,
            "/news/a.txt",
            "hash",
            10,
            10 + len(exact),
            exact,
            "pre ",
            " post",
            exact,
            note=note,
            title="Talks resume",
            speaker="Jane Doe",
        )
    )
    conn.close()


def test_list_and_export_in_both_formats(tmp_path, capsys):
    data = tmp_path / "state"
    _keep(data, "first note", "“We will not retreat,” she said.")
    assert main(["bookmarks", "--data-dir", str(data), "list"]) == 0
    # The article is not in this index: the bookmark is listed as an orphan.
    path, title, passage, note, orphan = capsys.readouterr().out.strip().split("\t")
    assert (path, title, note, orphan) == ("/news/a.txt", "Talks resume", "first note", "(orphan)")
    assert passage == "“We will not retreat,” she said."
    assert main(["bookmarks", "--data-dir", str(data), "export"]) == 0
    markdown = capsys.readouterr().out
    assert "## Talks resume" in markdown and "> “We will not retreat,” she said." in markdown
    target = tmp_path / "out.json"
    assert (
        main(
            [
                "bookmarks",
                "--data-dir",
                str(data),
                "export",
                "--format",
                "json",
                "--output",
                str(target),
            ]
        )
        == 0
    )
    assert "1 bookmarks written" in capsys.readouterr().err
    record = json.loads(target.read_text())["bookmarks"][0]
    assert record["note"] == "first note" and record["selector"]["prefix"] == "pre "


def test_import_merges_an_export_once(tmp_path, capsys):
    source, target = tmp_path / "one", tmp_path / "two"
    _keep(source, "kept", "A passage worth keeping.")
    exported = tmp_path / "b.json"
    main(
        [
            "bookmarks",
            "--data-dir",
            str(source),
            "export",
            "--format",
            "json",
            "--output",
            str(exported),
        ]
    )
    capsys.readouterr()
    assert main(["bookmarks", "--data-dir", str(target), "import", str(exported)]) == 0
    assert "1 bookmarks imported, 0 already here" in capsys.readouterr().err
    assert main(["bookmarks", "--data-dir", str(target), "import", str(exported)]) == 0
    assert "0 bookmarks imported, 1 already here" in capsys.readouterr().err
    main(["bookmarks", "--data-dir", str(target), "list"])
    assert capsys.readouterr().out.count("A passage worth keeping.") == 1


def test_import_of_a_wrong_file_says_why(tmp_path, capsys):
    wrong = tmp_path / "notes.json"
    wrong.write_text('{"hello": 1}')
    assert main(["bookmarks", "--data-dir", str(tmp_path), "import", str(wrong)]) == 2
    assert "not a reader bookmarks export" in capsys.readouterr().err
    assert main(["bookmarks", "--data-dir", str(tmp_path), "import", str(tmp_path / "no")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_list_and_export_work_in_a_folder_that_cannot_be_written(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO, read_only_folder

    data = tmp_path / "state"
    _keep(data, "kept before", "A passage worth keeping.")
    env = {**os.environ, "READER_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
    export = tmp_path / "x.json"
    main(
        [
            "bookmarks",
            "--data-dir",
            str(data),
            "export",
            "--format",
            "json",
            "--output",
            str(export),
        ]
    )
    with read_only_folder(data):
        for command in (["list"], ["export"]):
            done = subprocess.run(
                [sys.executable, "-m", "reader", "bookmarks", *command],
                capture_output=True,
                text=True,
                env=env,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            assert "A passage worth keeping." in done.stdout
            assert "cannot be written" in done.stderr
            assert "Traceback" not in done.stderr
        refused = subprocess.run(
            [sys.executable, "-m", "reader", "bookmarks", "import", str(export)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert "Could not import the bookmarks" in refused.stderr


def test_import_brings_back_the_bookmarks_of_a_set_aside_database(tmp_path, capsys):
    from reader.store.database import set_aside

    old = tmp_path / "old"
    _keep(old, "from the old one", "A passage worth keeping.")
    kept = set_aside(old / "reader.db")
    fresh = tmp_path / "fresh"
    assert main(["bookmarks", "--data-dir", str(fresh), "import", str(kept)]) == 0
    assert "1 bookmarks imported" in capsys.readouterr().err
    main(["bookmarks", "--data-dir", str(fresh), "list"])
    assert "from the old one" in capsys.readouterr().out
