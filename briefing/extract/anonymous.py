"""Unnamed sources ("a senior Biden Administration official said") as anonymous people.

A described source counts only where it speaks or is cited (a speech verb follows, or
"according to" precedes), so "an official visit" or "officials" in passing are not listed.
Later definite mentions with the same head noun ("the official said") join the first.
"""

from __future__ import annotations

import re

from briefing.extract.context import Context
from briefing.extract.roles import ANON_HEADS, SPEECH_VERBS
from briefing.model import Person, Span

_HEADS = "|".join(sorted(ANON_HEADS, key=len, reverse=True))
_DESCRIBED = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree)\s+"
    rf"(?P<mods>(?:[\w\-’']+\s+){{0,5}}?)(?P<head>{_HEADS})s?\b"
)
_AFTER = re.compile(r"[\s,]*(?:who\s+[^,]{0,60},\s*)?(?:(?:also|later|then)\s+)?(\w+)")
# "a spokesman for the Interior Ministry said", "an official at the Pentagon told": the body
# the source speaks for, between the head noun and the speech verb.
_FOR_BODY = re.compile(
    r"\s+(?:for|at|of|with|from|in)\s+(?:the\s+)?"
    r"((?:[A-Z][\w\-’'.]*|of|for|and)(?:\s+(?:[A-Z][\w\-’'.]*|of|for|and)){0,5})")


def find_anonymous(ctx: Context) -> list[Person]:
    """Unnamed sources, one per description: "a police spokesman" and "a spokesman for the
    Interior Ministry" are two sources, kept apart by the body they speak for; "the
    spokesman" joins the last source with that head noun."""
    text = ctx.text
    people: dict[str, tuple[str, list[Span]]] = {}
    bodies: dict[str, str] = {}
    last_by_head: dict[str, str] = {}
    order: list[str] = []
    for match in _DESCRIBED.finditer(text):
        mods = match.group("mods")
        if re.search(r"[.;:!?“”\"]", mods) or any(
                w.lower() in ("of", "and", "to") for w in mods.split()):
            continue
        end = match.end()
        body = _FOR_BODY.match(text, end)
        if body and body.group(1).split()[-1][:1].isupper():
            end = body.end()
        else:
            body = None
        after = _AFTER.match(text, end)
        nxt = after.group(1) if after else ""
        if nxt[:1].isupper():
            continue  # "a spokesman, John Smith" or "official Jen Psaki": a named person
        before = text[max(0, match.start() - 15):match.start()].lower()
        cited = nxt.lower() in SPEECH_VERBS or before.rstrip().endswith("according to")
        head = match.group("head")
        det = match.group("det").lower()
        span = (match.start(), end)
        description = (mods + text[match.start("head"):end]).strip()
        key = " ".join(description.lower().split())
        if det == "the":
            joined = key if key in people else (last_by_head.get(head) if not mods.strip()
                                                and body is None else None)
            if joined is not None:
                people[joined][1].append(span)
                last_by_head[head] = joined
            continue
        if not cited:
            continue
        if key in people:
            people[key][1].append(span)
        else:
            people[key] = (description, [span])
            order.append(key)
            if body is not None:
                bodies[key] = body.group(1)
        last_by_head[head] = key
    return [Person(people[k][0], (), bodies.get(k), tuple(people[k][1]), anonymous=True)
            for k in order]
