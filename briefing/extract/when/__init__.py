"""WHEN: time expressions found, resolved and normalised across zones.

`find_times(ctx)` is what the pipeline calls: the finder (patterns.py, finder.py) proposes
spans, the resolvers read each against the publication anchor (reference.py), and every reading
becomes a `TimeMention` whose `earliest`/`latest` are UTC.  Clock times are read last so they
can take their day from a date named in the same sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from typing import TypeVar

from briefing.extract.context import Context
from briefing.extract.when import clock, periods, spans
from briefing.extract.when.anaphora import resolve_anaphor
from briefing.extract.when.fallback import resolve_numeric
from briefing.extract.when.finder import TimeCandidate, find_candidates
from briefing.extract.when.reference import Reading, Reference
from briefing.guard import FIRST_DAY, LAST_DAY
from briefing.model import TimeMention
from briefing.pubclock import ZONE_EAST, ZONE_WEST

__all__ = ["find_times"]
_T = TypeVar("_T")


# Each kind of candidate and the resolver that reads it, grouped by what the resolver needs:
# the match's groups and its place in the text and the reference ...
_READ_IN_PLACE = {
    "date": periods.resolve_date, "weekday": periods.resolve_weekday,
    "holiday": periods.resolve_holiday, "relday": periods.resolve_relday,
    "month": periods.resolve_month, "period": periods.resolve_period,
    "weekend": periods.resolve_weekend, "quarter": periods.resolve_quarter,
}
# ... the groups and the reference only ...
_READ_AGAINST_REFERENCE = {
    "season": periods.resolve_season, "decade": periods.resolve_decade,
    "ago": periods.resolve_ago, "duration_vague": spans.resolve_vague_duration,
    "vague": spans.resolve_vague,
}
# ... or the groups alone (written out in full: no anchor needed).
_READ_ALONE = {
    "year": periods.resolve_year, "century": periods.resolve_century,
    "dtg": clock.resolve_dtg,
}


def _read(cand: TimeCandidate, ref: Reference) -> Reading | None:
    g, s, e, kind = cand.groups, cand.start, cand.end, cand.kind
    if kind in _READ_IN_PLACE:
        return _READ_IN_PLACE[kind](g, s, e, ref)
    if kind in _READ_AGAINST_REFERENCE:
        return _READ_AGAINST_REFERENCE[kind](g, ref)
    if kind in _READ_ALONE:
        return _READ_ALONE[kind](g)
    match kind:
        case "duration":
            return spans.resolve_duration(g, ref.text[s:e], ref)
        case "set" | "weekdays":
            return spans.resolve_set(g, kind)
        case "iso":
            return clock.resolve_iso(g, s, ref)
        case "numeric":
            return resolve_numeric(ref.text[s:e], ref)
    return None


def _within_calendar(work: Callable[[], _T]) -> _T | None:
    """`work()`, or None when a date falls past the calendar's edges (year 0, year 10000).

    Arithmetic on an anchor near 0001-01-01 or 9999-12-31 overflows `datetime`; such an
    expression is dropped rather than let one odd date stop the whole analysis.
    """
    try:
        return work()
    except (ValueError, OverflowError):
        return None


# Read once every other day is known: a clock time takes the day named beside it, and "the
# next day" counts from the last day named before it.
_SECOND_PASS = frozenset({"clock", "anaphor"})


_GRAINS = (("day", re.compile(r"\d{4}-(?:\d{2}-\d{2}|W\d{2})$")),
           ("month", re.compile(r"\d{4}-\d{2}$")), ("year", re.compile(r"\d{4}$")))


def _grain(reading: Reading) -> str | None:
    """ "day" (a day or a week), "month" or "year" for a resolved date; None otherwise."""
    if reading.type != "DATE":
        return None
    return next((name for name, shape in _GRAINS if shape.match(reading.value)), None)


def _clock_reading(cand: TimeCandidate, ref: Reference,
                   days: list[tuple[int, date]]) -> Reading | None:
    """A clock time's reading, on the day the text gives it (see `_day_for_clock`)."""
    return clock.resolve_clock(cand.groups, cand.start, cand.end, ref,
                               _day_for_clock(cand, ref, days))


