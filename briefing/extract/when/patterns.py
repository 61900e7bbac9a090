"""The finder's table: one regular expression per form, generated from the word tables.

Hand-written because no installed library finds time expressions with offsets and without
guessing (dateparser's `search_dates` reads "may" as a month and "0430" as a year).  Month and
weekday names are matched capitalised only, so "may"/"march" as verbs never match; number words
and calendar words match in any case.  Order matters: where two forms overlap, the finder keeps
the longer span and, at equal length, the earlier row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from briefing.extract.when import holidays, lexicon
from briefing.extract.when.zones import zone_keys


def _alt(words: Iterable[str]) -> str:
    """The words as one alternation, factored into a prefix tree ("a(?:bout|lmost|...)").

    Equivalent to listing them longest first (a word that is a prefix of another is tried
    after it), but the engine fails at the first letter instead of once per word: the flat
    lists of ~30 words made the patterns that open with them the finder's slowest.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    parts = [(r"\s+" if char == " " else re.escape(char)) + _branches(child)
             for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


def _cap(word: str) -> str:
    return word[0].upper() + word[1:]


MONTH_FULL = "(?:" + "|".join(_cap(m) for m in sorted(lexicon.MONTH_FULL, key=len,
                                                          reverse=True)) + r")\b"
MONTH_ABBR = "(?:" + "|".join(_cap(m) for m in sorted(lexicon.MONTH_ABBR, key=len,
                                                          reverse=True)) + r")\b\.?"
MONTH = f"(?P<mon>{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = "(?P<wd>" + "|".join(_cap(w) for w in lexicon.WEEKDAYS) + ")"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d,]\d)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORDNUM = (f"(?:{_TENS})[-\\s](?:one|two|three|four|five|six|seven|eight|nine)\\b|"
            + _alt([w for w in lexicon.SMALL_NUMBERS if w not in {"a", "an"}]) + r"\b")
NUMBER = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|(?i:{_WORDNUM}))"
UNIT = (r"(?i:(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|"
        r"decades?|centur(?:y|ies)))\b")
UNIT_SG = r"(?i:(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century))"
QMOD = "(?i:(?P<qmod>" + _alt(lexicon.QUANTITY_MODS) + r"))\s+"
PMOD = (r"(?i:(?P<pmod>early|mid|late|earlier|later|"
        r"the\s+(?:start|beginning|middle|end)\s+of))(?:\s+|-)")
AMPM = r"(?P<ap>[AaPp]\.?\s?[Mm]\b\.?)"
PART = r"(?i:(?P<part>morning|afternoon|evening|night|overnight))\b"
_NOT_PLURAL = r"(?!(?:was|has|is|as|its|his|this|thus|plus|versus|vs|us|yes|less)\b)"
WB = r"(?<![\w$£€#@/.-])"


# "Good Friday", "Black Friday", "Easter Monday": the weekday is part of a holiday's name (and
# of a treaty's: "the Good Friday Agreement"), never a weekday of its own.
_NOT_IN_HOLIDAY = "".join(f"(?<!{word} )" for word in (
    "Good", "Black", "Cyber", "Easter", "Palm", "Ash", "Shrove", "Maundy", "Holy", "Whit"))


def _holiday_names() -> str:
    """Every holiday name of data/holidays.tsv, longest first, spaces and apostrophes as news
    writes them; never before a noun that makes it a thing ("Christmas tree", "Easter
    Island", "the Good Friday Agreement") rather than a day."""
    names = sorted(holidays.holidays(), key=len, reverse=True)
    spelled = [re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]") for n in names]
    return ("(?<!Orthodox )(?P<holiday>" + "|".join(spelled) + r")(?![\w'’-])"
            r"(?!\s+(?i:island|rising|uprising|offensive|eggs?|bunny|trees?|cards?|carols?|"
            r"markets?|lights|decorations?|gifts?|presents?|shopping|songs?|movies?|films?|"
            r"specials?|ads?|adverts?|jumpers?|sweaters?|puddings?|cakes?|crackers?|"
            r"stockings?|album|single|number|hit|list|costumes?|resolutions?|honours|honors|"
            r"agreement|accords?)\b)")


def _abbrs() -> str:
    return _alt([k for k in zone_keys() if k.isupper() and len(k) > 1])


# A capitalised place name in any Latin script: "Türkiye", "São Paulo", "Nur-Sultan".
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*"


