"""Triage marks (read, flagged, note) as the dashboard sees them: the store, with a cache.

Every row of the list asks for its marks on each repaint, filter keystroke and zone switch;
asking SQLite each time is three queries a row (about 0.1 s at 1,000 rows), so the marks are
read once with the store's `listing()` and kept here.  Writes go to the store first and the
cache takes the store's answer, so a failed write (`StoreError`) leaves the screen showing
what is really saved.

Writes run on one thread of their own (`submit`), never on the UI thread: each is a
`BEGIN IMMEDIATE`, which waits up to the store's busy timeout (5 s) while `briefing refresh`
in another terminal holds the write lock, and a key press must not wait for that.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from briefing.model import Article
from briefing.store import Store, StoreError
from briefing.store import Triage as Marks


class TriageView(Protocol):
    """What the list and the brief read; `StoreTriage` is the implementation."""

    def is_flagged(self, article_id: str) -> bool: ...

    def is_read(self, article_id: str) -> bool: ...

    def note(self, article_id: str) -> str: ...

    def shown_note(self, article_id: str) -> str: ...

    def flagged(self) -> list[str]: ...


class StoreTriage:
    """The store's marks, cached per article id; writes raise `StoreError` when not saved."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._marks: dict[str, Marks] = {row.id: row.triage for row in store.listing()}
        # One thread, so writes land in the order asked ("f f" flags, then unflags).
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="triage-write")
        self._queued = 0
        self._count = threading.Lock()
        self._closed = False
        self._held: deque[Callable[[], object]] = deque()
        """Writes the server was not there for, in the order asked: sent when it is back."""

    def submit(self, write: Callable[[], object]) -> None:
        """Run `write` on the triage thread after every write asked for before it.

        `write` reports its own outcome (the screen posts a message); an exception escaping it
        would be lost, so callers catch what they can report.
        """
        with self._count:
            self._queued += 1
        future = self._writer.submit(write)
        future.add_done_callback(self._finished)

    def _finished(self, _: Future[object]) -> None:
        with self._count:
            self._queued -= 1

    @property
    def idle(self) -> bool:
        """No write queued or running.  While one waits for the SQLite lock it holds the
        store's connection lock too, so the UI thread then leaves the store alone."""
        return self._queued == 0

    def close(self) -> None:
        """Finish the writes already asked for (each bounded by the busy timeout): a flag
        set just before quitting is saved, not dropped."""
        self.flush()
        self._closed = True
        self._writer.shutdown(wait=True)

    # --- the shared store's server away: keep the writes, send them when it is back -------

    def hold(self, write: Callable[[], object]) -> None:
        """Keep `write` (which found the server away) to send again by `flush`."""
        with self._count:
            self._held.append(write)

    @property
    def held(self) -> int:
        """Changes asked for and not yet saved because the server was away."""
        return len(self._held)

    def flush(self) -> None:
        """Send the kept writes again, in the order they were asked for (one that finds the
        server away again is kept again by its own `write`)."""
        with self._count:
            waiting, self._held = list(self._held), deque()
        for write in waiting:
            self.submit(write)

    def reload(self, article_id: str) -> Marks:
        """Read one article's marks again (another officer changed them); any thread."""
        marks = self.store.triage(article_id)
        self._marks[article_id] = marks
        return marks

    def reload_all(self) -> None:
        """Read every mark again (the server is back: changes announced while it was away
        were not heard)."""
        self._marks.update({row.id: row.triage for row in self.store.listing()})

    def learn(self, article_ids: Iterable[str]) -> None:
        """Read the marks of articles just added (from a worker thread), so painting their
        rows does not ask the store from the UI thread."""
        missing = set(article_ids) - self._marks.keys()
        if missing:
            for row in self.store.listing():
                if row.id in missing:
                    self._marks.setdefault(row.id, row.triage)

    def marks(self, article_id: str) -> Marks:
        found = self._marks.get(article_id)
        if found is None:  # new since start-up, or revised in place under a new id
            try:
                found = self._marks[article_id] = self.store.triage(article_id)
            except StoreError:  # the server is away: no marks known yet, asked again later
                return Marks(article_id)
        return found

    def is_flagged(self, article_id: str) -> bool:
        return self.marks(article_id).flagged

    def is_read(self, article_id: str) -> bool:
        return self.marks(article_id).read

    def note(self, article_id: str) -> str:
        """This officer's own note (what `n` edits)."""
        return self.marks(article_id).note

    def shown_note(self, article_id: str) -> str:
        """Every author's note, as the screen and the brief show them."""
        return self.marks(article_id).shown_note(self.store.officer)

    def flagged(self) -> list[str]:
        """In the order they were flagged (the brief leads with them in that order), once
        the writes already asked for are saved: `f` then `e` briefs the article just
        flagged.  Waits for the triage thread, so call it off the UI thread."""
        if self._closed:
            return self.store.flagged()
        return self._writer.submit(self.store.flagged).result()

    # Writes take the Article itself: the store adds it if it has not seen it yet.  They
    # block: call them through `submit`, never from the UI thread.
    def set_flagged(self, article: Article, flagged: bool, uid: str | None = None) -> Marks:
        return self._keep(article.id, self.store.set_flag(article, flagged, uid=uid))

    def mark_read(self, article: Article) -> Marks:
        return self._keep(article.id, self.store.mark_read(article))

    def set_note(self, article: Article, note: str, uid: str | None = None) -> Marks:
        return self._keep(article.id, self.store.set_note(article, note, uid=uid))

    def _keep(self, article_id: str, marks: Marks) -> Marks:
        self._marks[article_id] = marks
        return marks
