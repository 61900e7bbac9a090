"""What the dashboard's workers and commands may ask of the running app.

The `e` (export) and `r` (refresh) workers and the command palette are written against
this small protocol, not against `BriefingApp`: they see the handful of things they use,
the app module does not have to be imported to read them, and a test can hand them a
stand-in.  `BriefingApp` satisfies it (mypy checks that where the app passes itself).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Protocol

from textual.binding import BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.theme import Theme
from textual.worker_manager import WorkerManager

from briefing.clock import Clock
from briefing.config import Config
from briefing.store import Store
from briefing.ui.entries import Entry
from briefing.ui.triage import StoreTriage


class Dashboard(Protocol):
    """The running dashboard as its workers and commands see it."""

    BINDINGS: ClassVar[list[BindingType]]
    config: Config
    config_file: Path | None
    """Where `config` was read from (a refresh re-reads its feed list there)."""
    clock: Clock
    store: Store
    triage: StoreTriage
    entries: dict[str, Entry]
    display_zone: str

    @property
    def workers(self) -> WorkerManager: ...

    @property
    def available_themes(self) -> dict[str, Theme]: ...

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any,
                         **kwargs: Any) -> Any: ...

    def post_message(self, message: Message) -> bool: ...

    def zone_cycle(self) -> list[str]: ...

    def focus_pane(self, pane: str) -> None: ...

    def action_export(self) -> None: ...

    def action_timeline(self) -> None: ...

    def action_pick_zone(self) -> None: ...

    def action_cycle_zone(self) -> None: ...

    def action_refresh(self) -> None: ...

    def action_failures(self) -> None: ...
