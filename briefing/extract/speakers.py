"""Who said a quotation: the cue beside it ("...," said X / X said / X told reporters /
according to X / X: "..." / As X put it, "...").

Written by hand: the installed packages have no attribution model, and the ones that do need
downloaded weights.  News style keeps the cue close to the quotation, so a short window
around the marks, with other quotations blanked, finds it; the mention index and pronoun
resolution live in mentions.py, gender evidence in gender.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import NamedTuple

from briefing.core.segment import Segmentation
from briefing.core.words import word_set
from briefing.extract.mentions import DETERMINERS, Mentions, Quotations, mentions_of
from briefing.extract.roles import (
    ANON_HEADS,
    GROUP_NOUNS,
    ORG_HEADS,
    SPEECH_VERBS,
    WORDS,
    is_role,
)
from briefing.geo import gazetteer

__all__ = ["CUE_VERBS", "Hit", "Mentions", "attribute", "clause_subject", "mentions_of"]

_REACH = 400  # the longest stretch of a sentence read for a cue before a quotation
_PRONOUN_NEAR = re.compile(r"\b([Hh]e|[Ss]he)\b")
# The end of the cue's sentence: not the period of "Mr." or of an initial.
_ABBREVIATIONS = ("Mr", "Ms", "Dr", "St", "Jr", "Sr", "Mrs", "Rep", "Sen", "Gov", "Gen", "Col",
                  "Rev", "Sgt", "Lt", "Maj", "Adm", "Capt", "Prof", "Supt", "Cmdr", "Del",
                  "Atty", "Brig", "Cpl", "Pvt", "Hon", "Fr", "Insp")
_STOP = re.compile(r"[.!?]" + "".join(rf"(?<!\b{a}.)" for a in _ABBREVIATIONS)
                   + r"(?<!\b[A-Z].)(?:\s|$)|[“\"]|''")  # the mark first: lookbehinds are slow
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_EXTRA_CUES = word_set(WORDS, "extra_cues")
_GERUNDS = frozenset(["saying", "adding", "tweeting", "writing", "telling", "arguing", "noting",
                      "asking", "declaring", "insisting", "warning", "explaining", "calling"])
# After these verbs a name is the one spoken to ("told O'Reilly"), not the speaker.
_TO_SOMEONE = frozenset(["told", "tells", "telling", "asked", "asks", "asking", "thanked", "urged",
                         "urges", "accused", "praised", "criticized", "criticised", "called",
                         "calls", "described", "describes", "labeled", "labelled", "mocked"])
_PREPOSITION = re.compile(r"\b(?:in|on|with|to|at|for|of|from|by|about|during|after|before|"
                          r"that|as|into|over|against)\b")
# Writings that speak in news prose: "the report says", "the letter reads".
_DOCUMENTS = word_set(WORDS, "documents")
# People quoted without a name or a role: "my father often said", "a friend commented:".
_PERSON_NOUNS = (word_set(WORDS, "person_nouns") | word_set(WORDS, "female_nouns")
                 | word_set(WORDS, "male_nouns"))
CUE_VERBS = SPEECH_VERBS | _EXTRA_CUES | _GERUNDS
# The words that open a described speaker: "the spokeswoman", "my father", "one source".
_DETERMINER = rf"(?:{DETERMINERS}|[Oo]ne)"


class Hit(NamedTuple):
    """A speaker found for a quotation: canonical name, the mention's span, the cue word."""

    name: str
    start: int
    end: int
    cue: str | None


def _sentence_bounds(seg: Segmentation, start: int, end: int) -> tuple[int, int]:
    p_start, p_end = seg.paragraph_at(start)
    s_start = max(seg.sentence_at(start)[0], p_start)
    s_end = seg.sentence_at(max(start, end - 1))[1]
    nxt = end
    if seg.text[max(start, end - 3):end].rstrip("”\"'’»").endswith(("?", "!")):
        while nxt < p_end and seg.text[nxt].isspace():
            nxt += 1  # "“...?” said the minister.": the segmenter keeps only name tags
    after_end = seg.sentence_at(nxt)[1] if nxt < p_end else end
    return s_start, max(s_end, min(after_end, seg.paragraph_at(max(start, end - 1))[1]))


