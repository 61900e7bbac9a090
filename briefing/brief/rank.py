"""Which articles the brief covers, how they group into stories, and in what order.

Articles that report the same event are one story (`briefing.story`); the brief ranks the
stories, deterministically and in a way the officer can check, with no language model:
stories with a flagged article first (in the order the officer flagged them), then stories
that mention a watch term, then by a score of corroboration (more sources), severity cues
(casualties, attacks, arrests, evacuations, outages, resignations, votes) and recency; the
story's first article id is the final tie-break, so the same input gives the same brief.
Articles get their source ids S1, S2 ... in that order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property

from briefing.article_record import ArticleRecord
from briefing.core.furniture import has_furniture
from briefing.core.segment import Segmentation
from briefing.model import Analysis, Article, TimeMention
from briefing.story import stories
from briefing.watchterms import matches

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_MIN_LEAD_WORDS = 8
_MIN_STANDALONE_WORDS = 15  # a short sentence alone on its line is a caption or disclaimer
_CAPTION = re.compile(r"^(?:media caption|image caption|caption|photo|image|video)\b",
                      re.IGNORECASE)
# "KABUL, Afghanistan (Reuters) - ", "MAZAR-I-SHARIF — ", "London, Nov 13 (AFP) -":
# the place and agency before the news; the BLUF says what happened, the sources say where
# it was filed.
# Each word taken whole, its hyphens only between letters ("Port-au-Prince"): a word that
# could end at any hyphen made "A-B-C-…" exponential.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w.'’]*+(?:-(?=\w)[\w.'’]*+)*+(?:[ -][A-Z][\w.'’]*+(?:-(?=\w)[\w.'’]*+)*+)*"
    r"(?:,\s*[A-Z][\w.'’ -]*?)?(?:,?\s*\w{3,9}\.? \d{1,2}(?:,? \d{4})?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s+)"
)
_DATELINE_CAPS = re.compile(r"^\s*[A-Z][A-Z.'’ -]{2,}(?:,\s*[\w .'’-]+)?\s*[:—–-]+\s+")
# a dateline after a scraped headline and byline ("... By Alana Wise WASHINGTON, Nov 6
# (Reuters) - The FBI said"): the news starts after the agency's dash
# Capitals taken whole (possessive): a shouted run gives back no letter one at a time.
_INNER_DATELINE = re.compile(
    r"(?:\b[A-Z]{3,}+[A-Z .'’-]*(?:,[^()\n]{0,30})?\s*\([A-Za-z .]{2,20}\)|"
    r"\b[A-Z]{4,}+(?:[ -][A-Z]{2,}+)*(?:,[\w .]{0,30})?)\s*[-—–]+\s+(?=[A-Z])")
_LONG_LEAD = 45
"""A "sentence" longer than this is usually scraped bullets run together."""

SOURCE_WEIGHT = 3.0
"""Sources carrying a story are worth this many points per doubling (2 sources 3, 4
sources 6: the fifth outlet adds less than the second)..."""
SEVERITY_WEIGHT = 2.5
SEVERITY_CAP = 3
"""...each kind of severity cue two and a half points, up to three kinds (an attack with
casualties in three outlets outranks a sports story in five)..."""
RECENT = ((timedelta(hours=24), 2.0), (timedelta(hours=72), 1.0))
"""...and a story last reported within a day two points, within three days one."""

SEVERITY = (  # (what it is, the words that show it), matched in titles and leads
    ("casualties", r"kill\w*|dead|deaths?|died|casualt\w+|wounded|injur\w+|hurt|fatal\w*"),
    ("attack", r"attack\w*|bomb\w*|explosions?|blasts?|gunfire|shoot\w*|strikes?|raid\w*"),
    ("arrest", r"arrest\w*|detain\w*|charged"),
    ("evacuation", r"evacuat\w+"),
    ("outage", r"outages?|blackouts?|power cuts?"),
    ("resignation", r"resign\w*|quits?|steps? down"),
    ("vote", r"votes?|voted|voting|referendum|ballots?|elections?"),
)
_SEVERITY = [(name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in SEVERITY]


def strip_dateline(sentence: str) -> str:
    """The sentence without the dateline an outlet puts before its first one."""
    inner = list(_INNER_DATELINE.finditer(sentence[:300]))
    if inner and len(sentence) - inner[-1].end() > 40:
        return sentence[inner[-1].end():]
    for pattern in (_DATELINE_CAPS, _DATELINE):
        match = pattern.match(sentence)
        if match and len(sentence) - match.end() > 40:
            rest = sentence[match.end():]
            return rest[:1].upper() + rest[1:]
    return sentence


@dataclass(frozen=True)
class BriefArticle:
    """One article as the brief sees it: its source id and its place in the ranking."""

    sid: str
    record: ArticleRecord
    flagged: bool
    also: tuple[str, ...] = field(default=())
    """Source ids of the other articles that carry the same story."""
    note: str = ""
    """The officer's own note on the article, if any."""
    watch: tuple[str, ...] = ()
    """The watch terms it mentions."""
    story: int = 0
    """Its story's number in the brief's order (D1 is story 1)."""

    @property
    def article(self) -> Article:
        return self.record.article

    @property
    def analysis(self) -> Analysis:
        return self.record.analysis

    @property
    def seg(self) -> Segmentation:
        """The record's own segmentation, made once per article."""
        return self.record.segmentation

    @property
    def single_source(self) -> bool:
        return not self.also

    def sentence(self, offset: int) -> str:
        start, end = self.seg.sentence_at(offset)
        return self.analysis.text[start:end]

    @cached_property
    def lead_span(self) -> tuple[int, int] | None:
        """The first full sentence of the body: news puts the development there."""
        text = self.analysis.text
        for start, end in self.seg.sentences:
            sentence = text[start:end]
            if "\n" in sentence or not _SENTENCE_END.search(sentence):
                continue
            if _CAPTION.match(sentence) or has_furniture(sentence):
                continue
            words = len(sentence.split())
            if words < _MIN_LEAD_WORDS:
                continue
            if words < _MIN_STANDALONE_WORDS and self._alone_on_line(start, end):
                continue
            return start, end
        return None

    @cached_property
    def lead(self) -> str:
        """What happened, in the article's first full sentence, without its dateline."""
        if self.lead_span is not None:
            return strip_dateline(self.analysis.text[slice(*self.lead_span)])
        text = self.analysis.text
        return self.article.title or (text[:200] if text else "")

    def _alone_on_line(self, start: int, end: int) -> bool:
        text = self.analysis.text
        before = text[:start].rstrip(" \t")
        after = text[end:].lstrip(" \t")
        return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


