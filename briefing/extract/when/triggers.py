"""Where a time expression can start: the finder's speed.

Running ~35 regular expressions over every character costs ~30 ms an article (each pattern
opens with word alternations the regex engine must try at every position).  Instead one cheap
token scan finds the trigger words (digits, month and weekday names, units, calendar and vague
words); each trigger proposes only the pattern kinds it can belong to, starting at the trigger
or at the modifier words just before it ("about", "the past", "early").  The patterns then run
anchored (`match`) at those few positions only.

The scan itself avoids the regex engine, which costs ~50 ns a character even for `\w+`: the
text becomes ASCII bytes of the same length (token characters kept, everything else a space),
`split` cuts it in C, and offsets come from the running sum of part lengths.  The tokens are
exactly those of `['’]?[\w$]+`, the tokeniser this replaced (the leading apostrophe is read
from the text when a trigger needs it).
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from itertools import accumulate

from briefing.extract.when import lexicon

_ERRORS = "briefing-when-tokens"
_APOSTROPHES = "'’"


def _non_ascii(error: UnicodeError) -> tuple[str, int]:
    """One ASCII byte per character, so offsets survive: a letter or digit stays part of its
    token ("_", which no trigger contains); any other symbol separates tokens."""
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start:error.end]
    return "".join("_" if char.isalnum() else " " for char in chunk), error.end


codecs.register_error(_ERRORS, _non_ascii)
_KEEP = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$")
_SEPARATE = bytes(c if c in _KEEP else 32 for c in range(256))


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DIGIT = re.compile(rb"\d").search
_DIGIT_KINDS = frozenset({"dtg", "iso", "numeric", "clock", "date", "quarter", "decade",
                          "century", "yearrange", "year", "ago", "duration_range", "duration",
                          "set", "season"})
_PREFIX = _split("""about around roughly approximately some nearly almost just under less
    fewer than over more at least most up to shortly after before well an estimated the a past
    last next coming previous following first early mid late earlier later start beginning
    middle end of this current in and or between several few many recent numerous number
    dozens hundreds fiscal every each other near these right for took take takes
    taking lasted within""")
_PREFIX_BYTES = frozenset(word.encode() for word in _PREFIX)


@cache
def _words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}

    def add(words: object, *kinds: str) -> None:
        for word in words:  # type: ignore[attr-defined]
            table.setdefault(word, set()).update(kinds)

    add(["noon", "midnight", "midday"], "clock")
    add(["today", "yesterday", "tomorrow", "tonight"], "relday")
    add(lexicon.PARTS_OF_DAY, "relday")
    # A unit word proposes only the kinds whose patterns hold it (see patterns.py: UNIT,
    # duration_vague's plurals, period, weekend, season, quarter); "every"/"each" and the
    # vague phrases' words are triggers of their own.
    for unit in ("second", "minute", "hour", "day", "week", "fortnight", "month", "year",
                 "decade", "century"):
        plural = "centuries" if unit == "century" else unit + "s"
        add([unit, plural], "duration", "duration_range", "ago")
        if unit != "fortnight":
            add([plural], "duration_vague")
    add(["week", "weekend", "month", "year", "quarter", "decade", "century", *lexicon.SEASONS],
        "period")
    add(["weekend"], "weekend")
    add(lexicon.SEASONS, "season")
    add(["quarter"], "quarter")
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


@cache
def _lookup() -> dict[bytes, tuple[str, frozenset[str]]]:
    """Every trigger spelling (lower, Capitalised, UPPER for words; names as written) ->
    (its lead key, the pattern kinds it proposes)."""
    table: dict[str, frozenset[str]] = {}
    for word, kinds in _words().items():
        for spelling in (word, word.capitalize(), word.upper()):
            table[spelling] = table.get(spelling, frozenset()) | kinds
    for name, kinds in _names().items():
        table[name] = table.get(name, frozenset()) | kinds
    for month in [*lexicon.MONTH_ABBR, "may", "jun", "jul"]:
        table[month[:3].upper()] = table.get(month[:3].upper(), frozenset()) | {"dtg"}
    return {word.encode(): (word.lower(), kinds) for word, kinds in table.items()}


def start_positions(text: str) -> dict[int, tuple[str, frozenset[str]]]:
    """offset -> (lead key of the token there, pattern kinds worth trying), for every trigger
    and the modifier words just before it; kinds proposed by several triggers are merged."""
    parts = text.encode("ascii", _ERRORS).translate(_SEPARATE).split(b" ")
    lookup = _lookup()
    hits = [i for i, part in enumerate(parts) if part in lookup or (part and not part.isalpha())]
    if not hits:
        return {}
    offsets = list(accumulate(map(len, parts), initial=0))
    out: dict[int, tuple[str, frozenset[str]]] = {}
    for index in hits:
        part, at = parts[index], offsets[index] + index
        found = None if at and text[at - 1] in _APOSTROPHES else lookup.get(part)
        if found is None:
            if not _DIGIT(part) or _continues_number(text, at):
                continue  # "'s", an apostrophe-led word, "000" in "100,000", "35" in "3:35"
            at -= bool(at and text[at - 1] in _APOSTROPHES)  # "'90s" starts at its apostrophe
            found = ("#", _DIGIT_KINDS)
        _propose(out, at, *found)
        tokens, back = 0, index - 1
        while back >= 0 and tokens < 5:
            word = parts[back].lower()
            start = offsets[back] + back
            back -= 1
            if not word:
                continue
            if word not in _PREFIX_BYTES or (start and text[start - 1] in _APOSTROPHES):
                break
            _propose(out, start, word.decode(), found[1])
            tokens += 1
    return out


def _continues_number(text: str, at: int) -> bool:
    """A later group of a number or clock time ("000" in "100,000", "35" in "3:35"): any
    expression holding it starts at the number's first digits, which are proposed already."""
    return at > 1 and text[at - 1] in ",.:" and text[at - 2].isdigit()


def _propose(out: dict[int, tuple[str, frozenset[str]]], at: int, key: str,
             kinds: frozenset[str]) -> None:
    known = out.get(at)
    out[at] = (key, kinds if known is None else known[1] | kinds)
