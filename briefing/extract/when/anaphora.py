"""Times told from the story's own clock: "the next day", "that morning", "two days later".

TimeML marks them as dates whose value counts from the time the narrative has reached, not
from publication: "The talks failed on March 3. The next day, troops moved." is March 4.
That time is the last day named before the expression (as a reader keeps it); with none
named, the publication day, as for "tomorrow".  Such a reading is less sure than a date
written out, and says so in its confidence.
"""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from briefing.extract.when import calendar as cal
from briefing.extract.when import lexicon
from briefing.extract.when.periods import from_period, unresolved
from briefing.extract.when.reference import Reading, Reference

Groups = dict[str, str | None]

_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}
_CONFIDENCE = 0.7
# The grains of named dates a unit may count from.
_FINE_ENOUGH = {"month": ("day", "month"), "year": ("day", "month", "year")}


def resolve_anaphor(g: Groups, start: int, ref: Reference,
                    dates: list[tuple[int, date, str]]) -> Reading | None:
    """The reading of an expression counted from the narrative's time (see the docstring).

    `dates` holds (offset, first day, grain) of every date named in the text, in text order.
    The last one named before counts: a day or a week from a day, a month from a day or a
    month, a year from any date ("He arrived in 1998. Two years later ..."); after a date
    coarser than the unit ("in 1998 ... the next day") the day is not known.
    """
    unit = lexicon.norm(g.get("aunit")).rstrip("s")
    steps = _steps(g)
    if steps is None:
        return None
    fine_enough = _FINE_ENOUGH.get(unit, ("day",))
    index = bisect.bisect_left(dates, (start,))
    if index:
        _, last, grain = dates[index - 1]
        # the story has moved to a time coarser than the unit: its day is not known
        anchor: date | None = last if grain in fine_enough else None
    else:
        anchor = ref.day  # nothing named yet: counted from publication, as "tomorrow" is
    if anchor is None:
        return unresolved("XXXX-XX-XX")
    part = lexicon.PARTS_OF_DAY.get(unit)
    if unit == "day" or part:
        day = anchor + timedelta(days=steps)
        if part:
            return from_period(cal.part_of_day(day, part), None, _CONFIDENCE, "TIME", day)
        return from_period(cal.day_period(day), None, _CONFIDENCE, day=day)
    if unit == "week":
        return from_period(cal.week_period(anchor + timedelta(weeks=steps)), None, _CONFIDENCE)
    if unit == "month":
        year, month = cal.add_months(anchor.year, anchor.month, steps)
        return from_period(cal.month_period(year, month), None, _CONFIDENCE)
    if unit == "year":
        return from_period(cal.year_period(anchor.year + steps), None, _CONFIDENCE)
    return None


def _steps(g: Groups) -> int | None:
    """How many units on from the narrative's time: +1 for "the next", -2 for "two ...
    earlier", 0 for "that" and "later in the"."""
    rel = lexicon.norm(g.get("arel"))
    if rel:
        return _STEP.get(rel)
    if g.get("aside") and not g.get("num"):
        return 0  # "later that day", "earlier in the week": the same day or week
    amount = lexicon.norm(g.get("num"))
    count = int(amount) if amount.isdigit() else lexicon.SMALL_NUMBERS.get(amount)
    if count is None:
        return None
    return count if lexicon.norm(g.get("adir")) == "later" else -count
