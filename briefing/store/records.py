"""What the store hands back besides models: light list rows, triage state, feed state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Note:
    """One officer's current note on an article: a floor keeps every author's."""

    officer: str
    text: str
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Triage:
    """The marks on one article as one officer sees them; survives restarts.

    `read` and `note` are this officer's own; `flagged` is the floor's (the brief is one),
    with who set it last; `notes` holds every author's current note, oldest first.
    """

    article_id: str
    read: bool = False
    flagged: bool = False
    note: str = ""
    flagged_by: str | None = None
    notes: tuple[Note, ...] = ()

    def shown_note(self, officer: str) -> str:
        """The notes as one line for the screen and the brief: the officer's own as
        written, another author's after their name."""
        return " · ".join(n.text if n.officer in (officer, "") else f"{n.officer}: {n.text}"
                          for n in self.notes)


@dataclass(frozen=True, slots=True)
class Listed:
    """One row of the article list: enough to paint it without loading any text."""

    id: str
    title: str
    source: str
    url: str | None
    published: datetime | None
    outlet: str | None
    zone: str | None
    feed: str | None
    triage: Triage


@dataclass(frozen=True, slots=True)
class Added:
    """What `Store.add_many` did: ids new to the store, ids revised in place, and the rest."""

    new: tuple[str, ...] = ()
    revised: tuple[str, ...] = ()
    known: int = 0


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the last fetch of a subscription left behind for the next conditional GET."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    checked: datetime | None = None
    status: int | None = None
    error: str | None = None
    entries: int | None = None
