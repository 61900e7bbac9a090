"""`n`: the officer's note on an article, one line, saved to the store when accepted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.ui.safe import one_line


class NoteDialog(ModalScreen[str | None]):
    """Edit the note: enter keeps it (an empty note removes it), escape leaves it as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="note-cancel"),
    ]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self._title = title
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(Content.styled(one_line(self._title, 200), "bold"), id="note-title")
            yield Input(self._note, placeholder="e.g. check with the duty analyst at 06:00",
                        id="note-input", select_on_focus=False)
            yield Static(Content.styled("enter saves · empty removes the note · esc cancels",
                                        "$text-muted"))

    def on_mount(self) -> None:
        box = self.query_one("#note-dialog")
        box.border_title = "NOTE"
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)
