"""The project's zone-abbreviation table, and wall-clock -> UTC conversion with DST flags.

The table is our own (briefing/geo/data/zones.tsv) because no installed library maps news
abbreviations to IANA zones while admitting that "IST" or "CST" name several zones: pytz and
dateparser each pick one silently.  zoneinfo does the arithmetic.  Reading a zone name
(`tz_for`, `parse_offset`, `fixed_label`) is shared with rendering: briefing/extract/zonename.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from briefing.core.zonename import fixed_label, offset_zone, parse_offset, tz_for
from briefing.geo.gazetteer import DATA as GEO_DATA

__all__ = ["ZoneRow", "fixed_label", "literal_to_utc", "lookup", "offset_zone", "parse_offset",
           "to_utc", "tz_for", "uses_abbreviation", "zone_keys"]

_TABLE = GEO_DATA / "zones.tsv"


@dataclass(frozen=True, slots=True)
class ZoneRow:
    key: str
    zone: str
    country: str | None
    offset: timedelta | None
    """The literal offset an abbreviation names; None for a DST-following name ("ET")."""
    kind: str


@cache
def _rows() -> dict[str, tuple[ZoneRow, ...]]:
    table: dict[str, list[ZoneRow]] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, zone, country, offset, kind = line.split("\t")
        row = ZoneRow(key, zone, None if country == "-" else country,
                      None if offset == "-" else parse_offset(offset), kind)
        table.setdefault(key.upper(), []).append(row)
    return {k: tuple(v) for k, v in table.items()}


def zone_keys() -> list[str]:
    return list(_rows())


def lookup(key: str) -> tuple[ZoneRow, ...]:
    """Every row for an abbreviation or zone word; more than one means it is ambiguous."""
    return _rows().get(key.upper(), ())


_DAY = timedelta(days=1)


def to_utc(wall: datetime, tz: tzinfo) -> tuple[datetime, tuple[str, ...]]:
    """A naive wall-clock time in `tz` as UTC, flagging a DST gap or fold.

    In a fold the earlier instant is taken; in a gap the wall time does not exist and the
    pre-transition offset is applied (zoneinfo's fold=0 rule), both flagged for the officer.
    Away from a transition (the offset a day before equals the one a day after) the offset
    is read from the naive time directly: `datetime.replace` costs more than the rest of a
    conversion, and every resolved mention converts two bounds.
    """
    offset = tz.utcoffset(wall)
    try:
        settled = tz.utcoffset(wall - _DAY) == tz.utcoffset(wall + _DAY)
    except OverflowError:  # year 1 or 9999: "the 1st century"
        settled = False
    if settled and offset is not None:
        return (wall - offset).replace(tzinfo=UTC), ()
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    flags: tuple[str, ...] = ()
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        flags = ("dst_gap",) if back != wall else ("dst_fold",)
    return first.astimezone(UTC), flags


def literal_to_utc(wall: datetime, row: ZoneRow, region: str) -> tuple[datetime, tuple[str, ...]]:
    """Apply an abbreviation's literal offset; flag it when the region was then on the other
    half of its DST cycle ("EST" written in July keeps -05:00 but says so)."""
    assert row.offset is not None
    moment = wall.replace(tzinfo=timezone(row.offset)).astimezone(UTC)
    actual = moment.astimezone(ZoneInfo(region)).utcoffset()
    return moment, (("season_mismatch",) if actual != row.offset else ())


@cache
def uses_abbreviation(zone: str, abbr: str, year: int) -> bool:
    """Does `zone` call its own time `abbr` in some season of `year`? ("EST" in New York)."""
    try:
        tz = ZoneInfo(zone)
    except (ValueError, KeyError):
        return False
    names = {datetime(year, m, 15, 12, tzinfo=tz).tzname() for m in (1, 7)}
    return abbr.upper() in names
