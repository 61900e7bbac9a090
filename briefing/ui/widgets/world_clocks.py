"""The header: the zone in force (always visible) and a row of world clocks.

Time comes from the app's injected clock, never the host's, so a snapshot at a fixed
`BRIEFING_NOW` is stable; the clocks tick every 15 seconds for a live officer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.clock import Clock
from briefing.ui.timeview import city, format_clock, zone_label


def zone_in_force(zone: str, now: datetime, locale: str) -> str:
    """The header's name for the display zone: "America/New_York EST −05:00 / EDT −04:00".

    The times on screen carry no abbreviation, and a July mention is shown at −04:00 while
    "now" in December is −05:00; naming only now's offset would contradict them.  So a zone
    with summer time names both offsets of `now`'s year, the one in force now first.
    """
    moments = (now, now.replace(month=1, day=1), now.replace(month=7, day=1))
    labels = list(dict.fromkeys(zone_label(zone, moment) for moment in moments))
    if len(labels) == 1:
        return labels[0]
    return f"{zone} " + " / ".join(label.removeprefix(f"{zone} ") for label in labels)


def clocks_content(now_zones: Sequence[tuple[str, str]], clock: Clock, display: str,
                   locale: str) -> Content:
    """'Zulu 06:00 │ local New York 01:00 │ ...'; the zone in force is marked."""
    now = clock()
    parts: list[Content] = []
    for label, zone in now_zones:
        style = "bold reverse" if zone == display else ""
        text = f" {label} {format_clock(now, zone, locale=locale)} "
        parts.append(Content.styled(text, style))
    return Content(" │ ").join(parts)


class ZoneHeader(Vertical):
    """Two lines: title, zone in force and progress; then the world clocks."""

    def __init__(self, clock: Clock, local: str, zones: Sequence[str], locale: str,
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clock = clock
        self._locale = locale
        self._zones: list[tuple[str, str]] = [("Zulu", "UTC"), (f"local {city(local)}", local)]
        self._zones += [(city(z), z) for z in zones if z not in {"UTC", local}]
        self._display = "UTC"
        self._status = ""
        self._listing = ""

    def compose(self) -> ComposeResult:
        yield Static(id="zone-line")
        yield Static(id="clock-line")

    def on_mount(self) -> None:
        self.refresh_all()
        self.set_interval(15, self.refresh_clocks)

    def set_zone(self, zone: str) -> None:
        self._display = zone
        self.refresh_all()

    def set_listing(self, listing: str) -> None:
        """What the list holds (the sources given, the store, the samples)."""
        self._listing = listing
        self.refresh_zone_line()

    def set_status(self, status: str) -> None:
        self._status = status
        self.refresh_zone_line()

    def refresh_all(self) -> None:
        self.refresh_zone_line()
        self.refresh_clocks()

    def refresh_zone_line(self) -> None:
        label = zone_in_force(self._display, self._clock(), self._locale)
        line = Content.assemble(("BRIEFING", "bold"), "  zone in force: ",
                                (f" {label} ", "bold reverse"),
                                (f"  {self._listing}", "$text-muted") if self._listing else "",
                                (f"  {self._status}", "italic") if self._status else "")
        self.query_one("#zone-line", Static).update(line)

    def refresh_clocks(self) -> None:
        content = clocks_content(self._zones, self._clock, self._display, self._locale)
        self.query_one("#clock-line", Static).update(content)