NEAR = timedelta(days=31)
"""A date this far from a story's reports is background ("in 2015"), not its event."""


def _placed(draft: BriefArticle, **place: object) -> BriefArticle:
    """The draft entry given its place in the brief, keeping what it already worked out (its
    lead: cached properties, which `replace` alone would drop)."""
    entry = replace(draft, **place)  # type: ignore[arg-type]
    entry.__dict__.update({k: v for k, v in draft.__dict__.items()
                           if k in ("lead_span", "lead")})
    return entry


@dataclass(frozen=True)
class Story:
    """Several sources' reports of one event: one development in the brief."""

    number: int
    entries: tuple[BriefArticle, ...]
    severity: tuple[str, ...]
    score: float

    @property
    def did(self) -> str:
        return f"D{self.number}"

    @property
    def sids(self) -> tuple[str, ...]:
        return tuple(e.sid for e in self.entries)

    @property
    def flagged(self) -> bool:
        return any(e.flagged for e in self.entries)

    @property
    def watch(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for e in self.entries for t in e.watch))

    @cached_property
    def latest(self) -> datetime | None:
        dated = [e.article.published for e in self.entries if e.article.published]
        return max(dated) if dated else None

    @cached_property
    def first(self) -> datetime | None:
        dated = [e.article.published for e in self.entries if e.article.published]
        return min(dated) if dated else None

    def near(self, tm: TimeMention) -> bool:
        """Whether a time lies within `NEAR` of the story's reports (or cannot be told):
        further off it is background ("in 2015"), not the story's event."""
        if tm.anchor is None or self.first is None or self.latest is None:
            return True
        return self.first - NEAR <= tm.anchor <= self.latest + NEAR

    @cached_property
    def main(self) -> BriefArticle:
        """The report whose lead the others' leads share most words with (the common core
        of the event, not one outlet's angle); the first source on a tie."""
        if len(self.entries) == 1:
            return self.entries[0]
        words = [set(re.findall(r"[^\W\d_]{4,}", e.lead.lower())) for e in self.entries]

        def shared(i: int) -> int:
            if len(self.entries[i].lead.split()) > _LONG_LEAD:
                return -1
            return sum(len(words[i] & w) for j, w in enumerate(words) if j != i)

        best = max(range(len(self.entries)), key=lambda i: (shared(i), -i))
        return self.entries[best]

    def tag(self) -> str:
        """"[S1, S4, S7: 3 sources]" or "[S2, single source]"."""
        if len(self.entries) == 1:
            return f"[{self.entries[0].sid}, single source]"
        return f"[{', '.join(self.sids)}: {len(self.entries)} sources]"


