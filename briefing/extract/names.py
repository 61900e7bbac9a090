"""Capitalised word runs with offsets: the raw material for people, organisations and places.

Written by hand because the library taggers that find names need downloaded models; news
text marks names by capitals, and the few cases that defeat that (sentence openers, title-case
headlines, "Putin's") are handled here so the extractors see clean candidate runs.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# Words whose capital comes from position, not from being a name.  General English, not
# any corpus's vocabulary.
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at", "to", "by", "with", "from", "into", "onto", "over", "under", "about", "after", "before", "during", "since", "until", "while", "when", "where", "why", "how", "what", "which", "who", "whom", "whose", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "if", "then", "than", "as", "also", "still", "just", "even", "only", "now", "not", "no", "yes", "all", "any", "some", "many", "most", "more", "much", "few", "both", "each", "every", "either", "neither", "other", "another", "such", "one", "two", "three", "like", "unlike", "despite", "although", "though", "because", "however", "meanwhile", "instead", "perhaps", "according", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "said", "says", "say", "told", "asked", "added", "skip", "read", "share", "tags", "related", "advertisement", "photo", "video", "click", "follow", "watch", "subscribe", "sign", "log", "menu", "home", "search", "close", "next", "previous", "later", "earlier", "afterwards", "mr", "mrs", "ms", "dr", "st", "image", "images", "caption", "getty", "autoplay", "screen", "view", "photos"]
)
TIME_WORDS = frozenset(
    [d.lower() for d in calendar.day_name] + [m.lower() for m in calendar.month_name if m]
    + [d.lower() for d in calendar.day_abbr] + [m.lower() for m in calendar.month_abbr if m]
    + ["today", "tomorrow", "yesterday", "tonight", "christmas", "easter", "ramadan", "thanksgiving"]
)
# Lowercase words allowed inside a run of names ("Bank of England", "Ludwig van Beethoven").
CONNECTORS = frozenset(["of", "de", "da", "del", "der", "van", "von", "bin", "al", "la", "le", "du", "dos", "das", "y"])

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|[^\W\d_](?:[\w]|['’\-](?=[^\W_]))*"
)
PRONOUNS = frozenset(["he", "she", "they", "him", "her", "them", "his", "hers", "their"])


@dataclass(frozen=True, slots=True)
class Token:
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


@dataclass(frozen=True, slots=True)
class Run:
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

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        possessive = len(word) > 2 and word.endswith(("'s", "’s"))
        s, e = match.span()
        if possessive:
            e -= 2
            word = text[s:e]
        out.append(Token(s, e, word, possessive))
    return out


def is_headline(text: str, start: int, end: int) -> bool:
    """Title-case lines capitalise ordinary words; their runs need corroboration."""
    words = [t for t in tokens(text, start, end) if len(t.text) > 3]
    if len(words) < 3:
        return False
    caps = sum(t.capitalised for t in words)
    return caps / len(words) >= 0.7 and not text[start:end].rstrip().endswith((".", "\"", "”"))


def runs(text: str, seg) -> list[Run]:
    """Capitalised runs per sentence; a run ends at punctuation, a possessive or a lowercase word.

    who.py and where.py both need them: the last text's runs are kept (one entry, no growth).
    """
    if _LAST[0] == text:
        return _LAST[1]
    out = _runs(text, seg)
    _LAST[:] = [text, out]
    return out


_LAST: list = [None, []]


def _runs(text: str, seg) -> list[Run]:
    out: list[Run] = []
    for p_start, p_end in seg.paragraphs:
        headline = is_headline(text, p_start, p_end)
        for s_start, s_end in (s for s in seg.sentences if p_start <= s[0] < p_end):
            toks = tokens(text, s_start, s_end)
            i = 0
            while i < len(toks):
                if not toks[i].capitalised:
                    i += 1
                    continue
                j = i
                while j + 1 < len(toks) and not toks[j].possessive:
                    gap = text[toks[j].end:toks[j + 1].start]
                    if gap not in (" ", ". ") or (gap == ". " and len(toks[j].text) > 3):
                        break
                    nxt = toks[j + 1]
                    if nxt.capitalised:
                        j += 1
                    elif (nxt.lower in CONNECTORS and j + 2 < len(toks) and toks[j + 2].capitalised
                          and text[nxt.end:toks[j + 2].start] == " " and gap == " "):
                        j += 2
                    else:
                        break
                initial = i == 0 or text[toks[i - 1].end:toks[i].start].strip() in ("“", "\"", "‘")
                out.append(Run(tuple(toks[i:j + 1]), initial, headline))
                i = j + 1
    return out


def is_common(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in FUNCTION_WORDS or low in TIME_WORDS
