"""The shared PostgreSQL store: one connection that speaks the SQLite store's SQL.

A watch floor outgrows one SQLite file; the same `Store` then runs on a server.  Rather than
a second copy of every query, `PgConnection` takes the store's portable SQL (`?` parameters,
`BEGIN IMMEDIATE`, upserts with `ON CONFLICT`) and the same migrations (`schema.MIGRATIONS`,
whose DDL `schema.pg_ddl` adapts), so the two backends cannot drift apart.

The server may go away (a restart, the network): every failure to reach it is a
`StoreOffline`, which the dashboard keeps as "not sent yet" instead of dropping; the
connection is made again on the next use, at most once per `RETRY_S`, so a screen that reads
while the server is down never waits for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from briefing.store.connect import StoreError, StoreTooNew, StoreUnavailable
from briefing.store.schema import APPLICATION_ID, Migration

CHANNEL = "briefing_floor"
"""The LISTEN/NOTIFY channel every officer's dashboard listens on (`listen.py`)."""

CONNECT_S = 2
"""How long a connection attempt may take: a key press never waits longer than this."""

RETRY_S = 1.0
"""After a failed attempt, fail at once for this long instead of trying again."""


class StoreOffline(StoreUnavailable):
    """The server cannot be reached now; the same write may succeed when it is back."""


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The address without its password, for messages and the status line."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, "", ""))


class _NoRows:
    """What a statement the server has no use for (an SQLite PRAGMA) returns."""

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[Any]:
        return []


class PgConnection:
    """A psycopg 3 connection in autocommit mode, with the sqlite3 calls the store makes."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.errors: tuple[type[Exception], ...] = (psycopg.Error,)
        self._psycopg = psycopg
        self._raw: Any = None
        self._in_tx = False
        self._failed_at = 0.0
        self._guard = threading.Lock()
        self._connect()

    @property
    def in_transaction(self) -> bool:
        return self._in_tx

    @property
    def online(self) -> bool:
        return self._raw is not None and not self._raw.closed

    def try_again(self) -> None:
        """The server is known to be back: the next use connects at once."""
        self._failed_at = 0.0

    def _connect(self) -> None:
        try:
            self._raw = self._psycopg.connect(self.url, autocommit=True,
                                              connect_timeout=CONNECT_S)
        except self._psycopg.Error as exc:
            self._raw = None
            self._failed_at = time.monotonic()
            raise StoreOffline(f"{redact(self.url)}: the server cannot be reached "
                               f"({_first_line(exc)})") from exc

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        head = sql.lstrip()[:16].upper()
        if head.startswith("PRAGMA"):
            return _NoRows()  # busy timeouts and the like: row locks here are brief
        if head.startswith(("COMMIT", "ROLLBACK")):
            return self._end(head.split()[0])
        if not self.online:
            if self._in_tx:  # the transaction died with the connection: nothing to continue
                raise StoreOffline(f"{redact(self.url)}: the connection was lost")
            if time.monotonic() - self._failed_at < RETRY_S:
                raise StoreOffline(f"{redact(self.url)}: the server cannot be reached")
            self._connect()
        if head.startswith("BEGIN"):
            sql, self._in_tx = "BEGIN", True
        try:
            if not params:  # scripts and plain statements: sent as written
                return self._raw.execute(sql)
            return self._raw.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))
        except self._psycopg.OperationalError as exc:
            if self._raw.closed or self._raw.broken:
                self._lost()
                raise StoreOffline(f"{redact(self.url)}: the server went away "
                                   f"({_first_line(exc)})") from exc
            raise

    def _end(self, verb: str) -> _NoRows:
        was, self._in_tx = self._in_tx, False
        if not was or not self.online:
            if verb == "COMMIT" and was:
                raise StoreOffline(f"{redact(self.url)}: the connection was lost before "
                                   "the change was saved")
            return _NoRows()
        try:
            self._raw.execute(verb)
        except self._psycopg.OperationalError as exc:
            self._lost()
            raise StoreOffline(f"{redact(self.url)}: the server went away "
                               f"({_first_line(exc)})") from exc
        return _NoRows()

    def _lost(self) -> None:
        self._failed_at = time.monotonic()
        try:
            self._raw.close()
        finally:
            self._raw = None

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def schema_version(conn: PgConnection) -> int:
    row = conn.execute("SELECT max(version) FROM briefing_schema").fetchone()
    return int(row[0] or 0) if row else 0


def migrate_pg(conn: PgConnection, migrations: Sequence[Migration]) -> int:
    """Carry the database forward in one transaction (PostgreSQL's DDL is transactional),
    under an advisory lock, so two officers starting at once on a new database do not both
    build it."""
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (APPLICATION_ID,))
        conn.execute("CREATE TABLE IF NOT EXISTS briefing_schema (version INTEGER NOT NULL)")
        version = schema_version(conn)
        if version > len(migrations):
            raise StoreTooNew(f"{redact(conn.url)}: written by a newer briefing (schema "
                              f"{version}, this one knows {len(migrations)}); left untouched")
        for target, step in enumerate(migrations[version:], start=version + 1):
            step(conn)  # type: ignore[arg-type]
            conn.execute("INSERT INTO briefing_schema VALUES (?)", (target,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return schema_version(conn)


def connect_server(url: str, migrations: Sequence[Migration]) -> PgConnection:
    """A connection to the floor's database, carried to this briefing's schema."""
    try:
        conn = PgConnection(url)
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise StoreUnavailable(f"{redact(url)}: psycopg is not installed") from exc
    try:
        migrate_pg(conn, migrations)
    except StoreError:
        conn.close()
        raise
    except conn.errors as exc:
        conn.close()
        raise StoreUnavailable(f"{redact(url)}: cannot prepare the store "
                               f"({_first_line(exc)})") from exc
    return conn
