"""Clock times, ISO stamps and DTGs: the wall time, its zone, and the day it falls on."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from briefing.extract.when import lexicon
from briefing.extract.when.reference import Reading, Reference
from briefing.extract.when.zones import (
    ZoneRow,
    fixed_label,
    literal_to_utc,
    lookup,
    offset_zone,
    parse_offset,
    uses_abbreviation,
)
from briefing.geo.places import place_zone

Groups = dict[str, str | None]
_MILITARY = {chr(c): c - 64 for c in range(ord("A"), ord("J"))}
_MILITARY.update({chr(c): c - 65 for c in range(ord("K"), ord("N"))})
_MILITARY.update({chr(c): -(c - 77) for c in range(ord("N"), ord("Z"))})
_MILITARY["Z"] = 0
_MONTH3 = {m[:3].upper(): n for m, n in lexicon.MONTHS.items()}
# How far a clock time may sit on the wrong side of publication before its day is moved.
_SLACK = timedelta(minutes=30)
# "before midnight", "by 5 p.m.": a deadline is not moved back a day by a past-tense verb.
_DEADLINE = re.compile(r"\b(?:before|by|until|till)\s+$", re.IGNORECASE)


def wall_time(g: Groups) -> tuple[int, int, int, bool] | None:
    """(hour, minute, second, is_midnight) from the finder's groups; None if impossible."""
    word = (g.get("word") or "").lower()
    if word:
        midnight = "midnight" in word
        return (0 if midnight else 12), 0, 0, midnight
    hour, minute = int(g["h"] or 0), int(g.get("m") or 0)
    ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
    return hour, minute, int(g.get("s") or 0), False


def _choose(rows: tuple[ZoneRow, ...], ref: Reference) -> tuple[ZoneRow, str, list[str]]:
    """An ambiguous abbreviation read from the article: dateline, publication, places named."""
    if len(rows) == 1:
        return rows[0], "explicit", []
    dl = ref.dateline
    for row in rows:
        if dl and (dl[2] == row.country or (dl[1] and dl[1] == row.zone)):
            return row, "dateline", []
    if ref.pub is not None:
        offset = ref.pub.utcoffset()
        for row in rows:
            if ref.ctx.zone == row.zone or (row.offset is not None and row.offset == offset):
                return row, "publication", []
    named = [row for row in rows if row.country in ref.countries]
    if len(named) == 1:
        return named[0], "context", []
    return rows[0], "default", ["ambiguous_zone"]


def _region(row: ZoneRow, ref: Reference, at: date) -> str:
    """The IANA zone to report: the source's or the dateline's when it uses this abbreviation."""
    for zone in (ref.ctx.zone, ref.dateline[1] if ref.dateline else None):
        if zone and uses_abbreviation(zone, row.key, at.year):
            return zone
    return row.zone


def _instant(wall: datetime, g: Groups, ref: Reference, at: int
             ) -> tuple[datetime, str | None, str, list[str], float]:
    """UTC instant, zone, basis, flags and confidence for a wall time with its zone words."""
    key = g.get("abbr") or g.get("zword")
    if g.get("zulu"):
        key = "Z"
    if key:
        rows = lookup(key)
        row, basis, flags = _choose(rows, ref)
        extra = parse_offset(off) if (off := g.get("off")) else None
        if off and extra is None and row.kind == "utc":
            # "GMT+24", "UTC+99:99": an offset no clock keeps is not read as GMT itself;
            # the time stays as written, its zone unknown.
            moment, more = ref.to_utc(wall, None)
            return moment, None, "unknown", ["zone_unknown", *more], 0.4
        if extra is not None and row.kind == "utc":
            return (wall.replace(tzinfo=timezone(extra)).astimezone(UTC), fixed_label(extra),
                    "explicit", [], 0.9)
        region = _region(row, ref, wall.date())
        confidence = 0.9 if not flags else 0.5
        if row.offset is not None and row.kind != "utc":
            moment, more = literal_to_utc(wall, row, region)
            return moment, region, basis, flags + list(more), confidence - 0.1 * len(more)
        moment, more = ref.to_utc(wall, region)
        return moment, region, basis, flags + list(more), confidence
    place = g.get("place")
    if place and place != "local":
        zone = place_zone(place)
        if zone:
            moment, more = ref.to_utc(wall, zone)
            return moment, zone, "explicit", list(more), 0.85
    zone, basis = ref.zone_for(at, local_time=place == "local")
    flags = ["local_time"] if place == "local" else []
    if zone is None:
        flags.append("zone_unknown")  # the wall time stays as written: see `_mention`
    moment, more = ref.to_utc(wall, zone)
    return moment, zone, basis, flags + list(more), 0.8 if zone else 0.4