def in_period(article: Article, now: datetime, period: timedelta | None) -> bool:
    """Whether an article belongs to a brief of the `period` before `now`: a day-only or
    zone-less publication when the day it may lie in overlaps; the future stays out, and so
    does an undated article (nothing says it is recent; the brief counts what it left out)."""
    if period is None:
        return True
    return article.clock.overlaps(now - period, now + timedelta(minutes=5))


def flag_positions(flagged: Collection[str] | None) -> dict[str, int]:
    """Each flagged id's place in the officer's order.

    A sequence (the store's `flagged()`) carries that order; an unordered set gives every
    flag the same place, so the rest of the ranking decides, the same way on every run.
    """
    if not flagged:
        return {}
    if isinstance(flagged, Sequence):
        positions: dict[str, int] = {}
        for position, article_id in enumerate(flagged):
            positions.setdefault(article_id, position)
        return positions
    return dict.fromkeys(flagged, 0)


def severity_cues(texts: Sequence[str]) -> tuple[str, ...]:
    joined = " ".join(texts)
    return tuple(name for name, pattern in _SEVERITY if pattern.search(joined))


def _published(article: Article) -> datetime:
    return article.clock.sort_key or datetime.min.replace(tzinfo=UTC)


def _recency(latest: datetime | None, now: datetime | None) -> float:
    if latest is None or now is None:
        return 0.0
    for within, points in RECENT:
        if now - within <= latest <= now + timedelta(minutes=5):
            return points
    return 0.0


def rank(items: Sequence[ArticleRecord],
         flagged: Collection[str] | None,
         notes: Mapping[str, str] | None = None, *,
         watch: Sequence[str] = (), now: datetime | None = None,
         ) -> tuple[list[BriefArticle], list[Story]]:
    """Group the articles into stories, rank the stories, number the articles S1, S2 ...
    in that order (within a story the most recent report first).

    `flagged`: ids in the order they were flagged (a set is accepted, without an order).
    """
    position = flag_positions(flagged)
    articles = [r.article for r in items]
    ids = stories(articles)
    groups: dict[int, list[int]] = {}
    for index, story_id in enumerate(ids):
        groups.setdefault(story_id, []).append(index)
    terms = [matches(watch, r.article.title, r.analysis.text) for r in items]
    # Each article segmented and its lead found once: the ranking reads the leads, and the
    # entries it makes keep them for the sections.
    drafted = [BriefArticle("", r, False) for r in items]

    def draft(members: list[int]) -> tuple[tuple[object, ...], list[int], tuple[str, ...],
                                          float]:
        members = sorted(members, key=lambda i: (
            position.get(articles[i].id, len(position)), -_published(articles[i]).timestamp(),
            articles[i].id))
        heads = [articles[i].title or "" for i in members]
        leads = [drafted[i].lead for i in members]
        severity = severity_cues(heads + leads)
        latest = max((p for i in members if (p := articles[i].published) is not None),
                     default=None)
        score = (SOURCE_WEIGHT * math.log2(len(members))
                 + SEVERITY_WEIGHT * min(len(severity), SEVERITY_CAP) + _recency(latest, now))
        flag = min((position[articles[i].id] for i in members if articles[i].id in position),
                   default=None)
        key = (flag is None, flag or 0, not any(terms[i] for i in members), -score,
               -_published(articles[members[0]]).timestamp(), articles[members[0]].id)
        return key, members, severity, score

    drafts = sorted((draft(m) for m in groups.values()), key=lambda d: d[0])
    sid: dict[int, str] = {}
    for _, members, _, _ in drafts:
        for i in members:
            sid[i] = f"S{len(sid) + 1}"
    entries: list[BriefArticle] = []
    ranked: list[Story] = []
    for number, (_, members, severity, score) in enumerate(drafts, start=1):
        mine = [
            _placed(drafted[i], sid=sid[i], flagged=articles[i].id in position,
                    also=tuple(sid[j] for j in members if j != i),
                    note=(notes or {}).get(articles[i].id, "").strip(),
                    watch=terms[i], story=number)
            for i in members
        ]
        entries += mine
        ranked.append(Story(number, tuple(mine), severity, score))
    return entries, ranked