def attribute(text: str, seg: Segmentation, start: int, end: int,
              quotations: Quotations, index: Mentions) -> Hit | None:
    """The cue for the quotation text[start:end]: after it, before it in its sentence, or a
    colon ending the paragraph before."""
    s_start, s_end = _sentence_bounds(seg, start, end)
    after = quotations.blank(end, min(s_end, end + 250))
    stop = _STOP.search(after)
    if stop:
        after = after[:stop.start()]
    after = after.split(";", 1)[0]  # "...” in every port; the ministry has not replied."
    hit = _cue_in(text, end, after, index, leading=True) or _signed(text, end, index)
    if hit:
        return hit
    lo = max(s_start, start - _REACH)  # a text with no sentence ends stays linear
    hit = _cue_in(text, lo, quotations.blank(lo, start), index, leading=False)
    p_start = seg.paragraph_at(start)[0]
    if hit is None and s_start > p_start and start - s_start < 2:
        # A quotation opening a sentence with no cue of its own continues the sentence
        # before it: "Schiff said the hack was new. “The other factor is ...”"
        s0 = max(seg.sentence_at(s_start - 1)[0], p_start, s_start - _REACH)
        hit = _cue_in(text, s0, quotations.blank(s0, s_start), index, leading=False)
    if hit is None and start - p_start < 2 and p_start > 0:
        prev = seg.paragraph_at(p_start - 2)
        if text[prev[0]:prev[1]].rstrip().endswith(":"):
            s0 = max(seg.sentence_at(prev[1] - 1)[0], prev[1] - _REACH)
            hit = _cue_in(text, s0, quotations.blank(s0, prev[1]), index, leading=False)
    if hit is None:
        # a reader's paragraph of quotations signed once at its end: “...” “...” ― Ana Ruiz.
        p_end = seg.paragraph_at(start)[1]
        signed = _CLOSING_SIGNATURE.search(text[end:p_end])
        if signed:
            hit = _signed(text, end + signed.start() + 1, index)
    return hit


def _is_cue(chunk: str, word: re.Match[str]) -> bool:
    """A speech verb, in lower case ("the United States" holds no cue), and "put" only as
    "put it" ("As Ms. Simonyan put it, ...")."""
    found = word.group()
    if found not in CUE_VERBS:
        return False
    return found != "put" or chunk.startswith(" it", word.end())


def _cue_in(text: str, base: int, chunk: str, index: Mentions, *, leading: bool) -> Hit | None:
    """The speaker of the cue in `chunk` (text from `base`), read after the quotation
    (`leading`) or before it.

    The readings run from the surest to the loosest, and the first that finds a speaker
    wins: "according to X"; a name right before a gerund; a name before (or, inverted,
    after) a finite verb; a name written in the chunk; a pronoun beside the verb; a subject
    with an appositive; a described speaker ("the spokeswoman said"); a colon or dash
    ending the lead-in.
    """
    verbs = _cue_verbs(chunk, leading)
    according = _according(chunk, base, index, verbs)
    if according is not None:
        return according
    ordered = verbs if leading else verbs[::-1]
    finite = [v for v in ordered if v.group().lower() not in _GERUNDS
              or _PROGRESSIVE.search(chunk, 0, v.start())]  # "is calling it “...”"
    hit = (_gerund_speaker(text, base, ordered, index)
           or (_comma_gerund(chunk, ordered, leading)
               and _subject_speaker(chunk, base, ordered, index))
           or _finite_speaker(text, base, chunk, finite, index)
           or _written_speaker(chunk, base, finite, index)
           or _pronoun_speaker(chunk, base, ordered))
    if hit is None and leading and verbs:
        hit = _subject_speaker(chunk, base, ordered, index)  # “...,” Leonard Burman, ..., said
    if hit is None:
        hit = _described_speaker(base, finite, index)
    if hit is None and verbs:
        hit = _subject_speaker(chunk, base, ordered, index)
    if hit is None and not leading:
        hit = _lead_in_speaker(chunk, base, index)
    if hit is not None and not leading and ordered and ordered[0].group().lower() in _GERUNDS \
            and hit.end <= base + ordered[0].start():
        # "“A,” Hale sings to Berg before asking her, “B”": the gerund nearest the mark
        # introduces B, so the two are two attributions of one speaker
        hit = hit._replace(cue=ordered[0].group())
    return hit


