"""Pairing quotation marks into spans, paragraph by paragraph.

Straight marks toggle; curly marks and guillemets say which way they face.  A paragraph
that ends inside a quotation continues it when the next paragraph opens with a mark (the
news convention for long quotes); otherwise the quotation ends with its paragraph, so an
unbalanced mark never swallows the rest of an article.
"""

from __future__ import annotations

_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE = {"”", "»"}


def quoted_spans(text: str, seg) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    paragraphs = seg.paragraphs
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if open_at is not None and text[p_start] in "\"“«„":
            i += 1  # the reopening mark of a continued quotation
        while i < p_end:
            ch = text[i]
            if open_at is None:
                if ch in _OPEN or (ch == '"' and (i == p_start or not text[i - 1].isalnum())):
                    open_at = i
            elif ch in _CLOSE or (ch == "“" and text[open_at] == "„") or (
                    ch == '"' and text[open_at] == '"'):
                spans.append((open_at, i + 1))
                open_at = None
            elif ch == '"' or (ch in _OPEN and text[open_at] != "„"):
                open_at = i  # a mark that opens again: the earlier one was stray
            i += 1
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is None or text[nxt[0]] not in "\"“«„":
                if p_end - open_at > 1:
                    spans.append((open_at, p_end))
                open_at = None
    return spans
