"""Persistence: articles, cached analyses, triage marks and feed state in one SQLite file,
or on a PostgreSQL server a floor of officers shares (`pg.py`, same schema and migrations).

Headless (no Textual).  The app and the CLI call `open_store()`, which never raises: when
the store cannot be used they get an in-memory store whose `problems` say why, and carry on
with the sources they were given.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.clock import Clock
from briefing.config import Config
from briefing.store.base import UnknownArticle
from briefing.store.connect import STORE_NAME, StoreError, StoreTooNew, StoreUnavailable
from briefing.store.core import Store, default_path
from briefing.store.pg import StoreOffline, redact
from briefing.store.records import Added, FeedState, Listed, Note, Triage
from briefing.store.schema import SCHEMA_VERSION
from briefing.urls import canonical_url

DATABASE_ENV = "BRIEFING_DATABASE_URL"


def store_target(configured: str | None = None) -> str | None:
    """Where the store is: `BRIEFING_DATABASE_URL`, else the config's `store`, else None
    (the SQLite file in the data folder)."""
    return os.environ.get(DATABASE_ENV) or configured or None


def open_configured(config: Config, *, clock: Clock | None = None) -> Store:
    """The store the config (or `BRIEFING_DATABASE_URL`) names, as `officer`; never raises."""
    return open_store(store_target(config.store), clock=clock, officer=config.officer)


def open_store(path: Path | str | None = None, *, clock: Clock | None = None,
               officer: str | None = None) -> Store:
    """The store (a file or a `postgresql://` server), or an in-memory stand-in (with the
    reason in `problems`) if unusable."""
    try:
        return Store.open(path, clock=clock, officer=officer)
    except StoreError as exc:
        return Store.in_memory(clock=clock, officer=officer, problems=(
            f"{exc}; continuing without saving (marks and notes last until exit)",))


__all__ = ["DATABASE_ENV", "SCHEMA_VERSION", "STORE_NAME", "Added", "FeedState", "Listed",
           "Note", "Store", "StoreError", "StoreOffline", "StoreTooNew", "StoreUnavailable",
           "Triage", "UnknownArticle", "canonical_url", "default_path", "open_configured",
           "open_store", "redact", "store_target"]
