"""Where a time expression can start: the finder's speed.

Running ~35 regular expressions over every character costs ~30 ms an article (each pattern
opens with word alternations the regex engine must try at every position).  Instead one cheap
token scan finds the trigger words (digits, month and weekday names, units, calendar and vague
words); each trigger proposes only the pattern kinds it can belong to, starting at the trigger
or at the modifier words just before it ("about", "the past", "early").  The patterns then run
anchored (`match`) at those few positions only.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.extract.when import lexicon

_TOKEN = re.compile(r"['’]?[\w$]+")
_DIGIT_KINDS = frozenset({"dtg", "iso", "numeric", "clock", "date", "quarter", "decade",
                          "century", "yearrange", "year", "ago", "duration_range", "duration",
                          "set", "season"})
_UNIT_KINDS = frozenset({"duration", "duration_range", "ago", "duration_vague", "period",
                         "weekend", "season", "quarter", "set", "vague"})
_PREFIX = frozenset("""about around roughly approximately some nearly almost just under less
    fewer than over more at least most up to shortly after before well an estimated the a past
    last next coming previous following first early mid late earlier later start beginning
    middle end of this current in and or between several few many recent numerous number
    dozens hundreds fiscal every each other near these right""".split())


@cache
def _words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}

    def add(words: object, *kinds: str) -> None:
        for word in words:  # type: ignore[attr-defined]
            table.setdefault(word, set()).update(kinds)

    add(["noon", "midnight", "midday"], "clock")
    add(["today", "yesterday", "tomorrow", "tonight"], "relday")
    add(lexicon.PARTS_OF_DAY, "relday")
    add(["week", "weekend", "month", "year", "quarter", "decade", "century", "fortnight",
         "weeks", "months", "years", "quarters", "decades", "centuries", "fortnights",
         "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "hrs",
         "weekends", "spring", "summer", "fall", "autumn", "winter"], *_UNIT_KINDS)
    add([w for phrase in lexicon.VAGUE for w in phrase.split()
         if w not in {"the", "in", "at", "near"}], "vague")
    add(lexicon.SETS, "set")
    add(["every", "each"], "set", "weekdays")
    add([w for w in lexicon.SMALL_NUMBERS if " " not in w and w not in {"a", "an"}],
        "duration", "duration_range", "ago")
    return {k: frozenset(v) for k, v in table.items()}


@cache
def _names() -> dict[str, frozenset[str]]:
    names: dict[str, frozenset[str]] = {}
    for month in lexicon.MONTHS:
        names[month.capitalize()] = frozenset({"date", "month"})
    for day in lexicon.WEEKDAYS:
        names[day.capitalize()] = frozenset({"weekday", "weekdays", "date"})
        names[day.capitalize() + "s"] = frozenset({"weekdays"})
    return names


def start_positions(text: str) -> list[tuple[int, frozenset[str]]]:
    """(offset, pattern kinds worth trying there), for every trigger and its modifiers."""
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(text)]
    words, names = _words(), _names()
    out: list[tuple[int, frozenset[str]]] = []
    for index, (start, token) in enumerate(tokens):
        bare = token.lstrip("'’")
        if any(c.isdigit() for c in bare):
            kinds = _DIGIT_KINDS
        else:
            kinds = names.get(bare) or words.get(bare.lower()) or frozenset()
            if bare.isupper() and len(bare) == 3 and bare.lower() in lexicon.MONTHS:
                kinds = kinds | {"dtg"}
        if not kinds:
            continue
        out.append((start, kinds))
        back = index - 1
        while back >= 0 and index - back <= 5 and tokens[back][1].lower() in _PREFIX:
            out.append((tokens[back][0], kinds))
            back -= 1
    return out
