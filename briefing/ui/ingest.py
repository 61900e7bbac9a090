"""The blocking work behind the dashboard's workers: loading a source, analysing an article.

Kept apart from the app so the workers stay a few lines each and these can be swapped in
tests (a loader that fails, an analyser that is slow) without touching Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from briefing.article_record import analysis_through, analyze_article
from briefing.clock import Clock
from briefing.model import Analysis, Article
from briefing.store import Store

Problem = Callable[..., None]
"""(source, reason, fatal, title=None) -> None; called from the loading thread.  `title` is
a feed entry's headline when the failure is that entry's page."""
Loader = Callable[[str, Problem], list[Article]]
Analyser = Callable[[Article], Analysis]


@dataclass(frozen=True)
class SourceOptions:
    """What the CLI passes through: overrides for the sources' own date and zone."""

    published: str | None = None
    zone: str | None = None


def make_loader(options: SourceOptions, clock: Clock, store: Store | None = None) -> Loader:
    """`briefing.sources.load` with the problems turned into (source, reason, fatal) calls."""

    def load_one(source: str, problem: Problem) -> list[Article]:
        from briefing.sources import load

        def handler(p: object) -> None:
            problem(str(getattr(p, "source", source)), str(getattr(p, "reason", p)),
                    bool(getattr(p, "fatal", True)), getattr(p, "title", None))

        return load(source, on_error=handler, published=options.published,
                    zone=options.zone, clock=clock, memo=store)

    return load_one


class StripedLocks:
    """A fixed set of locks picked by key: the same key always gets the same lock.

    One lock per content hash would grow with every article ever analysed (the app runs
    for a whole shift); a fixed stripe costs at worst two different texts waiting for each
    other now and then.
    """

    def __init__(self, stripes: int = 64) -> None:
        self._locks = tuple(threading.Lock() for _ in range(stripes))

    def __len__(self) -> int:
        return len(self._locks)

    def for_key(self, key: str) -> threading.Lock:
        return self._locks[hash(key) % len(self._locks)]


def cached_analyser(store: Store, compute: Analyser = analyze_article) -> Analyser:
    """`compute`, through the store's cache (`analysis_through`, which never fails on a
    cache it cannot write): a restart never re-reads a text it has read."""
    locks = StripedLocks()

    def analyse(article: Article) -> Analysis:
        # The article on screen and the background worker may ask for the same text at
        # once; one of them computes, the other waits and reads the cache.
        with locks.for_key(article.content_hash):
            return analysis_through(store, article, compute)

    return analyse
