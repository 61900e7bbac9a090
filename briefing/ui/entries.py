"""What the dashboard holds per row: an article, and its analysis once ready.

A source that failed is no row: it is listed in the failures view (screens/failures.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Analysis, Article


@dataclass(slots=True)
class Entry:
    """One row of the article list.  Mutable: the analysis arrives after the article."""

    key: str
    article: Article | None = None
    analysis: Analysis | None = None
    source: str = ""

    @property
    def title(self) -> str:
        if self.article is not None:
            return self.article.title or self.article.source
        return self.source

    @property
    def pending(self) -> bool:
        """An article still waiting for its analysis."""
        return self.article is not None and self.analysis is None

    @property
    def source_zone(self) -> str | None:
        """The zone the source wrote in: its own, else the one its analysis found (a
        dateline that agrees with the publication offset)."""
        if self.article is not None and self.article.zone:
            return self.article.zone
        return self.analysis.zone if self.analysis is not None else None

    @property
    def text(self) -> str:
        return self.article.text if self.article is not None else ""
