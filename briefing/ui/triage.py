"""Triage marks (read, flagged, note) as the dashboard sees them: the store, with a cache.

Every row of the list asks for its marks on each repaint, filter keystroke and zone switch;
asking SQLite each time is three queries a row (about 0.1 s at 1,000 rows), so the marks are
read once with the store's `listing()` and kept here.  Writes go to the store first and the
cache takes the store's answer, so a failed write (`StoreError`) leaves the screen showing
what is really saved.
"""

from __future__ import annotations

from typing import Protocol

from briefing.model import Article
from briefing.store import Store
from briefing.store import Triage as Marks


class Triage(Protocol):
    """What the list and the brief read; `StoreTriage` is the implementation."""

    def is_flagged(self, article_id: str) -> bool: ...

    def is_read(self, article_id: str) -> bool: ...

    def note(self, article_id: str) -> str: ...

    def flagged(self) -> list[str]: ...


class StoreTriage:
    """The store's marks, cached per article id; writes raise `StoreError` when not saved."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._marks: dict[str, Marks] = {row.id: row.triage for row in store.listing()}

    def marks(self, article_id: str) -> Marks:
        found = self._marks.get(article_id)
        if found is None:  # new since start-up, or revised in place under a new id
            found = self._marks[article_id] = self.store.triage(article_id)
        return found

    def is_flagged(self, article_id: str) -> bool:
        return self.marks(article_id).flagged

    def is_read(self, article_id: str) -> bool:
        return self.marks(article_id).read

    def note(self, article_id: str) -> str:
        return self.marks(article_id).note

    def flagged(self) -> list[str]:
        """In the order they were flagged (the brief leads with them in that order)."""
        return self.store.flagged()

    # Writes take the Article itself: the store adds it if it has not seen it yet.
    def set_flagged(self, article: Article, flagged: bool) -> Marks:
        return self._keep(article.id, self.store.set_flag(article, flagged))

    def mark_read(self, article: Article) -> Marks:
        return self._keep(article.id, self.store.mark_read(article))

    def set_note(self, article: Article, note: str) -> Marks:
        return self._keep(article.id, self.store.set_note(article, note))

    def _keep(self, article_id: str, marks: Marks) -> Marks:
        self._marks[article_id] = marks
        return marks
