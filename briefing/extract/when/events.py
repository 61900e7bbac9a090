"""A date and the event it dates, as one WHEN item: "Sunday's Brazilian Grand Prix",
"Tuesday's presidential election", "last night's debate".

TimeML keeps the TIMEX3 ("Sunday") apart from its EVENT ("Grand Prix") and links them; the
pane has one line per time, and "Sun 13 Nov  Sunday" tells an officer less than "Sun 13 Nov
Sunday's Brazilian Grand Prix". So a date written in the possessive before an event's name
takes that name into its span. The value, the interval and the zone stay the date's own.
"""

from __future__ import annotations

import dataclasses
import re

from briefing.extract.roles import EVENT_HEADS
from briefing.model import TimeMention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Heads of an event's name in any case: "the vote", "Tuesday's Senate vote".
_EVENT_NOUNS = _words("""
    election elections vote votes referendum primary primaries caucus caucuses runoff ballot
    debate debates summit meeting meetings talks conference convention congress assembly
    race match game final finals semifinal semi-final derby tournament qualifier qualifying
    ceremony parade rally rallies protest protests march strike walkout
    attack attacks bombing bombings shooting shootings explosion blast crash raid raids
    strikes assault offensive ambush massacre fire earthquake quake storm flood
    speech address announcement statement briefing hearing hearings trial verdict ruling
    decision launch inauguration funeral memorial concert auction session sitting deadline
    kickoff showdown clash fixture victory win defeat loss draw
""")
# Heads that name an event only as part of a capitalised name ("the US Open", "the Brazilian
# Grand Prix"; a lower-case "open" or "games" is no event): the names WHO and WHERE read as
# events, and a few more.
_NAME_HEADS = EVENT_HEADS | {"bowl", "paralympics", "invitational", "masters"}
# Words an event's name may not run across: "Sunday's race and the final" is one event.
_STOP = _words("""
    a an the and or but of in on at to for with by from as is was are were be been has have
    had will would could should may might can not no that this these those which who whose
    its his her their our my your it he she they we i
""")
_POSSESSIVE = re.compile(r"['’]s[ \t]+")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_GAP = re.compile(r"[ \t]+")
_MOST_WORDS = 5
_DATED = frozenset({"DATE", "TIME"})  # "a week's talks" is a duration, no date


def _is_head(word: str) -> bool:
    lower = word.lower().rstrip("'’")
    return lower in _EVENT_NOUNS or (word[:1].isupper() and lower in _NAME_HEADS)


def _event_end(text: str, at: int) -> int | None:
    """Where the event named from `at` ends: the last event head within a few words, with
    the heads right after it ("Grand Prix race"); None when no head comes first."""
    end, pos, seen_head = None, at, False
    for _ in range(_MOST_WORDS):
        word = _WORD.match(text, pos)
        if word is None or word.group(0).lower() in _STOP:
            break
        if _is_head(word.group(0)):
            end, seen_head = word.end(), True
        elif seen_head:
            break
        gap = _GAP.match(text, word.end())
        if gap is None:
            break
        pos = gap.end()
    return end


def with_events(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """Each date written in the possessive before an event's name, over both spans."""
    out: list[TimeMention] = []
    for mention in mentions:
        possessive = _POSSESSIVE.match(text, mention.end)
        end = (_event_end(text, possessive.end())
               if possessive is not None and mention.type in _DATED else None)
        if end is not None:
            mention = dataclasses.replace(mention, end=end, text=text[mention.start:end])
        out.append(mention)
    return out

