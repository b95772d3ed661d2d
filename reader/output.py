"""Text from files, notes, imports and the web, made safe to show: no control character ever
reaches a terminal alive, and printing never ends in a traceback.

`visible` swaps each control character for one visible symbol (ESC → ␛, BEL → ␇, DEL → ␡; the
C1 controls and unpaired surrogates → �), one character for one, so offsets into the text stay
true: the article model applies it to everything it displays. `safe` is for one-line output
(command-line fields, messages): it also shows tabs and line breaks as symbols, unless asked
to keep them.
"""

from __future__ import annotations

import re
import sys

# C0 controls but tab and line feed, DEL, the C1 controls (CSI, OSC, … in one byte on some
# terminals), and lone surrogates (a file name that is not UTF-8, decoded with
# surrogateescape: they cannot even be written to a UTF-8 stream).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_IN_A_FIELD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

REPLACEMENT = "\ufffd"


def _symbol(character: str) -> str:
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


_SYMBOLS = {code: _symbol(chr(code)) for code in (*range(0x20), *range(0x7F, 0xA0))}


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def visible(text: str) -> str:
    """`text` with every control character but tab and line feed shown as a symbol, one
    character for one."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: _SYMBOLS.get(ord(match.group()), REPLACEMENT), text)


def strip_controls(text: str) -> str:
    """`text` without control characters (but tab and line feed): for text from the web that
    reader writes into a file of its own, where a symbol would only be noise."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n")) if _UNSAFE.search(text) else text


def one_line_field(text: str) -> str:
    """A field of a tab-separated line, its runs of white space made one space and the rest
    of its control characters shown as symbols."""
    return safe(" ".join(text.split()), tabs=False)


def safe(text: str, *, tabs: bool = True) -> str:
    """One field or message for a terminal or a tab-separated line: control characters as
    symbols; with `tabs=False` tabs and line breaks too (␉, ␊), so a field never splits a
    line. A Windows line break in a message stays a line break."""
    if tabs:
        return visible(text.replace("\r\n", "\n"))
    if _UNSAFE_IN_A_FIELD.search(text) is None:
        return text
    return _UNSAFE_IN_A_FIELD.sub(lambda match: _SYMBOLS.get(ord(match.group()), REPLACEMENT), text)


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_line(record: object) -> str:
    """One JSON object for a line of output: readable UTF-8, with every control character
    escaped (JSON escapes those below 0x20 itself; DEL, C1 and lone surrogates are done here)."""
    import json

    return escape_json_controls(json.dumps(record, ensure_ascii=False))


def escape_json_controls(text: str) -> str:
    """JSON text with DEL, the C1 controls and lone surrogates escaped as \\uXXXX."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_line(text: str, end: str = "\n") -> None:
    """Print to standard output; a reader that went away (`| head`) ends the program quietly,
    as `ls | head` does."""
    try:
        sys.stdout.write(text + end)
    except BrokenPipeError:
        _quiet_exit()


def _quiet_exit() -> None:
    import os

    # Python would complain again when it flushes stdout at exit: point it at nothing first.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise SystemExit(0)


def write_text_atomically(target, text: str) -> None:
    """Write a file whole or not at all: beside the target first, then moved over it, so a
    full disk or a kill never leaves half an export. Raises OSError."""
    from pathlib import Path

    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
