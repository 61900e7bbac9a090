"""Word tables the finder and resolver share: months, weekdays, numbers, units, parts of day.

Kept as plain tables (not a library) because each entry also carries the TIMEX3 code the
resolver writes, and because the finder's regular expressions are generated from them.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in {"may", "june", "july"}]
MONTH_ABBR = [m for m in MONTHS if m not in MONTH_FULL]
# Month names that are also common English words: a bare one needs a calendar context.
VERB_MONTHS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
}
# Quantities that say "some number of" without saying which: TIMEX3 writes them as X.
VAGUE_QUANTITIES = frozenset({"several", "a few", "few", "many", "some", "recent", "the past few",
                              "the last few", "the next few", "the coming", "the past several",
                              "numerous", "a number of", "the last several", "dozens of",
                              "hundreds of", "the next several"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

# unit word -> (TIMEX3 duration letter, is it a clock unit written after "T")
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "min": ("M", True), "hr": ("H", True),
}
UNIT_SCALE = {"fortnight": 2}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
# Local wall-clock bounds (hour from, hour to; 24+ runs into the next day) of a part of day.
PART_HOURS: dict[str, tuple[int, int]] = {"MO": (4, 12), "AF": (12, 18), "EV": (18, 24),
                                          "NI": (20, 28)}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA",
                           "winter": "WI"}
# Northern-hemisphere meteorological seasons: first month, number of months.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3),
                                             "WI": (12, 3)}

# Approximation words before a quantity or clock time -> TIMEX3 mod.
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "just under": "LESS_THAN",
    "under": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "just over": "MORE_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "shortly after": "AFTER", "just after": "AFTER", "shortly before": "BEFORE",
    "just before": "BEFORE", "well over": "MORE_THAN", "an estimated": "APPROX",
}
# Position words before a period -> TIMEX3 mod.
POSITION_MODS: dict[str, str] = {
    "early": "START", "the start of": "START", "the beginning of": "START",
    "the middle of": "MID", "mid": "MID", "late": "END", "the end of": "END",
}

# Vague references: word -> TIMEX3 value.
VAGUE: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "right now": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "the past": "PAST_REF", "at the time": "PAST_REF",
    "in the past": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the weeks ahead": "FUTURE_REF",
    "the days ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
    "the years ahead": "FUTURE_REF",
}

# Recurrences: word -> TIMEX3 value of a SET.
SETS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
}


def norm(text: str | None) -> str:
    """A matched group as the tables key it: lower case, single spaces ("Shortly  After")."""
    return " ".join((text or "").lower().split())


def number_value(word: str) -> float | None:
    """A written or digit quantity as a number; None for a vague one ("several")."""
    text = " ".join(word.lower().replace(",", "").split())
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text]
    try:
        return float(text)
    except ValueError:
        pass
    parts = text.replace("-", " ").split()
    if len(parts) == 2 and all(p in SMALL_NUMBERS for p in parts):
        a, b = SMALL_NUMBERS[parts[0]], SMALL_NUMBERS[parts[1]]
        return a * b if b == 100 else a + b
    return None
