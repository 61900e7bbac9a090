"""The anchor every relative expression is read against, and the shape of one reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import cached_property

from briefing.extract.context import Context
from briefing.extract.when import places, tense
from briefing.extract.when.zones import offset_zone, to_utc, tz_for


@dataclass
class Reading:
    """What one expression means before it becomes a `TimeMention`.

    `start`/`end` are naive wall-clock times in `zone` (end exclusive) unless `utc` is set,
    in which case they are already UTC instants.
    """

    type: str
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


@dataclass
class Reference:
    ctx: Context

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
    def local(self) -> tuple[str | None, str]:
        """(zone, basis) for expressions that name no zone: the dateline's, else the source's."""
        if self.dateline and self.dateline[1]:
            return self.dateline[1], "dateline"
        if self.source_zone:
            return self.source_zone, "publication"
        return None, "assumed_utc"

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
