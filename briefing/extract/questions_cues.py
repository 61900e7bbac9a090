"""The cue phrases that mark a sentence as leaving something unresolved, by kind.

Written by hand: no offline library tags hedges, scheduled events and denials in news prose
(the hedge lexicons in the literature are word lists without the grammar that separates
"is expected to" from "Experts expected"), and each rule here is a general English pattern,
never a name from one corpus.  Within a kind, earlier patterns are the more explicit ones and
win when a sentence matches several.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.model import QUESTION_KINDS

KINDS = QUESTION_KINDS  # the order is the strength (model.py)

_S = r"[\s\u00a0]+"  # news text carries no-break spaces between words


def _words(pattern: str) -> str:
    """Let a space in a cue pattern match any run of whitespace, no-break spaces included."""
    return pattern.replace(" ", _S)


_BE = r"(?:is|are|was|were|remains?|remained|seems?|seemed|appears?|appeared|it's|'s|’s)"
_NEG_AUX = r"(?:did|does|do|would|will|could|can)(?:\s+not|n't|n’t)"
_SAY = (r"(?:say|said|specify|elaborate|disclose|confirm|comment|respond|reveal|explain|"
        r"identify|detail|indicate|give|provide|answer(?! to))")

# Hedge adverbs: "unconfirmed" in the narrator's words; a speaker's own way of talking inside
# a quotation (questions.py tells the two apart).
HEDGE_WORDS: tuple[str, ...] = ("reportedly", "allegedly", "purportedly", "apparently")

# The last word of a news outlet's name: "The New York Post", "Channel 4 News", "Reuters".
OUTLET_HEADS: tuple[str, ...] = (
    "Post", "Times", "Journal", "News", "Herald", "Telegraph", "Guardian", "Mail", "Tribune",
    "Gazette", "Observer", "Independent", "Express", "Mirror", "Chronicle", "Reuters",
    "Bloomberg", "BBC", "CNN", "NBC", "CBS", "ABC", "AFP", "Politico", "Axios", "Interfax",
    "Xinhua", "TASS", "Yonhap", "Kyodo", "Al Jazeera", "Sky", "Newsweek", "Economist")

_CUES: dict[str, tuple[tuple[str, str], ...]] = {
    "unknown": (
        ("clear known uncertain",
         rf"(?:it|this|that|what|who|how|why|when|where|whether) {_BE} (?:still |yet |also )?"
         r"(?:unclear|not clear|unknown|not known|uncertain|not yet known|not yet clear)"),
        ("clear known uncertain",
         rf"{_BE} (?:still |yet |also )?(?:unclear|unknown|uncertain|not known|not clear)"),
        ("clear known uncertain",
         r"(?:unclear|unknown|uncertain|not known|not clear) (?:whether|when|what|how|why|who|if)"),
        ("clear known", r"(?:it|this) (?:is|was) not (?:yet |immediately )?(?:known|clear)"),
        ("immediately", r"not immediately (?:clear|known|available|possible to confirm)"),
        ("not n't n’t", rf"{_NEG_AUX} (?:immediately |publicly )?{_SAY}\b"),
        ("declined", rf"declined (?:to {_SAY}|further comment|comment)"),
        ("refused", rf"refused to {_SAY}"),
        ("been", r"(?:has|have|had) not (?:yet )?been (?:disclosed|announced|made public|released|"
                 r"determined|decided|given)"),
        ("yet", r"(?:has|have) yet to be (?:decided|determined|announced|disclosed|set|agreed)"),
        ("reached", r"could not be reached"),
        ("no", r"no (?:word|details|decision|indication|explanation|timeline|date) (?:on|of|about|"
               r"was|has|had|yet|as to)"),
        ("remain", r"questions? remains?"),
        ("question", r"open question"),
        ("knows", r"(?:nobody|no one) knows"),
        ("early", r"too early to (?:say|confirm|tell|know|determine|give)"),
        ("large missing unaccounted",
         r"\b(?:still|remains?|remained|are|were|is|was) (?:still )?(?:at large|missing|"
         r"unaccounted for)\b"),
        ("counted", r"(?:still|being) (?:being )?counted\b"),
        ("commented spoken", r"(?:has|have|had) not (?:yet )?(?:commented|spoken) (?:publicly|on)"),
        ("saying", r"(?:isn't|isn’t|is not|aren't|are not|wasn't|was not) saying\b"),
        ("confirmed said announced",
         r"(?:has|have) not (?:yet )?(?:confirmed|said|announced) (?:whether|if|when|how|what|"
         r"who|why)"),
        ("investigation", r"remains? under investigation"),
        ("seen", r"remains? to be seen"),
        # "the numbers might rise", "the toll is expected to climb": the count is still open
        ("rise climb increase grow",
         r"\b(?:numbers?|toll|count|figures?|casualties|fatalities|deaths) (?:\w+ ){0,3}?(?:could|"
         r"might|may|is likely to|are likely to|is expected to|are expected to|will likely|"
         r"will probably) "
         r"(?:\w+ )?(?:rise|climb|increase|grow)\b"),
        # "at least 12 people were killed", "the death toll rose to at least six": the final
        # count is still open (other lower bounds are not)
        ("least",
         r"\bat least (?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|"
         r"dozens|hundreds) (?:\w+ )?(?:people|persons|dead|killed|died|deaths|fatalities|"
         r"bodies|injured|wounded|hurt|casualties|civilians|soldiers|children)\b"
         r"|\b(?:death toll|toll|casualties|fatalities)\b[^.;]{0,140}?\bat least "
         r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a dozen)\b"),
    ),
    "disputed": (
        ("evidence",
         r"without (?:providing |offering |giving |citing |presenting )?(?:any )?evidence"),
        # a denial of a claim, not "deny X access" or "deny the White House to his movement"
        ("deni deny",
         r"\b(?:denied|denies|deny|denying)\b(?! (?:\w+ ){0,3}?(?:access|entry|bail|visas?|"
         r"permission|passage|the right|the chance|a chance|service|funding|benefits)\b)"
         r"(?! (?:the |a |an |his |her |their |its )?\w+(?: \w+)? to (?:his|her|their|its|the|a|"
         r"an)\b)"),
        # the verbs, not the nouns: "internal disputes" is no disputed claim
        ("disput contest refut rebutted",
         r"\b(?:disputed|disputes|disputing|contested|contests|refuted|refutes|rebutted) "
         r"(?:the|that|this|these|those|his|her|their|its|claims?|reports?|allegations?|"
         r"accounts?|figures?)\b"),
        ("reject dismiss",
         r"(?:rejected|rejects|dismissed|dismisses) (?:the |these |those |such |as )?"
         r"(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?)"),
        ("baseless unfounded unsubstantiated false",
         r"\b(?:baseless|unfounded|unsubstantiated|false claims?)\b"),
        ("falsely", r"\bfalsely (?:claimed|said|stated|asserted)\b"),
        ("lies", r"\b(?:are|were|is|was|called (?:it|them|the \w+)) (?:all )?[\"“‘']?(?:\w+ )?"
                 r"lies\b"),
        ("contradict",
         r"\bcontradict(?:s|ed|ing)\b (?:\S+ ){0,4}?(?:claims?|accounts?|statements?|reports?|"
         r"version|assertions?|testimony)\b"),
        ("question challeng",
         r"\b(?:questioned|questions|questioning|challenged|challenges) the (?:\w+ )?"
         r"(?:thoroughness|accuracy|validity|legitimacy|credibility|integrity|account|figures?|"
         r"findings|results?|evidence)\b"),
    ),
    "unconfirmed": (
        ("confirm verif",
         r"could not (?:be )?(?:independently )?(?:confirmed|confirm|verified|verify)"),
        ("confirmed verified",
         r"(?:has|have|had|was|were) not (?:been )?(?:independently )?(?:confirmed|verified)"),
        ("unconfirmed", r"\bunconfirmed\b"),
        ("report",
         r"\b(?:a|an|the|media|news|press|several|some|local) (?:\w+ )?reports? "
         r"(?:saying|said|says|that|suggesting|suggested|claiming|indicating|of)\b"),
        ("reports", r"according to (?:unconfirmed |media |news |press |local )?reports\b"),
        # another outlet's story relayed ("The Daily Post reports that ..."): the claim rests
        # on that outlet's sources, which this article has not verified
        ("report",
         rf"\b(?:{'|'.join(OUTLET_HEADS)}) (?:has |had )?report(?:s|ed) (?:\w+ )?that\b"),
        (" ".join(HEDGE_WORDS), rf"\b(?:{'|'.join(HEDGE_WORDS)})\b"),
        ("said believed thought rumored rumoured reported",
         r"\b(?:is|are|was|were) (?:said|believed|thought|rumou?red|reported) to\b"),
        ("rumor rumour", r"\brumou?rs?\b"),
        ("proof evidence", r"\b(?:offered|gave|provided|presented|produced) no (?:proof|evidence)"),
        ("understood", r"\b(?:is|are|was|were) understood to\b"),
    ),
    "conditional": (
        # inversion: "should" before a subject, never before a verb ("Russia should leave")
        ("should",
         r"\bshould (?:a|an|the|any|it|they|he|she|we|there|this|that|these|those)\b"),
        # "warned of a crisis" names a fear, not a consequence tied to a condition
        ("threaten warn", r"\b(?:threaten(?:s|ed|ing)?|warn(?:s|ed|ing)?) (?:\w+ )?to\b"),
        ("unless", r"\bunless\b"),
        ("event", r"\bin the event (?:that|of)\b"),
        ("provided", r"\bprovided (?:that)\b"),
    ),
    "pending": (
        # present tense only: "was poised to", "were likely to" tell of a past expectation
        ("expected poised",
         r"\b(?:is|are|remains?) (?:now |still |also )?(?:expected|poised) (?:to|for|on|by|in|at|"
         r"next|later)\b"),
        # a schedule is a fact ("the candidates are set for a tour of the swing states"); it
        # leaves something open only when what is scheduled is a decision, a result or talks
        # (the DECISION words must be in the sentence too: see NEEDS below)
        ("set scheduled due slated planned held",
         r"\b(?:is|are|remains?) (?:now |still |also )?(?:set|scheduled|due|slated|planned|"
         r"to be held|set to be held) (?:to|for|on|by|in|at|next|later)\b"),
        # a prediction ("is likely to placate") is no event still to come
        ("investigating investigation probe probing inquiry",
         r"\b(?:is|are|has been|have been|was|were) (?:now |still |also )?(?:investigating|"
         r"probing)\b|\b(?:an?|the) (?:\w+ )?(?:investigation|inquiry|probe) (?:is|was) "
         r"(?:under way|underway|ongoing|continuing)"),
        ("scheduled", r"\bscheduled (?:for|to)\b"),
        ("due", r"\bdue (?:by|on|in|next|later)\b"),  # not "due to": mostly a cause
        ("expects", r"\bexpects\b"),  # not "we expect Russia to be prepared": a stance
        # not reported "would": "an update would follow at 2 p.m." is as often already past
        # a decision or meeting still to come; "will announce plans Friday", "will hold a
        # rally" are schedules stated as facts, not open questions
        ("vote decide rule meet resume convene consider review respond deliberate",
         r"\b(?:will|is to|are to) (?:vote|decide|rule|meet|resume|reconvene|"
         r"consider|review|convene|respond|deliberate)\b"),
        ("yet", r"\b(?:has|have) yet to\b"),
        ("pending", r"\bpending\b"),
        ("balance", r"(?<!n't\s)(?<!n’t\s)(?<!not\s)\b(?:hangs?|hanging|hung|remains?|is|are|"
                    r"still) (?:\w+ )?in the balance\b"),
        ("coming", r"\bin the coming (?:days|weeks|months)\b"),
        ("later", r"\blater (?:this|today|tonight)\b"),
    ),
}


class Cue(NamedTuple):
    """A cue pattern and the words one of which every match of it contains.

    The words are a prefilter: a substring test is a hundred times cheaper than a regex
    search, and most sentences contain none of a cue's words, so most searches are skipped
    without changing what is found (tests/test_questions.py checks each list against strings
    generated from its pattern).
    """

    triggers: tuple[str, ...]
    pattern: re.Pattern[str]


CUES: dict[str, tuple[Cue, ...]] = {
    kind: tuple(Cue(tuple(words.split()), re.compile(_words(p), re.IGNORECASE))
                for words, p in cues)
    for kind, cues in _CUES.items()
}

# A schedule cue leaves something open only when what is scheduled is still to be decided.
DECISION = re.compile(_words(
    r"\b(?:vote|voting|ballot|referendum|elections?|decisions?|decide|ruling|rule|verdicts?|"
    r"sentencing|judgm?ents?|results?|outcome|count|tally|hearings?|trials?|talks|negotiations|"
    r"summit|meetings?|session|review|reports?|inquiry|investigation|probe|inquest|deadline|"
    r"deal|agreement|approval|confirmation|nomination|appeal|announcement|findings|rates?)\b"),
    re.IGNORECASE)
NEEDS_DECISION: frozenset[str] = frozenset({"set", "scheduled", "due", "slated", "planned",
                                            "held", "expects"})

# "if" marks a condition only with a modal or a threat in the same sentence, and not after a
# verb of asking or knowing ("asked if", "unclear if") or in the idiom "if anything".
IF_CLAUSE = re.compile(_words(r"\b(?:if|unless)\b(?! anything| any\b| so\b| not\b| necessary| "
                              r"possible| needed| you\b)"), re.IGNORECASE)
NOT_CONDITION_BEFORE = re.compile(_words(
    r"\b(?:asked|ask|asks|wonder(?:ed|s)?|know|knows|see|unclear|clear|sure|even|as)\s*$"
    # an argument or a belief reported ("arguing that if ..."): an opinion, not an open fact
    r"|\b(?:argu\w*|believ\w*|think\w*|thought|predict\w*|speculat\w*|contend\w*|"
    r"reckon\w*) that\s*$"), re.IGNORECASE)
# The end of an embedded post's signature ("-- Name (@name) November 8, 2016") or its picture
# link: whatever follows with no punctuation between is the story's next sentence.
POST_END = re.compile(r"(?:\(@\w+\)\s+[A-Z][a-z]+\.? \d{1,2},? \d{4}|pic\.twitter\.com/\S*)\s*")
# Page routine, not a gap in the story (the guideline's own example): "did not immediately
# respond to requests for comment", "could not be reached for comment".
ROUTINE = re.compile(_words(
    r"(?:did not|didn't|didn’t|has not|have not) (?:immediately )?(?:respond|reply|return)\w* "
    r"(?:to )?(?:an? |the |multiple |several |repeated )?(?:requests?|calls?|emails?|messages?|"
    r"inquiries) (?:for|seeking) comment|could not (?:immediately )?be reached for comment"),
    re.IGNORECASE)
# "If endorsements equaled victory, she would ...", "If people didn't make mistakes, it would":
# a counterfactual names no condition still open; nor does a speaker's "If I may".
# The same with the outcome first ("would respect the result if he lost"): a "would" with a
# past-tense condition is unreal, or a past report of one; either way nothing open.
_PAST_VERB = (r"(?:were|had|did|didn't|didn’t|was|\w*[^\We]ed|lost|won|went|came|got|took|made|"
              r"left|fell|ran|gave|saw|knew|became|began|broke|kept|met|paid|sent|told|"
              r"thought|felt|found|chose|struck|spent|sold|bought|brought)")
COUNTERFACTUAL = re.compile(_words(
    rf"\b(?:if|unless) (?:\w+ ){{0,4}}?(?:could|{_PAST_VERB})\b[^.;]*\b(?:would|could|might)\b"
    rf"|\b(?:would|could|might)\b[^.;]*\b(?:if|unless) (?:\w+ ){{0,4}}?{_PAST_VERB}\b"
    r"|\bif (?:i|we) (?:may|might|could)\b"), re.IGNORECASE)
MODAL = re.compile(r"\b(?:could|would|will|may|might|can|'ll|’ll|must)\b", re.IGNORECASE)
IF_TRIGGERS: tuple[str, ...] = ("if", "unless")
# Every trigger word once: the few the text holds are then looked for sentence by sentence.
TRIGGERS: tuple[str, ...] = tuple(dict.fromkeys(
    [w for cues in CUES.values() for cue in cues for w in cue.triggers] + list(IF_TRIGGERS)))


def fold(sentence: str) -> str:
    """Lower-case `sentence` the way the IGNORECASE patterns compare it.

    re.IGNORECASE also matches the dotless i and the long s to "i" and "s", which
    str.lower() leaves apart: they are folded so that the trigger test never rejects a
    sentence a pattern would match.  (str.translate is ten times slower than this.)
    """
    low = sentence.lower()
    if not low.isascii():
        low = low.replace("ı", "i").replace("ſ", "s")
    return low
