"""The store's tables and the forward migrations that build them.

`PRAGMA user_version` holds the schema version and `PRAGMA application_id` marks the file as
ours, so a foreign SQLite file at the store's path is recognised rather than written into.
Each migration runs in its own transaction: a crash between two leaves a valid older schema
that the next start carries forward.  A migration is only ever appended, never edited, once
a release has shipped it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

APPLICATION_ID = 0x62726631  # "brf1"

Migration = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE articles (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,            -- Article.id: what the app and the brief cite
    content_hash TEXT NOT NULL UNIQUE,
    url_key      TEXT UNIQUE,              -- canonical_url(article.url)
    title        TEXT NOT NULL,
    source       TEXT NOT NULL,
    url          TEXT,
    outlet       TEXT,
    zone         TEXT,
    published    TEXT,                     -- ISO UTC, sorts as text
    feed         TEXT,                     -- the subscription it arrived through, if any
    meta         TEXT NOT NULL,            -- Article.to_dict() without the text, as JSON
    text         TEXT NOT NULL,
    added        TEXT NOT NULL
);
CREATE INDEX articles_by_id ON articles(id);
CREATE INDEX articles_by_published ON articles(published);
CREATE INDEX articles_by_feed ON articles(feed);

-- An article revised at the same URL keeps its row (and triage) under a new id; the old id
-- stays resolvable so a screen still showing the old version can mark it.
CREATE TABLE aliases (
    id  TEXT PRIMARY KEY,
    key INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE
);

CREATE TABLE analyses (
    content_hash TEXT NOT NULL,
    version      TEXT NOT NULL,            -- briefing.extract.extractor_version()
    anchor       TEXT NOT NULL,            -- publication time and zone the text was read with
    data         TEXT NOT NULL,            -- Analysis.to_dict() as JSON
    created      TEXT NOT NULL,
    PRIMARY KEY (content_hash, version, anchor)
) WITHOUT ROWID;

CREATE TABLE triage (
    key     INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    read    INTEGER NOT NULL DEFAULT 0,
    flagged INTEGER NOT NULL DEFAULT 0,
    flag_order INTEGER,                    -- flags are briefed in the order they were set
    note    TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL
);

CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    body_hash     TEXT,                    -- skip re-parsing a feed served byte-identical
    checked       TEXT,
    status        INTEGER,
    error         TEXT,
    entries       INTEGER
);
"""


def _v1(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V1)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute statement by statement: `executescript` would COMMIT our open transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""


_V2 = """
-- Pages followed from feed entries' links: the validators for a conditional GET next time.
CREATE TABLE pages (
    url           TEXT PRIMARY KEY,          -- the link as the feed gave it (resolved)
    etag          TEXT,
    last_modified TEXT,
    checked       TEXT NOT NULL
);
"""


def _v2(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V2)


_V3 = """
-- What each source file yielded, keyed by a hash of its raw bytes (sources.follow.raw_key):
-- a start on unchanged files reads these instead of parsing the pages again.
CREATE TABLE extracted (
    key      TEXT PRIMARY KEY,
    articles TEXT NOT NULL,                  -- [Article.to_dict(), ...] as JSON
    created  TEXT NOT NULL
);
"""


def _v3(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V3)


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3)
"""MIGRATIONS[n] takes a store from version n to n + 1."""

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply every migration the file has not seen yet; returns the version reached.

    The connection must be in autocommit mode (isolation_level None) so that each step's
    BEGIN/COMMIT here is the only transaction in play.
    """
    version = user_version(conn)
    for target, step in enumerate(migrations[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) >= target:  # another process got there first
                conn.execute("ROLLBACK")
                continue
            step(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return user_version(conn)
