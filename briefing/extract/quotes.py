"""QUOTES: direct and partial quotations with their speaker and the verb that cites them.

Quotation marks are paired by hand (curly, straight and guillemets) because the speaker
attribution needs every mark's offset and the news convention for long quotes: a paragraph
that ends inside a quotation continues it in the next paragraph, which reopens the mark.
The speaker comes from the cue nearest the quotation: after it ("...," said X / X said /
X told reporters / according to X), before it in the same sentence (X said: "..." /
according to X, ... "..." / X: "..." / X -- "..."), else the speaker of the quotation just
before in the same or the previous paragraph.  Speakers are the people found by who.py
(their canonical names; pronouns were resolved there), or an organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from briefing.extract.context import Context
from briefing.extract.quotemarks import quoted_spans
from briefing.extract.roles import SPEECH_VERBS
from briefing.extract.speakers import Mentions, mentions_of
from briefing.model import Organization, Person, Quote

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}):\s+")
_MIN_WORDS = 3


def find_quotes(ctx: Context, people: list[Person],
                organizations: list[Organization] | None = None) -> list[Quote]:
    text = ctx.text
    index = mentions_of(text, people, organizations)
    spans = quoted_spans(text, ctx.seg)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in spans:
        inner = text[start:end].strip("\"“”«» \n")
        cue_found = _attribute(text, ctx, start, end, spans, index)
        if len(_WORD.findall(inner)) < _MIN_WORDS and cue_found is None:
            continue  # a scare quote or a title, not speech
        if _is_title(inner) and (cue_found is None or len(_WORD.findall(inner)) <= 5):
            continue
        speaker = cue_found
        label = _LABEL.match(text, start)
        if label and speaker is None:
            name = index.name_for_word(label.group(1)) or label.group(1).title()
            speaker = (name, label.start(1), label.end(1), ":")
        if speaker is None and previous is not None and _near(ctx, previous.end, start):
            speaker = (previous.speaker, previous.speaker_start, previous.speaker_end, previous.cue)
        if speaker is None:
            speaker = (None, None, None, None)
        if cue_found is not None:
            start = _clause_start(text, ctx, start, spans, quotes)
        quote = Quote(start, end, text[start:end], *speaker)
        quotes.append(quote)
        previous = quote
    quotes.extend(_transcript(text, ctx, index, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


_CLAUSE_CUE = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS - {"said:"})) +
                         r"|according to [^,]{1,60},)\s+(?:that\s+)?", re.IGNORECASE)


def _clause_start(text: str, ctx: Context, start: int, spans: list[tuple[int, int]],
                  quotes: list[Quote]) -> int:
    """A partial quotation is reported with the clause it completes ("Trump said that
    Machado was 'disgusting'"): the words a reader needs to know what the quote is about."""
    s_start = max(ctx.seg.sentence_at(start)[0], ctx.seg.paragraph_at(start)[0])
    follows_quote = bool(quotes) and quotes[-1].end > s_start
    if follows_quote:
        s_start = quotes[-1].end
    lead = text[s_start:start]
    if not lead.strip() or (lead.rstrip().endswith((":", ",", "—", "–")) and len(lead) < 3):
        return start
    if any(s_start <= s < start for s, _ in spans):
        return start
    cues = list(_CLAUSE_CUE.finditer(lead))
    if follows_quote and not cues:
        return start
    new = s_start + cues[-1].end() if cues else s_start
    return new if start - new <= 250 else start


def _is_title(inner: str) -> bool:
    words = _WORD.findall(inner)
    return bool(words) and all(w[:1].isupper() for w in words if len(w) > 3)


def _near(ctx: Context, prev_end: int, start: int) -> bool:
    """The quotation just before sits in this paragraph or ends the one before it."""
    seg = ctx.seg
    here, there = seg.paragraph_index(start), seg.paragraph_index(max(0, prev_end - 1))
    if here == there:
        return True
    if here - there == 1:
        p_start, _ = seg.paragraphs[here]
        _, prev_p_end = seg.paragraphs[there]
        return start - p_start < 3 and prev_end >= prev_p_end - 2
    return False


def _masked(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """text[lo:hi] with other quotations blanked, so their words are not read as cues."""
    chunk = list(text[lo:hi])
    for s, e in spans:
        for i in range(max(s, lo), min(e, hi)):
            chunk[i - lo] = " "
    return "".join(chunk)


def _sentence_bounds(ctx: Context, start: int, end: int) -> tuple[int, int]:
    seg = ctx.seg
    p_start, p_end = seg.paragraph_at(start)
    s_start = seg.sentence_at(start)[0]
    s_end = seg.sentence_at(max(start, end - 1))[1]
    s_start = max(s_start, p_start)
    after_end = seg.sentence_at(end)[1] if end < p_end else end
    return s_start, max(s_end, min(after_end, seg.paragraph_at(max(start, end - 1))[1]))


def _attribute(text: str, ctx: Context, start: int, end: int, spans: list[tuple[int, int]],
               index: Mentions) -> tuple[str | None, int | None, int | None, str | None] | None:
    s_start, s_end = _sentence_bounds(ctx, start, end)
    # After the quotation: "...," said X / X said / X told / according to X
    window_end = min(s_end, end + 120)
    after = _masked(text, end, window_end, spans)
    stop = re.search(r"[.!?](?:\s|$)|[“\"]", after)
    if stop:
        after = after[:stop.start()]
    hit = _cue_in(text, end, after, index, leading=True)
    if hit:
        return hit
    # Before it in the same sentence.
    before = _masked(text, s_start, start, spans)
    hit = _cue_in(text, s_start, before, index, leading=False)
    p_start = ctx.seg.paragraph_at(start)[0]
    if hit is None and start - p_start < 2 and p_start > 0:
        prev = ctx.seg.paragraph_at(p_start - 2)
        if text[prev[0]:prev[1]].rstrip().endswith(":"):
            s0 = ctx.seg.sentence_at(prev[1] - 1)[0]
            hit = _cue_in(text, s0, _masked(text, s0, prev[1], spans), index, leading=False)
    return hit


def _cue_in(text: str, base: int, chunk: str, index: Mentions, *, leading: bool):
    according = list(_ACCORDING.finditer(chunk))
    if according:
        at = base + according[-1].end()
        found = index.starting_near(at, 60)
        if found:
            return (*found, "according to")
    verbs = [m for m in _WORD.finditer(chunk) if m.group().lower() in SPEECH_VERBS]
    if leading:
        verbs = [m for m in verbs if len(_WORD.findall(chunk[:m.start()])) <= 8]
    ordered = verbs if leading else verbs[::-1]
    for nominal in (False, True):
        for verb in ordered:
            v_start, v_end = base + verb.start(), base + verb.end()
            found = (index.ending_before(v_start, 50, floor=base, nominal=nominal)
                     or index.starting_near(v_end, 40))
            if found:
                return (*found, verb.group())
    if not leading:
        tail = chunk.rstrip()
        if tail.endswith((":", "—", "–", "-")):
            found = index.ending_before(base + len(tail) - 1, 40, floor=base)
            if found:
                return (*found, tail[-1])
    return None


def _transcript(text: str, ctx: Context, index: Mentions, quotes: list[Quote]) -> list[Quote]:
    """Interview transcripts: a paragraph opening with "PENCE:" is that speaker's words."""
    starts = [q.start for q in quotes]
    out = []
    for p_start, p_end in ctx.seg.paragraphs:
        match = _LABEL.match(text, p_start, p_end)
        if not match or p_end - match.end() < 10:
            continue
        i = bisect_right(starts, p_end) - 1
        if i >= 0 and quotes[i].end > match.end():
            continue
        label_start, label_end = match.span(1)
        name = index.name_for_word(match.group(1)) or match.group(1).title()
        out.append(Quote(match.end(), p_end, text[match.end():p_end], name,
                         label_start, label_end, ":"))
    return out
