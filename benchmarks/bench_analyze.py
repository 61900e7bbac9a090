"""Speed of the whole `briefing.analyze` on the seed article (articles per second, one core).

Prints the median of repeated timings beside a baseline measured in the same run (plain
segmentation of the same text), so numbers from a loaded machine stay comparable.
Run: .venv/bin/python benchmarks/bench_analyze.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from briefing.core.segment import Segmentation
from briefing.extract import analyze
from briefing.extract.anchor import make_context
from briefing.extract.questions import find_questions
from briefing.extract.where import find_places
from briefing.extract.who import find_people

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5a5605533da69eb8.txt"


def _body() -> str:
    raw = SEED.read_text(encoding="utf-8")
    return raw.split("---\n", 2)[2] if raw.startswith("---") else raw


def _median_rate(fn, text: str, repeats: int = 7, batch: int = 20) -> float:
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(batch):
            fn(text)
        rates.append(batch / (time.perf_counter() - start))
    return statistics.median(rates)


def _who_where(text: str) -> None:
    """WHO and WHERE alone on a fresh context (segmentation and name runs included)."""
    ctx = make_context(text, "2021-12-30T17:02:00-05:00", None)  # fresh: runs read anew
    people, organizations = find_people(ctx)
    find_places(ctx, people, organizations)


def main() -> None:
    text = _body()
    analyze(text, published="2021-12-30T17:02:00-05:00")  # warm the gazetteer caches
    baseline = _median_rate(lambda t: Segmentation(t).sentences, text)
    full = _median_rate(lambda t: analyze(t, published="2021-12-30T17:02:00-05:00"), text)
    print(f"baseline segmentation: {baseline:,.0f} articles/s (median of 7)")
    who_where = _median_rate(_who_where, text)
    print(f"analyze (whole):       {full:,.0f} articles/s (median of 7; target >= 200)")
    print(f"who + where:           {1000 / who_where:.2f} ms/article (median of 7; aim < 2 ms)")
    ctx = make_context(text, "2021-12-30T17:02:00-05:00", None)
    questions = _median_rate(lambda _t: find_questions(ctx), text)
    print(f"questions:             {1000 / questions:.2f} ms/article (median of 7; aim < 0.7 ms)")


if __name__ == "__main__":
    main()
