"""Figures for input built to hurt: prints one JSON object.

    python bench/bench_hostile.py

- parse a plain-text file of 100,000 and 1,000,000 short lines (was quadratic);
- one line of 50 MB cut to a status line (fit_cells, excerpt);
- a 5,000-word query pasted into search over 2,000 articles, and how soon a cancelled search
  stops;
- 100,000 bookmarks checked and imported.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.bookmarks.transfer import from_json  # noqa: E402
from reader.corpus.plaintext import parse_plaintext  # noqa: E402
from reader.services import search as search_module  # noqa: E402
from reader.services.search import SearchCancelled, SearchService  # noqa: E402
from reader.store.articles import ArticleStore, Parsed  # noqa: E402
from reader.store.bookmarks import BookmarkStore  # noqa: E402
from reader.store.database import connect, transaction  # noqa: E402
from reader.ui.widgets.line_renderer import excerpt, fit_cells  # noqa: E402


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return round(time.perf_counter() - start, 3)


def main() -> None:
    figures: dict[str, float] = {}
    for lines in (100_000, 1_000_000):
        text = "Title\n\n" + "".join(f"line {n} of a few words\n" for n in range(lines))
        figures[f"parse_{lines}_short_lines_s"] = timed(
            lambda t=text: parse_plaintext(Path("x"), t)
        )
    huge = "word " * 10_000_000
    figures["fit_cells_50MB_line_s"] = timed(lambda: fit_cells(huge, 80))
    figures["excerpt_50MB_line_s"] = timed(lambda: excerpt(huge, 200))

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "reader.db"
        conn, _ = connect(database)
        store = ArticleStore(conn)
        with transaction(conn):
            rows = store.add_paths([f"/news/{n:05}.txt" for n in range(2000)])
            for row in rows:
                body = " ".join(f"word{(row.id * 7 + k) % 3000}" for k in range(600))
                store.save_parsed(
                    row.id, row.path, Parsed(1, 1, str(row.id), "T", "", "", 600, body)
                )
        service = SearchService(database)
        paste = " ".join(f"word{n % 3000}" for n in range(5000))
        figures["search_5000_word_paste_s"] = timed(lambda: service.find(paste, None))

        real_search = search_module.search
        stop = threading.Event()
        ended: list[float] = []

        def endless(conn, *args, **kwargs):
            # A search that would never end by itself: only cancelling stops it.
            conn.execute(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
                "SELECT count(*) FROM n"
            ).fetchone()

        def slow() -> None:
            with contextlib.suppress(SearchCancelled):
                service.find("words", None, cancelled=stop.is_set)
            ended.append(time.perf_counter())

        search_module.search = endless
        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.2)
        asked = time.perf_counter()
        stop.set()
        thread.join()
        search_module.search = real_search
        figures["endless_search_stops_after_cancel_ms"] = round((ended[0] - asked) * 1000, 2)

        records = [
            {"path": f"/news/{n}.txt", "exact": f"passage {n}", "start": 0, "end": 9, "note": "n"}
            for n in range(100_000)
        ]
        document = json.dumps({"format": "reader-bookmarks", "bookmarks": records}, indent=1)
        bookmarks: list = []
        figures["import_check_100k_s"] = timed(lambda: bookmarks.extend(from_json(document)))
        figures["import_write_100k_s"] = timed(lambda: BookmarkStore(conn).merge(bookmarks, {}))
        conn.close()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
