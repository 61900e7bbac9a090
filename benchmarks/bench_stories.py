"""Story grouping (`briefing.stories`) on synthetic sets of 50 to 800 articles.

The articles are the seeds' texts, each rewritten with a numbered set of invented names so
that every copy is its own event (as a night of mixed news is), dated over two weeks; the
figure is the median wall time of `stories()` over a few runs.  Run:

    .venv/bin/python benchmarks/bench_stories.py [--sizes 50 200 800] [--runs 3]
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from timing import median_ms

from briefing.resources import seeds_dir
from briefing.sources import load
from briefing.story import stories


def articles(count: int) -> list[SimpleNamespace]:
    seeds = [a for a in load(str(seeds_dir())) if a.text]
    start = datetime(2026, 3, 1, tzinfo=UTC)
    made = []
    for n in range(count):
        seed = seeds[n % len(seeds)]
        tag = f"Kestrel{n // len(seeds)}"  # a name only this copy's event carries
        made.append(SimpleNamespace(
            title=f"{seed.title} {tag}", text=f"{tag} {seed.text} {tag}",
            published=(start + timedelta(hours=7 * n % 336)).isoformat()))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        items = articles(size)
        took = median_ms(lambda items=items: stories(items), args.runs)
        print(f"{size:5d} articles: {took:9.1f} ms")


if __name__ == "__main__":
    main()
