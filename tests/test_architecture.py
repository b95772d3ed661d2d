"""The layout the README promises: the interface reaches the database only through the
services (it never imports `sqlite3` or `reader.store`), so every failure it sees is a
`StoreError` with a sentence for the user."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "reader" / "ui"


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_under_reader_ui_imports_sqlite3_or_the_store():
    offending = {
        f"{path.relative_to(UI)}: {module}"
        for path in UI.rglob("*.py")
        for module in imported_modules(path)
        if module == "sqlite3" or module.startswith("reader.store")
    }
    assert offending == set()
