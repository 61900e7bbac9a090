"""Capitalised word runs with offsets: the raw material for people, organisations and places.

Written by hand because the library taggers that find names need downloaded models; news
text marks names by capitals, and the few cases that defeat that (sentence openers, title-case
headlines, shouted all-caps lines, "Putin's") are handled here so the extractors see clean
candidate runs.  The text is scanned once for capitalised words only (lowercase words matter
just as connectors between them), which keeps this step a small share of `analyze`.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

from briefing.core.textclean import blanked
from briefing.core.words import word_set
from briefing.extract.roles import ORG_HEADS, WORDS
from briefing.geo import gazetteer

# Words whose capital comes from position, not from being a name; the second half is web page
# furniture ("Skip Ad", "Invalid Email", "Sign Up").  General English, not any corpus's names.
FUNCTION_WORDS = word_set(WORDS, "function_words")
TIME_WORDS = frozenset(
    [d.lower() for d in calendar.day_name] + [m.lower() for m in calendar.month_name if m]
    + [d.lower() for d in calendar.day_abbr] + [m.lower() for m in calendar.month_abbr if m]
    + ["today", "tomorrow", "yesterday", "tonight", "christmas", "easter", "ramadan",
       "thanksgiving", "day", "days", "week", "weekend", "month", "year", "night", "morning",
       "afternoon", "evening"]
)
# Lowercase words allowed inside a run of names ("Bank of England", "Ludwig van Beethoven").
CONNECTORS = frozenset([
    "of", "de", "da", "del", "der", "van", "von", "bin", "al", "la", "le", "du", "dos", "das", "y",
])

# A word that may start a name: initials ("U.S.") or a word whose first letter is in an
# uppercase-bearing block (Latin, Greek, Cyrillic; the case itself is checked in Python).
# The \b keeps the scan cheap: it rejects most positions before any other test.
_CAP_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|\b[A-Z\u00C0-\u00DE\u0100-\u024F\u0370-\u03FF\u0400-\u042F](?:\w|['’\-](?=[^\W_]))*"
)
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’\-]{3,}")
_CONNECTOR_GAP = re.compile(r" ([a-z]{1,3}) $")
# "WASHINGTON, Nov 6 (Reuters) - ", "LONDON -- ": a dateline names the place of the report.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’\-]++ ?){1,3},?(?:[^.?!\n()]|(?<=[A-Za-z])\.){0,20}?\s*"  # "N.Y.", "Ore."
    r"(?:\([^()\n]{0,25}\)\s*)?(?:—|–|--|- )")
_OPEN_QUOTES = ("“", "\"", "‘")
# Picture credits: "(Photo: Martin Ruetschi, AP)", "(Darren Staples/Reuters)", "Jane Doe/AFP",
# and a gallery's "Getty Images 5".
_CREDIT = re.compile(
    r"\((?:Photo|Photograph|Picture|Image|Credit)s?\s*:[^)\n]{0,100}\)"
    r"|\([^()\n]{0,100}/[^()\n]{0,60}\)"
    # a gallery caption's credit without brackets: "Melina Mara/The Washington Post"
    r"|\b[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){1,3}/(?:The )?[A-Z][\w\-]+(?: [A-Z][\w\-]+)?"
    r"|(?:Photo|Image|Picture)s?\s*(?:copyright|credit)\b[^.\n]{0,60}"
    # a scraped gallery's credit and picture count: "Getty Images 5", "AP:Associated Press 5"
    r"|\b(?:Getty\s+Images|AP(?::Associated\s+Press)?|Associated\s+Press|Reuters|AFP|EPA"
    r"|PA(?:\s+(?:Wire|Images))?|Rex(?:\s+Features)?|Shutterstock|Splash\s+News|Alamy"
    r"|Bloomberg|Xinhua)\s+\d{1,2}\b(?![:.,]\d)")


class Token(NamedTuple):
    """One word with offsets; `possessive` means an "'s" followed and is not in the span."""

    start: int
    end: int
    text: str
    possessive: bool = False

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


class Run(NamedTuple):
    """Consecutive capitalised tokens (with connectors), e.g. "White House Press Secretary"."""

    tokens: tuple[Token, ...]
    sentence_initial: bool
    headline: bool

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def _token(text: str, s: int, e: int) -> Token:
    if e - s > 2 and text[e - 1] in "sS" and text[e - 2] in "'’":
        return Token(s, e - 2, text[s:e - 2], True)
    return Token(s, e, text[s:e])


def capitalised_tokens(text: str) -> list[Token]:
    """Capitalised words of the whole text, once: the only words a name can start with."""
    out = []
    for m in _CAP_TOKEN.finditer(text):
        s, e = m.span()
        if text[s].isupper() and not (s and (text[s - 1] in "'’" or (
                text[s - 1] == "-" and s > 1 and text[s - 2].isalnum()))):
            out.append(_token(text, s, e))
    return out


class HeadlineNames:
    """Which names a text writes only in its title-case headlines, never in its body.

    "Voters Worried", "Avoid Bad Optics", "Small Donors": in a headline every word is
    capitalised, so a capitalised run there is a name only if the story writes it too.
    Built once per text: the body's words are indexed and each name is looked up once
    (scanning every occurrence against every headline per mention was cubic on a text of
    one repeated title-case line).
    """

    def __init__(self, text: str, headlines: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = sorted(headlines)
        self._starts = [s for s, _ in self.spans]
        self.body = blanked(text, self.spans)  # the headlines blanked: the body alone
        self._body_words = set(_WORDS.findall(self.body))
        self._only: dict[str, bool] = {}

    def inside(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]

    def only(self, span: tuple[int, int]) -> bool:
        """Whether the name at `span` stands in a headline and nowhere in the body."""
        if not self.spans or not self.inside(span[0]):
            return False
        name = self.text[span[0]:span[1]]
        known = self._only.get(name)
        if known is None:
            known = any(w not in self._body_words for w in _WORDS.findall(name)) or (
                re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.body) is None)
            self._only[name] = known
        return known


_WORDS = re.compile(r"\w+")


def is_headline(text: str, start: int, end: int) -> bool:
    """Title-case lines capitalise ordinary words; their runs need corroboration.

    A line ending as a sentence does is a headline only when it opens a text that goes on:
    a loader or a corpus that joins title and body often closes the title with a period.
    """
    if text[start:end].rstrip().endswith((".", "\"", "”")) and (
            text[:start].strip() or not text[end:].strip()):
        return False
    words = _LONG_WORD.findall(text, start, end)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _shouted(text: str, caps: list[Token], words: set[str]) -> set[int]:
    """Starts of all-caps words that are shouting ("CLINTON CLEARED", "WHO IS MAX"), not acronyms.

    An all-caps word is shouted when the text also writes it in ordinary case ("Max", "race"),
    or when it stands in a stretch of all-caps words with such a word.  A dateline
    ("WASHINGTON (Reuters) -") is kept: it names the place of the report.
    """
    upper = [i for i, t in enumerate(caps) if len(t.text) > 1 and t.text.isupper()]
    if not upper:
        return set()
    lowered = {w for w in words if not w.isupper()}

    def ordinary(word: str) -> bool:
        parts = _WORD.findall(word)
        return any(len(p) > 5 or (len(p) > 3 and lowered & {p.lower(), p.capitalize()})
                   for p in parts)

    out: set[int] = set()
    stretch: list[int] = []
    for i in upper:
        apart = i != stretch[-1] + 1 if stretch else False
        if stretch and (apart or _LETTER.search(text, caps[i - 1].end, caps[i].start)):
            _close(caps, stretch, ordinary, out)
            stretch = []
        stretch.append(i)
    _close(caps, stretch, ordinary, out)
    for start in [caps[i].start for i in upper if caps[i].start in out]:
        if _DATELINE.match(text, start):
            out.discard(start)
    return out


def _close(caps: list[Token], stretch: list[int], ordinary: Callable[[str], bool],
           out: set[int]) -> None:
    """A stretch of all-caps words is shouted as a whole when any of its words is ordinary."""
    if any(ordinary(caps[i].text) for i in stretch):
        out.update(caps[i].start for i in stretch)


def runs(text: str, seg) -> list[Run]:
    """Capitalised runs per sentence; a run ends at punctuation, a possessive or a lowercase word.

    who.py and where.py both need them: `Context.runs` keeps them once per text.
    """
    caps = capitalised_tokens(text)
    if not caps:
        return []
    paragraphs = seg.paragraphs
    words = set(_WORD.findall(text))
    shouted = _shouted(text, caps, words)
    sentences = seg.sentences
    sent_starts = [s for s, _ in sentences]
    para_starts = [p for p, _ in paragraphs]
    headlines: dict[int, bool] = {}
    nicknames: set[int] = set()
    out: list[Run] = []
    i, n = 0, len(caps)
    while i < n:
        tok = caps[i]
        if tok.start in shouted:
            i += 1
            continue
        si = bisect_right(sent_starts, tok.start) - 1
        s_start, s_end = sentences[si] if si >= 0 else (0, len(text))
        j = _run_end(text, caps, i, s_end, shouted, nicknames)
        pi = bisect_right(para_starts, tok.start) - 1
        if pi not in headlines:
            p_start, p_end = paragraphs[pi] if pi >= 0 else (0, len(text))
            headlines[pi] = is_headline(text, p_start, p_end)
        initial = _initial(text, s_start, tok.start)
        if initial and j > i and opening_gerund(tok.text) and not headlines[pi]:
            i += 1  # "Injecting Clinton’s troubles into ...": a verb opens the sentence
            continue
        if not (initial and j == i and tok.text.lower() in words):
            # a lone sentence opener also written in lowercase ("Donors conceded") is a word
            out.append(Run(tuple(t for t in caps[i:j + 1] if t.start not in nicknames),
                           initial, headlines[pi]))
        i = j + 1
    return out


def opening_gerund(word: str) -> bool:
    """A gerund or participle opening a sentence before a name ("Injecting Clinton’s ...",
    "Following Smith's exit"); a place of that shape ("Reading", "Sterling Heights") is not."""
    return (len(word) > 5 and word.endswith("ing") and gazetteer.lookup(word) is None
            and gazetteer.town(word) is None)


# The people an advocacy group is named for, opening its name before "for": "Citizens for
# Tax Justice", "Americans for Prosperity", "Veterans for Peace".
ADVOCACY_HEADS = frozenset(["citizens", "americans", "parents", "doctors", "veterans",
                            "friends", "mothers", "families", "taxpayers", "students",
                            "women", "scientists", "lawyers", "physicians", "nurses"])
# A nickname in marks between a given name and a surname: Marta “Cia” Olsen, Alan "Al" Hale.
_NICKNAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\.?\s+$")
_NICKNAME_INSIDE = re.compile(r"[“\"][A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?[,.]?[”\"]")
_NICKNAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")


def is_nickname(text: str, start: int, end: int) -> bool:
    """Whether the quotation text[start:end] (its marks included) is a nickname inside a
    name, not a quotation: one or two capitalised words between a given name and a surname."""
    return (_NICKNAME_INSIDE.fullmatch(text, start, end) is not None
            and _NICKNAME_BEFORE.search(text, max(0, start - 30), start) is not None
            and _NICKNAME_AFTER.match(text, end) is not None)


def _run_end(text: str, caps: list[Token], i: int, s_end: int, shouted: set[int],
             nicknames: set[int]) -> int:
    """The last capitalised token of the run opening at caps[i]: the run goes on over single
    spaces, an initial's period and connectors ("of", "de"; "for" after an institution),
    and ends at a possessive, a shouted word or its sentence's end."""
    j = i
    while j + 1 < len(caps) and not caps[j].possessive and caps[j + 1].end <= s_end:
        nxt = caps[j + 1]
        if nxt.start in shouted:
            break
        gap = text[caps[j].end:nxt.start]
        if gap == " " or (gap == ". " and len(caps[j].text) <= 3):
            j += 1
            continue
        if gap in (" “", ' "') and j + 2 < len(caps) and caps[j + 2].end <= s_end \
                and caps[j + 2].start == nxt.end + 2 and is_nickname(text, nxt.start - 1,
                                                                     nxt.end + 1):
            nicknames.add(nxt.start)  # a nickname in marks inside a name: Marta “Cia” Olsen
            j += 2
            continue
        m = _CONNECTOR_GAP.fullmatch(gap)
        if m and (m.group(1) in CONNECTORS or (
                m.group(1) in ("for", "on") and caps[j].lower in ORG_HEADS) or (
                m.group(1) == "for" and j == i and caps[j].lower in ADVOCACY_HEADS)):
            # "for" and "on" only after an institution: "Department for Transport",
            # "Commission on Presidential Debates", "Council on Foreign Relations"; "for"
            # after the people an advocacy group speaks for: "Citizens for Tax Justice"
            j += 1
            continue
        break
    return j