# What may stand before a sentence's subject: a conjunction, an adverbial and its comma
# ("In recent weeks, Reid has gone after ...", "But the senator also vowed ...").
_BEFORE_SUBJECT = re.compile(r"\s*(?:(?:But|And|Yet|Still|So|Now|Then|Meanwhile|Instead|Later)\b"
                             r"[\s,]*)?(?:[^,“”\"]{1,60},\s*)?")
_OPENING_DESCRIBED = re.compile(_DETERMINER + r"\s+(\S)")


def _opening_described(lead: str, at: int) -> int:
    """The end of a described speaker opening `lead` at `at` ("The Republican nominee also
    vowed", "His campaign manager said", "The ministry issued a statement saying"): the
    shortest phrase whose head can speak (a person, a writing or a body) and that a
    lower-case word follows, before any past-tense verb; 0 when there is none."""
    match = _OPENING_DESCRIBED.match(lead, at)
    if match is None:
        return 0
    words = list(_WORD.finditer(lead, match.start(1)))[:6]
    for k, (head, following) in enumerate(itertools.pairwise(words)):
        if following.group()[:1].islower() and _speaking_source(lead[at:head.end()]):
            return head.end()  # "The Republican nominee also vowed", "The ministry issued"
        if k and following.group().endswith("ed"):
            return 0  # "the Security Council issued a statement": a verb ends the subject
    return 0


def _only_title(words: str) -> bool:
    """Whether the words before a name are its title ("House Speaker", "Sen."), or none."""
    return all(w[:1].isupper() or is_role(w) or w == "the" for w in words.split())


def clause_subject(text: str, seg: Segmentation, start: int, quotations: Quotations,
                   index: Mentions) -> Hit | None:
    """The speaker of a quotation set inside a sentence with no cue of its own: the person
    (or the described speaker, or "he") the sentence opens with, whose words a mixed
    quotation reports ("In recent weeks, Hale has gone after Berg as a “...”", "The nominee
    also vowed to punish “...”").  None when the quotation opens its sentence."""
    s_start = max(seg.sentence_at(start)[0], seg.paragraph_at(start)[0], start - _REACH)
    lead = quotations.blank(s_start, start)
    if not lead.strip() or lead.rstrip().endswith((".", ":", "?", "!")):
        return None
    opening = _BEFORE_SUBJECT.match(lead)
    for skip in dict.fromkeys((0, opening.end() if opening else 0)):
        pos = s_start + skip
        found = index.starting_near(pos, 40)
        if found and _only_title(text[pos:found[1]]) and not re.match(
                r"['’](?:s\b|\s)", text[found[2]:found[2] + 3]):  # not "Davis' column"
            return Hit(*found, None)  # a person or a body: "Citizens for Tax Justice urges"
        described = _opening_described(lead, skip)
        if described:
            return Hit(lead[skip:described], pos, s_start + described, None)
        pronoun = re.match(r"([Hh]e|[Ss]he)(?:['’]s)?\s+[a-z]", lead[skip:])  # "He’s claiming"
        if pronoun:
            return Hit(pronoun.group(1), pos, pos + len(pronoun.group(1)), None)
    return None


