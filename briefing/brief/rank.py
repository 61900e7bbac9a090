"""Which articles the brief covers, in what order, and which stories several sources carry.

All of it deterministic and explainable to the officer, with no language model: flagged
articles first, in the order the officer flagged them (the most important is flagged first),
then stories carried by more sources, then the most recent, then the article id as the final
tie-break, so the same input always gives the same brief.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property

from briefing.extract.segment import Segmentation
from briefing.model import Analysis, Article

_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_MIN_LEAD_WORDS = 8
_MIN_STANDALONE_WORDS = 15  # a short sentence alone on its line is a caption or disclaimer
_SHARED_FOR_SAME_STORY = 2


@dataclass(frozen=True)
class Entry:
    """One article as the brief sees it: its source id and its place in the ranking."""

    sid: str
    article: Article
    analysis: Analysis
    flagged: bool
    also: tuple[str, ...] = field(default=())
    """Source ids of the other articles that carry the same story."""
    note: str = ""
    """The officer's own note on the article, if any."""

    @cached_property
    def seg(self) -> Segmentation:
        return Segmentation(self.analysis.text)

    @property
    def single_source(self) -> bool:
        return not self.also

    def sentence(self, offset: int) -> str:
        start, end = self.seg.sentence_at(offset)
        return self.analysis.text[start:end]

    @cached_property
    def lead(self) -> str:
        """The first full sentence of the body: news puts the development there."""
        text = self.analysis.text
        for start, end in self.seg.sentences:
            sentence = text[start:end]
            if "\n" in sentence or not _SENTENCE_END.search(sentence):
                continue
            words = len(sentence.split())
            if words < _MIN_LEAD_WORDS:
                continue
            if words < _MIN_STANDALONE_WORDS and self._alone_on_line(start, end):
                continue
            return sentence
        return self.article.title or (text[:200] if text else "")


    def _alone_on_line(self, start: int, end: int) -> bool:
        text = self.analysis.text
        before = text[:start].rstrip(" \t")
        after = text[end:].lstrip(" \t")
        return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def story_keys(article: Article, analysis: Analysis) -> frozenset[str]:
    """Names and title words that identify a story across outlets."""
    names = {p.name.lower() for p in analysis.people if not p.anonymous}
    words = {w.lower() for w in _TITLE_WORD.findall(article.title or "")}
    return frozenset(names | words)


def in_period(article: Article, now: datetime, period: timedelta | None) -> bool:
    """Whether an article belongs to a brief of the `period` before `now`: a day-only or
    zone-less publication when the day it may lie in overlaps; the future stays out, and so
    does an undated article (nothing says it is recent; the brief counts what it left out)."""
    if period is None:
        return True
    return article.clock.overlaps(now - period, now + timedelta(minutes=5))


def _rank_key(flag: int | None, carriers: int, article: Article) -> tuple[object, ...]:
    published = article.clock.sort_key or datetime.min.replace(tzinfo=UTC)
    return (flag is None, flag or 0, -carriers, -published.timestamp(), article.id)


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


def rank(items: Sequence[tuple[Article, Analysis]],
         flagged: Collection[str] | None,
         notes: Mapping[str, str] | None = None) -> list[Entry]:
    """Order the articles, give them S1, S2 ... in that order, and link shared stories.

    `flagged`: ids in the order they were flagged (a set is accepted, without an order).
    """
    position = flag_positions(flagged)
    keys = [story_keys(a, an) for a, an in items]
    same: list[set[int]] = [set() for _ in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if len(keys[i] & keys[j]) >= _SHARED_FOR_SAME_STORY:
                same[i].add(j)
                same[j].add(i)
    order = sorted(range(len(items)), key=lambda i: _rank_key(
        position.get(items[i][0].id), len(same[i]), items[i][0]))
    rank_of = {index: n for n, index in enumerate(order, start=1)}
    sid = {index: f"S{n}" for index, n in rank_of.items()}
    return [
        Entry(sid=sid[i], article=items[i][0], analysis=items[i][1],
              flagged=items[i][0].id in position,
              also=tuple(sid[j] for j in sorted(same[i], key=rank_of.__getitem__)),
              note=(notes or {}).get(items[i][0].id, "").strip())
        for i in order
    ]
