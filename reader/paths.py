"""Where reader keeps its files: platformdirs locations and the overrides that move them.

`--data-dir DIR` or `READER_DATA_DIR` moves all state (database and cache) into one folder, so
tests and users can isolate it. Nothing here touches the disk until a location is used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "reader"
DATA_DIR_ENV = "READER_DATA_DIR"
CONFIG_ENV = "READER_CONFIG"


@dataclass(frozen=True, slots=True)
class Locations:
    data_dir: Path
    cache_dir: Path
    config_file: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "reader.db"

    @property
    def default_library(self) -> Path:
        """Where articles from the web go unless the config's `library` says otherwise."""
        return self.data_dir / "library"


def library_folder(where: Locations, configured: Path | None = None) -> Path:
    return configured or where.default_library


def locations(
    data_dir: Path | str | None = None, config_file: Path | str | None = None
) -> Locations:
    import platformdirs

    override = data_dir or os.environ.get(DATA_DIR_ENV)
    if override:
        root = Path(override).expanduser()
        data, cache = root, root / "cache"
    else:
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    config = config_file or os.environ.get(CONFIG_ENV)
    if config:
        config_path = Path(config).expanduser()
    else:
        config_path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"
    return Locations(data_dir=data, cache_dir=cache, config_file=config_path)
