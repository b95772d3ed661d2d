"""Find article files under the paths a user names, read and decode them; say why one is skipped."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.corpus.model import Article

# The suffixes of saved web pages (kept here so finding files imports no extractor).
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"}) | HTML_SUFFIXES
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# Far beyond any article; past this a file is a dump, not something to read in a terminal.
MAX_FILE_BYTES = 256 * 1024 * 1024
# A saved page larger than this is an archive or a dump: extracting it would take minutes.
MAX_PAGE_BYTES = 10 * 1024 * 1024
_BINARY_SNIFF_BYTES = 8192


class MissingPath(Exception):
    """A path the user named does not exist."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no such file or directory: {path}")
        self.path = path


class UnreadableArticle(Exception):
    """A file that cannot be shown as an article; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Discovery:
    paths: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def check_paths_exist(paths: Iterable[Path]) -> None:
    for path in paths:
        if not os.path.lexists(path):
            raise MissingPath(path)


@dataclass(frozen=True, slots=True)
class FoundFile:
    """An article file found on disk, with what `stat` said of it (the index compares these)."""

    path: str
    size: int
    mtime_ns: int


def discover(paths: Iterable[Path]) -> Discovery:
    """Article files under `paths` (folders recursively), in a stable order. Reads no contents."""
    found = Discovery()
    found.paths = [Path(file.path) for file in iter_files(paths, found.skipped)]
    return found


def iter_files(paths: Iterable[Path], skipped: list[Skipped]) -> Iterator[FoundFile]:
    """Article files under `paths` as they are found (a folder's files, then its subfolders,
    each in name order), each once; what cannot be used is added to `skipped`."""
    paths = list(paths)
    check_paths_exist(paths)
    seen: set[str] = set()
    for root in paths:
        if root.is_dir():
            if not _is_utf8_name(os.path.abspath(root)):
                skipped.append(Skipped(root, BAD_NAME))
                continue
            yield from _scan(str(root), skipped, seen)
        elif root.is_file():
            # A file named explicitly is read whatever its suffix.
            try:
                info = root.stat()
            except OSError as error:
                skipped.append(Skipped(root, _os_reason(error)))
                continue
            key = os.path.abspath(root)
            if not _is_utf8_name(key):
                skipped.append(Skipped(root, BAD_NAME))
                continue
            if key not in seen:
                seen.add(key)
                yield FoundFile(str(root), info.st_size, info.st_mtime_ns)
        elif root.is_symlink():
            skipped.append(Skipped(root, "broken link"))
        else:
            skipped.append(Skipped(root, "not a regular file"))


def _scan(folder: str, skipped: list[Skipped], seen: set[str]) -> Iterator[FoundFile]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        skipped.append(Skipped(Path(folder), _os_reason(error)))
        return
    subfolders = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        is_folder = entry.is_dir(follow_symlinks=False)  # linked folders are not followed
        if not is_folder and os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
            continue
        if not _is_utf8_name(name):
            # The index keeps names as UTF-8 text; one such name must not stop the folder.
            skipped.append(Skipped(Path(entry.path), BAD_NAME))
            continue
        if is_folder:
            subfolders.append(entry.path)
            continue
        try:
            info = entry.stat()
        except FileNotFoundError:
            skipped.append(Skipped(Path(entry.path), "broken link"))
            continue
        except OSError as error:
            skipped.append(Skipped(Path(entry.path), _os_reason(error)))
            continue
        key = os.path.abspath(entry.path)
        if key not in seen:
            seen.add(key)
            yield FoundFile(entry.path, info.st_size, info.st_mtime_ns)
    for subfolder in subfolders:
        yield from _scan(subfolder, skipped, seen)


BAD_NAME = "its name is not valid UTF-8 (rename it to read it)"


def _is_utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes decoded with surrogateescape
        return False
    return True


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def read_text(path: Path) -> str:
    """The decoded text of an article file, or `UnreadableArticle` saying why not."""
    return decode(read_article_bytes(path))[0]


def read_article_bytes(path: Path) -> bytes:
    """The bytes of an article file, or `UnreadableArticle` (missing, too large, empty,
    binary)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableArticle("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise UnreadableArticle(f"too large ({info.st_size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise UnreadableArticle("broken link" if path.is_symlink() else "file vanished") from error
    except OSError as error:
        raise UnreadableArticle(_os_reason(error)) from error
    if not data.strip():
        raise UnreadableArticle("empty file")
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise UnreadableArticle("binary file")
    return data


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8, else Windows-1252 (which most "Latin-1"
    files really are), else Latin-1 — the last two only when the result reads as text."""
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        where = error.start
    for codec, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            return text, name
    raise UnreadableArticle(
        f"not text: not UTF-8 (invalid byte at offset {where}), nor Windows-1252 or Latin-1"
    )


def _reads_as_text(text: str) -> bool:
    """Few control characters: a text in a legacy encoding, not binary data."""
    controls = sum(1 for char in text if char in _CONTROLS)
    return controls <= len(text) // 100


# C0 controls but tab, line feed, form feed and carriage return; C1 controls (Latin-1 0x80-0x9F).
_CONTROLS = frozenset(
    chr(code)
    for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))
    if code not in (9, 10, 12, 13)
)


def _load_saved_page(path: Path, data: bytes) -> Article:
    """A saved web page: its main text, extracted (the page's charset is read from it)."""
    from reader.corpus.webpage import NoArticleText, parse_saved_page

    if len(data) > MAX_PAGE_BYTES:
        raise UnreadableArticle(f"a saved page over {MAX_PAGE_BYTES // (1024 * 1024)} MB")
    try:
        return parse_saved_page(path, data)
    except NoArticleText as error:
        raise UnreadableArticle(str(error)) from error


def parse_article(path: Path, source: str) -> Article:
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from reader.corpus.markdown import parse_markdown

        return parse_markdown(path, source)
    from reader.corpus.plaintext import parse_plaintext

    return parse_plaintext(path, source)


def load_article(path: Path) -> Article:
    data = read_article_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        return _load_saved_page(path, data)
    text, encoding = decode(data)
    article = parse_article(path, text)
    if encoding != "UTF-8":
        article = replace(article, encoding=encoding)
    return article
