"""`Store`: articles stored once (by content hash, else canonical link), and feed state.

Triage marks and the analysis cache are mixed in from `triage.py` and `analyses.py`; the
connection, lock and transactions come from `base.py`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

from briefing.clock import Clock, clock_from_env
from briefing.config import data_dir
from briefing.model import Article, iso_utc, parse_iso
from briefing.sources.follow import HeldPage
from briefing.store.analyses import AnalysisCache
from briefing.store.base import ArticleRef, StoreError, UnknownArticle
from briefing.store.connect import STORE_NAME, connect_file, connect_memory
from briefing.store.handover import Briefs
from briefing.store.pg import is_url
from briefing.store.records import Added, FeedState, Listed, Triage
from briefing.store.schema import MIGRATIONS, Migration
from briefing.store.triage import TriageMarks
from briefing.urls import canonical_url


def default_path() -> Path:
    return data_dir() / STORE_NAME


class Store(TriageMarks, AnalysisCache, Briefs):
    """The officer's persistent desk.  Build with `Store.open()` or `Store.in_memory()`.

    Safe to share between the UI thread and one worker thread; two processes (the app and
    `briefing refresh`) may open the same file at once.
    """

    @classmethod
    def open(cls, path: Path | str | None = None, *, clock: Clock | None = None,
             migrations: Sequence[Migration] = MIGRATIONS, officer: str | None = None) -> Store:
        """The store at `path`: a file (default: the data folder), or a
        `postgresql://` address the floor shares; raises `StoreError`."""
        clock = clock or clock_from_env()
        if is_url(path):
            from briefing.store.pg import connect_server

            server = connect_server(str(path), tuple(migrations))
            # PgConnection speaks the part of sqlite3.Connection the store uses
            return cls(cast("sqlite3.Connection", server), None, (), clock, officer=officer,
                       url=str(path))
        target = Path(path) if path else default_path()
        conn, problems = connect_file(target, clock, tuple(migrations))
        return cls(conn, target, problems, clock, officer=officer)

    @classmethod
    def in_memory(cls, *, clock: Clock | None = None, problems: Sequence[str] = (),
                  officer: str | None = None) -> Store:
        """Same API, nothing kept after exit: the fallback when no file can be used."""
        return cls(connect_memory(), None, problems, clock, officer=officer)

    # -- articles ---------------------------------------------------------------------------

    def _store_one(self, conn: sqlite3.Connection, article: Article, feed: str | None,
                   now: str) -> tuple[str, str]:
        """('new' | 'revised' | 'known', id) for one article, inside the caller's transaction."""
        if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                        (article.content_hash,)).fetchone():
            return "known", article.id
        url_key = canonical_url(article.url)
        meta = article.to_dict()
        text = meta.pop("text")
        values = (article.id, article.content_hash, url_key, article.title, article.source,
                  article.url, article.outlet, article.zone, iso_utc(article.clock.sort_key),
                  json.dumps(meta, ensure_ascii=False), text)
        row = url_key and conn.execute("SELECT key, id FROM articles WHERE url_key = ?",
                                       (url_key,)).fetchone()
        if row:  # same link, new wording: revise in place so triage stays with the story
            conn.execute("INSERT INTO aliases (id, key) VALUES (?, ?)"
                         " ON CONFLICT (id) DO UPDATE SET key = excluded.key", (row[1], row[0]))
            conn.execute(
                "UPDATE articles SET id=?, content_hash=?, url_key=?, title=?, source=?, url=?,"
                " outlet=?, zone=?, published=?, meta=?, text=? WHERE key = ?",
                (*values, row[0]))
            return "revised", article.id
        # Another officer may store the same article this instant: theirs stands, and this
        # one counts as known rather than failing the whole refresh.
        stored = conn.execute(
            "INSERT INTO articles (id, content_hash, url_key, title, source, url, outlet, zone,"
            " published, meta, text, feed, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING RETURNING key", (*values, feed, now)).fetchone()
        return ("new" if stored else "known"), article.id

    def add_many(self, articles: Iterable[Article], *, feed: str | None = None) -> Added:
        """Store each article once (by content hash, else canonical URL); one transaction."""
        with self._write() as conn:
            return self._add_in(conn, articles, feed)

    def _add_in(self, conn: sqlite3.Connection, articles: Iterable[Article],
                feed: str | None) -> Added:
        now = self._now()
        new: list[str] = []
        revised: list[str] = []
        known = 0
        for article in articles:
            outcome, article_id = self._store_one(conn, article, feed, now)
            if outcome == "new":
                new.append(article_id)
            elif outcome == "revised":
                revised.append(article_id)
            else:
                known += 1
        self._announce(conn, "articles", [*new, *revised])
        return Added(tuple(new), tuple(revised), known)

    def add(self, article: Article, *, feed: str | None = None) -> str:
        self.add_many([article], feed=feed)
        return article.id

    def _key(self, ref: ArticleRef) -> int:
        """The row of an article id, or of an `Article` (added first only if not held).

        Triage writes call this on every key press, so a known article costs one read, not
        an `add()` write transaction that would wait on `briefing refresh`'s lock.
        """
        article_id = ref.id if isinstance(ref, Article) else ref
        found = self._find(article_id)
        if found is None and isinstance(ref, Article):
            self.add(ref)
            found = self._find(article_id)
        if found is None:
            raise UnknownArticle(article_id)
        return found

    def _find(self, article_id: str) -> int | None:
        """The row by id, or by an old id of an article revised at the same link."""
        with self._lock:
            row = (self._conn.execute("SELECT key FROM articles WHERE id = ?",
                                      (article_id,)).fetchone()
                   or self._conn.execute("SELECT key FROM aliases WHERE id = ?",
                                         (article_id,)).fetchone())
        return int(row[0]) if row else None

    def article(self, ref: str) -> Article | None:
        """The full article (with text) for an id, or None."""
        try:
            key = self._key(ref)
        except UnknownArticle:
            return None
        with self._lock:
            meta, text = self._conn.execute("SELECT meta, text FROM articles WHERE key = ?",
                                            (key,)).fetchone()
        return _article(meta, text)

    def articles(self, *, since: datetime | None = None) -> list[Article]:
        """Every stored article with its text, newest first (the list view wants `listing`);
        `since`: only those added to the store from then on."""
        where, args = ("WHERE added >= ?", (iso_utc(since),)) if since else ("", ())
        with self._lock:
            rows = self._conn.execute(
                f"SELECT meta, text FROM articles {where} ORDER BY published IS NULL,"
                " published DESC, key DESC", args).fetchall()
        return [_article(meta, text) for meta, text in rows]

    def listing(self) -> list[Listed]:
        """Titles and triage for every article, newest first, without loading any text."""
        marks = self.all_marks()
        with self._lock:
            rows = self._conn.execute(
                "SELECT a.key, a.id, a.title, a.source, a.url, a.published, a.outlet, a.zone,"
                " a.feed FROM articles a"
                " ORDER BY a.published IS NULL, a.published DESC, a.key DESC").fetchall()
        return [Listed(r[1], r[2], r[3], r[4], parse_iso(r[5]), r[6], r[7], r[8],
                       marks.get(r[0]) or Triage(r[1])) for r in rows]

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- followed pages (briefing.sources.follow.PageMemory) ----------------------------------

    def held(self, url: str) -> HeldPage | None:
        """A page followed before, with its validators, if its article is still held."""
        url_key = canonical_url(url)
        with self._lock:
            row = self._conn.execute("SELECT etag, last_modified FROM pages WHERE url = ?",
                                     (url,)).fetchone()
            found = row and url_key and self._conn.execute(
                "SELECT meta, text FROM articles WHERE url_key = ?", (url_key,)).fetchone()
        if not found or not (row[0] or row[1]):
            return None
        return HeldPage(_article(*found), row[0], row[1])

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a followed page's validators (its article arrives through `record_feed`,
        merged with its entry)."""
        with self._write() as conn:
            conn.execute("INSERT INTO pages VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                         " etag = excluded.etag, last_modified = excluded.last_modified,"
                         " checked = excluded.checked", (url, etag, last_modified, self._now()))

    # -- extractions by raw bytes (briefing.sources.follow.SourceMemory) -------------------

    def extracted(self, key: str) -> tuple[list[Article], dict[str, str]] | None:
        with self._lock:
            row = self._conn.execute("SELECT articles FROM extracted WHERE key = ?",
                                     (key,)).fetchone()
        if not row:
            return None
        try:
            held = json.loads(row[0])
            return ([Article.from_dict(item) for item in held["articles"]],
                    dict(held.get("deps") or {}))
        except (ValueError, KeyError, TypeError):  # an old or damaged row: parse again
            return None

    def keep_extracted(self, key: str, articles: list[Article],
                       deps: dict[str, str] | None = None) -> None:
        """Best effort: a cache that cannot be written costs a parse next time, no more."""
        payload = json.dumps({"articles": [a.to_dict() for a in articles], "deps": deps or {}},
                             ensure_ascii=False)
        try:
            with self._write() as conn:
                conn.execute("INSERT INTO extracted VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE"
                             " SET articles = excluded.articles, created = excluded.created",
                             (key, payload, self._now()))
        except StoreError:
            pass

    # -- feeds --------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT url, etag, last_modified, body_hash, checked, status, error, entries"
                " FROM feeds WHERE url = ?", (url,)).fetchone()
        if not row:
            return None
        return FeedState(row[0], row[1], row[2], row[3], parse_iso(row[4]), row[5], row[6],
                         row[7])

    def record_feed(self, state: FeedState, articles: Iterable[Article] = ()) -> Added:
        """Store a fetch's entries and its validators together: both or neither survive."""
        with self._write() as conn:
            added = self._add_in(conn, articles, state.url)
            conn.execute(
                "INSERT INTO feeds VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE"
                " SET etag = excluded.etag, last_modified = excluded.last_modified,"
                " body_hash = excluded.body_hash, checked = excluded.checked,"
                " status = excluded.status, error = excluded.error, entries = excluded.entries",
                (state.url, state.etag, state.last_modified, state.body_hash,
                 iso_utc(state.checked) or self._now(), state.status, state.error,
                 state.entries))
        return added


def _article(meta: str, text: str) -> Article:
    """An article from its row: the JSON of its fields, and its text kept apart."""
    return Article.from_dict({**json.loads(meta), "text": text})
