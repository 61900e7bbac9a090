"""The publication clock: one record of when an article was published, read once at loading.

Sources write their publication time in four shapes, and each means something different:

- an **instant**: a time with its offset or zone ("2016-11-09T08:46:26-05:00", an RFC 822
  feed date); it converts to UTC exactly;
- a **local** wall time with no zone ("2016-11-09T08:46:26"); it becomes an instant once the
  source's zone is known (front matter, `--zone`, or the article's dateline);
- a **day** with no clock ("2016-10-12", a `/2016/10/25/` URL path): a known date, which the
  list shows and sorts by, a period filter keeps when it overlaps, and relative times
  ("Thursday") resolve against;
- **unknown**: nothing usable.  Never invented: empty metadata and year-only guesses stay
  unknown, and "now" is never a fallback.

The record keeps the raw text and how it was found, so the officer can see what the source
said; the store, `analyze`, the UI, the brief and the JSON all carry this one record and
nothing parses the raw string again.  Pure and dependency-free (no Textual, no extractor).
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from briefing.clock import valid_zone
from briefing.guard import FIRST_DAY, LAST_DAY, OutsideValueError, shown, within_calendar

ClockKind = Literal["instant", "local", "day", "unknown"]

_ISO = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})"
                  r"(?:[T ](?P<clock>\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?"
                  r"\s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$")
_RFC_ZONE = re.compile(r"\s([A-Za-z]{1,5}|[+-]\d{4})\s*$")
# Zone names RFC 822 defines; any other letters at the end are not trusted.
_RFC822_ZONES = {"UT", "UTC", "GMT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"}
# "/2016/10/25/" or "/2016-10-25/" in a page's address: the day the outlet filed it under.
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)")
# Offsets no real zone uses are refused rather than overflowing date arithmetic later.
_MAX_OFFSET = timedelta(hours=18)
# Feed dates are short; a 20-digit year, hour or offset is no date, and is not parsed.
_MAX_RAW = 200
_LONG_NUMBER = re.compile(r"\d{5,}")
# How far a wall clock can sit from UTC (UTC-12 to UTC+14): the bounds of a wall time or a
# day whose zone is unknown, here and for the times an article mentions.
ZONE_WEST, ZONE_EAST = timedelta(hours=12), timedelta(hours=14)


@dataclass(frozen=True, slots=True)
class PubClock:
    """When an article was published, in the shape the source gave it."""

    kind: ClockKind = "unknown"
    raw: str | None = None
    """The publication string exactly as the source wrote it."""
    found: str | None = None
    """How it was found: "meta", "feed", "front matter", "url", "given", ..."""
    moment: datetime | None = None
    """"instant": aware, in the offset or zone written; "local": the naive wall time."""
    day: date | None = None
    """The calendar day in the source's wall clock (every kind but "unknown")."""
    zone: str | None = None
    """IANA zone of the source's wall clock, when known."""
    zone_found: str | None = None
    """How the zone was found: "front matter", "given", "dateline"."""
    note: str | None = None
    """Why a string could not be read, or what was kept of it."""

    # -- what every layer asks ---------------------------------------------------------------

    @property
    def utc(self) -> datetime | None:
        """The UTC instant, when the source gave one (or a zone made its wall time one)."""
        return self.moment.astimezone(UTC) if self.kind == "instant" and self.moment else None

    @property
    def known(self) -> bool:
        return self.kind != "unknown"

    @property
    def anchor(self) -> datetime | date | None:
        """What relative times resolve against, in the source's own wall clock."""
        if self.kind == "instant" and self.moment is not None:
            return self.moment.astimezone(ZoneInfo(self.zone)) if self.zone else self.moment
        if self.kind == "local":
            return self.moment
        return self.day

    @property
    def window(self) -> tuple[datetime, datetime] | None:
        """The UTC interval the publication may lie in: a point for an instant, the day in
        its zone for a zoned day, and every zone's reading of the day or wall time else."""
        if self.kind == "instant" and self.moment is not None:
            point = self.moment.astimezone(UTC)
            return point, point
        if self.kind == "local" and self.moment is not None:
            wall = self.moment.replace(tzinfo=UTC)
            return wall - ZONE_EAST, wall + ZONE_WEST
        if self.kind == "day" and self.day is not None:
            start = datetime.combine(self.day, time())
            end = start + timedelta(days=1)
            if self.zone:
                tz = ZoneInfo(self.zone)
                return (start.replace(tzinfo=tz).astimezone(UTC),
                        end.replace(tzinfo=tz).astimezone(UTC))
            return (start.replace(tzinfo=UTC) - ZONE_EAST,
                    end.replace(tzinfo=UTC) + ZONE_WEST)
        return None

    @property
    def sort_key(self) -> datetime | None:
        """An instant to order articles by: the instant itself, else the middle of the window
        (a day-only article sorts at its day's noon, among that day's articles)."""
        window = self.window
        if window is None:
            return None
        return window[0] + (window[1] - window[0]) / 2

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether the publication may fall in [start, end] (a day overlapping is kept)."""
        window = self.window
        return window is not None and window[0] <= end and window[1] >= start

    # -- changing it -----------------------------------------------------------------------------

    def with_zone(self, zone: str | None, how: str, *, inferred: bool = False) -> PubClock:
        """The clock read in `zone` (found by `how`), where that adds what it lacks.

        A local wall time becomes an instant; a day gets its exact bounds.  An instant keeps
        its instant: a zone the officer or the author gave re-reads its day, while an
        `inferred` zone (a dateline) is taken only when it has the written offset at that
        instant (a wire desk elsewhere keeps its offset, and the zone stays unknown).
        """
        zone = valid_zone(zone)
        if zone is None or (self.zone and inferred):
            return self
        tz = ZoneInfo(zone)
        if self.kind == "local" and self.moment is not None:
            aware = self.moment.replace(tzinfo=tz)
            try:
                within_calendar(aware)
            except OutsideValueError:
                return self
            return replace(self, kind="instant", moment=aware, zone=zone, zone_found=how)
        if self.kind == "instant" and self.moment is not None:
            try:
                agrees = self.moment.astimezone(tz).utcoffset() == self.moment.utcoffset()
            except (OverflowError, ValueError):
                return self
            if inferred and not agrees:
                return self
            how = f"{how}, agreeing with the offset" if inferred else how
            return replace(self, zone=zone, zone_found=how,
                           day=self.moment.astimezone(tz).date())
        return replace(self, zone=zone, zone_found=how)

    # -- JSON and the store ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        moment = self.moment.isoformat() if self.moment is not None else None
        return {"kind": self.kind, "raw": self.raw, "found": self.found, "moment": moment,
                "day": self.day.isoformat() if self.day else None, "zone": self.zone,
                "zone_found": self.zone_found, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PubClock:
        if not data:
            return cls()
        kind = data.get("kind")
        if kind not in ("instant", "local", "day", "unknown"):
            return cls(raw=data.get("raw"), found=data.get("found"))
        try:
            moment = datetime.fromisoformat(data["moment"]) if data.get("moment") else None
            day = date.fromisoformat(data["day"]) if data.get("day") else None
        except (TypeError, ValueError):  # a damaged record: unknown, as a bad source would be
            return cls(raw=data.get("raw"), found=data.get("found"))
        return cls(kind, data.get("raw"), data.get("found"), moment, day,
                   valid_zone(data.get("zone")), data.get("zone_found"), data.get("note"))


UNKNOWN = PubClock()


def read_clock(raw: str | None, *, found: str | None = None, zone: str | None = None,
               zone_found: str | None = None) -> PubClock:
    """The clock a raw publication string gives: ISO 8601, RFC 822, or a bare date.

    `zone` (an IANA name from front matter or the command line) is the source's wall clock:
    it turns a local time into an instant and bounds a day exactly.  A string that is none of
    these shapes, or an impossible value, is unknown with a note; never a guess.
    """
    zone = valid_zone(zone)
    if not raw or not raw.strip():
        return PubClock(zone=zone, zone_found=zone_found if zone else None)
    text = raw.strip()[:_MAX_RAW]
    try:
        clock = _inside_calendar(_read_iso(text) or _read_rfc822(text), text)
    except (ValueError, OverflowError, TypeError, IndexError):
        clock = PubClock(note=f"publication date {shown(text, 60)} is not a real date; "
                              "left unknown")
    clock = replace(clock, raw=raw, found=found)
    if clock.kind == "unknown":
        return replace(clock, zone=zone, zone_found=zone_found if zone else None)
    return clock.with_zone(zone, zone_found or "given")


def _inside_calendar(clock: PubClock, text: str) -> PubClock:
    """`clock`, or unknown with a note when it lies at the calendar's edge (year 1 or 9999
    once its offset is applied): there every later step (the UTC instant, the day's window,
    a period's arithmetic) would overflow, and no article was published there."""
    if clock.kind == "instant" and clock.moment is not None:
        try:
            within_calendar(clock.moment)
        except OutsideValueError:
            return PubClock(note=f"publication time {shown(text, 60)} lies at the calendar's "
                                 "edge; left unknown")
    if clock.day is not None and not FIRST_DAY <= clock.day <= LAST_DAY:
        return PubClock(note=f"publication date {shown(text, 60)} lies at the calendar's edge; "
                             "left unknown")
    return clock


def _offset_ok(moment: datetime) -> bool:
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > _MAX_OFFSET:
        return False
    try:
        moment.astimezone(UTC)
    except OverflowError:  # 9999-12-31 late in the day at -14:00: past the calendar's edge
        return False
    return True


def _read_iso(text: str) -> PubClock | None:
    match = _ISO.match(text)
    if not match:
        compact = _COMPACT.match(text)
        if not compact:
            return None
        y, mo, d, h, mi, s, off = compact.groups()
        text = f"{y}-{mo}-{d}" + (f"T{h}:{mi}:{s or '00'}" if h else "") + (off or "")
        match = _ISO.match(text)
        if not match:
            return None
    day = date.fromisoformat(match.group("day"))
    if not match.group("clock"):
        return PubClock("day", day=day)  # an offset on a bare date says nothing of the clock
    offset = match.group("offset")
    stamp = f"{match.group('day')}T{match.group('clock').replace(',', '.')}"
    if offset:
        offset = "+00:00" if offset == "Z" else offset
        if len(offset) == 3:
            offset += ":00"
        stamp += offset
    return _from_datetime(datetime.fromisoformat(stamp), text)


def _read_rfc822(text: str) -> PubClock:
    if _LONG_NUMBER.search(text):  # a 20-digit year, hour or offset: no date, and no parsing
        return PubClock(note=f"publication date {shown(text, 60)} has a number no date has; "
                             "left unknown")
    zone_match = _RFC_ZONE.search(text)
    written_zone = zone_match.group(1) if zone_match else None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        moment = None
    if moment is None:
        return PubClock(note=f"publication date {shown(text, 60)} could not be read; "
                             "left unknown")
    if written_zone and not written_zone.startswith(("+", "-")) and \
            written_zone.upper() not in _RFC822_ZONES:
        return PubClock("local", moment=moment.replace(tzinfo=None), day=moment.date(),
                        note=f"publication zone {written_zone!r} is not a standard RFC 822 "
                             "zone; read as a wall time")
    return _from_datetime(moment, text)


def _from_datetime(moment: datetime, text: str | None) -> PubClock:
    """A parsed datetime as a clock: naive is a local wall time, an offset past any real
    clock keeps only its date; `text` (the string it was read from) words the notes."""
    if moment.tzinfo is None:
        note = f"publication time {text!r} has no zone" if text else None
        return PubClock("local", moment=moment, day=moment.date(), note=note)
    if not _offset_ok(moment):
        note = (f"publication offset in {text!r} is not a real offset; the date kept"
                if text else None)
        return PubClock("day", day=moment.date(), note=note)
    return PubClock("instant", moment=moment, day=moment.date())


def clock_from_url(url: str | None) -> PubClock:
    """The day a page's address files it under ("/2016/10/25/"), else unknown."""
    match = _URL_DAY.search(url or "")
    if not match:
        return UNKNOWN
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return UNKNOWN
    return PubClock("day", raw=match.group(0).strip("/"), found="url path", day=day)


def clock_of(value: PubClock | str | date | datetime | None, zone: str | None = None,
             found: str = "given") -> PubClock:
    """A caller's `published` (a clock, a string, a date or a datetime) as a clock."""
    if isinstance(value, PubClock):
        return value.with_zone(zone, "given") if zone else value
    if isinstance(value, str):
        return read_clock(value, found=found, zone=zone, zone_found="given")
    if isinstance(value, datetime):
        clock = replace(_from_datetime(value, None), raw=value.isoformat(), found=found)
        return clock.with_zone(zone, "given")
    if isinstance(value, date):
        return PubClock("day", raw=value.isoformat(), found=found, day=value).with_zone(
            zone, "given")
    zone = valid_zone(zone)
    return PubClock(zone=zone, zone_found="given" if zone else None)
