"""Starting the dashboard on 40 real article pages, whole process, beside a bare Textual app.

Run: `.venv/bin/python benchmarks/bench_start.py [--runs 5] [--pages 40]`.

The pages are generated at run time into a temporary folder by ../shared/eval/make_pages.py
(their texts belong to their publishers and are never committed).  Each figure is the median
of `--runs` whole processes (`python -c` running the CLI's own `run_app` path with a probe),
measured from just before the process is spawned:

  first frame              the main screen's first paint
  panes filled             the selected article's analysis on screen
  all analysed             every one of the 40 articles analysed (first start only)

for a first start (empty store: every page parsed and analysed) and a second start (the same
pages, store warm: no page parsed, every analysis cached), plus the store path (no sources,
a store of 1,000 cached articles).  Aims (issue 13): first frame <= 0.5 s; second start panes
filled <= 0.6 s; first start all analysed <= 2.0 s on a 2-core machine; store path first
frame <= 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import app_env, bare_app_script

ROOT = Path(__file__).resolve().parent.parent
MAKE_PAGES = ROOT.parent / "shared" / "eval" / "make_pages.py"
SIZE = (120, 40)

PROBE = """
import sys, time
from briefing.ui import app as app_module

STOP = sys.argv[1]            # "frame", "panes" or "all"
marks = {}

def mark(name):
    if name not in marks:
        marks[name] = time.perf_counter()
        print(name, marks[name], flush=True)

class Probe(app_module.BriefingApp):
    def analyse_pending(self):   # the main screen calls it after its first paint
        mark("frame")
        super().analyse_pending()
        if STOP == "frame":
            self.exit()

    def on_articles_analysed(self, message):
        super().on_articles_analysed(message)
        entry = self.main.selected
        if entry is not None and entry.analysis is not None:
            mark("panes")
            if STOP == "panes":
                self.exit()
        listed = [e for e in self.entries.values() if e.article is not None]
        if self._loaded == len(self.sources) and listed and not any(e.pending for e in listed):
            mark("all")
            if STOP == "all":
                self.exit()

    def run(self, **kwargs):
        return super().run(headless=True, size=(120, 40))

app_module.BriefingApp = Probe
from briefing.config import Config
app_module.run_app(sys.argv[2:], Config())
"""


def env_for(data: Path) -> dict[str, str]:
    return app_env(data, "2021-12-31T06:00:00Z")


def run(data: Path, stop: str, sources: list[str]) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PROBE, stop, *sources], capture_output=True,
                         text=True, env=env_for(data), cwd=ROOT, timeout=300)
    marks = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("frame", "panes", "all"):
            marks[parts[0]] = float(parts[1]) - start
    if stop not in marks:
        raise SystemExit(f"probe did not reach {stop!r}:\n{out.stdout[-2000:]}\n"
                         f"{out.stderr[-3000:]}")
    return marks


def bare(data: Path) -> float:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", bare_app_script(SIZE, prefix="")],
                         capture_output=True, text=True, env=env_for(data), check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def fill_store(data: Path, count: int) -> None:
    """`count` stored articles (text variants of one story), as refreshes leave them."""
    sys.path.insert(0, str(ROOT))
    from briefing.clock import clock_from_env
    from briefing.core.textclean import content_hash
    from briefing.model import Article
    from briefing.pubclock import read_clock
    from briefing.store import Store

    os.environ.update(env_for(data))
    articles = []
    for n in range(count):
        text = (f"Story {n}. The minister met delegates in Geneva on Tuesday at 09:30 local "
                "time, officials said. ") * 20
        articles.append(Article(title=f"Stored story {n}", text=text, source=f"feed#{n}",
                                content_hash=content_hash(text),
                                clock=read_clock(f"2021-12-{1 + n % 28:02d}T10:00:00Z",
                                                 found="feed entry")))
    with Store.open(data / "briefing.sqlite3", clock=clock_from_env()) as store:
        store.add_many(articles)


def median(rows: list[dict[str, float]], key: str) -> str:
    return f"{statistics.median(r[key] for r in rows) * 1000:7.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--stored", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        pages = tmp / "pages"
        subprocess.run([sys.executable, str(MAKE_PAGES), str(pages), str(args.pages)],
                       check=True, capture_output=True)
        sources = [str(pages)]
        first: list[dict[str, float]] = []
        second: list[dict[str, float]] = []
        for n in range(args.runs):
            data = tmp / f"data-{n}"
            first.append(run(data, "all", sources))     # empty store: parse and analyse all
            second.append(run(data, "panes", sources))  # the same pages again: all cached
        stored_data = tmp / "stored"
        fill_store(stored_data, args.stored)
        stored = [run(stored_data, "frame", []) for _ in range(args.runs)]
        baseline = [bare(tmp) for _ in range(args.runs)]
    cores = os.cpu_count()
    print(f"briefing start-up on {args.pages} make_pages.py pages, whole process, median of "
          f"{args.runs} runs ({cores} cores)")
    print(f"  baseline: bare Textual app, first frame            "
          f"{statistics.median(baseline) * 1000:7.0f} ms")
    print(f"  first start:  first frame                          {median(first, 'frame')}"
          "   (aim  500 ms)")
    print(f"  first start:  panes filled                         {median(first, 'panes')}")
    print(f"  first start:  all {args.pages} analysed                       "
          f"{median(first, 'all')}   (aim 2000 ms)")
    print(f"  second start: first frame                          {median(second, 'frame')}"
          "   (aim  500 ms)")
    print(f"  second start: panes filled                         {median(second, 'panes')}"
          "   (aim  600 ms)")
    print(f"  store of {args.stored} cached articles: first frame      "
          f"{median(stored, 'frame')}   (aim  500 ms)")


if __name__ == "__main__":
    main()
