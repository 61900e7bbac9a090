"""QUOTES: direct and partial quotations with their speaker and the verb that cites them.

Marks are paired in quotemarks.py; the speaker comes from the cue nearest the quotation
(cues.py-style rules live in speakers.py): after it ("...," said X / X said / X told
reporters / according to X), before it in the same sentence (X said: "..." / according to X,
... "..." / X: "..."), a colon ending the previous paragraph, else the speaker of the
quotation just before in the same or the previous paragraph.

One Quote is one attribution, as a reader (and the PolNeAR gold) counts them: a quotation
interrupted by its cue ("“A,” she said. “B.”") or two fragments one cue introduces
(Biden “urged ...” and “made clear ...”) form one Quote from the first mark to the last.
A partial quotation inside reported speech carries the clause it completes (Biden “urged
Russia ...”), because the fragment alone rarely says what was claimed.  Either way the
marks stay in `text`, so an officer still sees exactly which words are the speaker's own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefing.extract.context import Context
from briefing.extract.names import is_nickname
from briefing.extract.speakers import (
    CUE_VERBS,
    Hit,
    Mentions,
    attribute,
    clause_subject,
    mentions_of,
)
from briefing.model import Organization, Person, Quote

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’\-]++(?: [A-Z][A-Z.'’\-]++){0,2}):\s+")
_MIN_WORDS = 3
# A short quoted phrase inside a sentence with no cue of its own ("the so-called “targeted
# employment area”", "accused of “working the referees”") is a term or a scare quote.
_TERM_WORDS = 5
_LINK_ONLY = re.compile(r"\s*(?:https?://|www\.|pic\.twitter\.com|@)\S*\s*")
_MID_SENTENCE = re.compile(r"[a-z,]\s*$")
# Verbs that put words in someone's mouth without being verbs of saying as such.
_NAMING_VERBS = frozenset(["calling", "likened", "likens", "chanting", "chanted", "promising",
                           "vowing", "criticized", "criticised", "branding", "dubbing"])
_MERGE_GAP = 160
_MERGE_GAP_AROUND_CUE = 400
# Page furniture flattened into the text: a picture's caption ("Media caption Which towns
# voted first?"), a related-links block, a "Follow X on Twitter" line, an embedded post's
# signature ("-- Ann Vale (@annvale) November 8, 2016"), a transcript's "(CROSSTALK)", a
# linked headline in brackets between sentences.  No quotation runs across one, and the
# quotations either side of one are two attributions.
_FURNITURE = re.compile(
    r"\b(?:Media|Image|Video|Photo) (?:caption|copyright)\b"
    r"|\b[Rr]elated (?:[Ss]tories|[Aa]rticles|[Cc]overage|[Cc]ontent|[Ll]inks|[Vv]ideos?)\b"
    r"|\bRELATED\b|\bRead more:|\bREAD MORE\b"
    r"|\bFollow [A-Z][\w.'’ -]{1,40}? on (?:Twitter|Facebook|Instagram)\b"
    r"|\(CROSSTALK\.?\)"
    r"|[—–-]{1,2} ?[A-Z][^()\n]{1,40}\(@\w{1,30}\) [A-Z][a-z]+ \d{1,2}, \d{4}"
    r"|\bpic\.twitter\.com/"
    r"|(?<=[.!?\"”] )\[[A-Z][^\]\n]{10,150}\](?= [\"“A-Z])")
# The literal words one of those needs: most texts have none, and this scan is far cheaper.
_FURNITURE_HINT = re.compile(r"caption|copyright|[Rr]elated|RELATED|Read more|READ MORE|"
                             r"Follow |CROSSTALK|\(@|pic\.twitter|\[")
_CLAUSE_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|argued|argues|insisted|claimed|claims|warned|"
    r"stated|wrote|writes|noted|explained|believes|thinks|called|calls|described|describes|"
    r"urged|urges|promised|vowed|predicted|suggested|acknowledged|admitted|declared|"
    r"announced|tweeted|reported|reports|condemned|denounced|decried|hailed|"
    r"according to [^,]{1,60},)\s+(?:that\s+)?",
    re.IGNORECASE)


# A verb of saying (and whom it is said to) and a comma right before a quotation introduce
# it whole: "she said, “...”", "told the crowd, “...”".
_CUE_BEFORE_COMMA = re.compile(
    r"\b(?:" + "|".join(sorted(CUE_VERBS)) + r")(?:\s+[a-z]+){0,2},\s*$")
# Where a reported claim stops before its sentence does: a new cue (", she added"), or a
# clause of the writer's own ("; the campaign did not respond").
_TAIL_CUE = re.compile(r",\s+(?:[\w.'’-]+\s+){0,4}?(?:said|says|added|adds|told|wrote|writes|"
                       r"noted|argued|insisted)\b|;|\s[—–]\s")


@dataclass
class _Found:
    """A quotation while it is being attributed and merged."""

    start: int
    end: int
    hit: Hit | None
    inherited: bool
    parts: list[tuple[int, int]] = field(default_factory=list)


def find_quotes(ctx: Context, people: list[Person],
                organizations: list[Organization] | None = None) -> list[Quote]:
    """Every quotation in reading order, merged into attributions, with its speaker."""
    text = ctx.text
    index = mentions_of(text, people, organizations, ctx.gender_votes)
    furniture = ([m.span() for m in _FURNITURE.finditer(text)]
                 if _FURNITURE_HINT.search(text) else [])
    spans = ctx.quoted if not furniture else [
        cut for s, e in ctx.quoted if (cut := _before_furniture(text, s, e, furniture))]
    found: list[_Found] = []
    for start, end in spans:
        item = _attributed(text, ctx, start, end, index, found)
        if item is not None:
            found.append(item)
    merged = _merge(ctx, found, furniture)
    quotes = [_quote(text, ctx, item, spans, furniture) for item in merged]
    quotes.extend(_transcript(text, ctx, index, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _furniture_in(furniture: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The pieces of page furniture (the spans `_FURNITURE` finds in the whole text, in
    order) lying wholly inside text[lo:hi]."""
    return [(a, b) for a, b in furniture if lo <= a and b <= hi]


