"""The dashboard's analysis path: the store's one `analysis_for`, once per text at a time."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from briefing.article_record import analyze_article
from briefing.model import Analysis, Article
from briefing.sources.build import build_article
from briefing.store import Store
from briefing.ui.ingest import StripedLocks, cached_analyser


def _article(n: int) -> Article:
    return build_article(body=f"Story {n}. Talks would resume on Thursday, the minister said.",
                         source=f"test-{n}", title=f"Headline {n}",
                         published_raw="2021-12-30T15:35:00-05:00")


def test_the_lock_table_does_not_grow_with_every_text() -> None:
    locks = StripedLocks()
    used = {id(locks.for_key(f"hash-{n}")) for n in range(5_000)}
    assert len(used) <= len(locks) <= 256
    assert locks.for_key("same") is locks.for_key("same")


def test_two_threads_asking_for_one_text_analyse_it_once(tmp_path: Path) -> None:
    calls: list[str] = []

    def slow(article: Article) -> Analysis:
        calls.append(article.id)
        time.sleep(0.2)
        return analyze_article(article)

    with Store.open(tmp_path / "s.db") as store:
        article = _article(1)
        store.add(article)
        analyse = cached_analyser(store, slow)
        results: list[Analysis] = []
        threads = [threading.Thread(target=lambda: results.append(analyse(article)))
                   for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert calls == [article.id] and results[0] == results[1]


def test_the_app_keeps_its_analysis_when_the_cache_cannot_be_written(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        article = _article(2)
        store.add(article)
        store._conn.execute("PRAGMA query_only = 1")
        analysis = cached_analyser(store)(article)
        assert analysis.text == article.text and analysis.times
