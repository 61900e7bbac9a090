"""Calendar expressions: dates, weekdays, months, weeks, weekends, seasons, years, decades.

Relative ones are read against the publication day in the source's wall clock, with the tense
of the sentence picking the direction of a bare weekday or month (news convention).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from briefing.extract.when import calendar as cal
from briefing.extract.when import holidays, lexicon
from briefing.extract.when.reference import Reading, Reference
from briefing.model import TimeType

Groups = dict[str, str | None]
_REL_STEP = {"last": -1, "next": 1, "this": 0, "the current": 0, "the coming": 1, "the": 0,
             "coming": 1, "past": -1}


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _pmod(g: Groups) -> str | None:
    word = lexicon.norm(g.get("pmod"))
    return lexicon.POSITION_MODS.get(word)


def unresolved(value: str, kind: TimeType = "DATE") -> Reading:
    """A relative expression with nothing to anchor it: kept, flagged, never read as now."""
    return Reading(kind, value, flags=["no_publication_time"], confidence=0.3)


def from_period(period: cal.Interval, mod: str | None = None, confidence: float = 0.85,
                kind: TimeType = "DATE", day: date | None = None) -> Reading:
    value, start, end = period
    start, end = cal.narrow(start, end, mod)
    return Reading(kind, value, mod, start, end, confidence=confidence, day=day)


def date_reading(day: date, confidence: float = 0.9) -> Reading:
    return from_period(cal.day_period(day), confidence=confidence, day=day)


def resolve_date(g: Groups, start: int, end: int, ref: Reference) -> Reading | None:
    month = lexicon.MONTHS[lexicon.norm(g["mon"]).rstrip(".")]
    day_number = int(g["day"] or 0)
    if g.get("year"):
        year = int(g["year"] or 0)
    elif ref.day is None:
        return unresolved(f"XXXX-{month:02d}-{day_number:02d}")
    elif g.get("yrel"):
        year = ref.day.year + _YEAR_STEP[lexicon.norm(g["yrel"])]
    else:
        year = cal.nearest_year(month, day_number, ref.day, ref.direction(start, end))
    try:
        day = date(year, month, day_number)
    except ValueError:
        return None
    reading = date_reading(day, 0.95 if g.get("year") else 0.85)
    weekday = lexicon.norm(g.get("wd"))
    if weekday and lexicon.WEEKDAYS[weekday] != day.isoweekday():
        reading.flags.append("weekday_mismatch")
    return reading


def resolve_holiday(g: Groups, start: int, end: int, ref: Reference) -> Reading | None:
    """ "Christmas", "last Thanksgiving", "Easter 2016", "Christmas Eve night": the day of the
    named holiday in the year given, or the one the sentence points to (as for "Dec. 25")."""
    rule = holidays.holidays()[" ".join((g["holiday"] or "").split()).replace("’", "'")]
    part = lexicon.PARTS_OF_DAY.get(lexicon.norm(g.get("part")))
    if g.get("year"):
        day = rule.in_year(int(g["year"] or 0))
    elif ref.day is None:  # the day is known only for a holiday fixed in the calendar
        fixed = rule.month and not (rule.nth or rule.easter)
        return unresolved(f"XXXX-{rule.month:02d}-{rule.day:02d}" if fixed else "XXXX-XX-XX")
    else:
        day = _holiday_near(rule, ref.day, lexicon.norm(g.get("rel")),
                            "future" if _ahead(ref.text, start, end)
                            else ref.direction(start, end))
    if day is None:
        return None
    confidence = 0.95 if g.get("year") else 0.85
    if part:
        return from_period(cal.part_of_day(day, part), None, confidence, "TIME", day)
    return date_reading(day, confidence)


def _holiday_near(rule: holidays.Rule, ref_day: date, rel: str,
                  direction: str | None) -> date | None:
    """The occurrence `rel` ("last", "next", "this") or the tense points to."""
    years = (ref_day.year - 1, ref_day.year, ref_day.year + 1)
    dated = [d for d in (rule.in_year(y) for y in years) if d is not None]
    if not dated:
        return None
    if rel == "this":
        return next((d for d in dated if d.year == ref_day.year), None)
    if rel == "last" or (rel == "past"):
        return max((d for d in dated if d < ref_day), default=None)
    if rel in {"next", "coming"}:
        return min((d for d in dated if d > ref_day), default=None)
    return cal.nearest_date(dated, ref_day, direction)


def weekday_date(ref_day: date, weekday: int, rel: str, direction: str | None) -> date:
    delta = weekday - ref_day.isoweekday()
    if rel == "last":
        return ref_day + timedelta(days=delta - 7 if delta >= 0 else delta)
    if rel in {"next", "coming"}:
        return ref_day + timedelta(days=delta + 7 if delta <= 0 else delta)
    if rel == "this":
        return ref_day + timedelta(days=delta)
    if delta == 0:
        return ref_day
    if direction == "future":
        return ref_day + timedelta(days=delta % 7)
    if direction == "past":
        return ref_day - timedelta(days=(-delta) % 7)
    # No tense: the nearest one, the past one on a tie (news reports what happened).
    ahead, back = delta % 7, (-delta) % 7
    return ref_day + timedelta(days=ahead) if ahead < back else ref_day - timedelta(days=back)


# "ahead of Sunday's vote", "before Tuesday's debate", "upcoming Friday", "Sunday's debate
# approaching": the day is still to come whatever the tense of the sentence around it.
_AHEAD_BEFORE = re.compile(r"(?i:\b(?:ahead\s+of|in\s+time\s+for|upcoming|before|until|till)"
                           r"\s+(?:the\s+|this\s+)?)$")
_AHEAD_AFTER = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){1,3}?(?i:approaching|looming|ahead|"
                          r"approaches|looms|nears)\b")
_POSSESSIVE_NEXT = re.compile(r"['’]s\s")
_EVENT_SCENE = re.compile(r"(?i:\b(?:at|during|after|since|in)\s+)$")


def _ahead(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24):start]
    after = text[end:end + 60]
    if _AHEAD_AFTER.match(after):
        return True
    # "before Sunday" alone can be past ("left before Sunday"); "before Sunday's vote" names
    # an event fixed for that day, which news writes only while it is ahead.
    match = _AHEAD_BEFORE.search(before)
    if match is None:
        return False
    cue = match.group(0).lower()
    return ("ahead" in cue or "upcoming" in cue or "in time" in cue
            or bool(_POSSESSIVE_NEXT.match(after)))


def resolve_weekday(g: Groups, start: int, end: int, ref: Reference) -> Reading:
    weekday = lexicon.WEEKDAYS[lexicon.norm(g["wd"])]
    part = lexicon.PARTS_OF_DAY.get(lexicon.norm(g.get("part")))
    mod = _pmod(g)
    if ref.day is None:
        return unresolved(f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""),
                          "TIME" if part else "DATE")
    if _ahead(ref.text, start, end):
        direction: str | None = "future"
    elif _POSSESSIVE_NEXT.match(ref.text, end) and not _EVENT_SCENE.search(
            ref.text, max(0, start - 12), start):
        # "Monday night's debate" dates the debate, not the clause it sits in ("said the
        # invitation to Monday night's debate was a joke"): the nearest Monday.  Set as
        # the clause's scene ("At Monday's debate, Clinton cited ...") it takes its tense.
        direction = None
    else:
        direction = ref.direction(start, end, whole_clause=True)
    day = weekday_date(ref.day, weekday, lexicon.norm(g.get("rel")), direction)
    confidence = 0.9 if day == ref.day or g.get("rel") or direction else 0.75
    if part:
        return from_period(cal.part_of_day(day, part), mod, confidence, "TIME", day)
    reading = from_period(cal.day_period(day), mod, confidence, day=day)
    return reading


def resolve_relday(g: Groups, start: int, end: int, ref: Reference) -> Reading:
    rel = lexicon.norm(g["rel"])
    part = lexicon.PARTS_OF_DAY.get(lexicon.norm(g.get("part")))
    if rel == "tonight":
        part = "NI"
    if rel == "today" and _comparative(ref, start):
        return _vague("PRESENT_REF", ref)
    if ref.day is None:
        return unresolved("PRESENT_REF" if rel == "today" and not part else "XXXX-XX-XX")
    shift = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last":
        shift = -1 if part in {"NI", "EV"} else 0
    day = ref.day + timedelta(days=shift)
    if part:
        return from_period(cal.part_of_day(day, part), None, 0.85, "TIME", day)
    return from_period(cal.day_period(day), None, 0.9, day=day)


def _comparative(ref: Reference, start: int) -> bool:
    """"faster than can be done today": today as the present age, not the calendar day."""
    s_start, _ = ref.sentence(start)
    before = ref.text[s_start:start].lower().split()[-6:]
    return "than" in before or (bool(before) and before[-1] in {"of", "until"})


def _vague(value: str, ref: Reference) -> Reading:
    from briefing.extract.when.spans import vague_reading

    return vague_reading(value, ref)


def resolve_month(g: Groups, start: int, end: int, ref: Reference) -> Reading:
    month = lexicon.MONTHS[lexicon.norm(g["mname"])]
    mod = _pmod(g)
    rel = lexicon.norm(g.get("rel"))
    if g.get("year"):
        return from_period(cal.month_period(int(g["year"] or 0), month), mod, 0.95)
    if ref.day is None:
        return unresolved(f"XXXX-{month:02d}")
    if g.get("yrel"):  # "June last year", "January this year": one expression
        year = ref.day.year + _YEAR_STEP[lexicon.norm(g["yrel"])]
        return from_period(cal.month_period(year, month), mod, 0.9)
    if rel in {"last", "past"}:
        year = ref.day.year if month < ref.day.month else ref.day.year - 1
    elif rel in {"next", "coming"}:
        year = ref.day.year if month > ref.day.month else ref.day.year + 1
    elif rel == "this":
        year = ref.day.year
    else:
        year = cal.nearest_year(month, None, ref.day, ref.direction(start, end))
    return from_period(cal.month_period(year, month), mod, 0.85)


def resolve_period(g: Groups, start: int, end: int, ref: Reference) -> Reading | None:
    per = lexicon.norm(g["per"])
    rel = lexicon.norm(g.get("rel"))
    pmod_word = lexicon.norm(g.get("pmod"))
    mod = _pmod(g)
    if ref.day is None:
        return unresolved({"week": "XXXX-WXX", "month": "XXXX-XX", "weekend": "XXXX-WXX-WE"}
                          .get(per, "XXXX"))
    step = _REL_STEP.get(rel, 0)
    day = ref.day
    if per == "weekend":
        det = "last" if step < 0 else "next" if step > 0 else None
        return _weekend(day, _DET_DIRECTION.get(det or ""), det)
    if per in lexicon.SEASONS:
        return _season(lexicon.SEASONS[per], step, day, mod)
    period = _calendar_period(per, step, day)
    if period is None:
        return None
    reading = from_period(period, mod, 0.85)
    if g.get("fiscal"):
        reading.mod = "APPROX"
        reading.flags.append("fiscal_year_assumed_calendar")
    if pmod_word in {"earlier", "later"} and step == 0:
        now = datetime.combine(day, datetime.min.time())
        reading.start, reading.end = ((reading.start, now + timedelta(days=1))
                                      if pmod_word == "earlier" else (now, reading.end))
    return reading


def _calendar_period(per: str, step: int, day: date) -> cal.Interval | None:
    if per == "week":
        return cal.week_period(day + timedelta(weeks=step))
    if per == "month":
        return cal.month_period(*cal.add_months(day.year, day.month, step))
    if per == "year":
        return cal.year_period(day.year + step)
    if per == "quarter":
        index = (day.month - 1) // 3 + step
        return cal.quarter_period(day.year + index // 4, index % 4 + 1)
    if per == "decade":
        return cal.decade_period((day.year // 10 + step) * 10)
    if per == "century":
        return cal.century_period(day.year // 100 + 1 + step)
    return None


_DET_DIRECTION = {"last": "past", "next": "future"}
"""The tense "last" and "next" give a weekend, whatever the sentence's own tense says."""


