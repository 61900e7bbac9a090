"""The blocking work behind the dashboard's workers: loading a source, analysing an article.

Kept apart from the app so the workers stay a few lines each and these can be swapped in
tests (a loader that fails, an analyser that is slow) without touching Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from briefing.clock import Clock
from briefing.model import Analysis, Article
from briefing.store import Store, StoreError

Problem = Callable[[str, str, bool], None]
"""(source, reason, fatal) -> None; called from the loading thread."""
Loader = Callable[[str, Problem], list[Article]]
Analyser = Callable[[Article], Analysis]


@dataclass(frozen=True)
class SourceOptions:
    """What the CLI passes through: overrides for the sources' own date and zone."""

    published: str | None = None
    zone: str | None = None


def make_loader(options: SourceOptions, clock: Clock) -> Loader:
    """`briefing.sources.load` with the problems turned into (source, reason, fatal) calls."""

    def load_one(source: str, problem: Problem) -> list[Article]:
        from briefing.sources import load

        def handler(p: object) -> None:
            problem(str(getattr(p, "source", source)), str(getattr(p, "reason", p)),
                    bool(getattr(p, "fatal", True)))

        return load(source, on_error=handler, published=options.published,
                    zone=options.zone, clock=clock)

    return load_one


def analyse_article(article: Article) -> Analysis:
    """Analyse against the source's own wall clock, as `briefing extract` does."""
    from briefing import analyze
    from briefing.sources.dates import analysis_anchor

    anchor = analysis_anchor(article.published, article.published_raw, article.zone)
    return analyze(article.text, published=anchor, zone=article.zone)


def cached_analyser(store: Store, compute: Analyser = analyse_article) -> Analyser:
    """`compute`, through the store's cache: a restart never re-reads a text it has read.

    Not `store.analysis_for`, which raises when the cache cannot be written: a full disk
    must cost the next start its cache, not this one its analysis.
    """

    locks: dict[str, threading.Lock] = {}
    guard = threading.Lock()

    def analyse(article: Article) -> Analysis:
        # The article on screen and the background worker may ask for the same text at
        # once; one of them computes, the other waits and reads the cache.
        with guard:
            lock = locks.setdefault(article.content_hash, threading.Lock())
        with lock:
            cached = store.cached_analysis(article)
            if cached is not None:
                return cached
            analysis = compute(article)
            with suppress(StoreError):
                store.save_analysis(article, analysis)
            return analysis

    return analyse
