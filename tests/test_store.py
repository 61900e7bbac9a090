"""The store keeps what the officer did: articles once, analyses per extractor, triage marks."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from briefing.article_record import analysis_through, cached_analysis
from briefing.config import data_dir
from briefing.model import Analysis, Article
from briefing.sources.build import build_article
from briefing.store import Store, UnknownArticle, canonical_url, open_store


def _article(n: int, *, url: str | None = None, body: str | None = None) -> Article:
    return build_article(
        body=body or f"Story {n}. The minister said on Thursday that talks would resume.",
        source=f"test-{n}", title=f"Headline {n}", url=url,
        published_raw=f"2021-12-{10 + n % 20:02d}T15:35:00-05:00")


def test_store_lives_in_the_data_folder_in_wal_mode() -> None:
    with Store.open() as store:
        store.add(_article(1))
        assert store.path is not None and store.path.parent == data_dir()
    conn = sqlite3.connect(data_dir() / "briefing.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_article_is_stored_once_by_content_or_by_link(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first = _article(1, url="https://news.example/story?utm_source=rss#top")
        assert store.add_many([first, first]).new == (first.id,)
        same_text_elsewhere = dataclasses.replace(first, source="other", url=None)
        assert store.add_many([same_text_elsewhere]).known == 1
        assert store.count() == 1


def test_a_revised_article_at_the_same_link_keeps_its_triage(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        original = _article(1, url="http://news.example/story")
        store.set_note(original, "call the desk")
        revised = _article(1, url="https://NEWS.example/story?utm_campaign=x",
                           body="Story 1, updated. Talks resumed on Friday.")
        outcome = store.add_many([revised])
        assert outcome.revised == (revised.id,) and store.count() == 1
        assert store.triage(revised.id).note == "call the desk"
        assert store.triage(original.id).note == "call the desk"  # old id still resolves
        assert store.article(original.id).text.startswith("Story 1, updated")  # type: ignore[union-attr]


def test_listing_paints_titles_and_marks_without_the_text(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        for n in range(5):
            store.add(_article(n))
        store.mark_read(_article(3).id)
        rows = store.listing()
        assert [r.title for r in rows] == [f"Headline {n}" for n in (4, 3, 2, 1, 0)]  # newest first
        assert [r.triage.read for r in rows] == [False, True, False, False, False]
        assert not hasattr(rows[0], "text")
        assert store.article(rows[0].id) == _article(4)


def test_read_flag_and_note_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    a, b, c = _article(1), _article(2), _article(3)
    with Store.open(path) as store:
        store.add_many([a, b, c])
        store.mark_read(a.id)
        store.set_flag(c.id)
        store.set_flag(a.id)
        store.set_note(b.id, "ask Moscow desk to confirm")
    with Store.open(path) as store:
        assert store.triage(a.id).read and store.triage(a.id).flagged
        assert not store.triage(b.id).read
        assert store.triage(b.id).note == "ask Moscow desk to confirm"
        assert store.flagged() == [c.id, a.id]  # in the order flagged, for the brief
        store.set_flag(c.id, False)
        store.set_note(b.id, "   ")
        assert store.flagged() == [a.id] and store.triage(b.id).note == ""


def test_marking_an_unknown_id_is_refused_but_an_article_is_added(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(UnknownArticle):
            store.set_flag("feedfacecafe")
        assert store.triage("feedfacecafe").flagged is False
        article = _article(9)
        assert store.set_flag(article).flagged and store.count() == 1


class _CountingAnalyzer:
    def __init__(self, version: str) -> None:
        self.version, self.calls = version, 0

    def __call__(self, article: Article) -> Analysis:
        self.calls += 1
        from briefing.extract import analyze

        return dataclasses.replace(analyze(article.text, article.published, article.zone),
                                   version=self.version)


def test_analysis_is_cached_per_text_and_extractor_version(tmp_path: Path) -> None:
    path, article = tmp_path / "s.db", _article(1)
    v1 = _CountingAnalyzer("v1")
    with Store.open(path) as store:
        first = store.analysis_for(article, v1, "v1")
    with Store.open(path) as store:  # a restart with the same extractor never re-analyses
        again = store.analysis_for(article, v1, "v1")
        assert v1.calls == 1 and again.to_dict() == first.to_dict() and again.text == article.text
        v2 = _CountingAnalyzer("v2")
        store.analysis_for(article, v2, "v2")
        store.analysis_for(article, v2, "v2")
        assert v2.calls == 1  # a new extractor re-analyses, once
        rows = store._conn.execute("SELECT version FROM analyses").fetchall()
        assert rows == [("v2",)]  # the stale result is not kept


def test_default_analysis_matches_the_extractor(tmp_path: Path) -> None:
    from briefing.extract import analyze, extractor_version

    article = _article(2)
    with Store.open(tmp_path / "s.db") as store:
        got = analysis_through(store, article)
        cached = cached_analysis(store, article)
    assert got.version == extractor_version()
    fresh = analyze(article.text, article.clock)
    assert cached is not None and cached.to_dict() == fresh.to_dict()
    assert cached.published == fresh.published  # the written offset, not UTC, both ways


def test_in_memory_fallback_has_the_same_api() -> None:
    store = Store.in_memory(problems=("why",))
    article = _article(1)
    store.set_note(article, "kept until exit")
    assert store.triage(article.id).note == "kept until exit"
    assert not store.persistent and store.problems == ("why",)


def test_open_store_without_problems_is_persistent() -> None:
    store = open_store()
    assert store.persistent and store.problems == ()
    store.close()


@pytest.mark.parametrize(("url", "key"), [
    ("HTTP://News.Example:80/a/b?x=1&utm_medium=rss#frag", "https://news.example/a/b?x=1"),
    ("https://news.example:8443/a", "https://news.example:8443/a"),
    ("https://news.example/a?fbclid=1", "https://news.example/a"),
    ("https://news.example", "https://news.example/"),
    ("ftp://news.example/a", None),
    ("/local/file.html", None),
    (None, None),
])
def test_canonical_url(url: str | None, key: str | None) -> None:
    assert canonical_url(url) == key


def test_different_query_means_a_different_article() -> None:
    assert canonical_url("https://n.example/s?id=1") != canonical_url("https://n.example/s?id=2")


def test_an_unreadable_cached_analysis_is_redone_not_fatal(tmp_path: Path) -> None:
    article = _article(3)
    with Store.open(tmp_path / "s.db") as store:
        analysis_through(store, article)
        store._conn.execute("UPDATE analyses SET data = '{\"people\": [{}]}'")
        assert cached_analysis(store, article) is None
        assert analysis_through(store, article).text == article.text


def test_ui_thread_and_refresh_worker_share_one_store(tmp_path: Path) -> None:
    import threading

    with Store.open(tmp_path / "s.db") as store:
        marked = _article(0)
        store.add(marked)
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                for n in range(1, 200):
                    store.add_many([_article(n)])
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        thread = threading.Thread(target=worker)
        thread.start()
        for n in range(200):
            store.set_flag(marked.id, n % 2 == 0)
        thread.join()
        assert errors == [] and store.count() == 200
        assert not store.triage(marked.id).flagged  # the last write unflagged it


def test_two_openers_of_one_file_see_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as app, Store.open(path) as cron:
        cron.add(_article(1))
        app.set_note(_article(1).id, "seen by the app")
        assert cron.triage(_article(1).id).note == "seen by the app"


def test_a_failed_write_is_a_store_error_and_changes_nothing(tmp_path: Path) -> None:
    from briefing.store import StoreError

    with Store.open(tmp_path / "s.db") as store:
        article = _article(1)
        store.add(article)
        store._conn.execute("PRAGMA query_only = 1")  # as if the disk went read-only
        with pytest.raises(StoreError, match="cannot save"):
            store.set_flag(article.id)
        store._conn.execute("PRAGMA query_only = 0")
        assert not store.triage(article.id).flagged
        assert store.set_flag(article.id).flagged  # and the store still works afterwards


def _transactions(store: Store) -> list[str]:
    """Every write transaction the store's connection begins from now on."""
    begun: list[str] = []
    store._conn.set_trace_callback(
        lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    return begun


def test_marking_a_held_article_is_one_write_not_an_add_and_a_write(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        article = _article(1)
        store.add(article)
        begun = _transactions(store)
        store.mark_read(article)  # the dashboard passes the Article on every j/k
        store.set_flag(article)
        assert len(begun) == 2
        assert store.triage(article.id).read and store.flagged() == [article.id]


def test_a_mark_while_another_process_writes_fails_fast_not_after_5_s(tmp_path: Path) -> None:
    import time

    from briefing.store import StoreError

    path = tmp_path / "s.db"
    with Store.open(path) as app:
        article = _article(1)
        app.add(article)
        refresh = sqlite3.connect(path, isolation_level=None)
        refresh.execute("BEGIN IMMEDIATE")  # `briefing refresh` committing a feed
        try:
            started = time.monotonic()
            with pytest.raises(StoreError, match="busy"):
                app.mark_read(article)
            waited = time.monotonic() - started
        finally:
            refresh.execute("ROLLBACK")
            refresh.close()
        assert waited < 3  # the connection's own wait is 5 s
        assert app.mark_read(article).read  # and the next key press saves


def test_analysis_for_returns_the_analysis_when_only_the_save_fails(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        article = _article(1)
        store.add(article)
        store._conn.execute("PRAGMA query_only = 1")  # the disk went read-only
        analysis = analysis_through(store, article)
        assert analysis.text == article.text and analysis.times  # "on Thursday"
        store._conn.execute("PRAGMA query_only = 0")
        assert cached_analysis(store, article) is None  # nothing was cached, nothing broke
