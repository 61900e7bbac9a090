"""`!`: what could not be loaded, one line per source or feed entry, with the reason.

Failures are not rows of the article list (they have nothing to read); they gather here and
the officer is told once how many there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.ui.safe import one_line


@dataclass(frozen=True, slots=True)
class Failure:
    """One source (or feed entry) that could not be loaded."""

    source: str
    reason: str
    title: str | None = None

    @property
    def name(self) -> str:
        """The entry's headline when the feed gave one, else the file or link."""
        return self.title or self.source


def failures_content(failures: list[Failure]) -> Content:
    if not failures:
        return Content("Every source loaded.")
    lines = [Content.styled(f"{len(failures)} source{'s' * (len(failures) != 1)} could not "
                            "be loaded", "bold underline")]
    for failure in failures:
        lines.append(Content.assemble(("✗ ", "bold $error"), (one_line(failure.name, 160),
                                                               "bold")))
        if failure.title:
            lines.append(Content.assemble("  ", (one_line(failure.source, 200),
                                                 "$text-muted")))
        lines.append(Content.assemble("  ", (one_line(failure.reason, 300), "italic")))
    return Content("\n").join(lines)


class FailuresScreen(ModalScreen[None]):
    """The failures of this session, newest last."""

    DEFAULT_CSS = """
    FailuresScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%; height: 80%;
            border: round $error; background: $panel; padding: 0 1;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,exclamation_mark", "dismiss(None)", "Close", id="failures-close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, failures: list[Failure]) -> None:
        super().__init__()
        self.failures = list(failures)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "FAILED SOURCES"
            scroll.border_subtitle = "escape: close"
            yield Static(failures_content(self.failures), id="failures-body", markup=False)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)()