def resolve_clock(g: Groups, start: int, end: int, ref: Reference,
                  day: date | None) -> Reading | None:
    """A clock time on `day` (a date named in its sentence), else on the publication day."""
    parts = wall_time(g)
    if parts is None:
        return None
    hour, minute, second, midnight = parts
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if g.get("s") else "")
    if midnight:
        clock = "24:00"
    mod = lexicon.QUANTITY_MODS.get(lexicon.norm(g.get("qmod")))
    flags: list[str] = []
    confidence_cut = 0.0
    if day is None:
        day = ref.day
        flags.append("date_from_publication")
        confidence_cut = 0.1
    if day is None:
        return Reading("TIME", f"XXXX-XX-XXT{clock}", mod, flags=["no_publication_time"],
                       confidence=0.3)
    wall = datetime.combine(day, time(hour, minute, second)) + timedelta(days=midnight)
    moment, zone, basis, zflags, confidence = _instant(wall, g, ref, start)
    if "date_from_publication" in flags and ref.pub is not None:
        shift = _day_shift(moment, ref, start, end)
        if shift:
            wall += timedelta(days=shift)
            day += timedelta(days=shift)
            moment, zone, basis, zflags, confidence = _instant(wall, g, ref, start)
            flags.append("day_inferred_from_tense")
    value = f"{day.isoformat()}T{clock}"
    return Reading("TIME", value, mod, moment, moment, utc=True, zone=zone, basis=basis,
                   flags=flags + zflags, confidence=confidence - confidence_cut, day=day)


def _day_shift(moment: datetime, ref: Reference, start: int, end: int) -> int:
    """A past-tense time after publication happened the day before; a future one before
    publication happens the next day."""
    assert ref.pub is not None
    direction = ref.direction(start, end)
    if _DEADLINE.search(ref.text[max(0, start - 10):start]):
        direction = "future" if direction is None else direction
        if direction == "past":
            return 0
    if direction == "past" and moment > ref.pub + _SLACK:
        return -1
    if direction == "future" and moment < ref.pub - _SLACK:
        return 1
    return 0


def resolve_dtg(g: Groups) -> Reading | None:
    """"301535Z DEC 21": day, hour, minute, zone letter, month, two-digit year."""
    letter = g["z"] or "Z"
    if letter not in _MILITARY:
        return None
    try:
        wall = datetime(2000 + int(g["y"] or 0), _MONTH3[(g["mon"] or "")[:3]], int(g["d"] or 0),
                        int(g["h"] or 0), int(g["m"] or 0))
    except ValueError:
        return None
    offset = timedelta(hours=_MILITARY[letter])
    moment = wall.replace(tzinfo=timezone(offset)).astimezone(UTC)
    zone = offset_zone(offset)  # only "Z" has a zero offset
    return Reading("TIME", wall.strftime("%Y-%m-%dT%H:%M"), None, moment, moment, utc=True,
                   zone=zone, basis="explicit", confidence=0.95, day=wall.date())


def resolve_iso(g: Groups, start: int, ref: Reference) -> Reading | None:
    try:
        day = date(int(g["year"] or 0), int(g["mo"] or 0), int(g["day"] or 0))
    except ValueError:
        return None
    if not g.get("h"):
        from briefing.extract.when.periods import date_reading

        return date_reading(day, confidence=0.95)
    wall = datetime.combine(day, time(int(g["h"] or 0), int(g["m"] or 0), int(g.get("s") or 0)))
    value = wall.strftime("%Y-%m-%dT%H:%M") + (f":{g['s']}" if g.get("s") else "")
    tz_text = g.get("tz")
    if tz_text:
        offset = timedelta(0) if tz_text == "Z" else parse_offset(tz_text)
        if offset is None:
            return None
        moment = wall.replace(tzinfo=timezone(offset)).astimezone(UTC)
        return Reading("TIME", value, None, moment, moment, utc=True, zone=offset_zone(offset),
                       basis="explicit", confidence=0.95, day=day)
    zone, basis = ref.zone_for(start)
    moment, flags = ref.to_utc(wall, zone)
    flags = (*flags, "zone_unknown") if zone is None else flags
    return Reading("TIME", value, None, moment, moment, utc=True, zone=zone,
                   basis=basis, flags=list(flags), confidence=0.8, day=day)
