"""TimeCandidate spans from the pattern table, with overlaps settled and traps removed."""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.extract.when import lexicon
from briefing.extract.when.triggers import start_positions

_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_KINDS = frozenset({"weekday", "relday", "date", "month"})
# A bare "May"/"March" is a month only after one of these words (else it is the verb).
_MONTH_CONTEXT = re.compile(
    r"(?i:\b(?:in|of|since|until|till|by|during|through|from|to|before|after|early|late|mid|"
    r"last|next|this|between|and|or|each|every|until|that|end)[\s-]+)$")


_CONJUNCTION = re.compile(r"\s+as\b", re.IGNORECASE)


class TimeCandidate(NamedTuple):
    """One span the table proposes (a tuple: an article makes dozens, and building a frozen
    dataclass costs several times as much)."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    rank: int


# "USA Today reported", "a USA TODAY poll": a capitalised "Today" after a capitalised word
# and before a lower-case one is a name's last word, not the day (a Title Case headline,
# "Trump Says Today Is ...", capitalises the next word too and keeps the day).
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&]*[ \t]+$")  # no full stop: "in Chicago. Today he"
_NAME_WORD_AFTER = re.compile(r"['’]?s?\s*(?:[^\w\s]|[a-z0-9]|$)")


_SHOUTED_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")


def _part_of_name(match: re.Match[str], text: str) -> bool:
    word = match.group(0)
    if word == "TODAY" and _SHOUTED_BEFORE.search(text, max(0, match.start() - 12),
                                                  match.start()):
        return True  # a masthead: "USA TODAY" on a line of its own
    return (word[:1] == "T" and bool(_NAME_BEFORE.search(text, max(0, match.start() - 24),
                                                         match.start()))
            and bool(_NAME_WORD_AFTER.match(text, match.end())))


def _accept(kind: str, groups: dict[str, str | None], match: re.Match[str], text: str) -> bool:
    if kind == "relday" and _part_of_name(match, text):
        return False
    if kind == "month" and not (groups.get("year") or groups.get("pmod") or groups.get("rel")):
        name = (groups.get("mname") or "").lower()
        if name in lexicon.VERB_MONTHS:
            return bool(_MONTH_CONTEXT.search(text[max(0, match.start() - 12):match.start()]))
    if kind == "vague" and _CONJUNCTION.match(text, match.end()) and \
            text[max(0, match.start() - 3):match.start()].lower() == "as ":
        return False  # "as soon as they boarded": a conjunction, not a time
    if kind == "duration" and (groups.get("unit") or "").lower() == "second":
        return (groups.get("num") or "").lower() not in {"a", "an", "one"}
    return True


def _span(kind: str, match: re.Match[str], groups: dict[str, str | None]) -> tuple[int, int]:
    if groups.get("core"):
        return match.span("core")
    start, end = match.span()
    text = match.group(0)
    if kind in _POSSESSIVE_KINDS:
        possessive = _POSSESSIVE.search(text)
        if possessive:
            end -= len(possessive.group(0))
    while end > start and text[end - start - 1] in " ,":
        end -= 1
    return start, end


def _split_range(cand: TimeCandidate, match: re.Match[str]) -> list[TimeCandidate]:
    """"1957-58" and "between 12 and 18 months" name two times each (TimeML annotates both)."""
    if cand.kind == "yearrange":
        first = TimeCandidate(match.start("year"), match.end("year"), "year",
                          {"year": match.group("year")}, cand.rank)
        century = match.group("year")[:2]
        second = TimeCandidate(match.start("y2"), match.end("y2"), "year",
                           {"year": century + match.group("y2")}, cand.rank)
        return [first, second]
    if cand.kind == "duration_range":
        unit = match.group("unit")
        first = TimeCandidate(match.start("n1"), match.end("n1"), "duration",
                          {"num": match.group("n1"), "unit": unit}, cand.rank)
        second = TimeCandidate(match.start("n2"), cand.end, "duration",
                           {"num": match.group("n2"), "unit": unit}, cand.rank)
        return [first, second]
    return [cand]


def find_candidates(text: str) -> list[TimeCandidate]:
    """Every form in the table, longest first; a span never overlaps a kept one."""
    found: list[tuple[int, int, int, TimeCandidate, re.Match[str]]] = []
    for pos, rows in start_positions(text).items():
        for rank, (kind, _, pattern) in rows:
            match = pattern.match(text, pos)
            if match is None or match.end() == pos:
                continue
            groups = match.groupdict()
            if not match.group(0).strip() or not _accept(kind, groups, match, text):
                continue
            start, end = _span(kind, match, groups)
            if end > start:
                found.append((start - end, rank, start,
                              TimeCandidate(start, end, kind, groups, rank), match))
    found.sort(key=lambda item: item[:3])
    taken = bytearray(len(text))
    kept: list[TimeCandidate] = []
    for _, _, _, cand, match in found:
        if any(taken[cand.start:cand.end]):
            continue
        taken[cand.start:cand.end] = b"\1" * (cand.end - cand.start)
        kept.extend(_split_range(cand, match))
    kept.sort(key=lambda c: c.start)
    return kept
