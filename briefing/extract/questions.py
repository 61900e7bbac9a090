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
    CUES,
    IF_CLAUSE,
    KINDS,
    MODAL,
    NOT_CONDITION_BEFORE,
)
from briefing.model import OpenQuestion

_MODAL_REACH = 100
_MIN_WORDS = 4  # "Tags:", "Share" and bylines are page furniture, not statements
_WORD = re.compile(r"[^\W_]+")


def _conditional_if(sentence: str) -> re.Match[str] | None:
    """An "if"/"unless" clause counts when a modal elsewhere in the sentence makes it a
    condition on an outcome ("could impose new sanctions if"), not an indirect question."""
    for match in IF_CLAUSE.finditer(sentence):
        if NOT_CONDITION_BEFORE.search(sentence, 0, match.start()):
            continue
        # the outcome's modal sits in the clause around the condition, not anywhere at all
        if MODAL.search(sentence, max(0, match.start() - _MODAL_REACH), match.end() + _MODAL_REACH):
            return match
    return None


def _classify(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The strongest kind whose cue occurs in `sentence`, and the match that showed it."""
    for kind in KINDS:
        for pattern in CUES[kind]:
            match = pattern.search(sentence)
            if match:
                return kind, match
        if kind == "conditional":
            match = _conditional_if(sentence)
            if match:
                return kind, match
    return None


def find_questions(ctx: Context) -> list[OpenQuestion]:
    text = ctx.text
    found: list[OpenQuestion] = []
    for start, end in ctx.seg.sentences:
        sentence = text[start:end]
        if len(_WORD.findall(sentence)) < _MIN_WORDS:
            continue
        hit = _classify(sentence)
        if hit is None:
            continue
        kind, match = hit
        cue = " ".join(match.group(0).split())
        found.append(OpenQuestion(start=start, end=end, text=sentence, kind=kind,
                                  cue=cue.strip(" ,;—–(")))
    return found
