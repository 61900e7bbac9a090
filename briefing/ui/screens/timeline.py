"""`t`: every time mention of every loaded article on one axis, sorted by UTC.

Rows are drawn on demand by a line-API view (toolong's pattern), so a zone switch with
10,000 mentions re-formats only the rows on screen.  Each row leads to its article and
sentence; approximate, month-only and unresolved mentions are marked in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Static

from briefing.model import Span, TimeMention
from briefing.ui.entries import Entry
from briefing.ui.safe import one_line
from briefing.ui.widgets.when import mention_content

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    title: str
    mention: TimeMention


def timeline_rows(entries: list[Entry]) -> list[Row]:
    """All mentions sorted by the start of their UTC interval; unresolved ones last."""
    rows = [Row(e.key, e.title, tm) for e in entries if e.analysis for tm in e.analysis.times]
    return sorted(rows, key=lambda r: (r.mention.anchor or _FAR_FUTURE,
                                       r.mention.latest or _FAR_FUTURE))


class TimelineView(ScrollView, can_focus=True):
    """A cursor over rows rendered line by line in the current display zone."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "move(-1000000000)", "First", show=False),
        Binding("end,G", "move(1000000000)", "Last", show=False),
    ]

    def __init__(self, rows: list[Row], zone: str, locale: str, *, id: str | None = None
                 ) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.zone = zone
        self.locale = locale
        self.cursor = 0
        self.virtual_size = Size(0, len(rows))

    def set_zone(self, zone: str) -> None:
        self.zone = zone
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        content = Content.assemble(mention_content(row.mention, self.zone, self.locale, dated=True),
                                   ("  — ", "$text-muted"), one_line(row.title, 120))
        style = self.get_visual_style("timeline--cursor") if index == self.cursor \
            and self.has_focus else self.visual_style
        segments = list(content.render_segments(style))
        strip = Strip(segments).crop_extend(0, width, style.rich_style)
        return strip.simplify()

    def action_move(self, delta: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))
        height = self.scrollable_content_region.height
        if self.cursor < self.scroll_offset.y:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= self.scroll_offset.y + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)
        self.refresh()

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 1))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.rows else None

    def on_click(self, event: object) -> None:
        offset = getattr(event, "y", 0)
        self.cursor = min(len(self.rows) - 1, max(0, self.scroll_offset.y + offset))
        self.refresh()


class TimelineScreen(Screen[tuple[str, Span] | None]):
    """Enter opens the mention in its article; escape goes back; `z` still switches zone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,t", "dismiss(None)", "Back", id="timeline-back"),
        Binding("enter", "open", "Open in article", id="timeline-open"),
    ]

    @property
    def briefing(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        app = self.briefing
        rows = timeline_rows(list(app.entries.values()))
        yield Static(id="timeline-title")
        yield TimelineView(rows, app.display_zone, app.config.locale, id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self._title(self.briefing.display_zone)
        self.watch(self.app, "display_zone", self._zone_changed, init=False)
        self.query_one(TimelineView).focus()

    def _title(self, zone: str) -> None:
        count = len(self.query_one(TimelineView).rows)
        self.query_one("#timeline-title", Static).update(Content.assemble(
            ("TIMELINE", "bold"), f"  {count} time mentions, sorted by UTC, shown in ",
            (f" {zone} ", "bold reverse"),
            ("   wording as written in quotes · [approx] [month only] marked", "$text-muted")))

    def _zone_changed(self, zone: str) -> None:
        self.query_one(TimelineView).set_zone(zone)
        self._title(zone)

    def action_open(self) -> None:
        row = self.query_one(TimelineView).current
        if row is not None:
            self.dismiss((row.key, (row.mention.start, row.mention.end)))
