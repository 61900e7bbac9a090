"""Getting articles in: one front door, `load`, for files, folders, feeds, URLs and stdin.

Every failure becomes a `LoadProblem` naming the source and the reason; the other sources
still load.  Knows nothing of the UI.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.clock import Clock, clock_from_env
from briefing.model import Article
from briefing.pubclock import read_clock
from briefing.sources.dedupe import deduplicate
from briefing.sources.follow import PageMemory, SourceMemory
from briefing.sources.problems import LoadError, LoadProblem, ProblemHandler, raise_fatal
from briefing.sources.readers import Reader

if TYPE_CHECKING:
    import httpx

__all__ = ["LoadError", "LoadProblem", "load", "load_many"]


def load(source: str, *, on_error: ProblemHandler | None = None,
         published: str | None = None, zone: str | None = None,
         client: httpx.Client | None = None, clock: Clock | None = None,
         stdin: bytes | None = None, memo: SourceMemory | None = None) -> list[Article]:
    """Articles from one source: a file, a folder (recursive), a feed, a URL or `-`.

    Without `on_error` a fatal problem raises `LoadError`; with it, problems are reported
    and whatever could be loaded is returned.  `published`/`zone` override the source's own.
    """
    return load_many([source], on_error=on_error, published=published, zone=zone,
                     client=client, clock=clock, stdin=stdin, memo=memo)


def load_many(sources: Iterable[str], *, on_error: ProblemHandler | None = None,
              published: str | None = None, zone: str | None = None,
              client: httpx.Client | None = None, clock: Clock | None = None,
              stdin: bytes | None = None, memo: SourceMemory | None = None) -> list[Article]:
    """Load every source in order; duplicates (same canonical URL or body) load once.

    `memo` (the store) remembers what each file yielded by a hash of its bytes, so an
    unchanged file is not parsed again; not used with `published`/`zone` overrides.
    """
    handler = on_error or raise_fatal
    clock = clock or clock_from_env()
    own = None if (published or zone) else memo
    # The same memory asks followed pages with their validators (a 304 is not re-read).
    pages = own if isinstance(own, PageMemory) else None
    reader = Reader(handler, client=client, now=clock(), memo=own, pages=pages)
    articles: list[Article] = []
    try:
        for source in sources:
            if source == "-":
                articles.extend(reader.read_stdin(stdin))
            else:
                articles.extend(reader.read(source))
    finally:
        reader.close()
    if published or zone:
        articles = [_override(a, published, zone) for a in articles]
    return deduplicate(articles)


def _override(article: Article, published: str | None, zone: str | None) -> Article:
    """Apply `--published`/`--zone`: the officer knows better than the page."""
    if published:
        clock = read_clock(published, found="given", zone=zone or article.zone,
                           zone_found="given" if zone else article.clock.zone_found)
    else:
        clock = article.clock.with_zone(zone, "given")
    caveat = clock.note if clock.kind != "instant" else None
    return dataclasses.replace(article, clock=clock,
                               notes=article.notes + ((caveat,) if caveat else ()))