_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+$")


def _comma_gerund(chunk: str, ordered: list[re.Match[str]], leading: bool) -> bool:
    """Whether the cue nearest a quotation is a gerund after a comma ("..., saying, “...”"):
    its speaker is the sentence's subject, not a name in a clause between ("Voss dodged a
    contractor who said he was unpaid, saying, “...”" quotes Voss)."""
    if leading or not ordered or ordered[0].group().lower() not in _GERUNDS:
        return False
    return chunk[:ordered[0].start()].rstrip().endswith(",")


_COORDINATED = re.compile(r"\b(?:and|but)\s+$")  # "..., according to X, and said": X's subject


def _according(chunk: str, base: int, index: Mentions,
               verbs: list[re.Match[str]]) -> Hit | None:
    """ "according to X": the name (or described source) right after the phrase, unless a
    speaker of its own follows ("According to the Daily News, Hale's spokesman said ...":
    the outlet reports what the spokesman said)."""
    according = list(_ACCORDING.finditer(chunk))
    if not according:
        return None
    at = according[-1].end()
    if any(v.start() > at and v.group().lower() not in _GERUNDS
           and not _COORDINATED.search(chunk, 0, v.start()) for v in verbs):
        return None
    found = index.starting_near(base + at, 60) or _described(chunk, at, base)
    return Hit(*found, "according to") if found else None


def _cue_verbs(chunk: str, leading: bool) -> list[re.Match[str]]:
    """The speech verbs of `chunk`.  After a quotation the verb comes early, unless a long
    appositive stands between a leading name and its verb ("...," Leonard Burman, director
    of the Tax Policy Center, said)."""
    verbs = [m for m in _WORD.finditer(chunk) if _is_cue(chunk, m)]
    if leading:
        reach = 30 if _LEADING_NAME.match(chunk) else 8
        verbs = [m for m in verbs if len(_WORD.findall(chunk[:m.start()])) <= reach
                 and not _SUBORDINATE.search(chunk, 0, m.start())]
    return verbs


# A clause of its own after a quotation: "... as a “disgrace” after she criticised the
# police" cites nobody with "criticised".
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|because|since|although|though|until|"
                          r"unless|whereas|if)\b")


def _gerund_speaker(text: str, base: int, ordered: list[re.Match[str]],
                    index: Mentions) -> Hit | None:
    """ "footage of Trump saying, “...”": the name right before a gerund speaks; after a
    comma ("attacked Clinton, saying") it is the object, so no comma is allowed."""
    for verb in ordered:
        if verb.group().lower() in _GERUNDS:
            found = index.ending_before(base + verb.start(), 4, floor=base, nominal=False)
            if found and not text[found[2]:base + verb.start()].strip():
                return Hit(*found, verb.group())
    return None


# A question just closed: "“Is it over?” asked Anna Lindqvist." (the asker follows).
_QUESTION_CLOSED = re.compile(r"\?[”\"’']?\s*$")


def _speaker_follows(text: str, verb: str, v_start: int) -> bool:
    """Whether a name after the cue verb can be its speaker: not after "told"/"asked"
    ("told O'Reilly" names the one spoken to), except "asked" right after a question,
    where the name is the one asking."""
    if verb not in _TO_SOMEONE:
        return True
    return verb in ("asked", "asks") and bool(
        _QUESTION_CLOSED.search(text[max(0, v_start - 4):v_start]))


