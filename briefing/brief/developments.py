"""Section 2, key developments by story: what, when, who, where, what was said, what is open.

Several sources of one event are one development.  A fact only one source of a story gives
(a name, a place, a quote) is marked with that source alone ("S3 only"), so the reader sees
how far each is corroborated.  The top stories are written out; the rest get one line each
(the annex, `--annex`, has every article in full).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.brief.bluf import marks
from briefing.brief.rank import BriefArticle, Story
from briefing.brief.text import clean, clip, heading, labelled, wrap
from briefing.brief.times import dtg_style, grain, is_point, sort_key, with_wording
from briefing.brief.watch import WatchItem
from briefing.model import Person, Quote, TimeMention

FULL_STORIES = 5
MAX_SPANS = 1
MAX_WHEN = 3
MAX_WHO = 4
MAX_WHERE = 4
MAX_QUOTES = 2
MAX_QUOTE = 120
MAX_WHAT = 240
LABEL = 6  # "Where:" is the longest label in a development
_QUOTE_MARKS = "\"“”‘’«» "
_TRAILING_COMMA = re.compile(r"[,;]\s*([\"”’»]?)$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*[\w.]$")


def when_text(times: Sequence[TimeMention], limit: int = MAX_WHEN,
              story: Story | None = None) -> str:
    """Event times in the article, the most precise first: minutes, then days; then how
    long things lasted, in words ("about 50 minutes", "a few weeks").  With a `story`,
    only times near its reports (not the background years)."""
    points = [t for t in times if is_point(t)]
    if story is not None:
        points = [t for t in points if story.near(t)]
    precise = sorted((t for t in points if grain(t) in ("minute", "part")), key=sort_key)
    days = sorted((t for t in points if grain(t) == "day"), key=sort_key)
    chosen = (precise + days) or sorted(points, key=sort_key)
    rendered: list[str] = []
    seen: set[str] = set()
    for tm in chosen:
        day = dtg_style(tm)
        if day in seen:  # "Nov 6" and "Sunday" are one day: its first wording is enough
            continue
        seen.add(day)
        rendered.append(with_wording(day, tm))
    if not rendered:  # an undated source's "late Thursday": as written, said to be undated
        loose = [t for t in times if t.type in ("DATE", "TIME") and not t.resolved]
        rendered = list(dict.fromkeys(f"“{clean(t.text)}” (no date)" for t in loose))[:2]
    spans = [dtg_style(t) for t in times if t.type == "DURATION"]
    return "; ".join(rendered[:limit] + list(dict.fromkeys(spans))[:MAX_SPANS])


def person_text(person: Person) -> str:
    """"Jen Psaki (White House Press Secretary)", with the affiliation when the role does
    not already say it."""
    name = clean(person.name)
    details: list[str] = []
    for role in (clean(r) for r in person.roles):
        # "President" adds nothing beside "Russian President"
        if role and not any(role.lower() in d.lower() for d in details):
            details.append(role)
    details = details[:2]
    affiliation = clean(person.affiliation)
    if affiliation and not any(affiliation[:4].lower() in d.lower() for d in details):
        details.append(affiliation)
    if person.anonymous:
        details.append("unnamed")
    return f"{name} ({', '.join(details)})" if details else name


def is_name(person: Person, mentions: int) -> bool:
    """A name worth a line: a first name and a surname, every word capitalised, no initial
    standing as a surname ("James B"), and either a role or more than one mention (a
    headline's "White People" or "Latest Police Shooting" is neither)."""
    words = clean(person.name).split()
    if len(words) < 2 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if len(words[-1].rstrip(".")) < 2:
        return False
    return bool(person.roles) or mentions >= 2


def quote_text(quote: Quote, limit: int = MAX_QUOTE) -> str:
    """Speaker, then the words in the article's own marks.

    A quote span with marks inside ("Biden “urged Russia ...”", a partial quote within
    reported speech) is shown as written; a bare span gets curly marks.  The comma before
    "he said" belongs to the reporting sentence and is dropped.
    """
    words = clip(_TRAILING_COMMA.sub(r"\1", clean(quote.text)), limit)
    if not any(mark in words for mark in _QUOTE_MARKS.strip()):
        words = f"“{words}”"
    speaker = clean(quote.speaker) if quote.speaker else "speaker not identified"
    return f"{speaker}: {words}"


def _only(sids: list[str], story: Story) -> str:
    """" (S3 only)" when one source of a several-source story gives the fact."""
    return f" ({sids[0]} only)" if len(story.entries) > 1 and len(sids) == 1 else ""


def _merged(story: Story, kind: str, limit: int) -> str:
    """People or places across the story's sources: those several give first."""
    found: dict[str, tuple[str, list[str]]] = {}
    mentions: Counter[str] = Counter()
    for entry in story.entries:
        for person in entry.analysis.people:
            mentions[clean(person.name).lower()] += person.references
    for entry in story.entries:
        things = entry.analysis.people if kind == "who" else entry.analysis.places
        for thing in things:
            if kind == "who" and not is_name(
                    thing, mentions[clean(thing.name).lower()]):  # type: ignore[arg-type]
                continue
            key = clean(thing.name).lower()
            if not key:
                continue
            text = person_text(thing) if kind == "who" else clean(thing.name)  # type: ignore[arg-type]
            _, sids = found.setdefault(key, (text, []))
            if entry.sid not in sids:
                sids.append(entry.sid)
    ranked = sorted(found.values(), key=lambda f: -len(f[1]))[:limit]
    return "; ".join(text + _only(sids, story) for text, sids in ranked)


def _quotes(story: Story) -> list[str]:
    """One or two quotes, named speakers first, from different sources where there are."""
    picked: list[str] = []
    used: set[str] = set()
    said: set[str] = set()
    # direct quotes by a named speaker first: "Name: “words”", not reported speech
    candidates = [(not _named(q.speaker), not _direct(q), n, e, q)
                  for n, e in enumerate(story.entries) for q in e.analysis.quotes if _quoted(q)]
    for *_, entry, quote in sorted(candidates, key=lambda c: c[:3]):
        if len(picked) == MAX_QUOTES:
            break
        if entry.sid in used and len(story.entries) > 1:
            continue
        words = " ".join(re.findall(r"[^\W_]+", quote.text.lower())[:8])
        if words in said:  # one statement that two outlets quote
            continue
        said.add(words)
        used.add(entry.sid)
        picked.append(f"{quote_text(quote)} [{entry.sid}]")
    return picked


def _named(speaker: str | None) -> bool:
    return bool(speaker) and speaker[0].isupper()  # type: ignore[index]


def _direct(quote: Quote) -> bool:
    return clean(quote.text)[:1] in "\"“«"


def _quoted(quote: Quote) -> bool:
    """Words someone said, in marks, long enough to carry a point."""
    text = clean(quote.text)
    return len(text) >= 20 and any(mark in text for mark in "\"“”«»")


def development(story: Story, watch: Sequence[WatchItem]) -> list[str]:
    main = story.main
    title = clean(main.article.title) or "(untitled)"
    lines = wrap(f"{story.did}  {title}", hang="    ")
    lines += wrap(f"{marks(story)}{story.tag()}", indent="    ")

    def field(label: str, value: str) -> None:
        if value:
            lines.extend(labelled(label, value, indent="    ", label_width=LABEL))

    outlets: dict[str, list[str]] = {}
    for e in story.entries:
        outlets.setdefault(clean(e.article.outlet) or "outlet not given", []).append(e.sid)
    if len(outlets) > 1:
        field("From:", "; ".join(f"{o} ({', '.join(s)})" for o, s in outlets.items()))
    for entry in story.entries:
        field("Note:", f"(officer, {entry.sid}) {clean(entry.note)}" if entry.note else "")
    field("What:", clip(clean(main.lead), MAX_WHAT) + f" [{main.sid}]")
    field("When:", when_text(main.analysis.times, story=story))
    field("Who:", _merged(story, "who", MAX_WHO))
    field("Where:", _merged(story, "where", MAX_WHERE))
    for n, quote in enumerate(_quotes(story)):
        field("Said:" if n == 0 else "", quote)
    mine = [w.wid for w in watch if w.entry.story == story.number]
    field("Open:", ", ".join(mine) + " (section 4)" if mine else "")
    return [*lines, ""]


def full_stories(stories: Sequence[Story], full: int = FULL_STORIES) -> list[Story]:
    """The stories written out in full: the top ones, and every flagged or watched one."""
    return [s for n, s in enumerate(stories) if n < full or s.flagged or s.watch]


def developments(stories: Sequence[Story], watch: Sequence[WatchItem],
                 full: int = FULL_STORIES) -> list[str]:
    lines = heading(2, "Key developments")
    if not stories:
        return [*lines, "None.", ""]
    shown = full_stories(stories, full)
    for story in shown:
        lines += development(story, watch)
    rest = [s for s in stories if s not in shown]
    if rest:
        several = [s for s in rest if len(s.entries) > 1]
        # several-source stories keep a line each; single reports are named in section 5
        for story in several:
            title = clean(story.main.article.title) or "(untitled)"
            tag = story.tag()
            lines += wrap(f"{story.did}  {clip(title, 100)} {tag}", hang="    ")
        single = [s.did for s in rest if len(s.entries) == 1]
        if single:
            span = single[0] if len(single) == 1 else f"{single[0]} to {single[-1]}"
            if len(single) > 1 and len(single) != int(single[-1][1:]) - int(single[0][1:]) + 1:
                span = ", ".join(single)
            lines += wrap(f"Also {len(single)} single-source report"
                          f"{'s' if len(single) != 1 else ''} ({span}): titles in section 5.")
        lines.append("")
    return lines


def entry_development(entry: BriefArticle, watch: Sequence[WatchItem]) -> list[str]:
    """One article in full, for the annex: every name, place and quote it gives."""
    a = entry.analysis
    lines = wrap(f"{entry.sid}  {clean(entry.article.title) or '(untitled)'}", hang="    ")

    def field(label: str, value: str) -> None:
        if value:
            lines.extend(labelled(label, value, indent="    ", label_width=LABEL))

    field("Story:", f"D{entry.story}" + (f", also {', '.join(entry.also)}"
                                         if entry.also else ", single source"))
    field("What:", clean(entry.lead))
    field("When:", when_text(a.times, limit=8))
    field("Who:", "; ".join(person_text(p) for p in a.people))
    field("Where:", ", ".join(dict.fromkeys(clean(p.name) for p in a.places)))
    for n, quote in enumerate(a.quotes):
        field("Said:" if n == 0 else "", quote_text(quote, 400))
    mine = [w.wid for w in watch if w.entry is entry]
    field("Open:", ", ".join(mine))
    return [*lines, ""]
