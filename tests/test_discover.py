"""Finding and reading article files: bad files are skipped with a reason, never a crash."""

from pathlib import Path

import pytest

from reader.corpus.discover import (
    MissingPath,
    UnreadableArticle,
    discover,
    load_article,
    read_text,
)


def test_folders_are_walked_recursively_for_article_suffixes(corpus):
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    (corpus / ".hidden.txt").write_text("hidden")
    found = discover([corpus])
    names = sorted(path.name for path in found.paths)
    assert names == ["000_seed.txt", "budget_talks.md", "harbour.md", "tokyo.txt"]
    assert found.skipped == []


def test_a_file_named_explicitly_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "story.text"
    path.write_text("Title\n\nBody.")
    assert discover([path]).paths == [path]


def test_missing_path_is_an_error():
    with pytest.raises(MissingPath, match="no such file or directory"):
        discover([Path("/no/such/place")])


def test_broken_link_is_reported(tmp_path):
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    found = discover([tmp_path])
    assert [(s.path.name, s.reason) for s in found.skipped] == [("gone.md", "broken link")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary file"),
        (bytes(range(1, 256)) * 4, "not text: not UTF-8 (invalid byte at offset 127)"),
    ],
)
def test_bad_files_say_why_they_cannot_be_read(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableArticle, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_text(path)


def test_unreadable_file_reports_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Title")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(UnreadableArticle, match="permission denied"):
        read_text(path)


def test_unreadable_folder_is_reported_and_the_rest_still_found(tmp_path, monkeypatch):
    import os

    (tmp_path / "ok.txt").write_text("Fine\n\nText.")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "hidden.txt").write_text("Secret\n\nText.")
    real_scandir = os.scandir

    def scandir(path):
        # Tests run as root here, where chmod cannot refuse a folder: refuse it in the walk.
        if os.path.basename(path) == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([tmp_path])
    assert [p.name for p in found.paths] == ["ok.txt"]
    assert [(s.path.name, s.reason) for s in found.skipped] == [("private", "permission denied")]


def test_markdown_and_text_are_parsed_by_their_own_parser(corpus):
    markdown = load_article(corpus / "world" / "harbour.md")
    text = load_article(corpus / "000_seed.txt")
    assert (markdown.format, text.format) == ("markdown", "text")
    assert markdown.title == "Harbour reopens after the storm"


@pytest.mark.parametrize(
    ("content", "text", "encoding"),
    [
        ("Café au lait — “quoted”".encode("cp1252"), "Café au lait — “quoted”", "Windows-1252"),
        (b"Caf\xe9 \x81 au lait", "Café \x81 au lait", "Latin-1"),  # 0x81: not in cp1252
        ("Café".encode(), "Café", "UTF-8"),
    ],
)
def test_legacy_encodings_are_read_and_named(tmp_path, content, text, encoding):
    path = tmp_path / "old.txt"
    path.write_bytes(content + b"\n\n" + b"A paragraph of plain words. " * 10)
    article = load_article(path)
    assert article.source.startswith(text)
    assert article.encoding == encoding
