"""The analysis cache: keyed by text (content hash), extractor version and anchor.

The store never runs the extractor: `briefing.article_record` hands it the analyser and the
current extractor version.

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


class AnalysisCache(StoreBase):
    def cached_analysis(self, article: Article, version: str) -> Analysis | None:
        """The analysis this extractor version made of this text, if cached and readable
        (a server out of reach has none to give: the text is analysed here instead)."""
        try:
            with self._lock:
                row = self._conn.execute(
                    "SELECT data FROM analyses WHERE content_hash = ? AND version = ?"
                    " AND anchor = ?",
                    (article.content_hash, version, _anchor(article)),
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

    def analysis_for(self, article: Article, analyzer: Analyzer, version: str) -> Analysis:
        """Cached when extractor `version` already read this text; otherwise `analyzer`'s
        result, cached.

        The store only stores: the caller (`briefing.article_record`) names the analyser and
        the version.  A cache that cannot be written (full disk, read-only file, another
        process holding the lock) costs the next run a re-analysis, never this one its
        result: the save failing is not an error here.  `analyzer` must set
        `Analysis.version` to `version` for the cache to hit next time.
        """
        cached = self.cached_analysis(article, version)
        if cached is not None:
            return cached
        analysis = analyzer(article)
        with suppress(StoreError):
            self.save_analysis(article, analysis)
        return analysis
