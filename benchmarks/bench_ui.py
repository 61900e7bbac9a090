"""Dashboard speed: process start to first paint, first paint at 1,000 articles, zone switch.

Run: `.venv/bin/python benchmarks/bench_ui.py [--runs N]`.  Prints medians beside a baseline
measured in the same run (a bare Textual app), so the figures read as ratios on any machine.
Aims (issue 5): first paint within 1.5 s at 1,000 articles; a zone switch within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timing import bare_app_script

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "BRIEFING_NOW": "2021-12-31T06:00:00Z", "BRIEFING_TZ": "America/New_York",
       "BRIEFING_CONFIG": "/nonexistent/briefing.toml", "TEXTUAL_ANIMATIONS": "none"}

FIRST_PAINT = """
import sys, time
from briefing.config import Config
from briefing.resources import seeds_dir
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen

class Probe(BriefingApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.call_after_refresh, self.painted)
    def painted(self):
        print(time.perf_counter(), flush=True)
        self.exit()

Probe([str(seeds_dir())], Config()).run(headless=True, size=(100, 30))
"""

BASELINE = bare_app_script((100, 30))


def process_to_paint(code: str) -> float:
    """Seconds from spawning the interpreter to the app's first painted frame."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=ENV, cwd=ROOT, check=True).stdout
    return float(out.strip().splitlines()[-1]) - start


def synthetic(count: int, mentions: int) -> list:
    """`count` analysed articles with `mentions` time mentions each, in mixed zones."""
    from briefing.model import Analysis, Article, Person, Quote, TimeMention

    zones = ["America/New_York", "Europe/Zurich", "Asia/Tokyo", "Asia/Kolkata", None]
    base = datetime(2021, 12, 1, tzinfo=UTC)
    items = []
    for n in range(count):
        words = [f"Paragraph {p} of article {n}: officials met at 3:35 p.m. and talked "
                 f"for about 50 minutes, a spokesman said." for p in range(mentions)]
        text = "\n\n".join(words)
        times, offset = [], 0
        for p, para in enumerate(words):
            s = offset + para.index("3:35 p.m.")
            moment = base + timedelta(hours=n * 7 + p)
            times.append(TimeMention(s, s + 9, "3:35 p.m.", "TIME", "2021-12-01T15:35",
                                     earliest=moment, latest=moment + timedelta(minutes=1),
                                     zone=zones[n % 5], mod="APPROX" if p % 3 == 0 else None))
            offset += len(para) + 2
        article = Article(title=f"Synthetic article {n} [bold]about talks[/bold]", text=text,
                          source=f"/tmp/synthetic/{n}.txt", content_hash=f"{n:064x}",
                          published=base + timedelta(hours=n), zone=zones[n % 5],
                          outlet="Bench Wire")
        analysis = Analysis(text=text, times=tuple(times),
                            people=(Person("Official Spokesman", mentions=((0, 9),)),),
                            quotes=(Quote(0, 20, text[:20], "Official Spokesman"),))
        items.append((article, analysis))
    return items


async def in_process(items: list, runs: int) -> dict[str, list[float]]:
    from briefing.clock import fixed_clock
    from briefing.config import Config
    from briefing.ui.app import BriefingApp

    results: dict[str, list[float]] = {"paint": [], "noop": [], "zone_main": [],
                                       "zone_timeline": []}
    for _ in range(runs):
        app = BriefingApp([], Config(), clock=fixed_clock(datetime(2021, 12, 31, 6, tzinfo=UTC)),
                          local="America/New_York", entries=items)
        start = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            results["paint"].append(time.perf_counter() - start)
            for _ in range(3):  # baseline: an unbound key's round trip through Pilot
                start = time.perf_counter()
                await pilot.press("x")
                await pilot.pause()
                results["noop"].append(time.perf_counter() - start)
            for key in ("zone_main", "zone_timeline"):
                if key == "zone_timeline":
                    await pilot.press("t")
                    await pilot.pause()
                start = time.perf_counter()
                await pilot.press("z")
                await pilot.pause()
                results[key].append(time.perf_counter() - start)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    sys.path.insert(0, str(ROOT))
    baseline = statistics.median(process_to_paint(BASELINE) for _ in range(runs))
    seeds = statistics.median(process_to_paint(FIRST_PAINT) for _ in range(runs))
    print(f"process start -> first paint, bare Textual app (baseline): {baseline * 1000:7.0f} ms")
    print(f"process start -> first paint, dashboard on the seeds:       {seeds * 1000:7.0f} ms")
    items = synthetic(1000, 10)
    mentions = sum(len(a.times) for _, a in items)
    got = asyncio.run(in_process(items, runs))
    print(f"first paint, 1,000 analysed articles ({mentions:,} mentions): "
          f"{statistics.median(got['paint']) * 1000:7.0f} ms   (aim 1500 ms)")
    noop = statistics.median(got["noop"])
    print(f"key press round trip through Pilot, unbound key (baseline):  {noop * 1000:7.0f} ms")
    for key, label in (("zone_main", "main screen"), ("zone_timeline", "timeline   ")):
        value = statistics.median(got[key])
        print(f"zone switch, {label}, {mentions:,} mentions: {value * 1000:7.0f} ms, "
              f"{(value - noop) * 1000:5.0f} ms above baseline   (aim 100 ms)")


if __name__ == "__main__":
    main()
