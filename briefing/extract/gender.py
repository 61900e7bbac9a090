"""A person's grammatical gender as the article itself shows it, for resolving "she said".

No name list: a first name says little about a person in world news and a list of them is
a bias we would ship.  The text is better evidence: an honorific ("Mr.", "Ms."), a gendered
role noun in the person's title or appositive ("Spokeswoman Jessica Ditto", "Hugh Hill, a
congressman,", "his wife, Ann"), and the pronoun that follows the name in its sentence.
Honorifics are the surest sign and count most; a trailing pronoun may well refer to someone
else and counts least.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from briefing.core.words import word_list
from briefing.extract.roles import SPEECH_VERBS, WORDS
from briefing.model import Person, Span

_MALE_NOUNS = word_list(WORDS, "male_nouns")
_FEMALE_NOUNS = word_list(WORDS, "female_nouns")
_ROLE = re.compile(
    r"\b(?:(?P<m>" + "|".join(_MALE_NOUNS) + r")|(?P<f>" + "|".join(_FEMALE_NOUNS) + r"))\b",
    re.IGNORECASE)
# Subject pronouns only: "Trump, her opponent," and "McCaskill scolded him" name others.
_GENDERED = re.compile(r"\b(?:(?P<m>he|himself)|(?P<f>she|herself))\b")
_HONORIFIC = re.compile(r"\b(?:(?P<m>Mr|Sir|Lord)|(?P<f>Mrs|Ms|Miss|Madam|Lady|Dame))\.?\s+$")
# An appositive after the name: ", a congressman from Ohio," / ", his wife,".
_APPOSITIVE = re.compile(r"\s*,\s*((?:an?|the|his|her|their|[\w.]+['’]s)\s[^,.;:!?“”\"]{0,50})")
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# A lower-case word right before a name makes the name an object ("told Stumpf", "with
# Obama"), not a new clause's subject ("..., Trump was waving, and she was").
_OBJECT_BEFORE = re.compile(r"\b(?!and\b|but\b|or\b|while\b|as\b|when\b)[a-z]+ $")
_PRONOUN_CUE = re.compile(
    r"\b(?:(?P<p1>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?P<v1>[a-z]+)"
    r"|(?P<v2>said|says|added|asked|told)\s+(?P<p2>he|she)\b)")


_GENDER_OF = {**dict.fromkeys(_MALE_NOUNS, "m"), **dict.fromkeys(_FEMALE_NOUNS, "f")}
_CAP_WORD = re.compile(r"[A-Z][\w.'’\-]*")


def _title_before(text: str, start: int) -> str | None:
    """The gender of the role word right before a name, over up to three capitalised words
    of the title ("campaign spokeswoman Jessica Ditto"), read word by word from the name
    backwards instead of trying a pattern at every position."""
    chunk = text[max(0, start - 60):start]
    if not chunk[-1:].isspace():
        return None
    words = chunk.split()
    found = None
    for k in range(min(3, len(words) - 1) + 1):
        if k and not _CAP_WORD.fullmatch(words[-k]):
            break
        if len(words) <= k:
            break
        word = words[-k - 1].rstrip(",")
        word = word[:-1] if word.endswith(".") else word
        gender = _GENDER_OF.get(re.split(r"\W", word)[-1].lower())
        if gender:
            found = gender  # the leftmost role word wins, as in a pattern search
    return found


def _vote(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    return "m" if match.group("m") else "f"


# The votes each mention casts, by mention span, kept for one text by its caller (WHO and
# QUOTES weigh the same mentions of one article).
Votes = dict[Span, tuple[str, ...]]


def genders(text: str, named: list[tuple[Span, int]],
            roles: dict[int, tuple[str, ...]] | None = None,
            memo: Votes | None = None) -> dict[int, str]:
    """Person index -> "m"/"f" where the text shows it; `named` = (mention span, index).
    Honorific three votes, a role noun in the title, appositive or the person's roles two,
    the first gendered pronoun after a mention in its sentence one; the majority wins."""
    votes: dict[int, list[str]] = {}
    for who, titles in (roles or {}).items():
        for title in titles:
            found = _vote(_ROLE.search(title))
            if found:
                votes.setdefault(who, []).extend([found] * 2)
    memo = {} if memo is None else memo
    if any(span not in memo for span, _ in named):
        objects = sorted(s for (s, _), _ in named if text[s - 2:s - 1].islower()
                         and _OBJECT_BEFORE.search(text, max(0, s - 20), s))
        starts = sorted(s for (s, _), _ in named)
        for span, _ in named:
            if span not in memo:
                memo[span] = (_mention_votes(text, *span, _next(objects, span[1], len(text)))
                              + _speech_votes(text, span[1], _next(starts, span[1], len(text))))
    for span, who in named:
        votes.setdefault(who, []).extend(memo[span])
    return {who: max(sorted(set(v)), key=v.count) for who, v in votes.items() if v}


def _next(starts: list[int], pos: int, default: int) -> int:
    i = bisect_left(starts, pos)
    return starts[i] if i < len(starts) else default


_SAID_AFTER = re.compile(r"[\s,]+(?:said|says|told|added|wrote)\b")


def _speech_votes(text: str, e: int, next_name: int) -> tuple[str, ...]:
    """ "“This isn't right,” Warren said. “You squeezed ...,” she said": the "she said" that
    continues a speaker's paragraph, with no one else named in between, is the speaker's
    (one vote, as a trailing pronoun)."""
    if not _SAID_AFTER.match(text, e):
        return ()
    end = min(next_name, e + 300)
    para = text.find("\n\n", e, end)
    cue = _PRONOUN_CUE.search(text, e, end if para < 0 else para)
    if cue is None or (cue.group("v1") and cue.group("v1") not in SPEECH_VERBS):
        return ()
    pronoun = (cue.group("p1") or cue.group("p2")).lower()
    return (PRONOUNS[pronoun],)


def _mention_votes(text: str, s: int, e: int, stop: int) -> tuple[str, ...]:
    """The votes one mention casts (see `genders`).  The trailing pronoun is read only up to
    `stop`, another person named as an object ("Warren told Stumpf, after he admitted":
    the "he" may be either's, so it votes for neither)."""
    box: list[str] = []
    honorific = _vote(_HONORIFIC.search(text, max(0, s - 8), s))
    if honorific:
        box.extend([honorific] * 3)
    role = _title_before(text, s)
    if role is None:
        appositive = _APPOSITIVE.match(text, e)
        role = _vote(_ROLE.search(appositive.group(1))) if appositive else None
    if role:
        box.extend([role] * 2)
    window = re.split(r"[.!?]\s|[“\"]", text[e:min(e + 120, stop)], maxsplit=1)[0]
    pronoun = _vote(_GENDERED.search(window))
    if pronoun:
        box.append(pronoun)
    return tuple(box)


def person_genders(text: str, people: list[Person], memo: Votes | None = None) -> dict[str, str]:
    """Canonical name -> "m"/"f" for the people whose gender the text shows."""
    names = sorted({p.name for p in people})
    number = {name: i for i, name in enumerate(names)}
    named = [((s, e), number[p.name]) for p in people for s, e in p.mentions
             if text[s:e].lower() not in PRONOUNS]
    roles = {number[p.name]: p.roles for p in people if p.roles}
    return {names[i]: g for i, g in genders(text, named, roles, memo).items()}


def resolve_pronouns(text: str, named: list[tuple[Span, int]],
                     memo: Votes | None = None) -> list[tuple[Span, int]]:
    """(pronoun span, person index) for each "he said"; `named` = (mention span, person index).
    The person is the nearest one before of the pronoun's gender (or of unknown gender)."""
    named = sorted(named)
    gender = genders(text, named, memo=memo)
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
