"""Following a feed entry's link: what a loader needs to remember of pages between fetches.

The sources layer knows no SQLite; the store implements `PageMemory` (see
`briefing.store.Store.held`/`remember`), and a loader without one simply fetches every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from briefing.model import Article

PAGE_WORKERS = 4
"""Pages fetched at once for one feed: a few, not a flood on one host."""


@dataclass(frozen=True, slots=True)
class HeldPage:
    """A page read before: the article made of it and the validators its server sent."""

    article: Article
    etag: str | None = None
    last_modified: str | None = None

    def conditional_headers(self) -> dict[str, str] | None:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers or None


@runtime_checkable
class PageMemory(Protocol):
    """Where followed pages are remembered (thread-safe: pages are fetched in a pool)."""

    def held(self, url: str) -> HeldPage | None: ...

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a followed page's validators (its article is stored with the feed's)."""


class SourceMemory(Protocol):
    """What was extracted from a file, keyed by a hash of its raw bytes (`raw_key`): a
    second start on the same pages skips trafilatura and goes straight to the articles."""

    def extracted(self, key: str) -> tuple[list[Article], dict[str, str]] | None:
        """The articles kept under `key` and the files they also came from (a local feed's
        pages) with the digest each had, to be checked before the articles are trusted."""

    def keep_extracted(self, key: str, articles: list[Article],
                       deps: dict[str, str] | None = None) -> None: ...


LOADER_VERSION = "1"
"""Bump when the loaders read the same bytes differently: old keys then miss."""


def raw_key(source: str, data: bytes) -> str:
    """The key of one file's extraction: its bytes, where it was read from (an article
    names its source), and the loaders' version."""
    import hashlib

    digest = hashlib.sha256()
    for part in (LOADER_VERSION.encode(), source.encode("utf-8", "surrogateescape"), data):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()