def _initial(text: str, s_start: int, start: int) -> bool:
    """First word of its sentence, or first word after an opening quotation mark."""
    if start <= s_start or not _LETTER.search(text, s_start, start):
        return True
    before = text[max(s_start, start - 4):start].rstrip()
    if not before.endswith(_OPEN_QUOTES):
        return False
    rest = text[s_start:start].rstrip()[:-1].rstrip()
    return bool(rest) and (rest[-1].isalnum())


def is_dateline(text: str, run: Run) -> bool:
    """ "GENEVA —", "DOVER, England —": the all-caps opening that names where a report is from.

    Such a run is a place whatever its size, and never an acronym of an organisation.
    """
    return (run.sentence_initial and all(t.text.isupper() for t in run.tokens)
            and _DATELINE.match(text, run.start) is not None)


def without(found: list[Run], spans: list[tuple[int, int]]) -> list[Run]:
    """`found` with the words inside `spans` taken out, each run split where a word went.

    The time finder's spans ("14:00 CET", "Christmas Day") hold no person, organisation or
    place of their own; their capitalised words must not reach WHO and WHERE.
    """
    if not spans:
        return found
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    out: list[Run] = []
    for run in found:
        part: list[Token] = []
        first = True
        for tok in run.tokens:
            i = bisect_right(starts, tok.start) - 1
            inside = (i >= 0 and ordered[i][1] > tok.start) or (
                i + 1 < len(ordered) and ordered[i + 1][0] < tok.end)
            if inside:
                if part:
                    out.append(Run(tuple(part), run.sentence_initial and first, run.headline))
                    first = False
                part = []
                continue
            part.append(tok)
        if part:
            out.append(Run(tuple(part), run.sentence_initial and first, run.headline))
    return out


# Function words that, written in capitals, are a country's short name: "US Senator".
_ACRONYM_NOT_WORD = frozenset({"US"})


def is_common(word: str) -> bool:
    if word.rstrip(".") in _ACRONYM_NOT_WORD:
        return False
    low = word.lower().rstrip(".")
    return low in FUNCTION_WORDS or low in TIME_WORDS


def is_common_contraction(word: str) -> bool:
    """Whether a word, or its part before an apostrophe, is a common word: "I’m", "We’re",
    "It's" are a pronoun and its verb, never a name."""
    return is_common(_APOSTROPHE.split(word, 1)[0])


_APOSTROPHE = re.compile("['’]")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Picture credits ("(Photo: Jane Doe, AP)"): the names in them are not news actors."""
    return [m.span() for m in _CREDIT.finditer(text)]