def _weekend(day: date, direction: str | None, det: str | None = None) -> Reading:
    """The weekend just past (news default) or the next one, by tense.  Written on a
    weekend, "the weekend" and "this weekend" are that one, while "last weekend" is the one
    before it and "next weekend" the one after."""
    weekday = day.isoweekday()
    if weekday in (6, 7):
        saturday = day - timedelta(days=weekday - 6)
        saturday += timedelta(days={"last": -7, "next": 7}.get(det or "", 0))
    elif direction == "future":
        saturday = day + timedelta(days=6 - weekday)
    else:
        saturday = day - timedelta(days=weekday + 1)
    return from_period(cal.weekend_period(saturday), None, 0.8)


def resolve_weekend(g: Groups, start: int, end: int, ref: Reference) -> Reading:
    if ref.day is None:
        return unresolved("XXXX-WXX-WE")
    det = lexicon.norm(g.get("det"))
    direction = _DET_DIRECTION.get(det) or ref.direction(start, end)
    if det == "this" and direction is None:
        direction = "future"
    return _weekend(ref.day, direction, det)


def _season(code: str, step: int, day: date, mod: str | None) -> Reading:
    year = day.year + (1 if code == "WI" and day.month == 12 else 0)
    _, start, end = cal.season_period(year, code)
    today = datetime.combine(day, datetime.min.time())
    if step < 0:
        year = year if end <= today else year - 1
    elif step > 0:
        year = year if start > today else year + 1
    return from_period(cal.season_period(year, code), mod, 0.8)


