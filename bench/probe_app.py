"""One start of the app (or of a bare Textual app) for bench_library.py; prints JSON figures.

    python bench/probe_app.py reader|bare [--keys] DATA_DIR [PATH ...]

Times are wall-clock `time.time()` values, so the parent can subtract the moment it started
this process: the figures include interpreter start-up and imports, as a user would wait.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_POLL = 0.005


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def bare() -> dict:
    from textual.app import App
    from textual.widgets import Static

    figures: dict = {}

    class Bare(App[None]):
        def compose(self):
            yield Static("One line of text.")

        def on_mount(self) -> None:
            self.call_after_refresh(self._shown)

        def _shown(self) -> None:
            figures["first_text_at"] = time.time()
            self.exit()

    Bare().run(headless=True, size=(120, 40))
    return figures


def reader(data: Path, paths: list[Path], keys: bool) -> dict:
    import asyncio

    from reader.paths import Locations
    from reader.ui.app import CorpusSpec, ReaderApp
    from reader.ui.widgets.article_view import ArticleView

    figures: dict = {"first_text_at": None, "all_titled_at": None}
    app = ReaderApp(CorpusSpec(paths, "bench"), Locations(data, data / "cache", data / "x.toml"))

    # The moment the reader pane first draws a line of an article: text on screen.
    render_line = ArticleView.render_line

    def timed_render_line(view: ArticleView, y: int):
        if figures["first_text_at"] is None and view.layout is not None:
            figures["first_text_at"] = time.time()
        return render_line(view, y)

    ArticleView.render_line = timed_render_line

    def indexing() -> bool:
        return any(w.group == "index" and not w.is_finished for w in app.workers)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            stalls = [0.0]
            last = [time.perf_counter()]

            def beat() -> None:
                now = time.perf_counter()
                stalls.append(now - last[0] - 0.05)
                last[0] = now

            app.set_interval(0.05, beat)
            while True:
                rows = app.article_list
                if (
                    figures["first_text_at"] is not None
                    and rows.total_count
                    and not indexing()
                    and all(row.words is not None for row in rows.all_rows)
                ):
                    figures["all_titled_at"] = time.time()
                    break
                await asyncio.sleep(_POLL)
            figures["longest_stall_ms"] = round(max(stalls) * 1000, 1)
            if keys:
                rows.focus()
                await pilot.pause()
                presses = 60
                # j moves the list cursor; x is bound to nothing: the harness's own cost.
                for key, name in (("j", "keypress"), ("x", "unbound_keypress")):
                    wall, cpu = time.perf_counter(), time.process_time()
                    for _ in range(presses):
                        await pilot.press(key)
                    per_press = (time.perf_counter() - wall) * 1000 / presses
                    figures[f"{name}_ms"] = round(per_press, 2)
                    cpu_per_press = (time.process_time() - cpu) * 1000 / presses
                    figures[f"{name}_cpu_ms"] = round(cpu_per_press, 2)

    asyncio.run(run())
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def main() -> None:
    args = sys.argv[1:]
    mode = args.pop(0)
    keys = "--keys" in args
    if keys:
        args.remove("--keys")
    data, paths = Path(args[0]), [Path(p) for p in args[1:]]
    figures = bare() if mode == "bare" else reader(data, paths, keys)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