def _before_furniture(text: str, start: int, end: int,
                      furniture: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation up to the page furniture inside it (a mark left open runs into the
    related-links block under it); None when nothing quoted is left."""
    inside = _furniture_in(furniture, start, end)
    if not inside:
        return start, end
    cut = len(text[start:inside[0][0]].rstrip(" \n\"“'‘-—–"))
    if len(_WORD.findall(text, start, start + cut)) < _MIN_WORDS:
        return None
    return start, start + cut


def _attributed(text: str, ctx: Context, start: int, end: int, index: Mentions,
                found: list[_Found]) -> _Found | None:
    """The quotation with its own cue, or inheriting the one before; None for a scare quote."""
    inner = text[start:end].strip("\"“”«»„' \n")
    label = _LABEL.match(text, start)
    if label:  # "“HOST: Do you ...": a transcript's label names the speaker, whatever cue
        name = _labelled(index, label.group(1))
        hit: Hit | None = Hit(name, label.start(1), label.end(1), ":")
    else:
        hit = attribute(text, ctx.seg, start, end, ctx.quotations, index)
    words = len(_WORD.findall(inner))
    if is_nickname(text, start, end):
        return None  # Marcia “Cia” Price: a nickname inside a name
    if (words < _MIN_WORDS and hit is None) or _LINK_ONLY.fullmatch(inner):
        return None  # a scare quote or a title, not speech; an embedded post's link
    if _is_title(inner) and (hit is None or words <= 5):
        return None
    term = hit is None and words <= _TERM_WORDS and _unspoken(text, ctx, start, end)
    if hit is None and not term:
        # a mixed quotation with no cue: the words of its sentence's subject, not a term
        hit = clause_subject(text, ctx.seg, start, ctx.quotations, index)
    if hit is not None and not label:
        if text[hit.start:hit.end].lower() in ("he", "she"):
            hit = _named(text, ctx, hit, index, found)
        elif hit.name not in index.people:
            hit = _described_named(hit, index)
    previous = found[-1] if found else None
    if hit is None and previous is not None and _near(ctx, previous.end, start, end):
        return _Found(start, end, previous.hit, inherited=True, parts=[(start, end)])
    if hit is None and term:
        return None  # a term or a scare quote: no speaker near, no verb of saying

    return _Found(start, end, hit, inherited=False, parts=[(start, end)])


def _named(text: str, ctx: Context, hit: Hit, index: Mentions,
           found: list[_Found]) -> Hit | None:
    """ "she said" shown as the person: the name keeps the pronoun's span as its evidence."""
    want = "m" if text[hit.start] in "Hh" else "f"
    followed = [(f.hit.start, f.hit.name) for f in found[-4:] if f.hit is not None and f.hit.name]
    person = index.resolve(hit.start, want, ctx.quotations, followed, ctx.seg)
    if person is None:
        # Nobody the pronoun can stand for: the quote keeps its cue, with no speaker.
        return hit if hit.name in index.people else Hit("", hit.start, hit.end, hit.cue)
    return Hit(person[0], hit.start, hit.end, hit.cue)


_DEFINITE = re.compile(r"[Tt]he\s+(?:[\w\-]+\s+){0,3}([a-z]+)$")


def _described_named(hit: Hit, index: Mentions) -> Hit:
    """ "The senator said" shown as the senator named before ("Sen. Bernie Sanders"), and
    "the company said" as the one firm named before, the description keeping its span as
    the evidence; a description nothing named fits ("the spokeswoman", with no spokeswoman
    named) stays as written."""
    definite = _DEFINITE.fullmatch(hit.name)
    if definite is None:
        return hit
    named = index.holder_of(definite.group(1), hit.start) or index.body_of(
        definite.group(1), hit.start)  # "the company said": the firm named before
    return hit._replace(name=named) if named else hit


def _merge(ctx: Context, found: list[_Found],
           furniture: list[tuple[int, int]]) -> list[_Found]:
    """Join the pieces of one attribution: a quote that inherits its speaker from the one
    just before in its paragraph, or that the same cue introduces; never across page
    furniture."""
    out: list[_Found] = []
    for item in found:
        last = out[-1] if out else None
        if last is not None and _same_attribution(ctx, last, item, furniture):
            last.end = item.end
            last.parts.extend(item.parts)
            continue
        out.append(_Found(item.start, item.end, item.hit, item.inherited, list(item.parts)))
    return out


def _same_attribution(ctx: Context, last: _Found, item: _Found,
                      furniture: list[tuple[int, int]]) -> bool:
    seg = ctx.seg
    if seg.paragraph_index(last.end - 1) != seg.paragraph_index(item.start):
        return False
    if last.hit is None or item.hit is None:
        return False
    if _furniture_in(furniture, last.end, item.start + 2):
        return False  # "... he said. Media caption Which towns ... “...”": a caption between
    if not item.inherited and ((item.hit.start, item.hit.end) != (last.hit.start, last.hit.end)
                               or item.hit.cue != last.hit.cue or item.hit.cue is None):
        return False  # one cue introduces both; not "sings “A” before asking her “B”"
    # "“A,” said X, an economist who ... group. “B.”": a long appositive between the parts
    # is still the one attribution when it holds the speaker both parts share.
    between = last.end <= last.hit.start and last.hit.end <= item.start
    return item.start - last.end <= (_MERGE_GAP_AROUND_CUE if between else _MERGE_GAP)


def _quote(text: str, ctx: Context, item: _Found, spans: list[tuple[int, int]],
           furniture: list[tuple[int, int]]) -> Quote:
    start, end = item.start, item.end
    hit = item.hit
    if hit is not None and not item.inherited:
        start, reported = _clause_start(text, ctx, start, spans)
        if reported:
            end = _clause_end(text, ctx, end, spans)
        before = _furniture_in(furniture, start, item.start)
        if before:
            start = before[-1][1]  # the clause begins after a caption, never in it
        start += len(text[start:item.start]) - len(text[start:item.start].lstrip())
    parts = tuple(item.parts)
    if hit is None:
        return Quote(start, end, text[start:end], parts=parts)
    if not hit.name:
        return Quote(start, end, text[start:end], cue=hit.cue, parts=parts)
    return Quote(start, end, text[start:end], hit.name, hit.start, hit.end, hit.cue, parts)


def _clause_start(text: str, ctx: Context, start: int,
                  spans: list[tuple[int, int]]) -> tuple[int, bool]:
    """A partial quotation is reported with the clause it completes ("Trump said that
    Machado was 'disgusting'"): the words a reader needs to know what the quote is about.

    Also whether a cue opens that clause, so that the quotation is part of reported speech
    and the claim runs on past its closing mark (see `_clause_end`).
    """
    s_start = max(ctx.seg.sentence_at(start)[0], ctx.seg.paragraph_at(start)[0], start - 400)
    lead = text[s_start:start]
    if not lead.strip() or lead.rstrip().endswith((":", "—", "–", ".", "?", "!")):
        return start, False
    if _CUE_BEFORE_COMMA.search(lead):
        return start, False  # "tweeting, “...”", "she said, “...”": a whole quotation
    cues = list(_CLAUSE_CUE.finditer(lead))
    new = s_start + cues[-1].end() if cues else s_start
    i = bisect_right(spans, (start, start)) - 1
    if i >= 0 and spans[i][1] > new:
        return start, False  # another quotation between the cue and this one
    if start - new > 250:
        return start, False
    return new, bool(cues)


def _clause_end(text: str, ctx: Context, end: int, spans: list[tuple[int, int]]) -> int:
    """A partial quotation in reported speech runs to the end of the claim it is part of
    ("said it was "a mistake" to use private email"): the rest of its sentence, unless
    another quotation or a new attribution (", she added") starts there first."""
    s_end = min(ctx.seg.sentence_at(max(0, end - 1))[1], ctx.seg.paragraph_at(max(0, end - 1))[1])
    i = bisect_right(spans, (end, end))
    if i < len(spans) and spans[i][0] < s_end:
        return end
    tail = text[end:s_end]
    cut = _TAIL_CUE.search(tail)
    if cut:
        tail = tail[:cut.start()]
    tail = tail.rstrip().rstrip(".!?;:,").rstrip()
    return end + len(tail) if len(tail) <= 300 else end


def _unspoken(text: str, ctx: Context, start: int, end: int) -> bool:
    """Whether the quotation at `start` sits inside a sentence of the writer's own ("... of
    “thousands of shootings”"), not opening one or after a colon, with no verb of saying or
    calling anywhere in that sentence ("vowed to punish “those who ...”" is speech)."""
    s_start, s_end = ctx.seg.sentence_at(start)
    s_start = max(s_start, start - 200)
    if not _MID_SENTENCE.search(text, s_start, start):
        return False
    words = _WORD.findall(text, s_start, min(max(s_end, end), end + 200))
    return not any(w.lower() in CUE_VERBS or w.lower() in _NAMING_VERBS for w in words)


def _is_title(inner: str) -> bool:
    # only the longer words: a title's "of", "in", "the" stay lower case; a sentence of short
    # words ("he had a gun in his car") has no title case to show
    words = _WORD.findall(inner)
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 2:
        long_words = words  # "Don't you do it": one capital opening a sentence is no title
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


def _near(ctx: Context, prev_end: int, start: int, end: int) -> bool:
    """The quotation just before sits in this paragraph or the one before, and this one is
    the whole of its paragraph or the one before ends with it."""
    seg = ctx.seg
    here, there = seg.paragraph_index(start), seg.paragraph_index(max(0, prev_end - 1))
    if here == there:
        return True
    if here - there == 1:
        # a paragraph that is all quotation after a quoted one: news writes the next
        # paragraph of the same speaker's words with no new cue ("“...,” he said.¶“...”")
        p_start, p_end = seg.paragraphs[here]
        _, prev_p_end = seg.paragraphs[there]
        return start - p_start < 3 and (end >= p_end - 2 or prev_end >= prev_p_end - 2)
    return False


def _labelled(index: Mentions, label: str) -> str:
    """The speaker a transcript label names: the person whose surname it is ("KELLER" ->
    "Ruth Keller"), else the label in title case ("HOST" -> "Host")."""
    name = index.name_for_word(label)
    return name if name and name != label else label.title()


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
        name = _labelled(index, match.group(1))
        out.append(Quote(match.end(), p_end, text[match.end():p_end], name,
                         label_start, label_end, ":", ((match.end(), p_end),)))
    return out
