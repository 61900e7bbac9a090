"""Persistence: articles, cached analyses, triage marks and feed state in one SQLite file.

Headless (no Textual).  The app and the CLI call `open_store()`, which never raises: when
the file cannot be used they get an in-memory store whose `problems` say why, and carry on
with the sources they were given.
"""

from __future__ import annotations

from pathlib import Path

from briefing.clock import Clock
from briefing.store.base import UnknownArticle
from briefing.store.connect import STORE_NAME, StoreError, StoreTooNew, StoreUnavailable
from briefing.store.core import Store, default_path
from briefing.store.records import Added, FeedState, Listed, Triage
from briefing.store.schema import SCHEMA_VERSION
from briefing.urls import canonical_url


def open_store(path: Path | str | None = None, *, clock: Clock | None = None) -> Store:
    """The store file, or an in-memory stand-in (with the reason in `problems`) if unusable."""
    try:
        return Store.open(path, clock=clock)
    except StoreError as exc:
        return Store.in_memory(clock=clock, problems=(
            f"{exc}; continuing without saving (marks and notes last until exit)",))


__all__ = ["SCHEMA_VERSION", "STORE_NAME", "Added", "FeedState", "Listed", "Store",
           "StoreError", "StoreTooNew", "StoreUnavailable", "Triage", "UnknownArticle",
           "canonical_url", "default_path", "open_store"]
