"""Pairing quotation marks into spans, paragraph by paragraph.

Written by hand because no installed library pairs marks with offsets and the news
conventions below.  Curly marks and guillemets say which way they face; straight marks and
the doubled apostrophe some archives use for a quotation mark (''like this'') face the way
their neighbours say: a mark after a space opening a word opens, a mark after a word or
punctuation closes.  Writers mix styles ("“no evidence\" yet") and some feeds open with a
closing mark (”Fear. ...), so a mark is judged by its position first and its shape second.
A paragraph that ends inside a quotation continues it when the next paragraph opens with a
mark (the news convention for long quotes); otherwise the quotation ends with its
paragraph, so an unbalanced mark never swallows the rest of an article.

Single marks (‘…’ and '…', the house style of British, Irish and Australian outlets) are
paired in a pass of their own, because the same characters are apostrophes far more often:
a single mark opens only at a word's start ("‘We", " 'We") and never before an elision
("the '90s", "'n'", "'em"), and closes only at a word's end, never between letters
("Assad’s", "don't"); a plural possessive ("the players' union") closes only when no later
mark in the paragraph could.  Then whichever style is outermost wins: ‘He said “no”’ is one
British quotation, “He said ‘no’” one American one.
"""

from __future__ import annotations

import re

from briefing.core.segment import Segmentation

Span = tuple[int, int]

_MARK = re.compile(r"''|[\"“”«»„]")
_OPENERS = frozenset(["“", "«", "„"])
_CLOSERS = frozenset(["”", "»"])
_STARTS_QUOTE = ("\"", "“", "«", "„", "”", "''")


def _opens(text: str, mark: str, at: int, p_start: int) -> bool:
    """Whether a mark standing where nothing is open begins a quotation."""
    if mark in _OPENERS:
        return True
    before = text[at - 1] if at > p_start else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if mark in _CLOSERS:
        # ”Fear. I am afraid...”: a closing shape at a word start, as some feeds print it;
        # at a paragraph's start nothing can be closing ("” … what I learned is ...”").
        return at == p_start or (before.isspace() and not after.isspace())
    return not before.isalnum() and not after.isspace()


def _closes(text: str, mark: str, opened: str, at: int) -> bool:
    """Whether a mark met inside an open quotation ends it."""
    if opened == "''" or mark == "''":
        return mark == opened
    if mark in _CLOSERS or (mark == "“" and opened == "„"):
        return True
    if mark == '"':
        after = text[at + 1] if at + 1 < len(text) else " "
        before = text[at - 1]
        # "“no evidence\" yet" closes; a straight mark before a word is a new opening.
        return opened == '"' or not (before.isspace() and after.isalnum())
    return False


def quoted_spans(text: str, seg: Segmentation) -> list[Span]:
    """(start, end) of every quotation, marks included, in reading order: double and single
    marks alike, the outer one kept where one style nests in the other."""
    doubles = _double_spans(text, seg)
    singles = _single_spans(text, seg) if _SINGLE.search(text) else []
    if not singles:
        return doubles
    kept = [d for d in doubles if not any(_inside(d, s) for s in singles)]
    kept += [s for s in singles if not any(_inside(s, d) or _crosses(s, d) for d in doubles)]
    return sorted(kept)


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def _crosses(a: Span, b: Span) -> bool:
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


_SINGLE = re.compile(r"[‘’']")
# Elisions that open with an apostrophe: "the '90s", "rock 'n' roll", "'em", "'til", "'tis".
_ELISION = re.compile(r"(?:\d0s|\d\ds|\d\d\b|n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b)",
                      re.IGNORECASE)
_OPEN_BEFORE = frozenset(" \t\n([{—–-“\"/")
_CLOSE_AFTER = frozenset(" \t\n.,;:!?)]}—–-”\"…")


def _single_opens(text: str, at: int, p_start: int) -> bool:
    mark = text[at]
    if mark == "’":
        return False
    before = text[at - 1] if at > p_start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before in _OPEN_BEFORE and (after.isalnum() or after in "“\"…")
            and not _ELISION.match(text, at + 1))


