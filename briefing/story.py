"""Stories across sources: which articles report the same event.

`stories(articles)` gives one story id per article, in order; articles with the same id
report the same event (several outlets, several updates).  The grouping reads what the texts
share, weighted by how distinctive it is in the set (a name or word every article carries
says nothing), and how close their publication dates are: two reports on the same person a
week apart are two stories unless their words say otherwise.

Pure, deterministic, standard library only: no language model, no randomness, the same
input always gives the same ids, numbered 1, 2, ... in the order each story first appears.
Anything with `.title`, `.text` and `.published` will do; `published` may be an aware or
naive datetime, a date, an ISO string, None or garbage (then the date is not used).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

__all__ = ["StoryIndex", "stories"]

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
_MIN_LEN = 3
TITLE_WEIGHT = 2.0
"""A title word counts as this many body words: the headline names the event."""
NAME_WEIGHT = 1.5
"""A capitalised word inside a sentence (a person, place or organisation) counts more."""
SAME_STORY = 0.12
"""Average similarity two groups need to be one story (cosine of weighted word vectors)."""
BACKGROUND = 10
"""Articles assumed besides the set when weighing a word by how few carry it: with only the
set itself, two reports of one event share every word "in every article" and look unlike."""
DAYS_SAME = 2.0
"""Publication dates this close (in days) do not count against a match."""
DAYS_FADE = 4.0
"""Beyond `DAYS_SAME`, the match fades to nothing over this many more days."""
LEAD_CHARS = 600
LEAD_WEIGHT = 1.0
"""The lead (inverted pyramid) counts this much again: it says what happened."""
MAX_BODY_CHARS = 6000
"""The top of an article carries its event; the tail is background and boilerplate."""

_STOP_WORDS = """
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can cannot could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just let me more most my myself no nor not now of off on once only
or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up upon very was we were what
when where which while who whom why will with would you your yours yourself said says say
told tell according new news one two three first last year years day days week weeks month
time times people many much may might must also including like just even still back well
get got make made take took see seen way since mr mrs ms per cent percent yet via however
though although whether here's it's that's there's don't didn't doesn't isn't wasn't can't
won't monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
morning afternoon evening night tonight january february march april june july august
september october november december image images photo photos caption copyright getty reuters
ap afp share shares click read follow email story video watch updated published comments
"""
_STOP = frozenset(_STOP_WORDS.split())


def _stem(word: str) -> str:
    """A light English stem, so "blames"/"blamed", "crashes"/"crash" meet."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + keep
    return word


def _terms(text: str, weight: float) -> Counter[str]:
    # weighted counts: Counter holds floats as well as ints, whatever its annotation says
    counts: Counter[str] = Counter()
    sentence_start = True
    for match in _WORD.finditer(text):
        raw = match.group()
        before = text[max(0, match.start() - 2): match.start()]
        if any(mark in before for mark in ".!?\n"):
            sentence_start = True
        lower = raw.lower().replace("’", "'")
        if len(lower) >= _MIN_LEN and lower not in _STOP:
            bonus = NAME_WEIGHT if raw[0].isupper() and not sentence_start else 1.0
            counts[_stem(lower.split("'")[0])] += weight * bonus  # type: ignore[assignment]
        sentence_start = False
    return counts


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _day(published: Any) -> float | None:
    """Days since the epoch (UTC) of a publication time in any shape; None when unusable."""
    moment: Any = published
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.strip().replace("Z", "+00:00"))
        except ValueError:
            try:
                moment = date.fromisoformat(moment.strip()[:10])
            except ValueError:
                return None
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        try:
            return moment.timestamp() / 86400.0
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(moment, date):
        return (moment - date(1970, 1, 1)).days + 0.5
    return None


def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items() if c > 0 and idf[t] > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


def _closeness(day_a: float | None, day_b: float | None) -> float:
    """1 for reports of the same days, fading to 0 as their publication dates part."""
    if day_a is None or day_b is None:
        return 1.0
    gap = abs(day_a - day_b)
    if gap <= DAYS_SAME:
        return 1.0
    return max(0.0, 1.0 - (gap - DAYS_SAME) / DAYS_FADE)


@lru_cache(maxsize=4096)
def _article_terms(title: str, text: str) -> Counter[str]:
    """An article's weighted terms: body, lead and title.  Memoised: the dashboard regroups
    every time articles arrive, and a text never changes (callers only read the result)."""
    body = text[: int(MAX_BODY_CHARS)]
    terms = _terms(body, 1.0)
    terms.update(_terms(body[: int(LEAD_CHARS)], LEAD_WEIGHT))
    terms.update(_terms(title, TITLE_WEIGHT))
    return terms


