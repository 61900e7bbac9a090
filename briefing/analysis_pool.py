"""Analysing new articles on every core: a process pool whose workers start warm.

The extractors are pure Python, so threads share one core; a pool of processes uses them
all.  Workers come from a fork server that has already imported the extractors and read
their tables (`briefing.analysis_warm`), so each starts in milliseconds and none pays the
gazetteer's load again.  Headless: no Textual here.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from briefing.model import Analysis, Article


def analyse(article: Article) -> Analysis:
    """What a worker runs: the one analysis call (`briefing.store.analyses`)."""
    from briefing.store.analyses import analyze_article

    return analyze_article(article)


def make_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A pool of `workers` processes (default: one per core) forked from a warm server."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["briefing.analysis_warm"])
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                               mp_context=context)
