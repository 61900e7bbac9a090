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


def find_anonymous(ctx: Context) -> list[Person]:
    text = ctx.text
    people: dict[str, tuple[str, list[Span]]] = {}
    order: list[str] = []
    for match in _DESCRIBED.finditer(text):
        mods = match.group("mods")
        if re.search(r"[.;:!?“”\"]", mods) or any(
                w.lower() in ("of", "and", "to") for w in mods.split()):
            continue
        after = _AFTER.match(text, match.end())
        nxt = after.group(1) if after else ""
        if nxt[:1].isupper():
            continue  # "a spokesman, John Smith" or "official Jen Psaki": a named person
        before = text[max(0, match.start() - 15):match.start()].lower()
        cited = nxt.lower() in SPEECH_VERBS or before.rstrip().endswith("according to")
        head = match.group("head")
        det = match.group("det").lower()
        span = (match.start(), match.end())
        if det == "the" and head in people:
            people[head][1].append(span)
            continue
        if not cited or det == "the":
            continue
        description = (mods + text[match.start("head"):match.end()]).strip()
        if head in people:
            people[head][1].append(span)
        else:
            people[head] = (description, [span])
            order.append(head)
    return [Person(people[h][0], (), None, tuple(people[h][1]), anonymous=True) for h in order]