def resolve_season(g: Groups, ref: Reference) -> Reading:
    code = lexicon.SEASONS[lexicon.norm(g["season"])]
    return from_period(cal.season_period(int(g["year"] or 0), code), _pmod(g), 0.9)


def resolve_quarter(g: Groups, start: int, end: int, ref: Reference) -> Reading | None:
    quarter = int(q) if (q := g.get("q")) else {"final": 4, "last": 4}.get(
        lexicon.norm(g.get("ord")), lexicon.ORDINALS.get(lexicon.norm(g.get("ord")), 0))
    if not quarter:
        return None
    if g.get("year"):
        year = int(g["year"] or 0)
    elif ref.day is None:
        return unresolved(f"XXXX-Q{quarter}")
    else:
        current = (ref.day.month - 1) // 3 + 1
        past = ref.direction(start, end) == "past"
        year = ref.day.year - (1 if past and quarter > current else 0)
    return from_period(cal.quarter_period(year, quarter), None, 0.85)


def resolve_year(g: Groups) -> Reading:
    return from_period(cal.year_period(int(g["year"] or 0)), _pmod(g), 0.85)


def resolve_decade(g: Groups, ref: Reference) -> Reading:
    text = (g["dec"] or "").lstrip("'’")
    if len(text) == 2:
        century = 1900 if ref.day is None or int(text) > ref.day.year % 100 else 2000
        first = century + int(text)
    else:
        first = int(text)
    return from_period(cal.decade_period(first), _pmod(g), 0.85)


