"""The command line: --version, --help, list, and clear errors for bad paths."""

import subprocess
import sys

from reader.cli import main
from tests.conftest import SEED_TITLE


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
