"""The index of speaker mentions a quotation's cue is matched against, and "he" resolved.

Written by hand (no installed package has coreference without downloaded weights).  A
pronoun goes to the nearest earlier person of its gender who is the subject of their
sentence, the one a story is following, not one merely mentioned in passing: in "Matthews
said Pence's performance was strong. “...,” he said" the speaker is Matthews, and in
"In an interview with Rusty Humphries, Ham said ..." it is Ham.  The subject is the first
name in a sentence that is neither possessive ("Trump's tweets") nor after a preposition
("with Humphries"); a "he" that opens a sentence continues the subject from before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from briefing.core.segment import Segmentation
from briefing.core.textclean import blanked
from briefing.core.words import word_set
from briefing.extract.gender import PRONOUNS, Votes, person_genders
from briefing.extract.roles import (
    ORG_HEADS,
    ORG_NAMES,
    OUTLET_HEADS,
    SPEECH_VERBS,
    WORDS,
    is_role,
)
from briefing.model import Organization, Person

# The words that open a description of a person: "the spokeswoman", "my father".
DETERMINERS = r"[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur"
_NOMINAL = re.compile(
    rf"(?:\b(?:{DETERMINERS})|"
    r"(?:\b(?:[Tt]he|[Aa]n?)\s+)?[\w.]+['’]s)"
    r"((?:\s+[\w\-]+){1,4})\s*,?\s*$")
_GAP = re.compile(r"^[\s,]*(?:\([^()]{1,25}\)[\s,]*)?(?:of(?:\s+[A-Z][\w.\-]*){1,3}\s+)?"
                  r"(?:(?:also|later|then|has|had|have|was|is|once|previously|\w+ly)\s+)*$")
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:also|later|then|\w+ly))+\s*$")
_INVERTED = re.compile(r"(?:^|[,”\"])\s*[a-z]+\s+(?:[A-Z][\w.'’\-]*\s+){0,4}$")
# ", president of the growers' union." / ", a retired nurse from Aarhus.": an appositive
# that closes the sentence.
_INTRODUCTION = re.compile(r",\s+((?:(?:an?|the|its|their)\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*)*)"
                           r"[^.;:!?“”\"]{0,80}\.\s*$", re.MULTILINE)
# Nouns a story uses for a firm it has named; and the head words a firm's name may end in.
_FIRM_NOUNS = frozenset(["company", "firm", "maker", "manufacturer", "retailer", "brand",
                         "carrier", "airline", "insurer", "lender", "group", "giant"])
_FIRM_HEADS = frozenset(["inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc",
                         "group", "holdings", "technologies", "systems", "motors", "airlines",
                         "airways", "bank", "media", "labs", "international"])
_OF_BEFORE = re.compile(r"\s+of\s+(?:[Tt]he\s+)?$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_PRONOUN_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_POSSESSOR = re.compile(r"([\w.]+)['’]s\b")
_POSSESSIVE = re.compile(r"['’]s?\b")
_PREPOSITIONS = word_set(WORDS, "prepositions")
_TITLE_WORDS = frozenset(["the", "a", "an", "former", "then", "his", "her", "their", "its"])
_LEAD_WORDS = re.compile(r"[\w.'’\-]+")


# A title as written before a name, and the noun a later description uses for it:
# "Sen. Bernie Sanders ... The senator said".
_TITLE_NOUNS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "adm": "admiral", "pres": "president",
    "sec": "secretary", "amb": "ambassador", "supt": "superintendent", "prof": "professor",
    "dr": "doctor", "congressman": "representative", "congresswoman": "representative",
    "lawmaker": "representative", "premier": "premier", "chancellor": "chancellor",
}
_TITLE_TARGETS = frozenset(_TITLE_NOUNS.values())


def role_nouns(roles: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The nouns a description may call a person by, from their roles: only the title words
    ("Arizona Sen" -> "senator"; "Police Chief" -> "chief", never "police": "the police
    said" is the force, not its chief)."""
    out = set()
    for role in roles:
        for word in re.findall(r"[a-z]+", role.lower()):
            if word in _TITLE_NOUNS or is_role(word):
                out.add(_TITLE_NOUNS.get(word, word))
    return frozenset(out)


