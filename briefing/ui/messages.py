"""App-wide events from the loading and analysis workers (posted from worker threads)."""

from __future__ import annotations

from textual.message import Message

from briefing.model import Analysis, Article


class ArticlesLoaded(Message):
    """A source produced articles."""

    def __init__(self, source: str, articles: list[Article]) -> None:
        super().__init__()
        self.source = source
        self.articles = articles


class SourceFailed(Message):
    """A source (or one item in it) could not be loaded; the app keeps running."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__()
        self.source = source
        self.reason = reason


class ArticleAnalysed(Message):
    """The extractors finished one article."""

    def __init__(self, article_id: str, analysis: Analysis, error: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.analysis = analysis
        self.error = error
        """Why the extractors failed (the analysis is then empty), else None."""


class IngestProgress(Message):
    """Where loading and analysis stand; bursts are coalesced."""

    def __init__(self, loaded: int, total: int, analysed: int, pending: int) -> None:
        super().__init__()
        self.loaded = loaded
        self.total = total
        self.analysed = analysed
        self.pending = pending

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IngestProgress)
