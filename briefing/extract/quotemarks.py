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
"""

from __future__ import annotations

import re

from briefing.extract.segment import Segmentation

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


def quoted_spans(text: str, seg: Segmentation) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included, in reading order."""
    spans: list[tuple[int, int]] = []
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
            elif _opens(text, mark, at, p_start) and text[at - 1].isspace():
                open_at, opened = at, mark  # a mark that opens again: the earlier was stray
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is None or not text.startswith(_STARTS_QUOTE, nxt[0]):
                if p_end - open_at > 1:
                    spans.append((open_at, p_end))
                open_at = None
    return spans
