"""Start-up with 1,000 cached articles: what the dashboard pays before painting its list.

    .venv/bin/python benchmarks/bench_store.py [--articles 1000] [--runs 15]

Prints medians of the product path (open the store, list titles and triage) beside two
baselines measured in the same run: the eager path a store without lazy analyses would take
(every text and every cached analysis decoded at open), and the bare interpreter start.
Aim (issue 7): the list within 0.5 s of start-up work, analyses loaded lazily.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from timing import median_ms

from briefing.article_record import analysis_through
from briefing.clock import fixed_clock
from briefing.extract import analyze
from briefing.model import Analysis
from briefing.sources import load
from briefing.sources.build import build_article
from briefing.store import Store

ROOT = Path(__file__).resolve().parent.parent
CLOCK = fixed_clock(datetime(2021, 12, 31, 6, 0, tzinfo=UTC))


def build(path: Path, count: int) -> None:
    """`count` seed-sized articles, each with a cached real analysis and some triage."""
    seed = load(str(ROOT / "seeds" / "000_5a5605533da69eb8.txt"))[0]
    analysis = analyze(seed.text, seed.published, seed.zone)
    with Store.open(path, clock=CLOCK) as store:
        articles = [build_article(body=f"{seed.text}\n\nUpdate {n}.", source=f"bench-{n}",
                                  title=f"{seed.title} ({n})", url=f"https://x.example/{n}",
                                  published_raw=f"2021-12-{1 + n % 28:02d}T{n % 24:02d}:00Z")
                    for n in range(count)]
        store.add_many(articles)
        for n, article in enumerate(articles):
            store.save_analysis(article, Analysis.from_dict(analysis.to_dict(), article.text))
            if n % 7 == 0:
                store.set_flag(article.id)
            if n % 3 == 0:
                store.mark_read(article.id)


def product(path: Path) -> int:
    with Store.open(path, clock=CLOCK) as store:
        return len(store.listing())


def with_texts(path: Path) -> int:
    """What an app that needs every `Article` (with text) at start pays; analyses stay lazy."""
    with Store.open(path, clock=CLOCK) as store:
        return len(store.articles()) + len(store.listing())


def eager(path: Path) -> int:
    """The baseline lazy loading avoids: all texts and all analyses decoded up front."""
    with Store.open(path, clock=CLOCK) as store:
        articles = store.articles()
        rows = store._conn.execute("SELECT data FROM analyses").fetchall()
        decoded = [Analysis.from_dict(json.loads(r[0]), a.text)
                   for r, a in zip(rows, articles, strict=False)]
        return len(store.listing()) + len(decoded)


def process_ms(code: str, runs: int) -> float:
    return median_ms(lambda: subprocess.run([sys.executable, "-c", code], check=True), runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefing.sqlite3"
        build(path, args.articles)
        size = path.stat().st_size / 1e6
        with Store.open(path, clock=CLOCK) as store:
            article = store.articles()[0]
            lazy = median_ms(lambda: analysis_through(store, article), args.runs)
        code = ("from briefing.store import Store; import sys; "
                f"s = Store.open({str(path)!r}); rows = s.listing(); s.close()")
        rows = [
            ("open + listing (product path)", median_ms(lambda: product(path), args.runs)),
            ("open + articles() + listing (texts, no analyses)",
             median_ms(lambda: with_texts(path), args.runs)),
            ("open only", median_ms(lambda: Store.open(path, clock=CLOCK).close(), args.runs)),
            ("baseline: eager texts + analyses", median_ms(lambda: eager(path), args.runs)),
            ("one cached analysis, on select", lazy),
            ("process: python + import + open + listing", process_ms(code, args.runs)),
            ("baseline: bare python process", process_ms("pass", args.runs)),
        ]
    print(f"store with {args.articles} articles ({size:.1f} MB), median of {args.runs} runs")
    for label, value in rows:
        print(f"  {label:<50} {value:8.1f} ms")


if __name__ == "__main__":
    main()
