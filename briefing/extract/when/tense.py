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
    found became spent paid put sent brought wrote spoke announced died flew drove rode
    struck stood broke chose threw bought caught fought taught built kept felt meant shot
    sat hung sank swore tore hid hit cut shut quit spread beat cast hurt split slid
    sought bid lent sprang dealt fed bled shook woke wore drew grew threw blew knelt
    overtook undertook withdrew""")
_NOT_PAST = frozenset({"need", "speed", "indeed", "proceed", "red", "bed", "feed", "seed",
                       "bled", "led", "shed", "wed", "hundred", "united", "based", "related",
                       "concerned", "interested", "supposed"})
# A past verb of asking, agreeing or deciding followed by "to <verb>" points its clause
# forward: "households were asked to cut use on Friday" means the coming Friday, while
# "returned to work on Monday" (no such verb), "agreed to a truce on Monday" and "agreed to
# talks" (a noun after "to": a determiner, a capital, a plural) stay in the past.
_INTENT = _words("""asked urged told ordered agreed decided voted pledged promised vowed
    planned threatened hoped sought invited encouraged warned requested instructed directed
    advised allowed authorized authorised approved chose offered prepared""")
_NOT_A_VERB_AFTER_TO = _words("""a an the this that these those its his her their our my your
    some any all each every one two three more most""")
# "ordered back to harbour", "moved up to": "to" after these is a direction, not an infinitive.
_MOTION = _words("back home away out up down over off forward")
_OBJECT_WORDS = 5  # "asked households in the Tokyo area to cut", "called on Russia to go"
_WINDOW = 12
_SENTENCE_WORDS = 40
# Characters read on each side first: twelve words of news text almost always fit, and a
# sentence can run to a paragraph; the whole sentence is read only when they do not.
_REACH = 160


def _before(text: str, s_start: int, start: int) -> list[str]:
    low = max(s_start, start - _REACH)
    words = _WORD.findall(text, low, start)
    if low > s_start and len(words) <= _WINDOW:  # the first word may be cut: read it all
        words = _WORD.findall(text, s_start, start)
    return words[-_WINDOW:]


def _after(text: str, end: int, s_end: int) -> list[str]:
    high = min(s_end, end + _REACH)
    words = _WORD.findall(text, end, high)
    if high < s_end and len(words) <= _WINDOW:
        words = _WORD.findall(text, end, s_end)
    return words[:_WINDOW]


def direction(text: str, start: int, end: int, sentence: tuple[int, int], *,
              whole_clause: bool = False) -> Direction:
    """"past", "future" or None (no cue) for the expression at [start, end): the cue nearest
    to it wins, the word before ahead of the word after at equal distance.

    `whole_clause` (bare weekdays): a past verb of asking or ordering with "to <verb>"
    points forward, read from the sentence's start when no cue is near ("asked households
    in the Tokyo area to cut use between 17:00 and 20:00 on Friday": the coming Friday).
    Months are not read so: "agreed to sell its stake in October" dates the agreement as
    often as the sale.
    """
    s_start, s_end = sentence
    written = _before(text, s_start, start)
    before = [w.lower() for w in written]
    after = [w.lower() for w in _after(text, end, s_end)]
    back, back_cue = _nearest(before[::-1], ["", *before[:-1]][::-1])
    if whole_clause and back_cue is None and _intent_in_sentence(text, s_start, start):
        return "future"
    if whole_clause and back_cue == "past" and _intent_clause(written, len(before) - 1 - back):
        back_cue = "future"
    ahead, ahead_cue = _nearest(after, [before[-1] if before else "", *after[:-1]])
    if back_cue and (ahead_cue is None or back <= ahead):
        return back_cue
    return ahead_cue


def _nearest(words: list[str], previous: list[str]) -> tuple[int, Direction]:
    """(distance, direction) of the first cue in `words`, each read with the word before it."""
    for distance, word in enumerate(words):
        if word in _FUTURE:
            return distance, "future"
        past = word in _PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST)
        # "to be published", "will be held": a passive participle carries no tense, and
        # "to cut", "to shut" are infinitives, not past forms.
        if past and previous[distance] not in {"be", "to"}:
            return distance, "past"
    return len(words), None


def _intent_in_sentence(text: str, s_start: int, start: int) -> bool:
    written = _WORD.findall(text, s_start, start)[-_SENTENCE_WORDS:]
    whole = [w.lower() for w in written]
    far, far_cue = _nearest(whole[::-1], ["", *whole[:-1]][::-1])
    return far_cue == "past" and _intent_clause(written, len(whole) - 1 - far)


def _intent_clause(written: list[str], verb_at: int) -> bool:
    """Whether the past cue at `verb_at` (of the words as written) is an intent verb whose
    "to <verb>" follows it; the word after "to" must read as a verb, not a noun."""
    if written[verb_at].lower() not in _INTENT:
        return False
    rest = [w.lower() for w in written[verb_at + 1:]]
    if "to" not in rest[:_OBJECT_WORDS + 1]:
        return False
    at = rest.index("to")
    if at + 1 >= len(rest) or _MOTION.intersection(rest[:at]):
        return False
    following = written[verb_at + 1 + at + 1]
    return (following.islower() and following not in _NOT_A_VERB_AFTER_TO
            and not (following.endswith("s") and not following.endswith("ss")))