def _single_closes(text: str, at: int, p_end: int) -> bool:
    mark = text[at]
    if mark == "‘":
        return False
    before = text[at - 1]
    after = text[at + 1] if at + 1 < p_end else " "
    return (before.isalnum() or before in ".,!?…”\"") and after in _CLOSE_AFTER


def _possessive(text: str, at: int) -> bool:
    """"the players' union": a mark after a plural's s, before a lower-case word."""
    return text[at - 1] in "sS" and bool(re.match(r" [a-z]", text[at + 1:at + 3]))


def _single_spans(text: str, seg: Segmentation) -> list[Span]:
    spans: list[Span] = []
    paragraphs = seg.paragraphs
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = [m.start() for m in _SINGLE.finditer(text, p_start, p_end)]
        start_index = 0
        if open_at is not None and marks and marks[0] == p_start:
            start_index = 1  # the reopening mark of a continued quotation
        for position, at in enumerate(marks[start_index:], start=start_index):
            if open_at is None:
                if _single_opens(text, at, p_start):
                    open_at = at
                continue
            if not _single_closes(text, at, p_end):
                continue
            if _possessive(text, at) and any(_single_closes(text, b, p_end)
                                             for b in marks[position + 1:]):
                continue
            spans.append((open_at, at + 1))
            open_at = None
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is None or text[nxt[0]:nxt[0] + 1] not in ("‘", "'"):
                open_at = None  # an unpaired mark: most likely an apostrophe after all
    return spans


# A speaker's label after a paragraph's opening mark: "“HOST: Do you ...".
_TRANSCRIPT_LABEL = re.compile(r"[\"“]([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}):\s")


def _nested_end(text: str, at: int, p_end: int) -> int:
    """Where a curly quotation nested in a straight one ends, when a straight mark after it
    closes the outer one in the same paragraph ("\"... I will read you the question: “Do you
    think ...?” Forty-three, yes.\""); 0 when the straight mark was a stray one instead."""
    inner_end = text.find("”", at + 1, p_end)
    if inner_end < 0 or "“" in text[at + 1:inner_end]:
        return 0
    closer = text.find('"', inner_end + 1, p_end)
    return inner_end + 1 if closer >= 0 and text[closer - 1] != " " else 0


def _double_spans(text: str, seg: Segmentation) -> list[Span]:
    spans: list[Span] = []
    open_at: int | None = None
    opened = ""
    paragraphs = seg.paragraphs
    for index, (p_start, p_end) in enumerate(paragraphs):
        skip = -1
        if open_at is not None:
            reopen = _MARK.match(text, p_start)
            skip = reopen.end() if reopen else -1  # the reopening mark of a continued quote
        for match in _MARK.finditer(text, p_start, p_end):
            at, mark = match.start(), match.group()
            if at < skip:
                continue
            if open_at is None:
                if _opens(text, mark, at, p_start):
                    open_at, opened = at, mark
            elif _closes(text, mark, opened, at):
                spans.append((open_at, match.end()))
                open_at = None
            elif mark == "“" and opened == '"' and (nested := _nested_end(text, at, p_end)):
                skip = nested  # "... the question: “...?” Forty ..."
            elif _opens(text, mark, at, p_start) and text[at - 1].isspace():
                open_at, opened = at, mark  # a mark that opens again: the earlier was stray
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is None or not text.startswith(_STARTS_QUOTE, nxt[0]):
                if p_end - open_at > 1:
                    spans.append((open_at, p_end))
                open_at = None
            elif _TRANSCRIPT_LABEL.match(text, nxt[0]):
                # a quoted transcript: "“HOST: ...¶“KELLER: ...": each speaker's turn is
                # a quotation of its own, though no mark closes the one before
                spans.append((open_at, p_end))
                open_at, opened = nxt[0], text[nxt[0]]
    return spans
