"""The store on both backends: the SQLite file and the floor's PostgreSQL server (the
throwaway test cluster).  Per-officer marks, notes that never overwrite one another, flag
history, one analysis for the floor, and the migration that brings a v3 file to the floor's
schema."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.article_record import analysis_through
from briefing.clock import parse_now
from briefing.config import load_config
from briefing.model import Article
from briefing.sources.build import build_article
from briefing.store import (
    SCHEMA_VERSION,
    Store,
    StoreOffline,
    open_configured,
    open_store,
    store_target,
)
from briefing.store.schema import MIGRATIONS


def _article(n: int, url: str | None = None) -> Article:
    return build_article(body=f"Story {n}. The minister said on Thursday that talks resume.",
                         source=f"test-{n}", title=f"Headline {n}", url=url,
                         published_raw=f"2021-12-{10 + n:02d}T15:35:00-05:00")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where two officers' stores open: one file, or one database on the test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "floor.sqlite3")
    else:
        yield request.getfixturevalue("pg_url")


def test_articles_are_stored_once_whoever_brings_them(target: str) -> None:
    with Store.open(target, officer="amy") as amy, Store.open(target, officer="bob") as bob:
        first = _article(1, url="https://news.example/a?utm_source=rss")
        assert amy.add_many([first]).new == (first.id,)
        assert bob.add_many([first]).known == 1
        revised = build_article(body="Story 1, updated.", source="x", title="Headline 1",
                                url="https://news.example/a", published_raw=None)
        bob.set_note(first, "check it")
        assert amy.add_many([revised]).revised == (revised.id,)
        assert bob.triage(revised.id).note == "check it"  # marks followed the revision
        assert [r.title for r in amy.listing()] == ["Headline 1"]


def test_read_marks_are_each_officers_own(target: str) -> None:
    with Store.open(target, officer="amy") as amy, Store.open(target, officer="bob") as bob:
        article = _article(1)
        amy.mark_read(article)
        assert amy.triage(article.id).read and not bob.triage(article.id).read
        assert [r.triage.read for r in bob.listing()] == [False]


def test_a_note_never_overwrites_another_officers(target: str) -> None:
    with Store.open(target, officer="amy") as amy, Store.open(target, officer="bob") as bob:
        article = _article(1)
        amy.set_note(article, "call Geneva")
        bob.set_note(article, "Riga first")
        amy.set_note(article, "called Geneva: no answer")  # replaces amy's only
        marks = bob.triage(article.id)
        assert marks.note == "Riga first"
        assert [(n.officer, n.text) for n in marks.notes] == [
            ("bob", "Riga first"), ("amy", "called Geneva: no answer")]
        assert marks.shown_note("bob") == "Riga first · amy: called Geneva: no answer"
        bob.set_note(article, "  ")  # withdrawn: amy's stays
        assert [n.officer for n in amy.triage(article.id).notes] == ["amy"]


def test_a_flag_is_the_floors_and_its_history_is_kept(target: str) -> None:
    with Store.open(target, officer="amy") as amy, Store.open(target, officer="bob") as bob:
        one, two = _article(1), _article(2)
        amy.set_flag(two)
        bob.set_flag(one)
        amy.set_flag(two)  # already flagged: no change, no history line
        assert bob.triage(two.id).flagged and bob.triage(two.id).flagged_by == "amy"
        bob.set_flag(two, False)
        amy.set_flag(two)
        assert amy.flagged() == [one.id, two.id]  # the order the current flags were set
        assert [(who, on) for who, on, _ in amy.flag_history(two)] == [
            ("amy", True), ("bob", False), ("amy", True)]


def test_a_change_sent_twice_lands_once(target: str) -> None:
    """A write retried after a lost connection (it may have committed) is not doubled."""
    with Store.open(target, officer="amy") as amy:
        article = _article(1)
        amy.set_note(article, "first", uid="n-1")
        amy.set_note(article, "second", uid="n-2")
        amy.set_note(article, "first", uid="n-1")  # the retry of a write that had landed
        assert amy.triage(article.id).note == "second"


def test_an_analysis_is_made_once_for_the_floor(target: str) -> None:
    calls: list[str] = []

    def analyse(article: Article):  # type: ignore[no-untyped-def]
        from briefing.article_record import analyze_article

        calls.append(article.id)
        return analyze_article(article)

    with Store.open(target, officer="amy") as amy, Store.open(target, officer="bob") as bob:
        article = _article(1)
        first = analysis_through(amy, article, analyse)
        assert analysis_through(bob, article, analyse) == first
        assert calls == [article.id]


def test_two_officers_flagging_and_noting_at_once_lose_nothing(target: str) -> None:
    articles = [_article(n) for n in range(1, 9)]
    with Store.open(target, officer="setup") as store:
        store.add_many(articles)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            with Store.open(target, officer=name) as store:
                for article in articles:
                    store.set_note(article, f"{name} on {article.title}")
                    store.set_flag(article)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in ("amy", "bob", "cy")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with Store.open(target, officer="dee") as store:
        for article in articles:
            assert sorted(n.officer for n in store.triage(article.id).notes) == [
                "amy", "bob", "cy"]
        assert sorted(store.flagged()) == sorted(a.id for a in articles)


def test_a_v3_file_keeps_its_marks_on_the_floor_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    article = _article(1)
    with Store.open(path, migrations=MIGRATIONS[:3]) as old:  # a file from before the floor
        old.add(article)
        old._conn.execute("INSERT INTO triage VALUES ((SELECT key FROM articles), 1, 1, 1,"
                          " 'ring the desk', '2021-12-30T00:00:00Z')")
    with Store.open(path, officer="amy") as store:
        marks = store.triage(article.id)
        assert (marks.read, marks.flagged, marks.note) == (True, True, "ring the desk")
        assert store.flagged() == [article.id]
        store.set_note(article, "rang the desk")  # edited: the old note is replaced
        assert [n.text for n in store.triage(article.id).notes] == ["rang the desk"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_server_carries_the_same_schema_version(pg_url: str) -> None:
    import psycopg

    opened = [Store.open(pg_url) for _ in range(3)]  # three desks on a new database
    for store in opened:
        store.close()
    with psycopg.connect(pg_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM briefing_schema")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_an_unreachable_server_is_said_and_the_app_can_carry_on(pg_cluster) -> None:
    url = f"postgresql://briefing@127.0.0.1:{pg_cluster.port + 1}/nowhere"
    with pytest.raises(StoreOffline, match="cannot be reached"):
        Store.open(url)
    fallback = open_store(url)
    assert not fallback.persistent
    assert "127.0.0.1" in fallback.problems[0] and "without saving" in fallback.problems[0]


def test_the_config_or_the_environment_names_the_server(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'store = "{pg_url}"\nofficer = "night desk"\n')
    config = load_config(config_file)
    with open_configured(config, clock=lambda: parse_now("2021-12-31T06:00:00Z")) as store:
        assert store.shared and store.officer == "night desk" and not store.problems
    monkeypatch.setenv("BRIEFING_DATABASE_URL", "postgresql://elsewhere/db")
    assert store_target(config.store) == "postgresql://elsewhere/db"
    monkeypatch.delenv("BRIEFING_DATABASE_URL")
    assert store_target(None) is None  # the SQLite file, as before
    bad = load_config(_write(tmp_path / "bad.toml", 'store = "mysql://x"\n'))
    assert bad.store is None and "postgresql://" in bad.problems[0]


def test_the_officer_defaults_to_the_login_name(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "jdoe")
    with Store.open(tmp_path / "s.sqlite3") as store:
        assert store.officer == "jdoe"


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path
