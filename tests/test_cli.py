"""The command line: --version, --help, list, and clear errors for bad paths."""

import contextlib
import json
import subprocess
import sys

import pytest

from reader.cli import main
from tests.conftest import SEED_TITLE, SEEDS


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.startswith("reader ")


def test_list_prints_title_words_path_for_the_seed_corpus(capsys):
    assert main(["list"]) == 0
    title, words, path = capsys.readouterr().out.strip().split("\t")
    assert title == SEED_TITLE
    assert 600 < int(words) < 700
    assert path.endswith(".txt")


def test_list_reports_skipped_files_on_stderr(corpus, capsys):
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    assert main(["list", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 4
    assert captured.err.strip() == f"reader: skipped {corpus / 'broken.txt'}: binary file"


def test_missing_path_is_one_line_on_stderr_and_status_2(capsys):
    assert main(["/no/such/folder"]) == 2
    err = capsys.readouterr().err
    assert err == "reader: no such file or directory: /no/such/folder\n"


def test_help_and_version_do_not_import_the_tui():
    code = (
        "import sys; from reader.cli import main\n"
        "try: main(['--help'])\nexcept SystemExit: pass\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False"
    assert "reader list" in result.stdout


def test_help_names_the_files_in_use(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "my.toml"))
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert f"config file  {tmp_path / 'my.toml'}" in out
    assert f"data dir     {tmp_path / 'data'}" in out
    assert f"cache dir    {tmp_path / 'data' / 'cache'}" in out


def test_the_built_in_engine_writes_no_file_cache(tmp_path, monkeypatch, capsys):
    # Its results are kept in the analysis index; the file cache is only the spaCy engine's.
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    assert main(["analyze", "--no-cache", str(SEEDS)]) == 0
    assert "Joe Biden" in capsys.readouterr().out
    assert main(["analyze", str(SEEDS)]) == 0
    assert "Joe Biden" in capsys.readouterr().out
    assert not (tmp_path / "data" / "cache").exists()


def test_analyze_explain_names_the_rule_behind_each_entity_and_speaker(tmp_path, capsys):
    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks\n\nThe talks were led by Chancellor Zorblat.\n\n"
        "“We will build it,” said Hamish Grolt. Tarquil was quiet.\n",
        encoding="utf-8",
    )
    assert main(["analyze", "--explain", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("PERSON Zorblat" in line and "← after-a-title" in line for line in lines)
    # What is left unmarked is explained too: a newcomer asks why as often.
    assert any("none   Tarquil" in line and "← lone-word-unknown" in line for line in lines)
    said = [line for line in lines if "said" in line and "We will build it" in line]
    assert len(said) == 1 and "— Hamish Grolt  ← named-after" in said[0]
    assert said[0].lstrip().startswith("line 5")
    assert main(["analyze", "--explain", "--json", str(article)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"text": "Zorblat", "label": "PERSON", "rule": "after-a-title"}.items() <= next(
        entity for entity in record["entities"] if entity["text"] == "Zorblat"
    ).items()
    assert record["speakers"][0]["speaker"] == "Hamish Grolt"


def test_analyze_json_says_speech_or_other_and_the_form_of_the_other(tmp_path, capsys):
    article = tmp_path / "plan.txt"
    article.write_text(
        "Plan\n\nLabour unveiled its own “points system” on Monday.\n\n"
        "“We will build it,” said Hamish Grolt.\n",
        encoding="utf-8",
    )
    assert main(["analyze", "--json", "--no-cache", str(article)]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    kinds = {quote["text"]: (quote["kind"], quote.get("form")) for quote in quotes}
    assert kinds == {"“points system”": ("other", "scare"), "“We will build it,”": ("speech", None)}
    # Who speaks, as written and as the person the article names (the README's promise).
    speech = next(quote for quote in quotes if quote["kind"] == "speech")
    assert (speech["speaker"], speech["speaker_entity"]) == ("Hamish Grolt", "Hamish Grolt")


def test_search_limit_sets_how_many_results_and_help_says_the_default(tmp_path, capsys):
    for number in range(70):
        (tmp_path / f"a{number:02}.txt").write_text(f"Story {number}\n\nThe harbour reopened.\n")
    data = str(tmp_path / "state")
    assert main(["search", "harbour", str(tmp_path), "--data-dir", data]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 50
    assert main(["search", "harbour", str(tmp_path), "--limit", "65", "--data-dir", data]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 65
    assert main(["search", "harbour", str(tmp_path), "--limit", "0", "--data-dir", data]) == 2
    assert "--limit" in capsys.readouterr().err
    with contextlib.suppress(SystemExit):
        main(["--help"])
    assert "--limit N" in capsys.readouterr().out


def test_many_articles_are_analysed_in_order_with_the_unreadable_ones_said(tmp_path, capsys):
    """Past a few files the analysis runs in a process per core: the output is the same, in
    the same order, as one file at a time."""
    from reader.analysis_cli import PARALLEL_FROM

    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(PARALLEL_FROM + 4):
        (folder / f"{number:02}.txt").write_text(
            f"Story {number}\n\n" + seed.split("\n", 1)[1], encoding="utf-8"
        )
    (folder / "05b.txt").write_bytes(b"\x00\x01binary\x00")
    assert main(["analyze", "--json", str(folder)]) == 0
    captured = capsys.readouterr()
    together = [json.loads(line) for line in captured.out.splitlines()]
    assert [row["title"] for row in together] == [f"Story {n}" for n in range(PARALLEL_FROM + 4)]
    assert "skipped" in captured.err and "05b.txt" in captured.err
    alone = []
    for number in (0, PARALLEL_FROM + 3):
        assert main(["analyze", "--json", str(folder / f"{number:02}.txt")]) == 0
        alone.append(json.loads(capsys.readouterr().out))
    assert [together[0], together[-1]] == alone
