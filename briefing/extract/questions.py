"""OPEN QUESTIONS: sentences that leave something unresolved, each with its kind and cue.

The officer reads this pane to know what to watch, so precision matters more than recall: a
sentence is listed once, under its strongest kind (see `questions_cues.KINDS`), and only when
a cue phrase says outright that something is unknown, disputed, unconfirmed, conditional or
still to come.  Bare modals ("could lead to") are not enough on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from briefing.core.furniture import has_furniture
from briefing.extract.context import Context
from briefing.extract.questions_cues import (
    COUNTERFACTUAL,
    CUES,
    DECISION,
    HEDGE_WORDS,
    IF_CLAUSE,
    IF_TRIGGERS,
    KINDS,
    MODAL,
    NEEDS_DECISION,
    NOT_CONDITION_BEFORE,
    POST_END,
    ROUTINE,
    TRIGGERS,
    fold,
)
from briefing.model import OpenQuestion, TimeMention

_MODAL_REACH = 100
# A speaker's "apparently" inside a quotation, or after a transcript's "NAME:" label, is their
# way of talking, not a hedge on the story's facts; a condition in a quotation ("will respond
# decisively if Russia invades") can be the story itself, and stays.
_TRANSCRIPT_LABEL = re.compile(r"[\"“]?[A-Z][A-Z.'’ -]{1,30}:\s")
# a hedged outcome is a prediction; a past or unreal condition is no longer open
_HEDGED = re.compile(r"\b(?:may|might|likely|probably|perhaps|possibly)\b", re.IGNORECASE)
_PAST_CONDITION = re.compile(r"\b(?:was|were|had|hadn't|hadn’t)\b", re.IGNORECASE)
_NAMED_SUBJECT = re.compile(r"\s*(?:the\s+|[A-Z][\w'’.-]*\s+)(?!I\b)")
_CLAUSE_BREAK = re.compile(r"[,;:—–]| - ")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b")
_MIN_WORDS = 4  # "Tags:", "Share" and bylines are page furniture, not statements
_WORD = re.compile(r"[^\W_]+")


def _conditional_if(sentence: str, at: int, ctx: Context,
                    future: list[tuple[int, int]]) -> re.Match[str] | None:
    """An "if"/"unless" clause that states an open condition on the story's outcome.

    It counts when the outcome is stated firmly ("will impose new sanctions if", "could
    close unless"), or when the condition names a date still to come ("if the vote on 27
    November fails, he wins") whatever the outcome's verb.  It does not count when:
    - the outcome is hedged ("may prove", "likely will"): a commentator's prediction;
    - the condition is past or unreal ("if the rain was to continue", "if he had won"), or
      an indirect question ("asked if");
    - it sits in a quotation and its subject is a pronoun or a bare plural ("if they have
      proper care", "if executives face jail time"): a speaker's general point, not a
      condition on this story's events (a named actor, "if Russia invades", stays).
    `at` is the sentence's offset in `ctx.text`; `future` the spans of times after publication.
    """
    if COUNTERFACTUAL.search(sentence):
        return None
    for match in IF_CLAUSE.finditer(sentence):
        if NOT_CONDITION_BEFORE.search(sentence, 0, match.start()):
            continue
        clause_end = _clause_end(sentence, match.end())
        condition = sentence[match.end():clause_end]
        if _PAST_CONDITION.search(condition):
            continue
        start = at + match.start()
        if (any(q_start < start < q_end for q_start, q_end in ctx.quoted)
                and not _NAMED_SUBJECT.match(condition)):
            continue
        if any(at + match.end() <= t_start < at + clause_end for t_start, _ in future):
            return match
        if _HEDGED.search(sentence):
            continue
        # the outcome's modal sits in the clause around the condition, not anywhere at all
        if MODAL.search(sentence, max(0, match.start() - _MODAL_REACH), match.end() + _MODAL_REACH):
            return match
    return None


def _clause_end(sentence: str, start: int) -> int:
    """Where the condition's clause ends: the next comma, dash or semicolon, or the end."""
    found = _CLAUSE_BREAK.search(sentence, start)
    return found.start() if found else len(sentence)


def _classify(sentence: str, words: tuple[str, ...], at: int, ctx: Context,
              future: list[tuple[int, int]]) -> tuple[str, re.Match[str]] | None:
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
                if match and (NEEDS_DECISION.isdisjoint(cue.triggers)
                              or DECISION.search(sentence)):
                    return kind, match
        if kind == "conditional" and not present.isdisjoint(IF_TRIGGERS):
            match = _conditional_if(sentence, at, ctx, future)
            if match:
                return kind, match
    return None


def find_questions(ctx: Context, times: Sequence[TimeMention] = ()) -> list[OpenQuestion]:
    """Open questions of one text, in text order; see the module docstring for the rules.

    `times` are the text's time mentions: a condition naming a date still to come is open.
    """
    text = ctx.text
    found: list[OpenQuestion] = []
    folded = fold(text)
    words = tuple(w for w in TRIGGERS if w in folded)
    if not words:
        return found
    future = _future_spans(ctx, times)
    posts = [m.end() for m in POST_END.finditer(text)]  # read once, not per sentence
    for start, end in ctx.seg.sentences:
        start = _after_embedded_post(posts, start, end)
        sentence = text[start:end]
        hit = _classify(sentence, words, start, ctx, future)
        if hit is None or len(_WORD.findall(sentence)) < _MIN_WORDS:
            continue  # (counted only for the few sentences with a cue: findall is costly)
        kind, match = hit
        if has_furniture(sentence):
            continue
        routine = ROUTINE.search(sentence)
        if routine and routine.start() <= match.start() < routine.end():
            continue
        hedge = match.group(0).strip().lower() in HEDGE_WORDS
        if hedge and _own_manner(sentence, start + match.start(), ctx):
            continue
        cue = " ".join(match.group(0).split())
        found.append(OpenQuestion(start=start, end=end, text=sentence, kind=kind,
                                  cue=cue.strip(" ,;—–(")))
    return found


def _own_manner(sentence: str, at: int, ctx: Context) -> bool:
    """Whether a hedge adverb is a speaker's way of talking, not a hedge on the story.

    "PENCE: Well, she apparently thinks ...", a hedge inside a quotation, and a first-person
    sentence ("I love to wave my arms, but apparently that scares people") are the speaker's
    own words, whatever marks them.
    """
    return (bool(_TRANSCRIPT_LABEL.match(sentence))
            or any(q_start < at < q_end for q_start, q_end in ctx.quoted)
            or bool(_FIRST_PERSON.search(sentence)))


def _after_embedded_post(posts: list[int], start: int, end: int) -> int:
    """Where the real sentence starts when an embedded post runs into it unpunctuated.

    "... pic.twitter.com/w81 -- Name (@name) November 8, 2016 The company denies ...": the
    post and its signature are page furniture, the sentence after them is the story's.
    `posts`: where each post's end (`POST_END`) falls in the text, in order.
    """
    i = bisect_right(posts, end) - 1
    cut = posts[i] if i >= 0 and posts[i] > start else start
    return cut if cut < end else start


def _future_spans(ctx: Context, times: Sequence[TimeMention]) -> list[tuple[int, int]]:
    """The spans of time mentions that begin after the publication day (or instant)."""
    published = ctx.published
    day = ctx.published_date
    spans = []
    for t in times:
        earliest = t.earliest
        if earliest is None:
            continue
        if published is not None:
            if earliest > published:
                spans.append((t.start, t.end))
        elif day is not None and earliest.date() > day:
            spans.append((t.start, t.end))
    return spans
