"""OPEN QUESTIONS: sentences that leave something unresolved, each with its kind and cue.

The officer reads this pane to know what to watch, so precision matters more than recall: a
sentence is listed once, under its strongest kind (see `questions_cues.KINDS`), and only when
a cue phrase says outright that something is unknown, disputed, unconfirmed, conditional or
still to come.  Bare modals ("could lead to") are not enough on their own.
"""

from __future__ import annotations

import re

from briefing.extract.context import Context
from briefing.extract.questions_cues import (
    COUNTERFACTUAL,
    CUES,
    FURNITURE,
    HEDGE_WORDS,
    IF_CLAUSE,
    IF_TRIGGERS,
    KINDS,
    MODAL,
    NOT_CONDITION_BEFORE,
    ROUTINE,
    TRIGGERS,
    fold,
)
from briefing.model import OpenQuestion

_MODAL_REACH = 100
# A speaker's "apparently" inside a quotation, or after a transcript's "NAME:" label, is their
# way of talking, not a hedge on the story's facts; a condition in a quotation ("will respond
# decisively if Russia invades") can be the story itself, and stays.
_TRANSCRIPT_LABEL = re.compile(r"[\"“]?[A-Z][A-Z.'’ -]{1,30}:\s")
_MIN_WORDS = 4  # "Tags:", "Share" and bylines are page furniture, not statements
_WORD = re.compile(r"[^\W_]+")


def _conditional_if(sentence: str) -> re.Match[str] | None:
    """An "if"/"unless" clause counts when a modal elsewhere in the sentence makes it a
    condition on an outcome ("could impose new sanctions if"), not an indirect question,
    and when it is not a counterfactual ("if X were ..., Y would ...")."""
    if COUNTERFACTUAL.search(sentence):
        return None
    for match in IF_CLAUSE.finditer(sentence):
        if NOT_CONDITION_BEFORE.search(sentence, 0, match.start()):
            continue
        # the outcome's modal sits in the clause around the condition, not anywhere at all
        if MODAL.search(sentence, max(0, match.start() - _MODAL_REACH), match.end() + _MODAL_REACH):
            return match
    return None


def _classify(sentence: str, words: tuple[str, ...]) -> tuple[str, re.Match[str]] | None:
    """The strongest kind whose cue occurs in `sentence`, and the match that showed it.

    A cue's regex runs only when one of its trigger words (`words`: those the whole text
    holds) is in the sentence: the same answer as trying every pattern, at a fraction of the
    cost, since most sentences hold none.
    """
    low = fold(sentence)
    present = {w for w in words if w in low}
    if not present:
        return None
    for kind in KINDS:
        for cue in CUES[kind]:
            if not present.isdisjoint(cue.triggers):
                match = cue.pattern.search(sentence)
                if match:
                    return kind, match
        if kind == "conditional" and not present.isdisjoint(IF_TRIGGERS):
            match = _conditional_if(sentence)
            if match:
                return kind, match
    return None


def find_questions(ctx: Context) -> list[OpenQuestion]:
    """Open questions of one text, in text order; see the module docstring for the rules."""
    text = ctx.text
    found: list[OpenQuestion] = []
    folded = fold(text)
    words = tuple(w for w in TRIGGERS if w in folded)
    if not words:
        return found
    for start, end in ctx.seg.sentences:
        sentence = text[start:end]
        hit = _classify(sentence, words)
        if hit is None or len(_WORD.findall(sentence)) < _MIN_WORDS:
            continue  # (counted only for the few sentences with a cue: findall is costly)
        kind, match = hit
        if FURNITURE.search(sentence):
            continue
        routine = ROUTINE.search(sentence)
        if routine and routine.start() <= match.start() < routine.end():
            continue
        if match.group(0).strip().lower() in HEDGE_WORDS:
            if _TRANSCRIPT_LABEL.match(sentence):
                continue  # "PENCE: Well, she apparently thinks ...": the speaker's own words
            at = start + match.start()
            if any(q_start < at < q_end for q_start, q_end in ctx.quoted):
                continue
        cue = " ".join(match.group(0).split())
        found.append(OpenQuestion(start=start, end=end, text=sentence, kind=kind,
                                  cue=cue.strip(" ,;—–(")))
    return found
