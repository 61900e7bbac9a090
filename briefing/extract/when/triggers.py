r"""Where a time expression can start: the finder's speed.

Running ~35 regular expressions over every character costs ~30 ms an article (each pattern
opens with word alternations the regex engine must try at every position).  Instead one cheap
token scan finds the trigger words (digits, month and weekday names, units, calendar and vague
words); each trigger proposes only the pattern kinds it can belong to, starting at the trigger
or at the modifier words just before it ("about", "the past", "early").  At each position only
the rows of those kinds that can begin with the token found there (`Row.leads`) are kept, so
the patterns run anchored (`match`) about 140 times an article instead of ~990.

The scan itself avoids the regex engine, which costs ~50 ns a character even for `\w+`: the
text becomes single-byte cp1252 (which holds news punctuation such as ’ “ — and most Latin
letters; anything else goes through a one-character error handler, so offsets survive), one
`translate` keeps ASCII token characters, marks other letters "_" and blanks the rest,
`split` cuts it in C, and offsets come from summing part lengths (in C) between hits.  The
tokens are exactly those of `['’]?[\w$]+`, the tokeniser this replaced (the leading
apostrophe is read from the text when a trigger needs it).  Locating each trigger word with
`bytes.find` instead measured slower: one pass over the text per distinct word.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from briefing.extract.when import holidays, lexicon
from briefing.extract.when.patterns import Row, lead_key, table

_ERRORS = "briefing-when-tokens"
_APOSTROPHES = "'’"


def _one_byte(error: UnicodeError) -> tuple[str, int]:
    """A character cp1252 lacks, as one byte so offsets survive: "0" for a decimal digit (the
    patterns' `\\d` reads "٣" too), "_" for another letter or digit (no trigger holds one),
    else a space."""
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start:error.end]
    return "".join("0" if char.isdecimal() else "_" if char.isalnum() else " "
                   for char in chunk), error.end


def _separators() -> bytes:
    table = bytearray(b" " * 256)
    for code in range(256):
        char = bytes([code]).decode("cp1252", errors="ignore")
        if code < 128 and (char.isalnum() or char in "_$"):
            table[code] = code
        elif char.isalnum():
            table[code] = ord("_")
    return bytes(table)


codecs.register_error(_ERRORS, _one_byte)
_SEPARATE = _separators()


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DIGIT = re.compile(rb"\d").search
_DIGIT_KINDS = frozenset({"dtg", "iso", "numeric", "clock", "date", "quarter", "decade",
                          "century", "yearrange", "year", "ago", "duration_range", "duration",
                          "set", "season", "anaphor"})
_PREFIX = _split("""about around roughly approximately some nearly almost just under less
    fewer than over more at least most up to shortly after before well an estimated the a past
    last next coming previous following first early mid late earlier later start beginning
    middle end of this current in and or between several few many recent numerous number
    dozens hundreds fiscal every each other near these right for took take takes
    taking lasted within that same preceding""")
_PREFIX_BYTES = frozenset(word.encode() for word in _PREFIX)


@cache
def _words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}

    def add(words: object, *kinds: str) -> None:
        for word in words:  # type: ignore[attr-defined]
            table.setdefault(word, set()).update(kinds)

    add(["noon", "midnight", "midday"], "clock")
    add(["day", "days", "week", "weeks", "month", "months", "year", "years",
         *lexicon.PARTS_OF_DAY], "anaphor")
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
        "duration", "duration_range", "ago", "anaphor")
    return {k: frozenset(v) for k, v in table.items()}


@cache
def _names() -> dict[str, frozenset[str]]:
    names: dict[str, frozenset[str]] = {}
    for month in lexicon.MONTHS:
        names[month.capitalize()] = frozenset({"date", "month"})
    for day in lexicon.WEEKDAYS:
        names[day.capitalize()] = frozenset({"weekday", "weekdays", "date"})
        names[day.capitalize() + "s"] = frozenset({"weekdays"})
    for holiday in holidays.holidays():  # "St. Patrick's Day" is triggered by "St"
        first = holiday.split()[0].split("'")[0].rstrip(".")
        names[first] = names.get(first, frozenset()) | {"holiday"}
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


Rows = tuple[tuple[int, Row], ...]


@cache
def rows_for(key: str, kinds: frozenset[str]) -> Rows:
    """(rank, row) of the rows worth trying where a token with lead key `key` starts and
    `kinds` are proposed.  Keyed by the lookup's own frozensets, so a hit is an identity test."""
    return tuple((rank, row) for rank, row in enumerate(table())
                 if row.kind in kinds and key in row.leads)


@cache
def _merged(first: Rows, second: Rows) -> Rows:
    return tuple(sorted({*first, *second}, key=lambda item: item[0]))


def start_positions(text: str) -> dict[int, Rows]:
    """offset -> the (rank, row) pairs worth trying there, for every trigger and the
    modifier words just before it that some pattern of its kinds can start with."""
    parts = text.encode("cp1252", _ERRORS).translate(_SEPARATE).split(b" ")
    lookup = _lookup()
    hits = [i for i, part in enumerate(parts) if part in lookup or (part and not part.isalpha())]
    if not hits:
        return {}
    done = offset = 0  # `offset` is where parts[done] starts
    out: dict[int, Rows] = {}
    for index in hits:
        offset += sum(map(len, parts[done:index])) + index - done
        done = index
        trigger = _trigger_at(text, parts[index], offset, lookup)
        if trigger is None:
            continue
        at, key, kinds = trigger
        proposals = [(at, key), *_modifiers_before(text, parts, index, offset)]
        for spot, lead in proposals:
            rows = rows_for(lead, kinds)
            if rows:
                known = out.get(spot)
                out[spot] = rows if known is None or known is rows else _merged(known, rows)
    return out


def _trigger_at(text: str, part: bytes, at: int, lookup: dict[bytes, tuple[str, frozenset[str]]],
                ) -> tuple[int, str, frozenset[str]] | None:
    """The trigger word or number `part` at offset `at`: where it starts, its lead key and
    the kinds it proposes; None for a word that only looks like one."""
    found = None if at and text[at - 1] in _APOSTROPHES else lookup.get(part)
    if found is not None:
        return at, found[0], found[1]
    if not _DIGIT(part) or _continues_number(text, at):
        return None  # "'s", an apostrophe-led word, "000" in "100,000", "35" in "3:35"
    at -= bool(at and text[at - 1] in _APOSTROPHES)  # "'90s" starts at its apostrophe
    return at, lead_key(part.decode()), _DIGIT_KINDS


def _modifiers_before(text: str, parts: list[bytes], index: int,
                      offset: int) -> list[tuple[int, str]]:
    """The modifier words ("early", "last", "the") just before parts[index], at most five,
    nearest first, each with its offset: a pattern may start at any of them."""
    out = []
    tokens, back, start = 0, index - 1, offset
    while back >= 0 and tokens < 5:
        word = parts[back].lower()
        start -= len(word) + 1
        back -= 1
        if not word:
            continue
        if word not in _PREFIX_BYTES or (start and text[start - 1] in _APOSTROPHES):
            break
        out.append((start, word.decode()))
        tokens += 1
    return out


def _continues_number(text: str, at: int) -> bool:
    """A later group of a number or clock time ("000" in "100,000", "35" in "3:35"): any
    expression holding it starts at the number's first digits, which are proposed already."""
    return at > 1 and text[at - 1] in ",.:" and text[at - 2].isdigit()
