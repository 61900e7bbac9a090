"""Who can be a speaker, and where: mention spans of people (pronouns resolved) and organisations.

Pronouns are resolved only where a quotation needs them ("he said", "said she"): to the
nearest named person mentioned before, outside other quotations.  Without a model that
knows names' genders this is the rule that news style makes right most often (the last
named person is the one a following "he said" refers to).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from briefing.extract.roles import SPEECH_VERBS
from briefing.model import Organization, Person, Span

_PRONOUN_CUE = re.compile(
    r"\b(?:(?P<p1>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?P<v1>[a-z]+)"
    r"|(?P<v2>said|says|added|asked|told)\s+(?P<p2>he|she)\b)")
_NOMINAL = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[\w.]+['’]s)"
    r"((?:\s+[\w\-]+){1,4})\s*,?\s*$")
_GAP = re.compile(r"^[\s,]*(?:\([^()]{1,25}\)[\s,]*)?(?:(?:also|later|then|has|had|have|was|is|once|previously)\s+)*$")
_GENDERED = re.compile(r"\b(?:(?P<m>he|his|him|Mr)|(?P<f>she|her|hers|Mrs|Ms))\b")


def genders(text: str, named: list[tuple[Span, int]]) -> dict[int, str]:
    """A person's gender as the text shows it: the first gendered word after each mention,
    in its own sentence, voted over all mentions (no name list needed)."""
    votes: dict[int, list[str]] = {}
    for (s, e), who in named:
        window = re.split(r"[.!?]\s", text[max(0, s - 5):s] + text[e:e + 120], maxsplit=1)[0]
        match = _GENDERED.search(window)
        if match:
            votes.setdefault(who, []).append("m" if match.group("m") else "f")
    return {who: max(set(v), key=v.count) for who, v in votes.items()}


def resolve_pronouns(text: str, named: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """(pronoun span, person index) for each "he said"; `named` = (mention span, person index)."""
    named = sorted(named)
    gender = genders(text, named)
    starts = [s for (s, _), _ in named]
    out = []
    for match in _PRONOUN_CUE.finditer(text):
        if match.group("p1"):
            if match.group("v1") not in SPEECH_VERBS:
                continue
            span = match.span("p1")
        else:
            span = match.span("p2")
        want = "m" if text[span[0]].lower() == "h" else "f"
        i = bisect_left(starts, span[0]) - 1
        while i >= 0 and gender.get(named[i][1], want) != want:
            i -= 1
        if i >= 0 and span[0] - named[i][0][1] < 2000:
            out.append((span, named[i][1]))
    return out


@dataclass
class Mentions:
    """Speaker mentions sorted by start: (start, end, canonical name)."""

    items: list[tuple[int, int, str]]
    text: str
    people: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.items.sort()
        self._starts = [s for s, _, _ in self.items]
        self._ends = sorted((e, s, n) for s, e, n in self.items)
        self._end_keys = [e for e, _, _ in self._ends]

    def starting_near(self, pos: int, reach: int) -> tuple[str, int, int] | None:
        i = bisect_left(self._starts, pos)
        found = []
        while i < len(self.items) and self.items[i][0] - pos <= reach:
            s, e, name = self.items[i]
            if re.search(r"[.;:!?“”\"]", self.text[pos:s]):
                break
            found.append((name not in self.people, s, name, e))
            i += 1
        if not found:
            return None
        _, s, name, e = min(found)
        return name, s, e

    def ending_before(self, pos: int, reach: int, floor: int = 0,
                      nominal: bool = True) -> tuple[str, int, int] | None:
        i = bisect_right(self._end_keys, pos) - 1
        if i >= 0:
            e, s, name = self._ends[i]
            gap = self.text[e:pos]
            if s >= floor and pos - e <= reach and (_GAP.match(gap) or self._appositive(gap)):
                return name, s, e
        found = _NOMINAL.search(self.text, max(floor, pos - 40), pos) if nominal else None
        if found and not re.search(r"\b(?:of|that|and|to|in|on)\b|\d", found.group(1)) and not any(w[:1].isupper() for w in found.group(1).split()[-1:]):
            s, e = found.span()
            phrase = self.text[s:e].strip(" ,")
            return phrase, s, s + len(phrase)
        return None

    def _appositive(self, gap: str) -> bool:
        """ "Psaki, the spokeswoman, said" / "Hill, who runs the clinic, said"."""
        return gap.startswith(",") and gap.rstrip().endswith(",") and len(gap) < 80 and not any(
            ch in gap for ch in ".;:“”\"")

    def name_for_word(self, word: str) -> str | None:
        low = word.lower()
        for _, _, name in self.items:
            if name.lower().split()[-1:] == [low]:
                return name
        return None


def mentions_of(text: str, people: list[Person],
                organizations: list[Organization] | None = None) -> Mentions:
    items = [(s, e, p.name) for p in people for s, e in p.mentions]
    for org in organizations or ():
        items.extend((s, e, org.name) for s, e in org.mentions)
    return Mentions(items, text, frozenset(p.name for p in people))
