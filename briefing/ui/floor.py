"""The dashboard on a shared store: other officers' changes arrive, the server may go away.

A `FloorListener` thread hears every flag, note and stored article as it commits (LISTEN/
NOTIFY, `briefing.store.listen`) and posts a message; only the articles named are read
again, on the triage thread so they land after this officer's own pending writes.  When the
server goes away the status line says so and the screen keeps what it has; triage writes
that find it away are kept (`StoreTriage.hold`) and sent, in order, when it is back, and the
marks are read again then, since announcements made meanwhile were not heard.
"""

from __future__ import annotations

import threading
from functools import partial

from briefing.store import StoreError
from briefing.store.listen import FloorListener
from briefing.store.pg import RETRY_S
from briefing.ui.loading import Ingesting
from briefing.ui.messages import ArticlesLoaded, FloorChanged, MarksArrived, StoreReachable
from briefing.ui.widgets.floor_status import FloorStatus


class Floor(Ingesting):
    """Live updates and the offline status for `BriefingApp` (nothing happens on SQLite)."""

    _listener: FloorListener | None = None

    def start_floor(self) -> None:
        if self.store.shared and self.store.url:
            self._listener = FloorListener(
                self.store.url, lambda event: self.post_message(FloorChanged(event)),
                lambda up: self.post_message(StoreReachable(up))).start()

    def stop_floor(self) -> None:
        if self._listener is not None:
            self._listener.stop()

    @property
    def listening(self) -> FloorListener | None:
        """The listener (tests and the benchmark wait for it to be in place)."""
        return self._listener

    def on_floor_changed(self, message: FloorChanged) -> None:
        event = message.event
        if event.kind == "articles":
            if self.listing != "sources":  # a list of given sources stays those sources
                missing = [i for i in event.ids if i not in self.entries]
                if missing:
                    self._fetch(missing)
            return
        for article_id in event.ids:
            self.triage.submit(partial(self._reread, article_id))

    def _reread(self, key: str) -> None:
        """On the triage thread: one article's marks, as saved, to the screen."""
        try:
            marks = self.triage.reload(key)
        except StoreError:
            return  # the server went away again: its return reads every mark
        self.post_message(MarksArrived(key, marks))

    def _fetch(self, ids: list[str]) -> None:
        def run() -> None:
            try:
                articles = [a for i in ids if (a := self.store.article(i)) is not None]
            except StoreError:
                return
            if articles:
                self.post_message(ArticlesLoaded(articles))

        threading.Thread(target=run, name="floor-articles", daemon=True).start()

    def on_marks_arrived(self, message: MarksArrived) -> None:
        self.main.marks_changed(message.key)

    def on_store_reachable(self, message: StoreReachable) -> None:
        status = self.main.query_one(FloorStatus)
        if not message.up:
            status.show_offline(self.store.where, self.triage.held)
            return
        status.hide()
        held = self.triage.held
        self.store.try_again()
        self.triage.flush()
        self.triage.submit(self._catch_up)
        self.notify(f"{self.store.where} is back" + (
            f": sending the {held} change{'s' * (held != 1)} kept here" if held else ""),
            title="Store", markup=False, timeout=6)

    def _catch_up(self) -> None:
        """On the triage thread, after the kept writes: every mark, and the articles stored
        while the server was out of reach."""
        try:
            self.triage.reload_all()
            known = set(self.entries)
            missing = [row.id for row in self.store.listing() if row.id not in known]
        except StoreError:
            return
        self.call_from_thread(self.main.marks_changed, None)
        if missing and self.listing != "sources":
            self._fetch(missing)

    def changes_held(self) -> None:
        """A write found the server away and was kept: say how many are waiting."""
        status = self.main.query_one(FloorStatus)
        status.show_offline(self.store.where, self.triage.held)
        if self._listener is not None and self._listener.up:
            # The listener hears the server, the write did not reach it (a restart's first
            # second): try again shortly rather than wait for an outage that is over.
            self.set_timer(RETRY_S, self._retry_held)

    def _retry_held(self) -> None:
        if self.triage.held and self._listener is not None and self._listener.up:
            self.main.query_one(FloorStatus).hide()
            self.store.try_again()
            self.triage.flush()
