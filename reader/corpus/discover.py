"""Find article files under the paths a user names, read and decode them; say why one is skipped."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.model import Article

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# Far beyond any article; past this a file is a dump, not something to read in a terminal.
MAX_FILE_BYTES = 256 * 1024 * 1024
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


def discover(paths: Iterable[Path]) -> Discovery:
    """Article files under `paths` (folders recursively), in a stable order. Reads no contents."""
    found = Discovery()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.paths.append(path)

    paths = list(paths)
    check_paths_exist(paths)
    for root in paths:
        if root.is_dir():
            for path in _walk(root, found.skipped):
                add(path)
        elif root.is_file():
            add(root)  # a file named explicitly is read whatever its suffix
        elif root.is_symlink():
            found.skipped.append(Skipped(root, "broken link"))
        else:
            found.skipped.append(Skipped(root, "not a regular file"))
    return found


def _walk(root: Path, skipped: list[Skipped]) -> list[Path]:
    paths: list[Path] = []

    def on_error(error: OSError) -> None:
        skipped.append(Skipped(Path(error.filename or root), _os_reason(error)))

    for folder, folders, files in os.walk(root, onerror=on_error):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            path = Path(folder, name)
            if path.is_symlink() and not path.exists():
                skipped.append(Skipped(path, "broken link"))
            else:
                paths.append(path)
    return paths


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def read_text(path: Path) -> str:
    """The decoded text of an article file, or `UnreadableArticle` saying why not."""
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
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableArticle(f"not UTF-8 text (invalid byte at offset {error.start})") from error


def parse_article(path: Path, source: str) -> Article:
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from reader.corpus.markdown import parse_markdown

        return parse_markdown(path, source)
    from reader.corpus.plaintext import parse_plaintext

    return parse_plaintext(path, source)


def load_article(path: Path) -> Article:
    return parse_article(path, read_text(path))
