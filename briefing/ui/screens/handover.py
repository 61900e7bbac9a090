"""`h`: the handover (what changed since the last brief), as `briefing handover` prints it.

Built off the UI thread (it reads the store and groups stories) and shown as plain text:
titles and notes come from articles and officers, and are never read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.clock import Clock
from briefing.store import Store


class HandoverScreen(ModalScreen[None]):
    """The handover text, scrollable; escape, q or h closes it."""

    DEFAULT_CSS = """
    HandoverScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%; height: 80%;
            border: round $primary; background: $panel; padding: 0 1;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,h", "dismiss(None)", "Close", id="handover-close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, store: Store, clock: Clock) -> None:
        super().__init__()
        self._store = store
        self._clock = clock

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "HANDOVER"
            scroll.border_subtitle = "escape: close"
            yield Static(Content("reading the store…"), id="handover-body", markup=False)

    def on_mount(self) -> None:
        self._build()

    @work(thread=True, group="handover", exclusive=True, exit_on_error=False,
          description="building the handover")
    def _build(self) -> None:
        from briefing.handover import build_handover, render_handover
        from briefing.store import StoreError

        try:
            text = render_handover(build_handover(self._store), self._clock())
        except StoreError as exc:
            text = f"The handover cannot be built now: {exc}"
        self.app.call_from_thread(self._show, text)

    def _show(self, text: str) -> None:
        self.query_one("#handover-body", Static).update(Content(text))

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)()