def _finite_speaker(text: str, base: int, chunk: str, finite: list[re.Match[str]],
                    index: Mentions) -> Hit | None:
    """A name before a finite verb ("Smith said"), or after it when the verb opens its
    clause ("“...,” said Smith", "said the ruling")."""
    for nth, verb in enumerate(finite):
        v_start, v_end = base + verb.start(), base + verb.end()
        found = index.ending_before(v_start, 50, floor=base, nominal=False)
        if found and _placed(text, found[1]):
            found = None  # "Delgado, who watched from the Green, said": the subject is before
        if found is None and _speaker_follows(text, verb.group(), v_start) \
                and _inverted(chunk, verb.start()):
            found = index.starting_near(v_end, 40)
            if found and _PREPOSITION.search(text, v_end, found[1]):
                found = None  # "said in an interview with Wolf Blitzer": not the speaker
            described = _described(chunk, verb.end(), base) if found else None
            if found and described and described[1] <= found[1] and found[2] <= described[2]:
                found = described  # "said one Labour source": the source, not its party
        if found is None and _inverted(chunk, verb.start()):
            found = _described(chunk, verb.end(), base)  # "“...,” said the ruling."
        if found is None and nth == 0:
            # "a step the New York congressman said would ...": a described subject of
            # the nearest verb comes before a name at a verb further off, unless it is
            # the appositive of a name ("Tom Reed, a budget panel member, said")
            found = index.ending_before(v_start, 50, floor=base, nominal=True)
            if found and (not _speaking_source(found[0]) or _spoken_to(text, found[1])
                          or text[max(0, found[1] - 3):found[1]].rstrip().endswith(",")):
                found = None
        if found:
            return Hit(*found, verb.group())
    return None


_PLACED = re.compile(r"\b(?:on|in|at|near|outside|inside|into|across|from|through|around)"
                     r"\s+(?:the\s+)?$")


_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")


