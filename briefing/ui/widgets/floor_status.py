"""The floor's status line: shown only while the shared store's server is out of reach.

It says what the officer needs to keep working: the screen still holds what was loaded,
and how many of their changes are kept here to be sent when the server is back.  Hidden (no
space taken) the rest of the time, so a desk on its own SQLite file never sees it.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class FloorStatus(Static):
    """One line above the footer; `show_offline` and `hide` are the only calls."""

    DEFAULT_CSS = """
    FloorStatus {
        display: none;
        height: 1;
        padding: 0 1;
        background: $error-muted;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        &.-offline {
            display: block;
        }
    }
    """

    def show_offline(self, where: str, held: int) -> None:
        kept = (f"{held} change{'s' * (held != 1)} kept here, sent when it is back" if held
                else "changes made now are kept here and sent when it is back")
        self.update(Content.assemble(
            ("⚠ store offline: ", "bold"),
            f"{where} cannot be reached; showing what was loaded; {kept}"))
        self.add_class("-offline")

    def hide(self) -> None:
        self.remove_class("-offline")

    @property
    def offline(self) -> bool:
        return self.has_class("-offline")