@dataclass
class Mentions:
    """Speaker mentions sorted by start: (start, end, canonical name)."""

    items: list[tuple[int, int, str]]
    text: str
    people: frozenset[str] = frozenset()
    gender: dict[str, str] = field(default_factory=dict)
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each person's role nouns (`role_nouns`), to read "the senator" as the senator named."""

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
            if re.search(r"[.;:!?“”\"]|''", self.text[pos:s]):
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
            if s >= floor and pos - e <= reach and (_GAP.match(gap) or _appositive(gap)):
                of = _OF_BEFORE.search(self.text, max(floor, s - 12), s)
                if of:  # "Vann Newkirk of The Atlantic said": the person, not the outlet
                    owner = self.ending_before(of.start(), 0, floor, nominal=False)
                    if owner and owner[0] in self.people:
                        return owner
                if gap.lstrip().startswith(","):
                    # "Marc Morial, the chief executive of the National Urban League, told":
                    # a name closing an appositive is not the subject; its head is.
                    return self._described_person(s, pos, floor) or (name, s, e)
                return name, s, e
            if _TRAILING_ADVERBS.sub("", gap).rstrip().endswith(","):
                described = self._described_person(pos, pos, floor)
                if described:
                    return described
        found = _NOMINAL.search(self.text, max(floor, pos - 40), pos) if nominal else None
        if found is None:
            return None
        # "the mayor also said", "Scott's family has called": the subject ends before the
        # auxiliaries and adverbs that stand between it and its verb
        s = found.start()
        e = found.start(1) + len(_TRAILING_AUXILIARIES.sub("", found.group(1)))
        if e > found.start(1) and _plain_nominal(self.text[found.start(1):e]):
            s = self._owner_start(s, floor)
            return self.text[s:e], s, e
        return None

    def _owner_start(self, s: int, floor: int) -> int:
        """Where a possessive description starts: at its owner's whole name ("Dana
        Whitlock's doctor", not "Whitlock's doctor")."""
        owner = _POSSESSOR.match(self.text, s)
        if owner is None:
            return s
        i = bisect_right(self._end_keys, owner.end(1)) - 1
        if i >= 0 and self._ends[i][0] == owner.end(1) and floor <= self._ends[i][1] < s:
            return self._ends[i][1]
        return s

    def _described_person(self, before: int, pos: int,
                          floor: int) -> tuple[str, int, int] | None:
        """The person whose appositive runs from their name up to the verb at `pos`."""
        i = bisect_right(self._end_keys, before) - 1
        while i >= 0 and pos - self._ends[i][0] < 220:
            e, s, name = self._ends[i]
            i -= 1
            if s >= floor and name in self.people and _appositive(self.text[e:pos], 220):
                return name, s, e
        return None

    def holder_of(self, noun: str, pos: int, reach: int = 2000) -> str | None:
        """The one person whose role is `noun` ("the senator": the senator), when they are
        named within `reach` before `pos`.  None when nobody holds it, or when two people
        do: "the mayor" with two mayors named (or one name misread) is left as written."""
        want = _TITLE_NOUNS.get(noun.lower(), noun.lower())
        if want not in _TITLE_TARGETS and not is_role(want):
            return None  # "the company said", "the state said": a body speaks
        holders = [name for name, nouns in self.roles.items() if want in nouns]
        if len(holders) != 1:
            return None
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and pos - self.items[i][0] < reach:
            if self.items[i][2] == holders[0]:
                return holders[0]
            i -= 1
        return None

    def body_of(self, noun: str, pos: int, reach: int = 1500) -> str | None:
        """The one body "the company" or "the ministry" stands for: the only organisation
        named within `reach` before `pos` whose name ends in the noun ("the ministry": the
        Interior Ministry), or, for a firm, the only firm named there ("the company":
        Korvane).  None when none or several are."""
        noun = noun.lower()
        generic = noun in _FIRM_NOUNS
        if not generic and noun not in ORG_HEADS:
            return None
        found: set[str] = set()
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and pos - self.items[i][0] < reach:
            name = self.items[i][2]
            i -= 1
            if name in self.people:
                continue
            last = name.split()[-1].lower()
            if last == noun or (generic and last not in ORG_HEADS - _FIRM_HEADS
                                and last not in OUTLET_HEADS and name.lower() not in ORG_NAMES):
                found.add(name)
        return found.pop() if len(found) == 1 else None

    def name_for_word(self, word: str) -> str | None:
        low = word.lower()
        for _, _, name in self.items:
            if name.lower().split()[-1:] == [low]:
                return name
        return None

    def resolve(self, pos: int, want: str, quotations: Quotations,
                followed: list[tuple[int, str]], seg: Segmentation) -> tuple[str, int] | None:
        """The person a pronoun at `pos` names: (name, mention start) or None."""
        para = seg.paragraph_index(pos)
        best: tuple[int, str, int] | None = None
        objects_only = True  # every candidate so far an object ("loyalists to Joe Biden")
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and pos - self.items[i][1] < 1500:
            s, e, name = self.items[i]
            i -= 1
            if (name not in self.people or self.text[s:e].lower() in PRONOUNS
                    or self.gender.get(name, want) != want or quotations.inside(s)):
                continue
            if best is None:
                best = (s, name, 0)
                if para - seg.paragraph_index(s) == 1 and self._introduced(e):
                    # "... worries Ramon Achebe, president of the growers' union.¶“...,” he said.":
                    # the person the paragraph before ends by introducing speaks next
                    return name, s
            # a paragraph that names others only as objects passes the pronoun back to the
            # subject of the one before it ("Hale noted ... ¶ ... loyalists to Berg and Dahl.
            # That's why, he argued, ... ¶ “...,” he said.")
            if para - seg.paragraph_index(s) > (2 if objects_only else 1):
                break
            position = self._position(s, e, quotations, seg)
            if position == 0 or (position == 1 and any(n == name for _, n in followed[-2:])):
                return name, s  # the sentence's subject, or the speaker being followed
            objects_only = objects_only and position == 2
        for at, name in reversed(followed):
            if pos - at < 600 and self.gender.get(name, want) == want and name in self.people:
                return name, at
        return (best[1], best[0]) if best else None

    def _introduced(self, end: int) -> bool:
        """Whether the mention ending at `end` is introduced by an appositive role that
        closes its sentence ("Ramon Achebe, president of the growers' union.")."""
        match = _INTRODUCTION.match(self.text, end)
        return match is not None and any(is_role(w) for w in match.group(1).split()[:4])

    def first_subject(self, lo: int, hi: int) -> tuple[str, int, int] | None:
        """The first person in text[lo:hi] who is not an object ("On July 6, Sanders made
        the following comment:" -> Sanders)."""
        j = bisect_left(self._starts, lo)
        while j < len(self.items) and self.items[j][0] < hi:
            s, e, name = self.items[j]
            j += 1
            if name in self.people and not _object(self.text, e, self.text[lo:s]):
                return name, s, e
        return None

    def _position(self, s: int, e: int, quotations: Quotations,
                  seg: Segmentation) -> int:
        """0: the subject of its sentence; 1: free, but a name or "he" before it may be the
        subject; 2: an object ("with Humphries", "Trump's", "said Obamacare is")."""
        text = self.text
        lo = max(seg.sentence_at(s)[0], seg.paragraph_at(s)[0])
        lead = quotations.blank(max(lo, s - 400), s).rjust(s - lo)
        if _object(text, e, lead):
            return 2
        if _PRONOUN_WORD.search(lead):
            return 1
        j = bisect_left(self._starts, lo)
        while j < len(self.items) and self.items[j][0] < s:
            s2, e2, _ = self.items[j]
            j += 1
            if quotations.inside(s2) or text[s2:e2].lower() in PRONOUNS:
                continue
            if not _object(text, e2, lead[:s2 - lo]):
                return 1
        return 0




def _object(text: str, end: int, lead: str) -> bool:
    """Whether a name ending at `end` after the words `lead` is no subject: possessive,
    after a preposition, or after a speech verb, unless inverted ("..., noted NBC's Chinni")."""
    if _POSSESSIVE.match(text, end) or _after_preposition(lead):
        return True
    modified = _NEXT_WORD.match(text, end)
    if modified and (modified.group(1) in ORG_HEADS or is_role(modified.group(1))):
        return True  # "the Clinton campaign took", "Clinton spokesman Brian Fallon"
    if any(w in SPEECH_VERBS for w in _LOWER_WORD.findall(lead)):
        return not _INVERTED.search(lead)
    return False


def _after_preposition(lead: str) -> bool:
    """Whether the words before a name make it an object ("under President Barack"), where
    "of" inside a title ("Secretary of State John Kerry") does not."""
    words = _LEAD_WORDS.findall(lead[-80:])
    i = len(words) - 1
    # Over the title before the name: "the broadcaster", "President", "former Gov."
    while i >= 0 and (words[i][:1].isupper() or words[i] in _TITLE_WORDS or is_role(words[i])):
        if words[i].lower() in _PREPOSITIONS:
            break
        i -= 1
    if i < 0 or words[i].lower() not in _PREPOSITIONS or not lead.rstrip().endswith(words[-1]):
        return False
    if words[i].lower() != "of":
        return True
    return not (i > 0 and words[i - 1][:1].isupper())


@dataclass(frozen=True)
class Quotations:
    """An article's quotation spans and its text with them blanked, made once per article.

    The narrator's words around a quote are read with every quotation blanked (words
    inside them are not the narrator's).  Blanking a window per quote walked every span
    near it: on a text dense with quotation marks that was a pass over a hundred spans per
    quote, 30 s for 100,000 quotes; slicing the text blanked once is linear."""

    spans: list[tuple[int, int]]
    unquoted: str

    @classmethod
    def of(cls, text: str, spans: list[tuple[int, int]]) -> Quotations:
        return cls(spans, blanked(text, spans))

    def blank(self, lo: int, hi: int) -> str:
        """text[lo:hi] with quotations blanked."""
        return self.unquoted[lo:hi]

    def inside(self, pos: int) -> bool:
        """Whether `pos` falls strictly inside a quotation."""
        i = bisect_right(self.spans, (pos, pos)) - 1
        return i >= 0 and self.spans[i][0] < pos < self.spans[i][1]


# ... and the relative pronoun of "an architect who said": the architect speaks.
_TRAILING_AUXILIARIES = re.compile(
    r"(?:\s*[-—–]+|\s+(?:who|which|that|has|have|had|is|are|was|were|will|would|can|could|did|does|do|not|never|also|"
    r"been|still|already|again|once|later|then|recently|previously|repeatedly|publicly|"
    r"initially|immediately|reportedly|quickly|swiftly|often|always|usually|sometimes|"
    r"frequently|now))+\s*,?\s*$")
_AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|"
                        r"not|never|also|been)\b")


def _plain_nominal(words: str) -> bool:
    """ "the spokeswoman" is a speaker; "the end of that", "the 2016 race", "the Post" are
    not (a capitalised head is a name or title the name finder should have caught)."""
    if re.search(r"\b(?:of|that|and|to|in|on)\b|\d", words):
        return False
    if _AUXILIARY.search(words):
        return False  # "the candidate has", "the ministry has not": a clause, not a speaker
    split = words.split()
    if len(split) > 1 and split[-1].lower() in ORG_HEADS:
        return True  # "the Bristol Police Department reported": a body named in full
    return not any(w[:1].isupper() for w in split[-1:])


def _appositive(gap: str, longest: int = 80) -> bool:
    """ "Psaki, the spokeswoman, said" / "Hill, who runs the clinic, recently said"."""
    gap = _TRAILING_ADVERBS.sub("", gap)
    return gap.startswith(",") and gap.rstrip().endswith(",") and len(gap) < longest and not any(
        ch in gap for ch in ".;:“”\"")


def mentions_of(text: str, people: list[Person],
                organizations: list[Organization] | None = None,
                votes: Votes | None = None) -> Mentions:
    """The index of every place a speaker is named, with each named person's gender."""
    items = [(s, e, p.name) for p in people for s, e in p.mentions]
    for org in organizations or ():
        items.extend((s, e, org.name) for s, e in org.mentions)
    names = frozenset(p.name for p in people)
    roles = {p.name: role_nouns(p.roles) for p in people if p.roles}
    return Mentions(items, text, names, person_genders(text, people, votes), roles)