def _spoken_to(text: str, start: int) -> bool:
    """Whether the description at `start` is the one spoken to: "told a young woman who
    suggested ..." quotes the teller, not the woman."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and before.group(1) in _TO_SOMEONE


def _placed(text: str, start: int) -> bool:
    """Whether the name at `start` is the object of a preposition of place ("from the Green"),
    so not the subject of the verb after it."""
    return _PLACED.search(text, max(0, start - 16), start) is not None


def _written_speaker(chunk: str, base: int, finite: list[re.Match[str]],
                     index: Mentions) -> Hit | None:
    """A name the people finder did not list, written beside a finite verb."""
    for verb in finite:
        found = _written_name(chunk, verb.start(), verb.end(), index)
        if found:
            return Hit(found[0], base + found[1], base + found[2], verb.group())
    return None


def _pronoun_speaker(chunk: str, base: int, ordered: list[re.Match[str]]) -> Hit | None:
    """ "he said", "“...,” said she": the pronoun, resolved to a person later.  After the
    verb only where the verb opens its clause: in "The senator said he would ..." the "he"
    begins what was said, and the speaker stands before the verb."""
    for verb in ordered:
        # after a gerund the pronoun begins what was said: "attacked him, saying he has ..."
        after = _inverted(chunk, verb.start()) and verb.group().lower() not in _GERUNDS
        hi = verb.end() + 6 if after else verb.start()
        pronoun = _PRONOUN_NEAR.search(chunk, max(0, verb.start() - 12), hi)
        if pronoun:
            return Hit(pronoun.group(1), base + pronoun.start(1), base + pronoun.end(1),
                       verb.group())
    return None


def _subject_speaker(chunk: str, base: int, ordered: list[re.Match[str]],
                     index: Mentions) -> Hit | None:
    found = _subject(chunk, index, base)
    return Hit(found[0], found[1], found[2], ordered[0].group()) if found else None


def _described_speaker(base: int, finite: list[re.Match[str]], index: Mentions) -> Hit | None:
    """ "the spokeswoman said": a described speaker before a finite verb."""
    for verb in finite:
        found = index.ending_before(base + verb.start(), 50, floor=base, nominal=True)
        if found and any(s == found[1] and e == found[2] for s, e, _ in index.items):
            return None  # "the Post said": a name, which the readings of names take
        if found and not _placed(index.text, found[1]) and not _spoken_to(index.text, found[1]) \
                and (found[0] in index.people or _speaking_source(found[0])):
            return Hit(*found, verb.group())  # not "in a folder labeled “urgent”"
    return None


def _lead_in_speaker(chunk: str, base: int, index: Mentions) -> Hit | None:
    """A lead-in ending in a colon or a dash: "Mitt Romney -- ''It is ...''"."""
    tail = chunk.rstrip()
    if not tail.endswith((":", "—", "–", "-")):
        return None
    lead = tail.rstrip(":—–- ")
    found = index.ending_before(base + len(lead), 40, floor=base)
    if found and found[0] not in index.people and not _speaking_noun(found[0]):
        found = None  # "read you the question:", "made the following comment:"
    found = found or index.first_subject(base, base + len(lead))
    return Hit(found[0], found[1], found[2], tail[-1]) if found else None


def _inverted(chunk: str, verb_start: int) -> bool:
    """ "“...,” said Smith" / "..., noted NBC's Dante Chinni": a verb opening its clause may
    precede its speaker; after other words ("The governor said Democrats ...") it may not."""
    before = chunk[:verb_start].rstrip()
    return not before or before.endswith((",", "“", "”", '"', "'", ":", "—", "–", "-", "’"))


_DESCRIBED = re.compile(r"\s*(" + _DETERMINER + r"(?:\s+[\w\-]+){1,3}?)"
                       # "one Labour source on the council": where the source sits
                       r"(?:\s+(?:on|at|in|with|close\s+to|familiar\s+with)\s+"
                       r"(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)?"
                       r"(?=\s*(?:[,.;:]|$)|\s+who\b)")


def _described(chunk: str, at: int, base: int) -> tuple[str, int, int] | None:
    """A source described, not named, right after `at`: "according to their attorneys",
    "said the ruling"; only a speaker or a document, never "said the economy"."""
    match = _DESCRIBED.match(chunk, at)
    if match is None or not _speaking_noun(match.group(1)):
        return None
    return match.group(1), base + match.start(1), base + match.end(1)


def _speaking_noun(phrase: str) -> bool:
    """Whether a described source ("the spokeswoman", "the report") names a speaker or a
    document, rather than a thing said ("the question", "the following comment")."""
    words = phrase.split()
    if not words or not words[-1].islower():
        return False  # "the Rev. Peter Wherry", "a speech Mrs. Clinton gave": names follow
    head = words[-1]
    return (is_role(head) or is_role(head.rstrip("s")) or head.rstrip("s") in ANON_HEADS
            or head.rstrip("s") in _DOCUMENTS or head in GROUP_NOUNS or head in _PERSON_NOUNS)


_AGENT_NOUN = re.compile(r"\w{3,}(?:er|or|ist|ian|ate)s?$")


def _speaking_source(phrase: str) -> bool:
    """A described subject that can speak: a person or a writing (`_speaking_noun`), or a
    body ("the union wrote", "the agency suggested"); not a thing ("in a folder labeled ...",
    "the wider region said")."""
    head = phrase.split()[-1].lower() if phrase.split() else ""
    return (_speaking_noun(phrase) or head.rstrip("s") in ORG_HEADS
            or _AGENT_NOUN.search(head) is not None)  # "the announcer", "the organizers"


# A name never runs over a line break ("Christina Lastra.\n\nGetty" is a name and a credit).
# (a nickname in marks may stand inside it: Marta “Cia” Olsen)
_NAME = (r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Hon)\.?[ \t\u00a0]+)?"
         r"[A-Z][\w'’\-]*\.?(?:[A-Z]\.)*(?:[ \t\u00a0]+(?:[A-Z][\w'’\-]*\.?|de|van|von|bin|al|da|"
         r"del|la|le|[“\"][A-Z][\w'’\-]*[”\"])){0,3}")
_NAME_BEFORE = re.compile(rf"(?:^|[^\w’'.])({_NAME})(?:\s*\([^()]{{1,25}}\))?[\s,]*"
                          r"(?:(?:also|later|then|often|always|usually|sometimes)\s+)?$")
# Adverbs that open a sentence before its subject: "Even Norway said" is Norway speaking.
_OPENING_ADVERBS = ("Even", "Only", "Also", "Meanwhile", "Instead")
_NAME_AFTER = re.compile(rf"\s*(?:the\s+(?=Rev\b|Hon\b)|(?:{'|'.join(_OPENING_ADVERBS)})\s+)?"
                         rf"({_NAME})(?=[\s,.;:]|$)")
_NOT_NAMES = word_set(WORDS, "not_names")


def _written_name(chunk: str, v_start: int, v_end: int,
                  index: Mentions) -> tuple[str, int, int] | None:
    """A capitalised name right beside the cue verb that the name finder did not keep
    ("Mr. Podesta said", "said Ms. Moore"), shown under the person's canonical name
    when its last word is a known person's surname."""
    before = _NAME_BEFORE.search(chunk, max(0, v_start - 60), v_start)
    after = None
    if _speaker_follows(chunk, chunk[v_start:v_end], v_start) and _inverted(chunk, v_start):
        after = _NAME_AFTER.match(chunk, v_end)  # not "told African-Americans"
    for match in (before, after):
        if match is None:
            continue
        words = match.group(1).split()
        start = match.start(1)
        if words[0] in _OPENING_ADVERBS and len(words) > 1:
            start = chunk.index(words[1], start + len(words[0]))
            words = words[1:]
        if match is before and _placed(chunk, match.start(1)):
            continue
        if words[0] == "The" and len(words) > 1 and match is before:
            words = words[1:]  # "“...,” The Hill reported": a publication's name
        if (words[0].lower().rstrip(".") in _NOT_NAMES or words[-1].lower() in _NOT_NAMES
                or _in_capitals(words) or (_describes_noun(words, chunk[v_start:v_end])
                                           and index.name_for_word(words[0]) is None)):
            continue  # a pronoun, a month, a headline in capitals, "Tory claims"
        surname = words[-1].strip(".,")
        name = index.name_for_word(surname) or " ".join(
            w for w in words if w.rstrip(".") not in _ABBREVIATIONS  # "Del. Marta Olsen"
            and w[:1] not in "“\"")
        return name, start, match.end(1)
    return None