class StoryIndex:
    """Pairwise similarity of a set of articles; `groups()` clusters them into stories."""

    def __init__(self, articles: Iterable[Any]) -> None:
        counts: list[Counter[str]] = []
        self.days: list[float | None] = []
        for article in articles:
            counts.append(_article_terms(_text(getattr(article, "title", "")),
                                         _text(getattr(article, "text", ""))))
            self.days.append(_day(getattr(article, "published", None)))
        n = len(counts)
        df: Counter[str] = Counter()
        for terms in counts:
            df.update(terms.keys())
        # A word in (nearly) every article links nothing; one in a single article links
        # nothing either, but still counts in its length (else two articles sharing one
        # word would look identical).
        idf = {t: math.log((n + 1 + BACKGROUND) / (d + 0.5)) for t, d in df.items()}
        self.vectors = [_vector(terms, idf) for terms in counts]

    def similarity(self, i: int, j: int) -> float:
        return _cosine(self.vectors[i], self.vectors[j]) * _closeness(self.days[i], self.days[j])

    def groups(self, threshold: float = SAME_STORY) -> list[int]:
        """Average-linkage clustering: merge the two closest groups while they are closer
        than `threshold`; ties go to the lowest indices, so the result never varies.

        Two groups can only merge if some pair across them is closer than `threshold`, so
        each connected part of that graph is clustered on its own: the same result as
        clustering all at once, without comparing stories that share nothing.
        """
        n = len(self.vectors)
        link: dict[int, dict[int, float]] = {i: {} for i in range(n)}
        for i in range(n):
            for j in range(i + 1, n):
                value = self.similarity(i, j)
                if value > 0.0:
                    link[i][j] = link[j][i] = value
        label = list(range(n))
        for part in _parts(link, threshold):
            for root, members in _cluster(part, link, threshold).items():
                for i in members:
                    label[i] = root
        return label


def _parts(link: dict[int, dict[int, float]], threshold: float) -> list[list[int]]:
    """The connected parts of the graph of pairs closer than `threshold`, in index order."""
    seen: set[int] = set()
    parts: list[list[int]] = []
    for start in sorted(link):
        if start in seen:
            continue
        seen.add(start)
        part, stack = [], [start]
        while stack:
            node = stack.pop()
            part.append(node)
            for other, value in link[node].items():
                if value > threshold and other not in seen:
                    seen.add(other)
                    stack.append(other)
        parts.append(sorted(part))
    return parts


def _cluster(part: list[int], link: dict[int, dict[int, float]],
             threshold: float) -> dict[int, list[int]]:
    """Average linkage within one part; a group is named by its lowest index.

    The closest pair comes off a heap (ties to the lowest indices, as a full scan in index
    order would pick): a scan of every pair per merge made a part of 1,000 near-identical
    feed entries take seconds (cubic).  An entry is stale once either group has gone or
    their similarity has changed with a merge; the merged group's pairs are pushed afresh.
    """
    members: dict[int, list[int]] = {i: [i] for i in part}
    if len(part) == 1:
        return members
    near = {i: {j: link[i].get(j, 0.0) for j in part if j != i} for i in part}
    heap = [(-value, a, b) for a in part for b, value in near[a].items()
            if b > a and value > threshold]
    heapq.heapify(heap)
    while heap:
        value, a, b = heapq.heappop(heap)
        if a not in members or b not in members or near[a][b] != -value:
            continue
        size_a, size_b = len(members[a]), len(members[b])
        members[a] += members.pop(b)
        near.pop(b)
        for c in members:
            if c == a:
                continue
            merged = (near[a][c] * size_a + near[c][b] * size_b) / (size_a + size_b)
            near[c].pop(b)
            near[c][a] = near[a][c] = merged
            if merged > threshold:
                heapq.heappush(heap, (-merged, min(a, c), max(a, c)))
        near[a].pop(b, None)
    return {min(group): group for group in members.values()}


def stories(articles: Sequence[Any] | Iterable[Any]) -> list[int]:
    """One story id per article, in order: same event, same id.

    Ids are 1, 2, ... in the order each story first appears in `articles`.  Never raises on
    odd input: empty or missing text, and a `published` that is None, naive, a string or
    garbage (such an article is matched on its words alone).
    """
    items = list(articles)
    if not items:
        return []
    roots = StoryIndex(items).groups()
    numbers: dict[int, int] = {}
    return [numbers.setdefault(root, len(numbers) + 1) for root in roots]
