"""App-wide events from the loading and analysis workers (posted from worker threads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from briefing.model import Analysis, Article

if TYPE_CHECKING:
    from briefing.store import Triage as Marks
    from briefing.store.listen import FloorEvent
    from briefing.subscriptions import FeedOutcome


class ArticlesLoaded(Message):
    """A source produced articles."""

    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles


class SourceFailed(Message):
    """A source (or one item in it) could not be loaded; the app keeps running."""

    def __init__(self, source: str, reason: str, title: str | None = None) -> None:
        super().__init__()
        self.source = source
        self.reason = reason
        self.title = title


@dataclass(frozen=True, slots=True)
class Analysed:
    """One article's analysis; `error` says why the extractors failed (analysis then empty)."""

    article_id: str
    analysis: Analysis
    error: str | None = None


class ArticlesAnalysed(Message):
    """A batch of analyses: cached ones arrive hundreds at a time, fresh ones one by one."""

    def __init__(self, results: list[Analysed]) -> None:
        super().__init__()
        self.results = results


class FeedRefreshed(Message):
    """`r`: one subscription was fetched; `articles` are the entries new to the store."""

    def __init__(self, outcome: FeedOutcome, articles: list[Article]) -> None:
        super().__init__()
        self.outcome = outcome
        self.articles = articles


class RefreshFinished(Message):
    """`r` is done: how many feeds were fetched, and the store error that stopped it, if any."""

    def __init__(self, feeds: int, new: int, failed: int, error: str | None = None) -> None:
        super().__init__()
        self.feeds = feeds
        self.new = new
        self.failed = failed
        self.error = error


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


class TriageSaved(Message):
    """A triage write finished on its thread: `marks` as saved, or `error` saying why not.

    `then` runs on the UI thread once the write is saved (say, the "Flagged" notice), so the
    screen never announces a mark the store does not hold.
    """

    def __init__(self, key: str, marks: Marks | None, error: str | None = None,
                 then: Callable[[Marks], object] | None = None, *, held: bool = False) -> None:
        super().__init__()
        self.key = key
        self.marks = marks
        self.error = error
        self.then = then
        self.held = held
        """Not saved because the server is away: kept, and sent when it is back."""


class FloorChanged(Message):
    """Another officer (or this one, elsewhere) flagged, noted or stored articles."""

    def __init__(self, event: FloorEvent) -> None:
        super().__init__()
        self.event = event


class MarksArrived(Message):
    """An article's marks as the store now holds them, after another officer's change."""

    def __init__(self, key: str, marks: Marks) -> None:
        super().__init__()
        self.key = key
        self.marks = marks


class StoreReachable(Message):
    """The shared store's server went away (False) or came back (True)."""

    def __init__(self, up: bool) -> None:
        super().__init__()
        self.up = up
