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
    """What a worker runs: the one analysis call (`briefing.article_record`)."""
    from briefing.article_record import analyze_article

    return analyze_article(article)


def make_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A pool of `workers` processes (default: one per core) forked from a warm server."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["briefing.analysis_warm"])
    _start_helpers()
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                               mp_context=context)


def _start_helpers() -> None:
    """Start multiprocessing's resource tracker and fork server now, with a real stderr.

    Both pass `sys.stderr.fileno()` to the helper they spawn; inside a Textual app stderr is
    captured by an object with no file descriptor, and the spawn fails ("bad value(s) in
    fds_to_keep").  The process's own stderr stands in for the moment it takes.
    """
    import sys
    from multiprocessing import forkserver, resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    saved = sys.stderr
    if not usable:
        sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
        forkserver.ensure_running()
    finally:
        sys.stderr = saved


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop at once: pending work dropped, analyses under way abandoned (their articles are
    analysed again next start).  `shutdown` alone lets running ones finish, and the
    interpreter's exit waits for them: a second or more after `q` on a 2-core machine."""
    processes = dict(getattr(pool, "_processes", None) or {})  # no public way to stop them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        if process.is_alive():
            process.terminate()
