"""Following a feed entry's link: what a loader needs to remember of pages between fetches.

The sources layer knows no SQLite; the store implements `PageMemory` (see
`briefing.store.Store.held`/`remember`), and a loader without one simply fetches every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

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


class PageMemory(Protocol):
    """Where followed pages are remembered (thread-safe: pages are fetched in a pool)."""

    def held(self, url: str) -> HeldPage | None: ...

    def remember(self, url: str, page: Article, etag: str | None,
                 last_modified: str | None) -> None: ...
