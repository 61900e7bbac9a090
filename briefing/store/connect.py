"""Opening the store file: WAL, migrations, and what to do when the file is not ours.

A damaged or foreign file is never written into and never deleted: it is renamed beside
itself with a timestamp (its `-wal`/`-shm` companions too), the officer is told where it went,
and a fresh store is started.  A folder we cannot write to is a `StoreUnavailable`, which the
app and the CLI catch to carry on without a store (see `open_store`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing.clock import Clock
from briefing.store.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    migrate,
    user_version,
)

STORE_NAME = "briefing.sqlite3"
_HEADER = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")
# SQLite primary result codes (the low byte of sqlite_errorcode).
_CORRUPT, _NOTADB = 11, 26


class StoreError(Exception):
    """The store cannot be used; the message names the file and the reason."""


class StoreUnavailable(StoreError):
    """The folder or file cannot be opened for writing (read-only, missing permission, busy)."""


class StoreTooNew(StoreError):
    """The file was written by a newer briefing; it is left alone rather than downgraded."""


def _damaged(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (_CORRUPT, _NOTADB)


def _inspect(path: Path) -> tuple[str, str] | None:
    """(kind, reason) when the file at `path` must not be used as our store, else None."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return None
        with path.open("rb") as handle:
            header = handle.read(len(_HEADER))
    except OSError as exc:
        raise StoreUnavailable(f"{path}: cannot read the store ({exc.strerror})") from exc
    if header != _HEADER:
        return "foreign", "not a briefing store (not an SQLite database)"
    conn = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            return "foreign", "an SQLite database belonging to another program"
        check = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if check != ["ok"]:
            return "corrupt", "damaged (" + "; ".join(check)[:200] + ")"
    except sqlite3.Error as exc:
        if _damaged(exc):
            return "corrupt", f"damaged ({exc})"
        raise StoreUnavailable(f"{path}: cannot open the store ({exc})") from exc
    finally:
        conn.close()
    return None


def quarantine(path: Path, kind: str, clock: Clock) -> Path:
    """Rename `path` (and companions) to `<name>.<kind>-<UTC stamp>`; never overwrite one."""
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{kind}-{stamp}")
    serial = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{kind}-{stamp}-{serial}")
        serial += 1
    try:
        path.rename(target)
        for suffix in _COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreUnavailable(f"{path}: is {kind} and cannot be moved aside "
                               f"({exc.strerror}); left untouched") from exc
    return target


def _configure(conn: sqlite3.Connection, path: Path,
               migrations: tuple[Migration, ...] | list[Migration]) -> None:
    # WAL + synchronous=NORMAL: a killed process never leaves a half-written transaction
    # (only a power cut can lose the last commits), and readers never block the writer.
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreUnavailable(f"{path}: cannot switch the store to WAL mode (got {mode})")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    version = user_version(conn)
    if version > len(migrations):
        raise StoreTooNew(f"{path}: written by a newer briefing (schema {version}, this one "
                          f"knows {len(migrations)}); left untouched")
    migrate(conn, migrations)
    conn.execute("BEGIN IMMEDIATE")  # proves we can write before the officer relies on it
    conn.execute("ROLLBACK")


def _refuse_read_only(path: Path) -> None:
    """A store file marked read-only is said at open, not found out at the first write.

    SQLite opens such a file without complaint and fails only when a refresh or a flag
    writes, half-way through the officer's work.  The mode bits are checked as well as
    `os.access`: for root every file is writable, but a file nobody may write to was made
    read-only on purpose, and writing into it anyway would overrule the one who did.
    """
    import os
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreUnavailable(f"{path}: cannot read the store ({exc.strerror})") from exc
    if not stat.S_ISREG(mode):
        raise StoreUnavailable(f"{path}: the store is not a regular file; caching is off")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise StoreUnavailable(f"{path}: the store file is read-only, so caching is off and "
                               "nothing is saved (make it writable to keep articles and marks)")


def connect_file(path: Path, clock: Clock,
                 migrations: tuple[Migration, ...] | list[Migration] = MIGRATIONS,
                 ) -> tuple[sqlite3.Connection, list[str]]:
    """A configured connection to the store at `path`, plus problems to show the officer."""
    problems: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"{path.parent}: cannot create the data folder "
                               f"({exc.strerror})") from exc
    _refuse_read_only(path)
    found = _inspect(path)
    if found:
        kind, reason = found
        moved = quarantine(path, kind, clock)
        problems.append(f"{path}: {reason}; moved aside to {moved} and a new store started")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5)
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"{path}: cannot open the store ({exc})") from exc
    try:
        _configure(conn, path, migrations)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise StoreUnavailable(f"{path}: cannot write the store ({exc})") from exc
    return conn, problems


def connect_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    migrate(conn, MIGRATIONS)
    return conn


__all__ = ["SCHEMA_VERSION", "STORE_NAME", "StoreError", "StoreTooNew", "StoreUnavailable",
           "connect_file", "connect_memory", "quarantine"]