def _in_capitals(words: list[str]) -> bool:
    """ "FLOODS RETURN TO THE VALLEY": a section heading in capitals, not a name."""
    return len(words) > 1 and all(w.isupper() for w in words)


# Verb forms that are also plural nouns: after an adjective they are the noun ("11% of
# Tory claims", "Russian reports").
_NOUN_FORMS = frozenset(["claims", "reports", "notes", "calls", "remarks", "tweets", "answers",
                         "replies", "statements", "comments", "promises", "denies", "vows",
                         "states", "counters", "jokes", "laments", "demands"])


def _describes_noun(words: list[str], verb: str) -> bool:
    """Whether a lone capitalised word before `verb` is an adjective of a noun, not a
    speaker: a nationality ("Russian reports") or a word before a verb that is also a
    plural noun ("Tory claims")."""
    if len(words) != 1:
        return False
    word = words[0].strip(".,")
    if word.endswith("s") and verb.lower() in ("say", "said", "told", "believe", "think"):
        return False  # "Mexicans often say": a people speaking, not an adjective
    return gazetteer.key(word) in gazetteer.demonyms() or (
        verb.lower() in _NOUN_FORMS and word.lower().endswith(("ic", "an", "ese", "ish", "al")))


_LEADING_NAME = re.compile(
    r"[\s,]*(?:[A-Z][\w'’\-.]*\s+){0,3}[A-Z][\w'’\-]*(?:\s*\([^()]{1,25}\))?,"
    # or a described subject with its appositive: "the mayor's niece, Del. Marta Olsen, said"
    r"|[\s,]*" + _DETERMINER + r"\s+(?:[\w'’\-]+\s+){0,3}[\w'’\-]+,")
