"""What other officers do, as it happens: LISTEN on the floor's channel.

Every flag, note and newly stored article is announced with NOTIFY in the transaction that
saves it (`StoreBase._announce`), so a screen learns of it when it commits, naming only the
articles concerned: no table is read again to find out what changed.  The listener has its
own connection on its own thread; when the server goes away it says so once, tries again
every `RETRY_S`, and says so once more when it is back (the screen then sends what it kept
and reads the marks again, since notifications sent meanwhile were lost).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

from briefing.store.pg import CHANNEL, CONNECT_S, RETRY_S


@dataclass(frozen=True, slots=True)
class FloorEvent:
    """One announced change: `kind` is "flag", "note" or "articles"."""

    kind: str
    ids: tuple[str, ...]
    officer: str


def parse_event(payload: str) -> FloorEvent | None:
    """The event in a notification, or None for one this briefing does not understand."""
    try:
        data = json.loads(payload)
        return FloorEvent(str(data["kind"]), tuple(str(i) for i in data["ids"]),
                          str(data.get("officer", "")))
    except (ValueError, KeyError, TypeError):
        return None


class FloorListener:
    """Calls `on_event` for each change committed by anyone, and `on_status(up)` when the
    server goes away (False) or comes back (True); both from the listener's thread."""

    def __init__(self, url: str, on_event: Callable[[FloorEvent], object],
                 on_status: Callable[[bool], object]) -> None:
        self.url = url
        self._on_event = on_event
        self._on_status = on_status
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="floor-listen", daemon=True)
        self.up = True
        """What the listener last found: the server there (True) or not."""

    def start(self) -> FloorListener:
        self._thread.start()
        return self

    def wait_listening(self, timeout: float = 5.0) -> bool:
        """Block until the first LISTEN is in place (tests and benchmarks)."""
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        import psycopg

        up = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True,
                                     connect_timeout=CONNECT_S) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    if not up:
                        up = self.up = True
                        self._on_status(True)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.25):
                            event = parse_event(note.payload)
                            if event is not None:
                                self._on_event(event)
            except psycopg.Error:
                if up:
                    up = self.up = False
                    self._on_status(False)
                self._stop.wait(RETRY_S)
