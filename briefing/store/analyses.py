"""The analysis cache: keyed by text (content hash), extractor version and anchor.

An unchanged extractor never re-reads a text it has read; a changed one (a new
`extractor_version()`) re-analyses on first use and the stale result is dropped.  Analyses
are decoded only when asked for, so opening a store of a thousand articles stays instant.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress

from briefing.model import Analysis, Article
from briefing.store.base import StoreBase
from briefing.store.connect import StoreError

Analyzer = Callable[[Article], Analysis]


def _anchor(article: Article) -> str:
    """What besides the text changes an analysis: its publication clock, as read at loading."""
    return json.dumps(article.clock.to_dict(), sort_keys=True)


def analyze_article(article: Article) -> Analysis:
    """Analyse against the article's own publication clock (read once at loading): the one
    call every caller makes, so the app and the CLI share cached results."""
    from briefing.extract import analyze

    return analyze(article.text, published=article.clock)


def _current_version() -> str:
    from briefing.extract.version import extractor_version  # not the extractors themselves

    return extractor_version()


class AnalysisCache(StoreBase):
    def cached_analysis(self, article: Article, version: str | None = None) -> Analysis | None:
        """The analysis this extractor version made of this text, if cached and readable
        (a server out of reach has none to give: the text is analysed here instead)."""
        try:
            with self._lock:
                row = self._conn.execute(
                    "SELECT data FROM analyses WHERE content_hash = ? AND version = ?"
                    " AND anchor = ?",
                    (article.content_hash, version or _current_version(), _anchor(article)),
                ).fetchone()
        except StoreError:
            return None
        if not row:
            return None
        try:
            return Analysis.from_dict(json.loads(row[0]), article.text)
        except (ValueError, KeyError, TypeError):  # a model change the version did not see
            return None

    def save_analysis(self, article: Article, analysis: Analysis) -> None:
        """Cache `analysis`; other extractor versions' results for this text are dropped."""
        data = json.dumps(analysis.to_dict(), ensure_ascii=False)
        with self._write() as conn:
            conn.execute("DELETE FROM analyses WHERE content_hash = ? AND version != ?",
                         (article.content_hash, analysis.version))
            conn.execute("INSERT INTO analyses VALUES (?, ?, ?, ?, ?) ON CONFLICT"
                         " (content_hash, version, anchor) DO UPDATE SET data = excluded.data,"
                         " created = excluded.created",
                         (article.content_hash, analysis.version, _anchor(article), data,
                          self._now()))

    def analysis_for(self, article: Article, analyzer: Analyzer | None = None) -> Analysis:
        """Cached when this extractor already read this text; otherwise analysed and cached.

        The one analysis path of the CLI, `briefing brief` and the dashboard.  A cache that
        cannot be written (full disk, read-only file, another process holding the lock) costs
        the next run a re-analysis, never this one its result: the save failing is not an
        error here.  `analyzer` replaces the default call (tests, a slow or failing stand-in);
        it must set `Analysis.version` to the current extractor version for the cache to hit.
        """
        cached = self.cached_analysis(article)
        if cached is not None:
            return cached
        analysis = (analyzer or analyze_article)(article)
        with suppress(StoreError):
            self.save_analysis(article, analysis)
        return analysis
