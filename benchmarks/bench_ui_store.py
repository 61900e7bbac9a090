"""Opening the dashboard on a store of 1,000 cached articles: list painted, analyses lazy.

Run: `.venv/bin/python benchmarks/bench_ui_store.py [--articles 1000] [--runs 5]`.
Prints medians beside baselines measured in the same run: the same app on an empty store
(the dashboard's own start-up), and the eager path (every cached analysis decoded before the
first paint).  Aim (issue 7): the list painted within 0.5 s of start-up work, analyses loaded
lazily, i.e. after the paint, by the worker.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from timing import app_env, bare_app_script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
NOW = datetime(2021, 12, 31, 6, 0, tzinfo=UTC)
SIZE = (120, 40)

PROCESS = """
import sys, time
from briefing.config import Config
from briefing.store import open_store
from briefing.ui.app import BriefingApp

class Probe(BriefingApp):
    def on_articles_loaded(self, message):  # the stored articles arrive from the worker
        super().on_articles_loaded(message)  # (no sources given: they come from the store)
        self.call_after_refresh(self.listed)

    def listed(self):
        rows = self.main.query_one("#articles").option_count
        print(rows, time.perf_counter(), flush=True)
        self.exit()

with open_store() as store:
    Probe([], Config(), store=store).run(headless=True, size=(120, 40))
"""

BARE = bare_app_script(SIZE, prefix="0 ")


def process_to_paint(code: str, data: Path) -> tuple[int, float]:
    env = app_env(data, NOW.isoformat())
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True).stdout
    rows, painted = out.strip().splitlines()[-1].split()
    return int(rows), float(painted) - start


async def open_app(path: Path | None, *, eager: bool = False) -> dict[str, float]:
    """Seconds from opening the store to the list painted, and to every analysis loaded."""
    from briefing.article_record import cached_analysis
    from briefing.clock import fixed_clock
    from briefing.config import Config
    from briefing.store import Store
    from briefing.ui.app import BriefingApp
    from briefing.ui.messages import ArticlesLoaded

    marks: dict[str, float] = {}

    class Probe(BriefingApp):
        def analyse_pending(self) -> None:  # the main screen calls it after its first paint
            marks.setdefault("first_paint", time.perf_counter() - start)
            super().analyse_pending()

        def on_articles_loaded(self, message: ArticlesLoaded) -> None:
            super().on_articles_loaded(message)  # no sources given: the store's articles
            self.call_after_refresh(self.listed)

        def listed(self) -> None:
            """The stored rows are in the list and on screen: what the officer waits for."""
            if "painted" in marks:
                return
            marks["painted"] = time.perf_counter() - start
            marks["rows"] = self.main.query_one("#articles").option_count
            marks["analysed_at_paint"] = sum(e.analysis is not None
                                             for e in self.entries.values())

    start = time.perf_counter()
    store = Store.open(path, clock=fixed_clock(NOW)) if path else Store.in_memory()
    entries = ()
    if eager:  # the baseline lazy loading avoids: decode every analysis before painting
        entries = tuple((a, cached_analysis(store, a)) for a in store.articles())
    app = Probe([], Config(), clock=fixed_clock(NOW), local="America/New_York",
                store=store, entries=entries)
    async with app.run_test(size=SIZE) as pilot:
        while "painted" not in marks:
            await asyncio.sleep(0.005)
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if all(e.analysis is not None for e in app.entries.values()):
                break
        marks["analysed"] = time.perf_counter() - start
    store.close()
    return marks


def main() -> None:
    from bench_store import build

    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        path = data / "briefing.sqlite3"
        build(path, args.articles)
        results: dict[str, list[dict[str, float]]] = {"lazy": [], "eager": [], "empty": []}
        for _ in range(args.runs):
            results["lazy"].append(asyncio.run(open_app(path)))
            results["eager"].append(asyncio.run(open_app(path, eager=True)))
            results["empty"].append(asyncio.run(open_app(None)))
        process = [process_to_paint(PROCESS, data) for _ in range(args.runs)]
        bare = [process_to_paint(BARE, data)[1] for _ in range(args.runs)]

    def ms(kind: str, key: str) -> str:
        return f"{statistics.median(r[key] for r in results[kind]) * 1000:7.0f} ms"

    rows = int(results["lazy"][0]["rows"])
    early = int(results["lazy"][0]["analysed_at_paint"])
    print(f"dashboard on a store of {args.articles} cached articles, median of {args.runs} runs "
          f"({rows} rows painted, {early} analyses decoded by then)")
    print(f"  open store -> list painted (product path)             {ms('lazy', 'painted')}"
          "   (aim 500 ms)")
    print(f"  open store -> every analysis loaded (lazily, after)   {ms('lazy', 'analysed')}")
    print(f"  baseline: empty store -> painted                      {ms('empty', 'painted')}")
    print(f"  baseline: eager (all analyses decoded) -> painted     {ms('eager', 'painted')}")
    print(f"  process start -> list painted, {process[0][0]} rows             "
          f"{statistics.median(p[1] for p in process) * 1000:7.0f} ms")
    print(f"  baseline: process start -> bare Textual app painted   "
          f"{statistics.median(bare) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
