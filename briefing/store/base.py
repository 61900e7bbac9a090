"""What every part of `Store` shares: one connection, one lock, short write transactions.

One connection per store, guarded by a re-entrant lock, so the app's UI thread and a
refresh worker thread can share it; every write is one `BEGIN IMMEDIATE` transaction, so a
process killed at any instant leaves all of a write or none of it.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from briefing.clock import Clock, clock_from_env
from briefing.model import Article, iso_utc
from briefing.store.connect import StoreError

BUSY_MS = 5000
"""How long a write waits for another process's lock (matches `connect`'s timeout=5)."""
_BUSY = 5  # SQLITE_BUSY, the primary result code of "database is locked"

ArticleRef = str | Article
"""An article id (`Article.id`), or the article itself (added to the store if new)."""


class UnknownArticle(KeyError):
    """An id the store has never seen (pass the `Article` itself to have it added)."""


def default_officer(configured: str | None = None) -> str:
    """Who is making the marks: the configured `officer`, else the login name."""
    if configured and configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container with an unnamed uid)
        return "officer"


class StoreBase:
    def __init__(self, conn: sqlite3.Connection, path: Path | None,
                 problems: Sequence[str] = (), clock: Clock | None = None, *,
                 officer: str | None = None, url: str | None = None) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self._clock = clock or clock_from_env()
        self.path = path
        """The store file; None for the in-memory fallback and for a server."""
        self.url = url
        """The floor's PostgreSQL address (None: SQLite), as given, password and all."""
        self.officer = default_officer(officer)
        """Whose marks these are: read marks are theirs, flags and notes carry the name."""
        self.problems: tuple[str, ...] = tuple(problems)
        """Things to tell the officer once (a damaged store moved aside, no saving, ...)."""
        self._errors: tuple[type[Exception], ...] = (
            sqlite3.Error, *getattr(conn, "errors", ()))

    @property
    def persistent(self) -> bool:
        return self.path is not None or self.url is not None

    @property
    def shared(self) -> bool:
        """On a server other officers use: their changes arrive (`listen.py`)."""
        return getattr(self._conn, "dialect", "sqlite") == "postgresql"

    def try_again(self) -> None:
        """The server is back (the listener heard it): stop failing fast."""
        retry = getattr(self._conn, "try_again", None)
        if retry is not None:
            retry()

    @property
    def where(self) -> str:
        """The store's name in messages: its file, or its server without the password."""
        if self.url:
            from briefing.store.pg import redact

            return redact(self.url)
        return str(self.path or "in-memory store")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, busy_ms: int | None = None) -> Iterator[sqlite3.Connection]:
        """One transaction; a failure (disk full, file gone read-only) is a `StoreError`
        naming the file, so a UI action can report it instead of crashing.

        `busy_ms` shortens the wait for another process's write lock (default: the
        connection's 5 s), for writes made on a key press, which must fail fast rather than
        freeze the screen while `briefing refresh` commits.
        """
        with self._lock:
            if busy_ms is not None:
                self._conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except self._errors as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _BUSY:
                    raise StoreError(f"{self.path}: busy (another briefing, e.g. `briefing "
                                     "refresh`, is saving); nothing was changed, try "
                                     "again") from exc
                raise StoreError(f"{self.where}: cannot save ({exc}); "
                                 "nothing was changed") from exc
            finally:
                if busy_ms is not None:
                    self._conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")

    def _now(self) -> str:
        return iso_utc(self._clock()) or ""

    def _announce(self, conn: sqlite3.Connection, kind: str, ids: Sequence[str]) -> None:
        """Tell the other officers' screens, when the transaction commits (a server only;
        one SQLite file has one desk).  Ids go in chunks under NOTIFY's 8,000-byte limit."""
        if not self.shared or not ids:
            return
        from briefing.store.pg import CHANNEL

        for start in range(0, len(ids), 100):
            payload = {"kind": kind, "ids": list(ids[start:start + 100]),
                       "officer": self.officer}
            conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, json.dumps(payload)))

    def _key(self, ref: ArticleRef) -> int:
        """The row of an article; raises `UnknownArticle`.  Provided by `Store`."""
        raise NotImplementedError