_SIGNATURE = re.compile(rf"\s*[―—–]\s*({_NAME})")
# A signature closing a paragraph after a closing quotation mark.
_CLOSING_SIGNATURE = re.compile(rf"[”\"’](?=\s*[―—–]\s*{_NAME}\.?\s*$)")


def _signed(text: str, end: int, index: Mentions) -> Hit | None:
    """A quotation signed with a dash after it (“...” ― Sonya Herridge), as in reader polls."""
    match = _SIGNATURE.match(text, end)
    if not match or match.group(1).split()[0].lower() in _NOT_NAMES:
        return None
    start, end = match.span(1)
    if text[end - 1] == "." and len(text[start:end].split()[-1]) > 3:
        end -= 1  # "― Carla Sanchez." ends a sentence; "― Jane Q." keeps its initial
    written = text[start:end]
    # a full signature is the name as signed; a bare surname is the person named before
    name = written if " " in written else index.name_for_word(written) or written
    return Hit(name, start, end, "―")


def _person_after_title(chunk: str, base: int, at: int, index: Mentions,
                        fits: Callable[[list[str]], bool]) -> tuple[str, int, int] | None:
    """The person named right after a title that starts at `at`, when the title's words
    `fit`."""
    person = index.starting_near(at, 40)
    if person is None or person[0] not in index.people:
        return None
    title = chunk[at - base:person[1] - base].split()
    return person if title and fits(title) else None


def _titled_person(chunk: str, base: int, body: tuple[str, int, int],
                   index: Mentions) -> tuple[str, int, int] | None:
    """ "FBI Director James Comey made the announcement ...": the body opens the title, the
    person it names is the subject."""
    if body[0] in index.people:
        return None
    return _person_after_title(chunk, base, body[2], index,
                               lambda title: all(is_role(w) for w in title))


def _possessed_person(chunk: str, base: int, at: int,
                      index: Mentions) -> tuple[str, int, int] | None:
    """The person a possessor's title names, the title right after `at`: in "Hale's campaign
    manager Robby Mook said" the subject is Robby Mook."""
    return _person_after_title(
        chunk, base, at, index,
        lambda title: len(title) <= 3 and all(w.islower() for w in title) and is_role(title[-1]))


def _subject(chunk: str, index: Mentions, base: int) -> tuple[str, int, int] | None:
    """The person a sentence opens with, when the sentence carries a speech verb further on:
    "Dean, a former party chairman, poked at Trump's sniffing, tweeting, “...”"."""
    lead = len(chunk) - len(chunk.lstrip(" ,"))
    pos = base + lead
    found = index.starting_near(pos, 4)
    if found and found[1] - pos <= 4:
        possessive = re.match(r"['’]s\b", chunk[found[2] - base:])
        if possessive is None:
            return _titled_person(chunk, base, found, index) or found
        # not "Scott's relatives"; "Hale's campaign manager Robby Mook": the one titled
        return _possessed_person(chunk, base, found[2] + possessive.end(), index)
    written = _NAME_AFTER.match(chunk, lead)
    if written and written.group(1).split()[0].lower() not in _NOT_NAMES \
            and not re.search(r"['’]s$", written.group(1)) \
            and not _in_capitals(written.group(1).split()):
        words = written.group(1).split()
        name = index.name_for_word(words[-1].strip(".,"))
        country = gazetteer.lookup(words[0])
        if name or len(words) > 1 or (country is not None and country.kind == "country"):
            # a nickname's marks are blanked: 'Marta "Cia" Olsen' is read as "Marta  Olsen"
            return (name or " ".join(words)), base + written.start(1), base + written.end(1)
    pronoun = re.match(r"[\s,]*([Hh]e|[Ss]he)\b", chunk)
    if pronoun:
        return pronoun.group(1), base + pronoun.start(1), base + pronoun.end(1)
    return None