def _day_for_clock(cand: TimeCandidate, ref: Reference, days: list[tuple[int, date]]
                   ) -> date | None:
    """The day a clock time falls on, as a reader takes it: the day named nearest to it in
    its own sentence, else the last day named in the sentence before it ("On Wednesday
    morning the ferry left port. It sank at 10:40."), within the same paragraph.

    `days` is in text order; bisection keeps an article of thousands of times linear.
    """
    s_start, s_end = ref.sentence(cand.start)
    index = bisect.bisect_left(days, (cand.start,))
    near = [(abs(at - cand.start), day) for at, day in days[max(0, index - 2):index + 2]
            if s_start <= at < s_end]
    if near:
        return min(near)[1]
    if index == 0 or s_start == 0:
        return None
    at, day = days[index - 1]
    p_start, _ = ref.ctx.seg.paragraph_at(cand.start)
    previous = ref.sentence(s_start - 1)
    if at < max(previous[0], p_start) or _BOUND.search(ref.text, max(0, at - 12), at):
        return None  # "power back by Friday. An update at 2 p.m." is today's update
    return day


# A day after these is a deadline or a bound, not the day the next sentence's events are on.
_BOUND = re.compile(r"(?i:\b(?:by|until|till|before|after|since|from|through|to)\s+(?:the\s+)?)$")


def _utc(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo is UTC else moment.astimezone(UTC)


_OPEN_AFTER = frozenset({"AFTER", "ON_OR_AFTER"})
_OPEN_BEFORE = frozenset({"BEFORE", "ON_OR_BEFORE"})


def _mention(cand: TimeCandidate, reading: Reading, ref: Reference) -> TimeMention:
    """The mention a reading makes: its UTC interval in the zone the text gives, widened to
    every zone's reading when no zone is known, and open on the side its modifier leaves."""
    flags = list(reading.flags)
    earliest, latest, zone, basis = _in_zone(cand, reading, ref, flags)
    wall_only = "zone_unknown" in flags or (zone is None and not reading.utc)
    if wall_only and (earliest is not None or latest is not None):
        # Read as if UTC above; the honest interval is every zone's reading of the wall
        # time (UTC-12 to UTC+14), which still sorts, and is never shown as a converted time.
        earliest = earliest - ZONE_EAST if earliest is not None else None
        latest = latest + ZONE_WEST if latest is not None else None
        zone, basis = None, "unknown"
    if reading.type in {"DURATION", "SET"} and zone is None:
        basis = None
    # "after 5 p.m." and "before Monday" are open on one side: that end is unknown.
    if reading.mod in _OPEN_AFTER:
        latest = None
    elif reading.mod in _OPEN_BEFORE:
        earliest = None
    if not all(_displayable(end) for end in (earliest, latest)):
        earliest = latest = None  # "9999-12-31T23:00Z": kept as written, not resolved
    return TimeMention(
        start=cand.start, end=cand.end, text=ref.text[cand.start:cand.end], type=reading.type,
        value=reading.value, mod=reading.mod, earliest=_utc(earliest), latest=_utc(latest),
        zone=zone, confidence=max(0.05, min(1.0, reading.confidence)), flags=tuple(flags),
        zone_basis=basis,
    )


def _displayable(moment: datetime | None) -> bool:
    """Whether an end lies far enough inside the calendar (one day in from year 1 and year
    9999, in UTC) to be shown in any zone and sorted: at the very edge, converting it to
    Tokyo or New York time overflows, in the dashboard and the brief alike."""
    if moment is None:
        return True
    try:
        day = moment.astimezone(UTC).date()
    except (OverflowError, ValueError):
        return False
    return FIRST_DAY <= day <= LAST_DAY


def _in_zone(cand: TimeCandidate, reading: Reading, ref: Reference, flags: list[str],
             ) -> tuple[datetime | None, datetime | None, str | None, str | None]:
    """A reading's ends as instants (earliest, latest), with the zone and how it was found.

    A reading in UTC already is kept; a wall-clock one takes the zone the text gives for its
    place (`Reference.zone_for`), flagging "zone_unknown" for a clock time with none; the
    conversion's own flags are appended to `flags`.
    """
    if reading.utc:
        return reading.start, reading.end, reading.zone, reading.basis
    if reading.start is None and reading.end is None:
        return None, None, reading.zone, reading.basis
    zone, basis = ref.zone_for(cand.start, near_places=bool(_DAY_GRAIN.match(reading.value)))
    if zone is None and _CLOCK_VALUE.match(reading.value):
        flags.append("zone_unknown")  # a day or a month reads the same in every zone
    ends: list[datetime | None] = []
    for wall in (reading.start, reading.end):
        moment = None
        if wall is not None:
            moment, more = ref.to_utc(wall, zone)
            flags.extend(f for f in more if f not in flags)
        ends.append(moment)
    return ends[0], ends[1], zone, basis


def find_times(ctx: Context) -> list[TimeMention]:
    """Every time expression in `ctx.text`, in text order, resolved where an anchor allows."""
    ref = Reference(ctx)
    candidates = [c for c in _zones_across_ranges(find_candidates(ctx.text), ctx.text)
                  if not _rate(c, ctx.text)]
    readings: dict[int, Reading] = {}
    days: list[tuple[int, date]] = []
    dates: list[tuple[int, date, str]] = []  # every date named, with its grain
    for index, cand in enumerate(candidates):
        if cand.kind in _SECOND_PASS:
            continue
        reading = _within_calendar(partial(_read, cand, ref))
        if reading is not None:
            readings[index] = reading
            if reading.day is not None:
                days.append((cand.start, reading.day))
            grain = _grain(reading)
            if grain and reading.start is not None:
                dates.append((cand.start, reading.start.date(), grain))
    for index, cand in enumerate(candidates):
        if cand.kind == "clock":
            reading = _within_calendar(partial(_clock_reading, cand, ref, days))
            if reading is not None:
                readings[index] = reading
        elif cand.kind == "anaphor":
            reading = _within_calendar(partial(resolve_anaphor, cand.groups, cand.start, ref,
                                               dates))
            if reading is not None:
                readings[index] = reading
    made = (_within_calendar(partial(_mention, candidates[i], readings[i], ref))
            for i in sorted(readings))
    return _join_composites([m for m in made if m is not None], ctx.text)


# "$12 an hour", "19 million a year", "three times a day", "60 miles per hour": a rate, not a
# stretch of time.
_RATE_UNIT = re.compile(r"(?:an?|per)\s+(?:hour|day|week|month|year)", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:[a-z]+illion|bn|m|k|%|percent|[a-z]+s)?|times"
                          r"|once|twice|dollars|euros|pounds)\s*$", re.IGNORECASE)


