"""Which way a bare "Thursday" or "August" points: the tense of the words around it.

News convention: a bare weekday or month is the most recent one unless the clause speaks of
the future ("will", "is expected to", "due", "set for").  A small cue list read outward from
the expression, nearest cue wins; no parser is needed for that and none is installed offline.
"""

from __future__ import annotations

import re
from typing import Literal


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


Direction = Literal["past", "future"] | None

_WORD = re.compile(r"[A-Za-z']+")
_FUTURE = _words("""opens begins starts resumes reopens reopen meets convenes ends closes
    will 'll shall would expected expects expect due scheduled schedule plans plan
    planned going upcoming coming next until should could may might tomorrow set
    aims hopes intends forecast forecasts predicted""")
_PAST = _words("""was were had did said told ago last yesterday earlier been came began met left
    went took made got gave held won lost fled sold saw ran fell rose thought knew
    found became spent paid put sent brought wrote spoke announced died""")
_NOT_PAST = frozenset({"need", "speed", "indeed", "proceed", "red", "bed", "feed", "seed",
                       "bled", "led", "shed", "wed", "hundred", "united", "based", "related",
                       "concerned", "interested", "supposed"})
_WINDOW = 12


def direction(text: str, start: int, end: int, sentence: tuple[int, int]) -> Direction:
    """"past", "future" or None (no cue) for the expression at [start, end)."""
    s_start, s_end = sentence
    before = _WORD.findall(text, s_start, start)[-_WINDOW:]
    after = _WORD.findall(text, end, s_end)[:_WINDOW]
    words = [w.lower() for w in before + after]
    # nearest first, the word before ahead of the word after at equal distance
    last = len(before) - 1
    for rank in range(max(len(before), len(after))):
        for index in (last - rank, last + 1 + rank):
            if not 0 <= index < len(words):
                continue
            word = words[index]
            if word in _FUTURE:
                return "future"
            if word in _PAST or _participle(word):
                # "to be published", "will be held": a passive participle carries no tense.
                if index > 0 and words[index - 1] == "be":
                    continue
                return "past"
    return None


def _participle(word: str) -> bool:
    return word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST
