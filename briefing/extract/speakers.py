"""Who said a quotation: speaker mentions, the cue beside a quotation, and "he said".

Written by hand: the installed packages have no attribution or coreference model, and the
ones that do need downloaded weights.  News style keeps the cue close to the quotation
("...," said X / X said / X told reporters / according to X / X: "..."), so a short
window around the marks, with other quotations blanked, finds it.

Pronouns ("she said") go to a named person the text shows to be of that gender, preferring
the one the story is following (the speaker of the previous quotation, or a person who opens
a sentence) over one merely mentioned later: "Trump attacked Obama. “...,” he said" is Trump.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from briefing.extract.roles import SPEECH_VERBS
from briefing.extract.segment import Segmentation
from briefing.model import Organization, Person, Span

_PRONOUN_CUE = re.compile(
    r"\b(?:(?P<p1>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?P<v1>[a-z]+)"
    r"|(?P<v2>said|says|added|asked|told)\s+(?P<p2>he|she)\b)")
_NOMINAL = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[\w.]+['’]s)"
    r"((?:\s+[\w\-]+){1,4})\s*,?\s*$")
_GAP = re.compile(r"^[\s,]*(?:\([^()]{1,25}\)[\s,]*)?"
                  r"(?:(?:also|later|then|has|had|have|was|is|once|previously)\s+)*$")
_GENDERED = re.compile(r"\b(?:(?P<m>he|his|him|Mr)|(?P<f>she|her|hers|Mrs|Ms))\b")
_HONORIFIC = re.compile(r"\b(?:(?P<m>Mr|Sir)|(?P<f>Mrs|Ms|Miss|Madam))\.?\s+$")
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_PRONOUN_NEAR = re.compile(r"\b([Hh]e|[Ss]he)\b")
# The end of the cue's sentence: not the period of "Mr." or of an initial.
_ABBREVIATIONS = ("Mr", "Ms", "Dr", "St", "Jr", "Sr", "Mrs", "Rep", "Sen", "Gov", "Gen", "Col",
                  "Rev", "Sgt", "Lt", "Maj", "Adm", "Capt", "Prof", "Supt", "Cmdr")
_STOP = re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
                   + r"(?<!\b[A-Z])[.!?](?:\s|$)|[“\"]|''")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_EXTRA_CUES = frozenset(["labeled", "labelled", "dubbed", "branded", "accused", "praised",
                         "criticized", "criticised", "slammed", "blasted", "touted",
                         "pledged", "referred", "characterized", "mocked", "thanked"])
_GERUNDS = frozenset(["saying", "adding", "tweeting", "writing", "telling", "arguing", "noting",
                      "asking", "declaring", "insisting", "warning", "explaining", "calling"])
# After these verbs a name is the one spoken to ("told O'Reilly"), not the speaker.
_TO_SOMEONE = frozenset(["told", "tells", "telling", "asked", "asks", "asking", "thanked", "urged",
                         "urges", "accused", "praised", "criticized", "criticised", "called",
                         "calls", "described", "describes", "labeled", "labelled", "mocked"])
_PREPOSITION = re.compile(r"\b(?:in|on|with|to|at|for|of|from|by|about|during|after|before|"
                          r"that|as|into|over|against)\b")
CUE_VERBS = SPEECH_VERBS | _EXTRA_CUES | _GERUNDS


class Hit(NamedTuple):
    """A speaker found for a quotation: canonical name, the mention's span, the cue word."""

    name: str
    start: int
    end: int
    cue: str | None


def genders(text: str, named: list[tuple[Span, int]]) -> dict[int, str]:
    """A person's gender as the text shows it (no name list needed): "Mr."/"Ms." before a
    mention counts three times, the first gendered word after a mention in its own sentence
    once; the majority wins."""
    votes: dict[int, list[str]] = {}
    for (s, e), who in named:
        honorific = _HONORIFIC.search(text, max(0, s - 8), s)
        if honorific:
            votes.setdefault(who, []).extend(["m" if honorific.group("m") else "f"] * 3)
        window = re.split(r"[.!?]\s", text[e:e + 120], maxsplit=1)[0]
        match = _GENDERED.search(window)
        if match:
            votes.setdefault(who, []).append("m" if match.group("m") else "f")
    return {who: max(sorted(set(v)), key=v.count) for who, v in votes.items()}


def resolve_pronouns(text: str, named: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """(pronoun span, person index) for each "he said"; `named` = (mention span, person index).
    The person is the nearest one before of the pronoun's gender (or of unknown gender)."""
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
    gender: dict[str, str] = field(default_factory=dict)

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
            if s >= floor and pos - e <= reach and (_GAP.match(gap) or _appositive(gap)):
                return name, s, e
        found = _NOMINAL.search(self.text, max(floor, pos - 40), pos) if nominal else None
        if found and _plain_nominal(found.group(1)):
            s, e = found.span()
            phrase = self.text[s:e].strip(" ,")
            return phrase, s, s + len(phrase)
        return None

    def name_for_word(self, word: str) -> str | None:
        low = word.lower()
        for _, _, name in self.items:
            if name.lower().split()[-1:] == [low]:
                return name
        return None

    def resolve(self, pos: int, want: str, blanked: list[tuple[int, int]],
                followed: list[tuple[int, str]], seg: Segmentation) -> tuple[str, int] | None:
        """The person a pronoun at `pos` names: (name, mention start) or None."""
        para = seg.paragraph_index(pos)
        best: tuple[int, str, int] | None = None
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and pos - self.items[i][1] < 1500:
            s, e, name = self.items[i]
            i -= 1
            if (name not in self.people or self.text[s:e].lower() in _PRONOUNS
                    or self.gender.get(name, want) != want or _inside(s, blanked)):
                continue
            if best is None:
                best = (s, name, 0)
            if para - seg.paragraph_index(s) > 1:
                break
            opens_sentence = s - seg.sentence_at(s)[0] < 25
            if opens_sentence or any(n == name for _, n in followed[-2:]):
                return name, s
        for at, name in reversed(followed):
            if pos - at < 600 and self.gender.get(name, want) == want and name in self.people:
                return name, at
        return (best[1], best[0]) if best else None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect_right(spans, (pos, pos)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _plain_nominal(words: str) -> bool:
    """ "the spokeswoman" is a speaker; "the end of that", "the 2016 race", "the Post" are
    not (a capitalised head is a name or title the name finder should have caught)."""
    if re.search(r"\b(?:of|that|and|to|in|on)\b|\d", words):
        return False
    return not any(w[:1].isupper() for w in words.split()[-1:])


def _appositive(gap: str) -> bool:
    """ "Psaki, the spokeswoman, said" / "Hill, who runs the clinic, said"."""
    return gap.startswith(",") and gap.rstrip().endswith(",") and len(gap) < 80 and not any(
        ch in gap for ch in ".;:“”\"")


def mentions_of(text: str, people: list[Person],
                organizations: list[Organization] | None = None) -> Mentions:
    """The index of every place a speaker is named, with each named person's gender."""
    items = [(s, e, p.name) for p in people for s, e in p.mentions]
    for org in organizations or ():
        items.extend((s, e, org.name) for s, e in org.mentions)
    names = sorted({p.name for p in people})
    named = [((s, e), names.index(p.name)) for p in people for s, e in p.mentions
             if text[s:e].lower() not in _PRONOUNS]
    gender = {names[i]: g for i, g in genders(text, named).items()}
    return Mentions(items, text, frozenset(names), gender)


def _masked(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """text[lo:hi] with other quotations blanked, so their words are not read as cues."""
    chunk = list(text[lo:hi])
    for s, e in spans:
        if e > lo and s < hi:
            for i in range(max(s, lo), min(e, hi)):
                chunk[i - lo] = " "
    return "".join(chunk)


def _sentence_bounds(seg: Segmentation, start: int, end: int) -> tuple[int, int]:
    p_start, p_end = seg.paragraph_at(start)
    s_start = max(seg.sentence_at(start)[0], p_start)
    s_end = seg.sentence_at(max(start, end - 1))[1]
    after_end = seg.sentence_at(end)[1] if end < p_end else end
    return s_start, max(s_end, min(after_end, seg.paragraph_at(max(start, end - 1))[1]))


def attribute(text: str, seg: Segmentation, start: int, end: int,
              spans: list[tuple[int, int]], index: Mentions) -> Hit | None:
    """The cue for the quotation text[start:end]: after it, before it in its sentence, or a
    colon ending the paragraph before."""
    s_start, s_end = _sentence_bounds(seg, start, end)
    after = _masked(text, end, min(s_end, end + 120), spans)
    stop = _STOP.search(after)
    if stop:
        after = after[:stop.start()]
    hit = _cue_in(text, end, after, index, leading=True) or _signed(text, end, index)
    if hit:
        return hit
    hit = _cue_in(text, s_start, _masked(text, s_start, start, spans), index, leading=False)
    p_start = seg.paragraph_at(start)[0]
    if hit is None and s_start > p_start and start - s_start < 2:
        # A quotation opening a sentence with no cue of its own continues the sentence
        # before it: "Schiff said the hack was new. “The other factor is ...”"
        s0 = max(seg.sentence_at(s_start - 1)[0], p_start)
        hit = _cue_in(text, s0, _masked(text, s0, s_start, spans), index, leading=False)
    if hit is None and start - p_start < 2 and p_start > 0:
        prev = seg.paragraph_at(p_start - 2)
        if text[prev[0]:prev[1]].rstrip().endswith(":"):
            s0 = seg.sentence_at(prev[1] - 1)[0]
            hit = _cue_in(text, s0, _masked(text, s0, prev[1], spans), index, leading=False)
    return hit


def _cue_in(text: str, base: int, chunk: str, index: Mentions, *, leading: bool) -> Hit | None:
    according = list(_ACCORDING.finditer(chunk))
    if according:
        found = index.starting_near(base + according[-1].end(), 60)
        if found:
            return Hit(*found, "according to")
    verbs = [m for m in _WORD.finditer(chunk) if m.group().lower() in CUE_VERBS]
    if leading:
        # "...," Leonard Burman, director of the Tax Policy Center, said: a long appositive
        # may stand between a leading name and its verb; otherwise the verb comes early.
        reach = 30 if _LEADING_NAME.match(chunk) else 8
        verbs = [m for m in verbs if len(_WORD.findall(chunk[:m.start()])) <= reach]
    ordered = verbs if leading else verbs[::-1]
    finite = [v for v in ordered if v.group().lower() not in _GERUNDS]
    for verb in finite:
        v_start, v_end = base + verb.start(), base + verb.end()
        found = index.ending_before(v_start, 50, floor=base, nominal=False)
        if found is None and verb.group().lower() not in _TO_SOMEONE:
            found = index.starting_near(v_end, 40)
            if found and _PREPOSITION.search(text, v_end, found[1]):
                found = None  # "said in an interview with Wolf Blitzer": not the speaker
        if found:
            return Hit(*found, verb.group())
    for verb in finite:
        found = _written_name(chunk, verb.start(), verb.end(), index)
        if found:
            return Hit(found[0], base + found[1], base + found[2], verb.group())
    for verb in ordered:
        pronoun = _PRONOUN_NEAR.search(chunk, max(0, verb.start() - 12), verb.end() + 6)
        if pronoun:
            return Hit(pronoun.group(1), base + pronoun.start(1), base + pronoun.end(1),
                       verb.group())
    if leading and verbs:
        found = _subject(chunk, index, base)  # “...,” Leonard Burman, director of ..., said
        if found:
            return Hit(found[0], found[1], found[2], ordered[0].group())
    for verb in finite:
        found = index.ending_before(base + verb.start(), 50, floor=base, nominal=True)
        if found:
            return Hit(*found, verb.group())
    if verbs:
        found = _subject(chunk, index, base)
        if found:
            return Hit(found[0], found[1], found[2], ordered[0].group())
    if not leading:
        tail = chunk.rstrip()
        if tail.endswith((":", "—", "–", "-")):
            found = index.ending_before(base + len(tail) - 1, 40, floor=base)
            if found:
                return Hit(*found, tail[-1])
    return None


_NAME = (r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.?\s+)?"
         r"[A-Z][\w'’\-]*\.?(?:\s+(?:[A-Z][\w'’\-]*\.?|de|van|von|bin|al|da|del|la|le)){0,3}")
_NAME_BEFORE = re.compile(rf"(?:^|[^\w’'.])({_NAME})[\s,]*(?:(?:also|later|then)\s+)?$")
_NAME_AFTER = re.compile(rf"\s*({_NAME})(?=[\s,.;:]|$)")
_NOT_NAMES = frozenset([
    "i", "we", "they", "it", "this", "that", "there", "these", "those", "he", "she", "you",
    "one", "who", "the", "a", "an", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "but", "and", "or", "so",
    "yet", "then", "when", "while", "if", "as", "in", "on", "at"])


def _written_name(chunk: str, v_start: int, v_end: int,
                  index: Mentions) -> tuple[str, int, int] | None:
    """A capitalised name right beside the cue verb that the name finder did not keep
    ("Mr. Podesta said", "said Ms. Moore"), shown under the person's canonical name
    when its last word is a known person's surname."""
    before = _NAME_BEFORE.search(chunk, max(0, v_start - 60), v_start)
    after = _NAME_AFTER.match(chunk, v_end)
    for match in (before, after):
        if match is None:
            continue
        words = match.group(1).split()
        if words[0].lower().rstrip(".") in _NOT_NAMES or words[-1].lower() in _NOT_NAMES:
            continue
        surname = words[-1].strip(".,")
        name = index.name_for_word(surname) or " ".join(
            w for w in words if w.rstrip(".") not in ("Mr", "Mrs", "Ms", "Dr"))
        return name, match.start(1), match.end(1)
    return None


_LEADING_NAME = re.compile(
    r"[\s,]*(?:[A-Z][\w'’\-.]*\s+){0,3}[A-Z][\w'’\-]*(?:\s*\([^()]{1,25}\))?,")
_SIGNATURE = re.compile(rf"\s*[―—–]\s*({_NAME})")


def _signed(text: str, end: int, index: Mentions) -> Hit | None:
    """A quotation signed with a dash after it (“...” ― Sonya Herridge), as in reader polls."""
    match = _SIGNATURE.match(text, end)
    if not match or match.group(1).split()[0].lower() in _NOT_NAMES:
        return None
    name = index.name_for_word(match.group(1).split()[-1]) or match.group(1)
    return Hit(name, match.start(1), match.end(1), "―")


def _subject(chunk: str, index: Mentions, base: int) -> tuple[str, int, int] | None:
    """The person a sentence opens with, when the sentence carries a speech verb further on:
    "Dean, a former party chairman, poked at Trump's sniffing, tweeting, “...”"."""
    lead = len(chunk) - len(chunk.lstrip(" ,"))
    pos = base + lead
    found = index.starting_near(pos, 4)
    if found and found[1] - pos <= 4:
        return found
    written = _NAME_AFTER.match(chunk, lead)
    if written and written.group(1).split()[0].lower() not in _NOT_NAMES:
        words = written.group(1).split()
        name = index.name_for_word(words[-1].strip(".,"))
        if name or len(words) > 1:
            return name or written.group(1), base + written.start(1), base + written.end(1)
    pronoun = re.match(r"[\s,]*([Hh]e|[Ss]he)\b", chunk)
    if pronoun:
        return pronoun.group(1), base + pronoun.start(1), base + pronoun.end(1)
    return None
