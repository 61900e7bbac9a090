"""Places that play: a country or a city a text scores as a team ("Sweden 1 – 0 South Korea",
"Belgium defeated Panama 3-0", "Tunisia lost 1-2 to England").

A match report names national sides and city clubs by their place's name. Read as places,
they fill WHERE with every country of a tournament and leave WHO without the sides that
acted. A name that stands on either side of a score is a team throughout the text, except
where a preposition places something in it ("fans in Sweden").
"""

from __future__ import annotations

import re

from briefing.extract.names import is_common
from briefing.geo import gazetteer
from briefing.model import Span

_NAME = r"(?<![\w’'-])[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2}"
# A match score; never a year range ("1998-2002") nor a time ("10-11 a.m." has no name
# after it in the patterns below).
_SCORE = r"\d{1,2}[ \t]*[–—-][ \t]*\d{1,2}(?!\d)"
_BEAT = (r"(?:defeated|defeats|beat|beats|edged|edges|thrashed|thrashes|routed|routs|"
         r"overcame|overcomes|drew[ \t]+with|draws[ \t]+with|tied|ties)")
_SCORES = re.compile(
    rf"(?P<a>{_NAME})[ \t]+{_SCORE}[ \t]+(?P<b>{_NAME})"
    rf"|(?P<c>{_NAME})[ \t]+{_BEAT}[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?P<d>{_NAME}),?[ \t]+{_SCORE}"
    rf"|(?P<e>{_NAME})[ \t]+(?:lost|loses|won|wins|drew|draws)[ \t]+{_SCORE}[ \t]+"
    rf"(?:to|against|with)[ \t]+(?P<f>{_NAME})")
# "fans in Sweden", "the final at Belgium": the place itself ("lost to England" and "a goal
# from England" are the side).
_PLACED_BEFORE = re.compile(r"\b(?:in|at|near|outside|across|throughout)[ \t]+$")


_SCORE_ONLY = re.compile(_SCORE)
# How far a pattern reaches before and after its score ("Uruguay defeated hosts Luxembourg
# 3-0", "Group G — Tunisia 1 – 2 England"): only those windows are read, as a name starts
# everywhere and a score is rare.
_BEFORE, _AFTER = 160, 60


def scored_places(text: str) -> frozenset[str]:
    """The places' names the text writes beside a score: its teams."""
    windows: list[list[int]] = []
    for score in _SCORE_ONLY.finditer(text):
        start, end = max(0, score.start() - _BEFORE), score.end() + _AFTER
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end  # one window over scores close together
        else:
            windows.append([start, end])
    return frozenset(name for start, end in windows
                     for name in _scored_names(text, start, min(end, len(text))))


def _scored_names(text: str, start: int, end: int) -> set[str]:
    names = set()
    for match in _SCORES.finditer(text, start, end):
        for name in match.groups():
            if name and not any(is_common(word) for word in name.split()) and (
                    gazetteer.lookup(name) is not None):
                names.add(name)
    return names


def team_mentions(text: str, teams: frozenset[str]) -> dict[str, list[Span]]:
    """Every mention of each team, less those a preposition places ("fans in Sweden")."""
    out: dict[str, list[Span]] = {}
    for name in teams:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-]|[ \t]+[A-Z])", text):
            if not _PLACED_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                out.setdefault(name, []).append(match.span())
    return out
