"""The anchor every relative expression is read against, and the shape of one reading."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import cached_property

from briefing.extract.context import Context
from briefing.extract.when import tense
from briefing.extract.when.zones import offset_zone, to_utc, tz_for
from briefing.geo import places
from briefing.model import TimeType


@dataclass
class Reading:
    """What one expression means before it becomes a `TimeMention`.

    `start`/`end` are naive wall-clock times in `zone` (end exclusive) unless `utc` is set,
    in which case they are already UTC instants.
    """

    type: TimeType
    value: str
    mod: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    utc: bool = False
    zone: str | None = None
    basis: str | None = None
    flags: list[str] = field(default_factory=list)
    confidence: float = 0.85
    day: date | None = None
    """The calendar day this reading names, for clock times in the same sentence."""


def _nearest(named: list[tuple[int, str, str]], at: int,
             within: tuple[int, int] | None) -> str | None:
    """The zone of the place nearest `at` (within a span, if given): by bisection, so a long
    paragraph with many times and places stays linear."""
    if not named:
        return None
    index = bisect.bisect_left(named, (at,))
    best: tuple[int, str] | None = None
    for pos, zone, _ in named[max(0, index - 1):index + 1]:
        if within is not None and not within[0] <= pos < within[1]:
            continue
        if best is None or abs(pos - at) < best[0]:
            best = (abs(pos - at), zone)
    return best[1] if best else None


@dataclass
class Reference:
    ctx: Context
    _paragraph_places: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.ctx.text

    @property
    def day(self) -> date | None:
        return self.ctx.published_date

    @property
    def pub(self) -> datetime | None:
        return self.ctx.published

    @cached_property
    def source_zone(self) -> str | None:
        """The source's IANA zone, else its publication offset written as "UTC+05:30"."""
        if self.ctx.zone:
            return self.ctx.zone
        if self.pub is not None and self.pub.utcoffset() is not None:
            offset = self.pub.utcoffset()
            assert offset is not None
            return offset_zone(offset)
        return None

    @cached_property
    def dateline(self) -> tuple[str, str | None, str | None] | None:
        return places.dateline(self.text)

    @cached_property
    def country_hint(self) -> str | None:
        """The country the article reports from: its dateline's, else its source zone's."""
        if self.dateline and self.dateline[2]:
            return self.dateline[2]
        return places.zone_country(self.ctx.zone)

    def _places(self, paragraph: int) -> list[tuple[int, str, str]]:
        """Places with a known clock in one paragraph, found once however many times it has."""
        found = self._paragraph_places.get(paragraph)
        if found is None:
            start, end = self.ctx.seg.paragraphs[paragraph]
            found = places.places_in(self.text, start, end, self.country_hint)
            self._paragraph_places[paragraph] = found
        return found

    def zone_for(self, at: int, *, local_time: bool = False, near_places: bool = True
                 ) -> tuple[str | None, str]:
        """(zone, basis) for an expression at `at` that names no zone of its own.

        News gives an event's time in the clock of the place it happens: a place named in the
        same sentence ("landed at an airport in Ohio at 10.45pm") comes first, the nearest
        one winning; then the dateline; then a place in the same paragraph when the time says
        "local time" or the source's zone is unknown; then the source's zone.  None when
        nothing says: such a time is shown as written, never converted as if it were UTC.
        A month or a year (`near_places` off) is not pinned to the town named beside it.
        """
        if not self.ctx.seg.paragraphs:
            return self.source_zone, "publication" if self.source_zone else "unknown"
        named = self._places(self.ctx.seg.paragraph_index(at)) if near_places else []
        in_sentence = _nearest(named, at, self.sentence(at))
        if in_sentence:
            return in_sentence, "place"
        if self.dateline and self.dateline[1]:
            return self.dateline[1], "dateline"
        in_paragraph = _nearest(named, at, None)
        if in_paragraph and (local_time or not self.source_zone):
            return in_paragraph, "place"
        if self.source_zone:
            return self.source_zone, "publication"
        return None, "unknown"

    @cached_property
    def countries(self) -> set[str]:
        codes = places.countries_named(self.text)
        if self.dateline and self.dateline[2]:
            codes.add(self.dateline[2])
        return codes

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.ctx.seg.sentence_at(offset)

    def direction(self, start: int, end: int, *, whole_clause: bool = False) -> tense.Direction:
        return tense.direction(self.text, start, end, self.sentence(start),
                               whole_clause=whole_clause)

    def tz(self, zone: str | None) -> tzinfo:
        return tz_for(zone) if zone else UTC

    def to_utc(self, wall: datetime, zone: str | None) -> tuple[datetime, tuple[str, ...]]:
        return to_utc(wall, self.tz(zone))
