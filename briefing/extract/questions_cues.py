"""The cue phrases that mark a sentence as leaving something unresolved, by kind.

Written by hand: no offline library tags hedges, scheduled events and denials in news prose
(the hedge lexicons in the literature are word lists without the grammar that separates
"is expected to" from "Experts expected"), and each rule here is a general English pattern,
never a name from one corpus.  Within a kind, earlier patterns are the more explicit ones and
win when a sentence matches several.
"""

from __future__ import annotations

import re

# The order is the strength: a sentence matching several kinds is listed once, under the
# first kind here.  An explicit gap ("remains unclear") says most about what the officer
# does not know; a scheduled event says least (its when is known, only its outcome is not).
KINDS: tuple[str, ...] = ("unknown", "disputed", "unconfirmed", "conditional", "pending")

_S = r"[\s\u00a0]+"  # news text carries no-break spaces between words


def _words(pattern: str) -> str:
    """Let a space in a cue pattern match any run of whitespace, no-break spaces included."""
    return pattern.replace(" ", _S)


_BE = r"(?:is|are|was|were|remains?|remained|seems?|seemed|appears?|appeared|it's|'s|’s)"
_NEG_AUX = r"(?:did|does|do|would|will|could|can)(?:\s+not|n't|n’t)"
_SAY = (r"(?:say|said|specify|elaborate|disclose|confirm|comment|respond|reveal|explain|"
        r"identify|detail|indicate|give|provide|answer)")

_CUES: dict[str, tuple[str, ...]] = {
    "unknown": (
        rf"(?:it|this|that|what|who|how|why|when|where|whether) {_BE} (?:still |yet |also )?"
        r"(?:unclear|not clear|unknown|not known|uncertain|not yet known|not yet clear)",
        rf"{_BE} (?:still |yet |also )?(?:unclear|unknown|uncertain|not known|not clear)",
        r"(?:unclear|unknown|uncertain|not known|not clear) (?:whether|when|what|how|why|who|if)",
        r"(?:it|this) (?:is|was) not (?:yet |immediately )?(?:known|clear)",
        r"not immediately (?:clear|known|available|possible to confirm)",
        rf"{_NEG_AUX} (?:immediately |publicly )?{_SAY}\b",
        rf"declined (?:to {_SAY}|further comment|comment)",
        rf"refused to {_SAY}",
        r"(?:has|have|had) not (?:yet )?been (?:disclosed|announced|made public|released|"
        r"determined|decided|given)",
        r"(?:has|have) yet to be (?:decided|determined|announced|disclosed|set|agreed)",
        r"could not be reached",
        r"no (?:word|details|decision|indication|explanation|timeline|date) (?:on|of|about|"
        r"was|has|had|yet|as to)",
        r"questions? remains?",
        r"open question",
        r"(?:nobody|no one) knows",
    ),
    "disputed": (
        r"without (?:providing |offering |giving |citing |presenting )?(?:any )?evidence",
        r"\b(?:denied|denies|deny|denying)\b",
        # the verbs, not the nouns: "internal disputes" is no disputed claim
        r"\b(?:disputed|disputes|disputing|contested|contests|refuted|refutes|rebutted) "
        r"(?:the|that|this|these|those|his|her|their|its|claims?|reports?|allegations?|"
        r"accounts?|figures?)\b",
        r"(?:rejected|rejects|dismissed|dismisses) (?:the |these |those |such |as )?"
        r"(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?)",
        r"\b(?:baseless|unfounded|unsubstantiated|false claims?)\b",
        r"\bfalsely (?:claimed|said|stated|asserted)\b",
    ),
    "unconfirmed": (
        r"could not (?:be )?(?:independently )?(?:confirmed|confirm|verified|verify)",
        r"(?:has|have|had|was|were) not (?:been )?(?:independently )?(?:confirmed|verified)",
        r"\bunconfirmed\b",
        r"\b(?:a|an|the|media|news|press|several|some|local) (?:\w+ )?reports? "
        r"(?:saying|said|says|that|suggesting|suggested|claiming|indicating|of)\b",
        r"according to (?:unconfirmed |media |news |press |local )?reports\b",
        r"\b(?:reportedly|allegedly|purportedly|apparently)\b",
        r"\b(?:is|are|was|were) (?:said|believed|thought|rumou?red|reported) to\b",
        r"\brumou?rs?\b",
        r"\ban estimated\b",
        r"\bestimates? (?:of|put|range|suggest)",
    ),
    "conditional": (
        # inversion: "should" before a subject, never before a verb ("Russia should leave")
        r"\bshould (?:a|an|the|any|it|they|he|she|we|there|this|that|these|those)\b",
        r"\b(?:threaten(?:s|ed|ing)?|warn(?:s|ed|ing)?) (?:\w+ )?(?:to|of)\b",
        r"\bunless\b",
        r"\bin the event (?:that|of)\b",
        r"\bprovided (?:that)\b",
    ),
    "pending": (
        # present tense only: "was poised to", "were likely to" tell of a past expectation
        r"\b(?:is|are|remains?) (?:now |still |also )?(?:set|scheduled|due|slated|poised|"
        r"planned|expected|likely|to be held|set to be held) (?:to|for|on|by|in|at|next|later)\b",
        r"\bscheduled (?:for|to)\b",
        r"\bdue (?:by|on|in|next|later)\b",  # not "due to": mostly a cause
        r"\bexpects\b",  # not "we expect Russia to be prepared": a stance
        # not reported "would": "an update would follow at 2 p.m." is as often already past
        r"\b(?:will|is to|are to) (?:vote|decide|rule|meet|resume|reconvene|announce|"
        r"consider|review|hold|open|begin|start|convene|respond|deliberate|follow)\b",
        r"\b(?:has|have) yet to\b",
        r"\bpending\b",
        r"\bin the coming (?:days|weeks|months)\b",
        r"\blater (?:this|today|tonight)\b",
    ),
}

CUES: dict[str, tuple[re.Pattern[str], ...]] = {
    kind: tuple(re.compile(_words(p), re.IGNORECASE) for p in patterns)
    for kind, patterns in _CUES.items()
}

# "if" marks a condition only with a modal or a threat in the same sentence, and not after a
# verb of asking or knowing ("asked if", "unclear if") or in the idiom "if anything".
IF_CLAUSE = re.compile(_words(r"\b(?:if|unless)\b(?! anything| any\b| so\b| not\b| necessary| "
                              r"possible| needed| you\b)"), re.IGNORECASE)
NOT_CONDITION_BEFORE = re.compile(_words(r"\b(?:asked|ask|asks|wonder(?:ed|s)?|know|knows|see|"
                                         r"unclear|clear|sure|even|as)\s*$"), re.IGNORECASE)
MODAL = re.compile(r"\b(?:could|would|will|may|might|can|'ll|’ll|must)\b", re.IGNORECASE)
