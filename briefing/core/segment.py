"""Paragraphs and sentences with offsets into the untouched text.

Written by hand because the library splitters either need a downloaded model (spaCy, NLTK's
punkt data) or split news text wrongly at "p.m.", "U.S.", "Gen." and initials, and because
every later extractor needs exact offsets into the original string, not a cleaned copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from briefing.core.words import CORE_WORDS, word_set

Span = tuple[int, int]

SPEECH_VERBS = word_set(CORE_WORDS, "speech_verbs")

# A period after these never ends a sentence: titles, initials, month and unit abbreviations
# that are always followed by a name or a number.
_NEVER_END = word_set(CORE_WORDS, "never_end")
# These may end a sentence; they do when the next word is a usual sentence opener.
_MAY_END = word_set(CORE_WORDS, "may_end")
_OPENERS = word_set(CORE_WORDS, "openers")

# From the first mark of a run only, taken whole: "!!!!…" tried at every mark, each attempt
# running to the run's end, was quadratic (20,000 marks: 5 s).
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z]+)")
# After a quoted question or exclamation, a speech tag finishes the sentence rather than
# opening one: "“Who gave the order?” Graham asked." / "“Why now?” asked Graham."
# A capitalised opener ("Officials said nothing.") starts a new sentence instead.
_TAG_NAME = r"(?P<name>[A-Z][\w'’.-]*)\s+(?:[A-Z][\w'’.-]*\s+){0,3}"
_SPEECH_TAG = re.compile(
    rf"\s+(?:{_TAG_NAME}(?P<after>[a-z]+)|(?P<before>[a-z]+)\s+[A-Z])")


def paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks; a text with no blank line splits at each line break."""
    breaker = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n\s*")
    spans: list[Span] = []
    position = 0
    for match in breaker.finditer(text):
        spans.extend(_trimmed(text, position, match.start()))
        position = match.end()
    spans.extend(_trimmed(text, position, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _ends_sentence(text: str, period_at: int, after: int) -> bool:
    """Decide whether the punctuation at `period_at` closes a sentence."""
    if text[period_at] != ".":
        return not (text[after - 1] in "\"'”’" and _speech_tag_follows(text, after))
    word_match = _WORD_BEFORE.search(text, max(0, period_at - 20), period_at + 1)
    if not word_match:
        return True
    word = word_match.group(1).rstrip(".").lower()
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "John F. Kennedy"
    if word in _NEVER_END:
        return False
    if word in _MAY_END or _INITIALS.fullmatch(word):
        # "U.S." may end a sentence; so may "J.R." in "J.R. Hale", unless a name follows
        following = _NEXT_WORD.match(text, after)
        return following is not None and following.group(1).lower() in _OPENERS
    return True


def _speech_tag_follows(text: str, after: int) -> bool:
    tag = _SPEECH_TAG.match(text, after)
    if not tag or (tag.group("name") or "").lower() in _OPENERS:
        return False
    return (tag.group("after") or tag.group("before")) in SPEECH_VERBS


def sentences_in(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans inside text[start:end]."""
    spans: list[Span] = []
    position = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, match.start(), match.end()):
            spans.extend(_trimmed(text, position, match.end()))
            position = match.end()
    spans.extend(_trimmed(text, position, end))
    return spans


@dataclass(frozen=True)
class Segmentation:
    """Paragraph and sentence spans of one text, with lookups by offset."""

    text: str

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return [s for p in self.paragraphs for s in sentences_in(self.text, *p)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the nearest one before it, at a gap)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Span:
        if not self.sentences:
            return (0, len(self.text))
        return self.sentences[self.sentence_index(offset)]

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def paragraph_at(self, offset: int) -> Span:
        if not self.paragraphs:
            return (0, len(self.text))
        return self.paragraphs[self.paragraph_index(offset)]


def segment(text: str) -> Segmentation:
    return Segmentation(text)