def _rate(cand: TimeCandidate, text: str) -> bool:
    """Whether the candidate is the "a year" of a rate ("$19 million a year")."""
    return bool(_RATE_UNIT.fullmatch(text, cand.start, cand.end)) and bool(
        _RATE_BEFORE.search(text, max(0, cand.start - 40), cand.start))


# "from 6 a.m. to 9 a.m. Eastern", "between 7 a.m. and 8 p.m. ET": the zone written after
# the second time is the first time's too.
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and|or)\s*", re.IGNORECASE)
_ZONE_GROUPS = ("abbr", "zword", "zulu", "off", "place")


def _zones_across_ranges(candidates: list[TimeCandidate], text: str) -> list[TimeCandidate]:
    """Each clock time joined to the next by "to", "and" or a dash, with no zone of its own,
    takes the zone words of the one after it."""
    out = list(candidates)
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        if (first.kind != "clock" or second.kind != "clock"
                or any(first.groups.get(k) for k in _ZONE_GROUPS)
                or not any(second.groups.get(k) for k in _ZONE_GROUPS)
                or not _RANGE_JOIN.fullmatch(text, first.end, second.start)):
            continue
        zone = {k: second.groups.get(k) for k in _ZONE_GROUPS}
        out[i] = first._replace(groups={**first.groups, **zone})
    return out


# What may stand between a clock time and its day in one expression: "4 a.m. EDT Thursday",
# "9 a.m., Tuesday", "Tuesday at 3 p.m.", "3 p.m. on Friday".
_JOINER = re.compile(r"\s*,?\s*(?:(?:on|at)\s+)?")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_GRAIN = re.compile(r"^\d{4}-(?:\d{2}-\d{2}|W\d{2}-WE)")  # a day, a part of one, a weekend
# "3:35 p.m. EST today": TimeML keeps "today" apart, and so does the pane.
_RELATIVE_DAY = re.compile(r"(?i:today|yesterday|tomorrow|tonight)\b")
_CLOCK_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _join_composites(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """A clock time written beside the day it falls on is one expression, as TimeML and a
    reader both take it: the clock's reading (already on that day), over both spans."""
    out: list[TimeMention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if last is not None and _JOINER.fullmatch(text, last.end, mention.start):
            pair = (last, mention)
            clock = next((m for m in pair if _CLOCK_VALUE.match(m.value)), None)
            day = next((m for m in pair if _DAY_VALUE.match(m.value)
                        and not _RELATIVE_DAY.match(m.text)), None)
            if clock is not None and day is not None and clock.value[:10] == day.value:
                flags = tuple(f for f in clock.flags if f != "date_from_publication")
                out[-1] = dataclasses.replace(clock, start=last.start, end=mention.end,
                                              text=text[last.start:mention.end], flags=flags)
                continue
        out.append(mention)
    return out
