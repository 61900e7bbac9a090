"""Triage state (read, flagged) behind a small interface.

The dashboard keeps it in memory for now; the store (issue 7) will provide a persistent
implementation of the same protocol, so the UI never learns where flags are kept.
"""

from __future__ import annotations

from typing import Protocol


class Triage(Protocol):
    def is_flagged(self, article_id: str) -> bool: ...

    def set_flagged(self, article_id: str, flagged: bool) -> None: ...

    def is_read(self, article_id: str) -> bool: ...

    def mark_read(self, article_id: str) -> None: ...

    def flagged(self) -> list[str]: ...


class MemoryTriage:
    """Triage that lasts as long as the app; insertion order of flags is kept for the brief."""

    def __init__(self) -> None:
        self._flagged: dict[str, None] = {}
        self._read: set[str] = set()

    def is_flagged(self, article_id: str) -> bool:
        return article_id in self._flagged

    def set_flagged(self, article_id: str, flagged: bool) -> None:
        if flagged:
            self._flagged[article_id] = None
        else:
            self._flagged.pop(article_id, None)

    def is_read(self, article_id: str) -> bool:
        return article_id in self._read

    def mark_read(self, article_id: str) -> None:
        self._read.add(article_id)

    def flagged(self) -> list[str]:
        return list(self._flagged)
