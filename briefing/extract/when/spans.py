"""Durations, vague references and recurrences: values that are not points on the calendar."""

from __future__ import annotations

from calendar import monthrange
from datetime import datetime, time, timedelta

from briefing.extract.when import lexicon
from briefing.extract.when.calendar import add_months
from briefing.extract.when.reference import Reading, Reference

Groups = dict[str, str | None]


def _unit(word: str | None) -> tuple[str, str, int]:
    """(singular unit, TIMEX letter(s) with T prefix if a clock unit, scale)."""
    unit = lexicon.norm(word)
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    letter, clock = lexicon.UNITS[unit]
    return unit, ("T" if clock else "") + letter, lexicon.UNIT_SCALE.get(unit, 1)


def _amount_text(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration_value(amount: float | None, word: str | None) -> str:
    """P30Y, PT50M, P2W, PXW: the TIMEX3 duration for an amount of a unit."""
    _, letter, scale = _unit(word)
    count = "X" if amount is None else _amount_text(amount * scale)
    return "P" + (("T" + count + letter[1:]) if letter.startswith("T") else count + letter)


def _span_delta(amount: float, word: str | None) -> timedelta:
    unit, _, scale = _unit(word)
    days = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
            "fortnight": 7, "month": 30.436875, "year": 365.2425, "decade": 3652.425,
            "century": 36524.25}[unit]
    return timedelta(days=days * amount * scale)


_MONTHS_IN = {"month": 1, "year": 12, "decade": 120, "century": 1200}


def _shifted(moment: datetime, amount: float, word: str | None, sign: int) -> datetime | None:
    """`moment` moved by the span on the calendar: "the past 30 years" from 30 Dec 2021
    17:02 starts on 30 Dec 1991 at 17:02, not 30 x 365.2425 days before.  Fractions of a
    month and clock units use their length in time."""
    unit, _, _ = _unit(word)
    months = amount * _MONTHS_IN.get(unit, 0)
    if months and months == int(months):
        year, month = add_months(moment.year, moment.month, sign * int(months))
        if not 1 <= year <= 9999:
            return None
        return moment.replace(year=year, month=month,
                              day=min(moment.day, monthrange(year, month)[1]))
    return moment + sign * _span_delta(amount, word)


def resolve_duration(g: Groups, full_text: str, ref: Reference) -> Reading | None:
    rel = lexicon.norm(g.get("rel"))
    number = g.get("num")
    amount = 1.0 if number is None else lexicon.number_value(number)
    if amount is None:
        return None
    if "and a half" in lexicon.norm(full_text):
        amount += 0.5
    mod = lexicon.QUANTITY_MODS.get(lexicon.norm(g.get("qmod")))
    reading = Reading("DURATION", duration_value(amount, g.get("unit")), mod, confidence=0.85)
    if ref.pub is None:
        return reading
    if rel in {"past", "last", "previous"}:
        start = _shifted(ref.pub, amount, g.get("unit"), -1)
        if start is not None:
            reading.start, reading.end, reading.utc = start, ref.pub, True
    elif rel in {"next", "coming", "following"}:
        end = _shifted(ref.pub, amount, g.get("unit"), +1)
        if end is not None:
            reading.start, reading.end, reading.utc = ref.pub, end, True
    return reading


def resolve_vague_duration(g: Groups, ref: Reference) -> Reading:
    quantity = lexicon.norm(g.get("q"))
    unit = g.get("unit")
    if quantity == "the coming":
        return vague_reading("FUTURE_REF", ref)
    return Reading("DURATION", duration_value(None, unit), None, confidence=0.7)


def vague_reading(value: str, ref: Reference) -> Reading:
    """PRESENT_REF is the publication instant; PAST_REF/FUTURE_REF are open intervals.

    A publication known only to the day (or as a wall time with no zone) still places
    them: "now" is that day, "recently" ends with it, "soon" starts with it.
    """
    reading = Reading("DATE", value, confidence=0.7)
    if ref.pub is None and ref.day is not None:
        day = datetime.combine(ref.day, time())
        reading.start = None if value == "PAST_REF" else day
        reading.end = None if value == "FUTURE_REF" else day + timedelta(days=1)
        return reading
    if ref.pub is None:
        reading.flags.append("no_publication_time")
        return reading
    reading.utc = True
    if value != "FUTURE_REF":
        reading.end = ref.pub
    if value != "PAST_REF":
        reading.start = ref.pub
    return reading


def resolve_vague(g: Groups, ref: Reference) -> Reading:
    return vague_reading(lexicon.VAGUE[lexicon.norm(g["v"])], ref)


def resolve_set(g: Groups, kind: str) -> Reading | None:
    if kind == "weekdays":
        name = lexicon.norm(g.get("wd") or g.get("plural")).rstrip("s")
        return Reading("SET", f"XXXX-WXX-{lexicon.WEEKDAYS[name]}", confidence=0.85)
    word = lexicon.norm(g.get("w"))
    if word:
        return Reading("SET", lexicon.SETS[word], confidence=0.85)
    unit = lexicon.norm(g.get("unit")).rstrip("s")
    if unit in lexicon.PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{lexicon.PARTS_OF_DAY[unit]}", confidence=0.85)
    count = lexicon.norm(g.get("n"))
    amount = 2.0 if count == "other" else lexicon.number_value(count) if count else 1.0
    return Reading("SET", duration_value(amount, unit), confidence=0.85)


