"""The user's config file (TOML): reading measure, theme, and key remapping by binding id.

    [reader]
    measure = 72            # width of the text column, in cells
    theme = "gruvbox"
    library = "~/News"      # where `reader add` and `reader fetch` write articles

    [keymap]
    "app.next_article" = "ctrl+n"
    "reader.down" = "j,down,ctrl+e"

A file that cannot be used is reported and the defaults apply; it is never fatal.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MEASURE = 80
MIN_MEASURE, MAX_MEASURE = 30, 200


@dataclass(slots=True)
class Config:
    measure: int = DEFAULT_MEASURE
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    engine: str = "builtin"  # [reader] engine, or --engine (which wins)
    library: Path | None = None  # [reader] library: the folder web articles are written to
    problems: list[str] = field(default_factory=list)
    path: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)  # binding id → its line in the file

    def where(self, binding_id: str) -> str:
        """ "config.toml line 7" for a keymap entry, to name it in a message."""
        line = self.lines.get(binding_id)
        name = self.path.name if self.path else "config"
        return f"{name} line {line}" if line else name


_SECTIONS = {"reader", "keymap"}
_READER_KEYS = {"measure", "theme", "engine", "library"}
ENGINE_NAMES = ("builtin", "spacy")


def _line_of(lines: list[str], pattern: str) -> int:
    """The first line (counted from 1) that starts with `pattern`, else 0."""
    for number, line in enumerate(lines, 1):
        if line.strip().startswith(pattern):
            return number
    return 0


def load_config(path: Path) -> Config:
    config = Config(path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad starts a file with a BOM
        data = tomllib.loads(text)
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        config.problems.append(f"Config file {path} was not used: {error}")
        return config
    lines = text.splitlines()
    for section in data:
        if section not in _SECTIONS:
            line = _line_of(lines, f"[{section}]") or _line_of(lines, section)
            config.problems.append(
                f"{path.name} line {line}: unknown section [{section}] "
                f"(known: {', '.join(f'[{name}]' for name in sorted(_SECTIONS))})"
            )
    reader = data.get("reader", {})
    if not isinstance(reader, dict):
        config.problems.append(f"{path}: [reader] must be a table")
        reader = {}
    for key in reader:
        if key not in _READER_KEYS:
            config.problems.append(
                f"{path.name} line {_line_of(lines, key)}: unknown setting {key!r} in [reader] "
                f"(known: {', '.join(sorted(_READER_KEYS))})"
            )
    measure = reader.get("measure", DEFAULT_MEASURE)
    if isinstance(measure, int) and MIN_MEASURE <= measure <= MAX_MEASURE:
        config.measure = measure
    else:
        config.problems.append(
            f"{path}: measure must be a whole number from {MIN_MEASURE} to {MAX_MEASURE}"
        )
    theme = reader.get("theme")
    if theme is not None:
        if isinstance(theme, str):
            config.theme = theme
        else:
            config.problems.append(f"{path}: theme must be a name")
    engine = reader.get("engine")
    if engine is not None:
        if engine in ENGINE_NAMES:
            config.engine = engine
        else:
            config.problems.append(
                f"{path.name} line {_line_of(lines, 'engine')}: engine must be one of "
                f"{', '.join(ENGINE_NAMES)}, not {engine!r}"
            )
    library = reader.get("library")
    if library is not None:
        if isinstance(library, str) and library.strip():
            config.library = Path(library).expanduser()
        else:
            config.problems.append(
                f"{path.name} line {_line_of(lines, 'library')}: library must be a folder's path"
            )
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append(f"{path}: [keymap] must be a table of binding id = keys")
        keymap = {}
    for binding_id, keys in keymap.items():
        config.lines[binding_id] = _line_of(lines, f'"{binding_id}"') or _line_of(lines, binding_id)
        if isinstance(keys, str) and keys.strip():
            config.keymap[binding_id] = keys
        else:
            config.problems.append(
                f'{path}: keys for {binding_id!r} must be a string like "ctrl+n"'
            )
    return config
