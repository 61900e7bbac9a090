"""WHEN: time expressions found, resolved and normalised across zones.

`find_times(ctx)` is what the pipeline calls: the finder (patterns.py, finder.py) proposes
spans, the resolvers read each against the publication anchor (reference.py), and every reading
becomes a `TimeMention` whose `earliest`/`latest` are UTC.  Clock times are read last so they
can take their day from a date named in the same sentence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from briefing.extract.context import Context
from briefing.extract.when import clock, periods, spans
from briefing.extract.when.fallback import resolve_numeric
from briefing.extract.when.finder import Candidate, find_candidates
from briefing.extract.when.reference import Reading, Reference
from briefing.model import TimeMention

__all__ = ["find_times"]


def _read(cand: Candidate, ref: Reference) -> Reading | None:
    g, s, e = cand.groups, cand.start, cand.end
    kind = cand.kind
    match kind:
        case "date":
            return periods.resolve_date(g, s, e, ref)
        case "weekday":
            return periods.resolve_weekday(g, s, e, ref)
        case "relday":
            return periods.resolve_relday(g, s, e, ref)
        case "month":
            return periods.resolve_month(g, s, e, ref)
        case "period":
            return periods.resolve_period(g, s, e, ref)
        case "weekend":
            return periods.resolve_weekend(g, s, e, ref)
        case "season":
            return periods.resolve_season(g, ref)
        case "quarter":
            return periods.resolve_quarter(g, s, e, ref)
        case "year":
            return periods.resolve_year(g)
        case "decade":
            return periods.resolve_decade(g, ref)
        case "century":
            return periods.resolve_century(g)
        case "ago":
            return periods.resolve_ago(g, ref)
        case "duration":
            return spans.resolve_duration(g, ref.text[s:e], ref)
        case "duration_vague":
            return spans.resolve_vague_duration(g, ref)
        case "vague":
            return spans.resolve_vague(g, ref)
        case "set" | "weekdays":
            return spans.resolve_set(g, kind)
        case "dtg":
            return clock.resolve_dtg(g)
        case "iso":
            return clock.resolve_iso(g, s, ref)
        case "numeric":
            return resolve_numeric(ref.text[s:e], ref)
    return None


def _read_safely(cand: Candidate, ref: Reference) -> Reading | None:
    """`_read`, with a date past the calendar's edges (year 0, year 10000) left unread.

    Arithmetic on an anchor near 0001-01-01 or 9999-12-31 overflows `datetime`; such an
    expression is dropped rather than let one odd date stop the whole analysis.
    """
    try:
        return _read(cand, ref)
    except (ValueError, OverflowError):
        return None


def _day_for_clock(cand: Candidate, ref: Reference,
                   days: list[tuple[int, date]]) -> date | None:
    """The day named nearest to a clock time within its own sentence, if any."""
    s_start, s_end = ref.sentence(cand.start)
    near = [(abs(at - cand.start), day) for at, day in days if s_start <= at < s_end]
    return min(near)[1] if near else None


def _utc(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo is UTC else moment.astimezone(UTC)


_EAST, _WEST = timedelta(hours=14), timedelta(hours=12)
_OPEN_AFTER = frozenset({"AFTER", "ON_OR_AFTER"})
_OPEN_BEFORE = frozenset({"BEFORE", "ON_OR_BEFORE"})


def _mention(cand: Candidate, reading: Reading, ref: Reference) -> TimeMention:
    zone, basis = reading.zone, reading.basis
    flags = list(reading.flags)
    earliest = latest = None
    if reading.utc:
        earliest, latest = reading.start, reading.end
    elif reading.start is not None and reading.end is not None:
        zone, basis = ref.zone_for(cand.start)
        if zone is None:
            flags.append("zone_unknown")
        earliest, more = ref.to_utc(reading.start, zone)
        latest, more2 = ref.to_utc(reading.end, zone)
        if more or more2:
            flags.extend(f for f in (*more, *more2) if f not in flags)
    if "zone_unknown" in flags and earliest is not None and latest is not None:
        # Read as if UTC above; the honest interval is every zone's reading of the wall
        # time (UTC-12 to UTC+14), which still sorts, and is never shown as a converted time.
        earliest, latest, zone, basis = earliest - _EAST, latest + _WEST, None, "unknown"
    if reading.type in {"DURATION", "SET"} and zone is None:
        basis = None
    # "after 5 p.m." and "before Monday" are open on one side: that end is unknown.
    if reading.mod in _OPEN_AFTER:
        latest = None
    elif reading.mod in _OPEN_BEFORE:
        earliest = None
    return TimeMention(
        start=cand.start, end=cand.end, text=ref.text[cand.start:cand.end], type=reading.type,
        value=reading.value, mod=reading.mod, earliest=_utc(earliest), latest=_utc(latest),
        zone=zone, confidence=max(0.05, min(1.0, reading.confidence)), flags=tuple(flags),
        zone_basis=basis,
    )


def find_times(ctx: Context) -> list[TimeMention]:
    """Every time expression in `ctx.text`, in text order, resolved where an anchor allows."""
    ref = Reference(ctx)
    candidates = find_candidates(ctx.text)
    readings: dict[int, Reading] = {}
    days: list[tuple[int, date]] = []
    for index, cand in enumerate(candidates):
        if cand.kind == "clock":
            continue
        reading = _read_safely(cand, ref)
        if reading is not None:
            readings[index] = reading
            if reading.day is not None:
                days.append((cand.start, reading.day))
    for index, cand in enumerate(candidates):
        if cand.kind == "clock":
            reading = clock.resolve_clock(cand.groups, cand.start, cand.end, ref,
                                          _day_for_clock(cand, ref, days))
            if reading is not None:
                readings[index] = reading
    return [_mention(candidates[i], readings[i], ref) for i in sorted(readings)]
