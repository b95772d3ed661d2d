"""The user's config file (TOML): reading measure, theme, and key remapping by binding id.

    [reader]
    measure = 72            # width of the text column, in cells
    theme = "gruvbox"

    [keymap]
    "app.next_article" = "ctrl+n"
    "reader.down" = "j,down,e"

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
    engine: str = "builtin"  # set by --engine
    problems: list[str] = field(default_factory=list)


def load_config(path: Path) -> Config:
    config = Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        config.problems.append(f"Config file {path} was not used: {error}")
        return config
    reader = data.get("reader", {})
    if not isinstance(reader, dict):
        config.problems.append(f"{path}: [reader] must be a table")
        reader = {}
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
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append(f"{path}: [keymap] must be a table of binding id = keys")
        keymap = {}
    for binding_id, keys in keymap.items():
        if isinstance(keys, str) and keys.strip():
            config.keymap[binding_id] = keys
        else:
            config.problems.append(
                f'{path}: keys for {binding_id!r} must be a string like "ctrl+n"'
            )
    return config
