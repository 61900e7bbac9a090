"""Refreshing feed subscriptions into the store: conditional GET, new entries in, old kept.

Used by `briefing refresh` and by the dashboard's `r` (run it in a thread worker; pass
`on_feed` to post progress and `cancelled` to stop, between feeds and while bytes arrive).
A feed's entries and its validators (ETag, Last-Modified, body digest) are committed in one
transaction, so a refresh killed half-way leaves each feed either fully recorded or as it
was before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from briefing.clock import Clock, clock_from_env
from briefing.sources.problems import LoadProblem
from briefing.store import FeedState, Store
from briefing.urls import redacted

if TYPE_CHECKING:
    from datetime import datetime

    import httpx

    from briefing.config import Config
    from briefing.model import Article
    from briefing.sources.web import FetchResult

Outcome = Literal["new", "unchanged", "not-modified", "failed", "cancelled"]


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What one subscription's refresh did, worded for the officer by `str()`."""

    url: str
    outcome: Outcome
    new: tuple[str, ...] = ()
    """Ids of the articles this refresh added."""
    revised: int = 0
    entries: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()
    failures: tuple[LoadProblem, ...] = ()
    """Entries that could not be loaded (their page failed and the feed had no summary);
    the feed itself was fetched, so its other entries are in."""

    @property
    def ok(self) -> bool:
        return self.outcome != "failed" and not self.failures

    def __str__(self) -> str:
        if self.outcome == "failed":
            return f"{self.url}: failed: {self.error}"
        if self.outcome == "cancelled":
            return f"{self.url}: cancelled; left as it was"
        if self.outcome == "not-modified":
            return f"{self.url}: not modified since the last refresh"
        held = self.entries - len(self.new) - self.revised
        parts = [f"{len(self.new)} new"]
        if self.failures:
            parts.append(f"{len(self.failures)} failed")
        if self.revised:
            parts.append(f"{self.revised} revised")
        parts.append(f"{held} already held")
        return f"{self.url}: {', '.join(parts)} ({self.entries} entries)"


def subscriptions(config: Config | None = None) -> tuple[str, ...]:
    """The configured feed URLs, each once, in the order written."""
    if config is None:
        from briefing.config import load_config

        config = load_config()
    return tuple(dict.fromkeys(url.strip() for url in config.feeds if url.strip()))