def _zone_suffix() -> str:
    """A zone after a clock time: abbreviation, offset, zone word or "<Place> time"."""
    return (r"(?:\s*\(?(?P<abbr>" + _abbrs() + r")\)?(?![\w])"
            r"(?:\s?(?P<off>[+\-−]\s?\d{1,2}(?::?\d{2})?))?"
            r"|\s+(?P<zword>Eastern|Central|Mountain|Pacific|Atlantic)"
            r"(?:\s+(?:Standard\s+|Daylight\s+)?[Tt]ime)?\b"
            r"|\s+(?P<place>local|" + _PLACE_WORD + r"(?:\s" + _PLACE_WORD + r")?)\s+time\b)?")


class Row(NamedTuple):
    """One form: the resolver it goes to, the words it can open with, its pattern."""

    kind: str
    leads: frozenset[str]
    """Lead keys (see `lead_key`) of the words a match of this row can begin with."""
    pattern: re.Pattern[str]


def lead_key(token: str) -> str:
    """How a start token is looked up in `Row.leads`: a word in lower case; a token holding
    a digit by its shape, "#" and its count of leading digits (5 for five or more), then "x"
    if anything follows them: "30" -> "#2", "30th" -> "#2x", "1430Z" -> "#4x", "Q1" -> "#0x"."""
    token = token.lstrip("'’")
    digits = [char.isdecimal() for char in token]  # what the patterns' \d reads
    if not any(digits):
        return token.lower()
    leading = digits.index(False) if False in digits else len(token)
    return f"#{min(leading, 5)}" + ("" if leading == len(token) else "x")


def _first_words(phrases: object) -> set[str]:
    return {phrase.split()[0] for phrase in phrases}  # type: ignore[attr-defined]


# Word classes the `leads` strings below name; any other word in them stands for itself.
_LEAD_CLASSES: dict[str, set[str]] = {
    "QMOD": _first_words(lexicon.QUANTITY_MODS),
    "PMOD": {"early", "mid", "late", "earlier", "later", "the"},
    "REL": {"last", "next", "this", "past", "coming"},
    "MONTH": set(lexicon.MONTHS),
    "WEEKDAY": set(lexicon.WEEKDAYS),
    "WEEKDAYS": {day + "s" for day in lexicon.WEEKDAYS},
    "SEASON": set(lexicon.SEASONS),
    "NUM": {"#1", "#2", "#3", "#4", "#5", *_first_words(lexicon.SMALL_NUMBERS)},
    "VAGUEQ": _first_words(lexicon.VAGUE_QUANTITIES),
    "VAGUE": _first_words(lexicon.VAGUE),
    "SETS": set(lexicon.SETS),
    "HOLIDAY": {lead_key(name.split()[0].split("'")[0].rstrip("."))
                for name in holidays.holidays()},
}


def _leads(spec: str) -> frozenset[str]:
    return frozenset(w for name in spec.split() for w in _LEAD_CLASSES.get(name, {name}))


