"""What the dashboard holds per row: an article, and its analysis once ready.

A source that failed is no row: it is listed in the failures view (screens/failures.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.article_record import ArticleRecord, source_zone
from briefing.model import Analysis, Article


@dataclass(slots=True)
class Entry:
    """One row of the article list.  Mutable: the analysis arrives after the article."""

    key: str
    article: Article | None = None
    analysis: Analysis | None = None
    source: str = ""
    _record: ArticleRecord | None = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> str:
        if self.article is not None:
            return self.article.title or self.article.source
        return self.source

    @property
    def record(self) -> ArticleRecord | None:
        """The article's record once its analysis has come (the same one while the analysis
        stays: its segmentation is made once)."""
        if self.article is None or self.analysis is None:
            return None
        kept = self._record
        if kept is None or kept.analysis is not self.analysis or kept.article is not self.article:
            kept = self._record = ArticleRecord(self.article, self.analysis)
        return kept

    @property
    def pending(self) -> bool:
        """An article still waiting for its analysis."""
        return self.article is not None and self.analysis is None

    @property
    def source_zone(self) -> str | None:
        """The zone the source wrote in (`article_record.source_zone`)."""
        return source_zone(self.article, self.analysis) if self.article is not None else None

    @property
    def text(self) -> str:
        return self.article.text if self.article is not None else ""