def _conditional_headers(state: FeedState | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if state and state.etag:
        headers["If-None-Match"] = state.etag
    if state and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def refresh_feed(store: Store, url: str, *, client: httpx.Client | None = None,
                 clock: Clock | None = None,
                 cancelled: Callable[[], bool] | None = None) -> FeedOutcome:
    """Fetch one subscription and store what is new; never raises for a bad feed.

    A fetch stopped by `cancelled` records nothing: the feed is not failing, the officer
    left, and the next refresh should find its validators and error state as they were.
    The outcome, the stored feed state and every message name the feed without its
    `user:password@`.
    """
    from briefing.sources.web import FetchError, fetch

    now = (clock or clock_from_env())()
    shown = redacted(url)
    state = store.feed_state(shown)  # kept under the address less its credentials
    previous = state or FeedState(shown)
    try:
        result = fetch(url, client=client, headers=_conditional_headers(state),
                       cancelled=cancelled)
    except FetchError as exc:
        if cancelled and cancelled():
            return FeedOutcome(shown, "cancelled")
        store.record_feed(replace(previous, checked=now, status=None, error=str(exc)))
        return FeedOutcome(shown, "failed", error=str(exc))
    if result.not_modified:
        store.record_feed(replace(previous, checked=now, status=304, error=None))
        return FeedOutcome(shown, "not-modified", entries=previous.entries or 0)
    fresh = FeedState(shown, result.headers.get("etag"), result.headers.get("last-modified"),
                      hashlib.sha256(result.body).hexdigest(), now, result.status, None,
                      previous.entries)
    if state and state.body_hash == fresh.body_hash:  # a server that ignores validators
        store.record_feed(fresh)
        return FeedOutcome(shown, "unchanged", entries=state.entries or 0)
    return _store_entries(store, shown, result, fresh, previous, now, client, cancelled)


def _read_entries(shown: str, result: FetchResult, now: datetime, store: Store,
                  client: httpx.Client | None, cancelled: Callable[[], bool] | None,
                  ) -> tuple[list[Article], list[LoadProblem]]:
    """The feed's entries (pages followed where the entry is only a teaser), and problems.

    Entries with only a title and a link are read from their pages; a page held from an
    earlier refresh is asked for with its validators (304: nothing re-read).
    """
    from briefing.sources.feeds import looks_like_feed, parse_feed
    from briefing.sources.readers import Reader

    problems: list[LoadProblem] = []
    if not looks_like_feed(result.body):  # a login or maintenance page in the feed's place
        problems.append(LoadProblem(shown, "not an RSS or Atom feed (the server sent "
                                    f"{result.content_type or 'an untyped body'})"))
        return [], problems
    reader = Reader(problems.append, client=client, now=now, pages=store,
                    cancelled=cancelled)
    try:
        articles = parse_feed(result.body, shown, redacted(result.url), problems.append,
                              retrieved=now, page_loader=reader.http_page_loader())
    finally:
        reader.close()
    return articles, problems


def _store_entries(store: Store, shown: str, result: FetchResult, fresh: FeedState,
                   previous: FeedState, now: datetime, client: httpx.Client | None,
                   cancelled: Callable[[], bool] | None) -> FeedOutcome:
    """Parse a fetched feed and commit its entries with its validators, in one go."""
    articles, problems = _read_entries(shown, result, now, store, client, cancelled)
    feed_problems = [p for p in problems if p.fatal and p.source == shown]
    if not articles and feed_problems:
        reason = "; ".join(p.reason for p in feed_problems)
        # Validators are not kept: the next refresh fetches and reports the feed again.
        store.record_feed(replace(previous, checked=now, status=result.status, error=reason))
        return FeedOutcome(shown, "failed", error=reason)
    added = store.record_feed(replace(fresh, entries=len(articles)), articles)
    return FeedOutcome(shown, "new" if added.new else "unchanged", added.new,
                       len(added.revised), len(articles), None,
                       tuple(str(p) for p in problems if not p.fatal),
                       tuple(p for p in problems if p.fatal))


def _guarded(store: Store, url: str, client: httpx.Client | None, clock: Clock,
             cancelled: Callable[[], bool] | None) -> FeedOutcome:
    """`refresh_feed`, with any failure it did not foresee made this feed's failure: one
    bad feed (a parser bug, a store write refused) never stops the feeds after it."""
    try:
        return refresh_feed(store, url, client=client, clock=clock, cancelled=cancelled)
    except Exception as exc:
        return FeedOutcome(redacted(url), "failed",
                           error=redacted(f"could not be refreshed ({type(exc).__name__}: {exc})"))


def refresh(store: Store, urls: Iterable[str] | None = None, *,
            client: httpx.Client | None = None, clock: Clock | None = None,
            on_feed: Callable[[FeedOutcome], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> list[FeedOutcome]:
    """Refresh `urls` (default: the configured subscriptions) one after another.

    One HTTP client is shared across feeds (connection reuse).  `cancelled` is checked
    between feeds and while a body arrives, so an app worker stops within one read of a
    silent server, never in the middle of a store write; a cancelled feed is not reported.
    """
    from briefing.sources.web import make_client

    targets: Sequence[str] = tuple(urls) if urls is not None else subscriptions()
    clock = clock or clock_from_env()
    own = client is None and bool(targets)
    client = make_client() if own else client
    outcomes: list[FeedOutcome] = []
    try:
        for url in targets:
            if cancelled and cancelled():
                break
            outcome = _guarded(store, url, client, clock, cancelled)
            if outcome.outcome == "cancelled":
                break
            outcomes.append(outcome)
            if on_feed:
                on_feed(outcome)
    finally:
        if own and client is not None:
            client.close()
    return outcomes