@cache
def table() -> list[Row]:
    """The rows in priority order, compiled once per process.

    Each row names the words it can start with so the finder tries, at a start position,
    only the rows that can match there: most rows open with optional modifiers that the
    regex engine would otherwise try (and fail) at every proposed position.  A lead missing
    here would hide a form; tests/test_when_finder.py checks every match against its row's.
    """
    zone = _zone_suffix()
    clock_lead = r"(?:" + QMOD + r")?"
    rows = [
        ("dtg", "#5 #5x",
         r"\b(?P<d>[0-3]\d)(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?P<z>[A-Z])\s?"
         r"(?P<mon>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s?(?P<y>\d{2})\b"),
        ("iso", "#4",
         rf"{WB}(?P<year>\d{{4}})-(?P<mo>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
         r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
         r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"),
        ("numeric", "#1 #2",
         rf"{WB}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<c>\d{{4}}|\d{{2}})(?![\d/])"),
        ("clock", "QMOD #1 #2",
         clock_lead + rf"{WB}(?P<h>1[0-2]|0?[1-9])\.(?P<m>[0-5]\d)\s?{AMPM}" + zone),
        ("clock", "QMOD #1 #2",
         clock_lead + rf"{WB}(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
         rf"(?![\d.:]\d)(?:\s?{AMPM})?(?:\s+(?i:hrs|hours)\b)?" + zone),
        ("clock", "QMOD #1 #2 #1x #2x",
         clock_lead + rf"{WB}(?P<h>1[0-2]|0?[1-9])\s?{AMPM}" + zone),
        ("clock", "QMOD #1 #2",
         clock_lead + rf"{WB}(?P<h>1[0-2]|0?[1-9])\s+o['’]clock\b" + zone),
        ("clock", "QMOD #2 noon midnight midday",
         clock_lead + r"(?P<word>(?i:(?:12\s+)?(?:noon|midnight|midday)))\b" + zone),
        ("clock", "QMOD #4 #4x",
         clock_lead + rf"{WB}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)"
         r"(?:(?P<zulu>Z)\b|\s?(?i:hrs|hours)\b|(?=\s*\(?(?:" + _abbrs()
         + r")(?!\w)))" + zone),
        ("date", "WEEKDAY MONTH",
         rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}"
         rf"(?:,?\s+{YEAR}|\s+(?i:(?P<yrel>last|this|next)\s+year)\b)?"),
        ("date", "WEEKDAY the #1 #2 #1x #2x",
         rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"),
        ("month", "PMOD REL MONTH",
         rf"(?:{PMOD})?(?:(?i:(?P<rel>last|next|this|past|coming))\s+)?"
         rf"(?:{MONTH_FULL.replace('(?:', '(?P<mname>', 1)})"
         rf"(?:,?\s+{YEAR}|\s+(?i:(?P<yrel>last|this|next)\s+year)\b)?"),
        ("holiday", "REL the HOLIDAY",
         r"(?:(?i:(?P<rel>last|next|this|coming|past))\s+)?(?:(?i:the)\s+)?"
         + _holiday_names() + rf"(?:,?\s+(?:of\s+)?{YEAR})?(?:\s+{PART})?"),
        ("weekday", "early late mid REL WEEKDAY",
         rf"(?:(?i:(?P<pmod>early|late|mid))\s+)?"
         rf"(?:(?i:(?P<rel>last|next|this|coming|past))\s+)?{_NOT_IN_HOLIDAY}{WEEKDAY}\b"
         rf"(?:['’]s)?(?:\s+{PART})?"),
        ("weekdays", "every WEEKDAYS",
         r"(?:(?i:every)\s+" + WEEKDAY + r"|(?<=\bon\s)(?P<plural>(?:Mon|Tues|Wednes"
         r"|Thurs|Fri|Satur|Sun)days)\b)"),
        ("relday", "today yesterday tomorrow tonight",
         r"(?i:(?P<rel>today|yesterday|tomorrow|tonight))(?:['’]s)?"
         rf"(?:\s+{PART})?\b"),
        ("relday", "this last",
         rf"(?i:(?P<rel>this|last))\s+{PART}"),
        ("period", "PMOD this last next the",
         rf"(?:{PMOD})?(?i:(?P<rel>this|last|next|the\s+current|the\s+coming))\s+"
         r"(?i:(?P<fiscal>fiscal)\s+)?"
         r"(?i:(?P<per>week|weekend|month|year|quarter|decade|century|"
         r"spring|summer|fall|autumn|winter))\b"),
        ("period", "PMOD",
         rf"{PMOD}(?i:(?P<rel>the))\s+(?i:(?P<per>week|month|year|decade|century))\b"),
        ("weekend", "the this last next",
         r"(?i:(?P<det>the|this|last|next)\s+weekend)\b"),
        ("season", "PMOD SEASON",
         r"(?:" + PMOD + r")?(?i:(?P<season>spring|summer|fall|autumn|winter))"
         rf"(?:\s+(?:of\s+)?{YEAR})"),
        ("quarter", "the first second third fourth final last #1x",
         r"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|"
         r"3rd|4th)[\s-]+quarter)(?:\s+(?:of\s+)?" + YEAR + r")?"),
        ("quarter", "#0x",
         r"\bQ(?P<q>[1-4])\s*(?P<year>(?:19|20)\d\d)\b"),
        ("decade", "the early mid late #2 #2x #4 #4x",
         r"(?:(?i:the)\s+)?(?:(?i:(?P<pmod>early|mid|late))[\s-]+)?"
         r"(?P<dec>(?:1[6-9]|20)\d0|['’]\d0)['’]?s\b"),
        ("century", "the #1x #2x",
         r"(?:(?i:the)\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury"),
        ("yearrange", "#4",
         rf"{WB}{YEAR}[-–](?P<y2>\d\d)\b(?![-–]\d)"),
        ("year", "PMOD #4 #4x",
         rf"(?:{PMOD})?{WB}{YEAR}(?!\s*[%-])(?!\s+(?:{_NOT_PLURAL})[a-z]+s\b(?!['’]))"
         r"(?!\s+(?:people|men|women|children|staff|police|personnel)\b)"),
        # counted from the narrative's day, not from publication (anaphora.py); "next" only
        # with "the": "next week" alone counts from publication (the "period" row)
        ("anaphor", "the",
         r"(?i:the\s+(?P<arel>next)\s+(?P<aunit>day|morning|afternoon|evening|night))\b"
         r"(?!\s+of\b)"),
        ("anaphor", "the following previous preceding same",
         r"(?i:(?:the\s+)?(?P<arel>following|previous|preceding|same)\s+"
         r"(?P<aunit>day|morning|afternoon|evening|night|week|month|year))\b"
         r"(?!\s+of\b)"),
        ("anaphor", "later earlier that",
         r"(?i:(?:(?P<aside>later|earlier)\s+)?(?P<arel>that)\s+"
         r"(?P<aunit>day|morning|afternoon|evening|night|week|month|year))\b"
         r"(?!\s+of\b)"),
        ("anaphor", "later earlier",
         r"(?i:(?P<aside>later|earlier)\s+in\s+the\s+(?P<aunit>day|week|month|year))\b"),
        ("anaphor", "NUM",
         rf"(?P<num>{NUMBER}|(?i:a|an))\s+(?i:(?P<aunit>days?|weeks?|months?|years?))\s+"
         r"(?i:(?P<adir>later|earlier))\b"),
        ("ago", "NUM several many",
         rf"(?P<num>{NUMBER}|(?i:a|an|several|a\s+few|many))\s+{UNIT}\s+(?i:ago)\b"),
        ("duration_range", "NUM",
         rf"(?P<n1>{NUMBER})\s+(?i:and|to|or)\s+"
         rf"(?P<n2>{NUMBER})\s+{UNIT}"),
        ("duration", "the QMOD NUM",
         rf"(?:(?i:the\s+(?P<rel>past|last|next|coming|previous|following|first))"
         rf"\s+)?(?:{QMOD})?(?P<num>{NUMBER}|(?i:a|an))\s+"
         rf"(?:(?i:and\s+a\s+half)\s+)?{UNIT}(?![-\s](?i:olds?)\b)"
         r"(?:\s+(?i:and\s+a\s+half))?(?:['’](?=\s))?"),
        ("duration", "NUM",
         rf"{WB}(?P<num>\d+|(?i:{_WORDNUM}))-{UNIT_SG}"
         r"(?![-\w])"),
        ("duration", "the",
         r"(?i:the\s+(?P<rel>past|last|next|previous|following))\s+"
         r"(?i:(?P<unit>hour|week|month|year|decade|century))\b"),
        ("duration_vague", "VAGUEQ",
         r"(?i:(?P<q>" + _alt(lexicon.VAGUE_QUANTITIES) + r"))\s+"
         r"(?i:(?P<unit>seconds|minutes|hours|days|weeks|months|years|"
         r"decades|centuries))\b"),
        ("duration_vague", "for took take takes taking lasted within",
         r"\b(?i:for|took|take|takes|taking|lasted|within)\s+"
         r"(?P<core>(?i:(?P<unit>minutes|hours|days|weeks|months|years|"
         r"decades)))\b"
         r"(?!\s+(?:ago|of|before|after|later|earlier)\b)"),
        ("vague", "VAGUE",
         r"\b(?i:(?P<v>" + _alt(lexicon.VAGUE) + r"))\b"
         r"(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten)\b)"),
        ("set", "SETS",
         r"\b(?i:(?P<w>" + _alt(lexicon.SETS) + r"))\b"),
        ("set", "every each",
         r"\b(?i:every|each)\s+(?:(?P<n>other|\d+|two|three|four|five|six)\s+)?"
         r"(?i:(?P<unit>day|week|month|year|morning|afternoon|evening|night|hour|"
         r"minute|days|weeks|months|years|hours|minutes))\b"),
    ]
    return [Row(kind, _leads(leads), re.compile(source)) for kind, leads, source in rows]