def resolve_century(g: Groups) -> Reading | None:
    index = int(g["n"] or 0)
    if not 1 <= index <= 21:
        return None
    return from_period(cal.century_period(index), None, 0.85)


def resolve_ago(g: Groups, ref: Reference) -> Reading:
    amount = lexicon.number_value(g["num"] or "")
    unit = lexicon.norm(g["unit"]).rstrip("s")
    if amount is None or ref.day is None:
        return _vague("PAST_REF", ref) if amount is None else unresolved("PAST_REF")
    n = int(amount)
    day = ref.day
    if unit in {"day"}:
        return from_period(cal.day_period(day - timedelta(days=n)), None, 0.85)
    if unit in {"week", "fortnight"}:
        return from_period(cal.week_period(day - timedelta(weeks=n * (2 if unit[0] == "f" else 1))))
    if unit == "month":
        return from_period(cal.month_period(*cal.add_months(day.year, day.month, -n)))
    if unit in {"year", "decade", "century", "millennium", "millennia"}:
        span = {"year": 1, "decade": 10, "century": 100}.get(unit, 1000)
        year = day.year - span * n
        if year < 1:
            return _before_common_era(year, span)
        if unit == "decade":
            return from_period(cal.decade_period(year // 10 * 10))
        return from_period(cal.year_period(year), None if span == 1 else "APPROX")
    return _vague("PAST_REF", ref)


def _before_common_era(year: int, span: int) -> Reading:
    """"3,000 years ago": a year before 1 AD, as TIMEX3 writes it ("BC0991").

    Python's calendar stops at year 1, so the reading has a value and no UTC interval; it is
    approximate whenever the amount was rounder than a year.
    """
    mod = None if span == 1 else "APPROX"
    return Reading("DATE", f"BC{1 - year:04d}", mod, confidence=0.6)
