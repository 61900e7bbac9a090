"""Named storms and natural features: capitalised runs that are neither people nor bodies.

"Cyclone Tara" is an event; "the Arabian Sea", "the Gulf Coast" and "the Gulf of Aden" are
places with no gazetteer entry (WHERE lists them with kind "other").  Both are told by their
head word, a general English rule that needs no list of storms or seas.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.extract.names import Token
from briefing.extract.roles import (
    CENTRE_KINDS,
    FACILITY_HEADS,
    FEATURE_FIRST,
    FEATURE_HEADS,
    FEATURE_WEAK_HEADS,
    ORG_HEADS,
    STORM_WORDS,
)


def is_storm(toks: Sequence[Token]) -> bool:
    """ "Cyclone Tara", "Tropical Storm Ida", and after a sentence's first word ("Once
    Cyclone Tara comes ashore"); not "National Hurricane Center" (an org head)."""
    return (len(toks) > 1 and (toks[0].lower in STORM_WORDS or toks[1].lower in STORM_WORDS)
            and toks[-1].lower not in STORM_WORDS
            and not any(t.lower in ORG_HEADS for t in toks))


def is_facility(words: Sequence[str]) -> bool:
    """A built place by its head: "Heathrow Airport", "Baker Street", "the Louvre Museum",
    "Kennedy Space Center" (a centre of a kind that is a building, `CENTRE_KINDS`)."""
    return _facility_head(words[-1].lower().rstrip("."), words[-2] if len(words) > 1 else "")


def _facility_head(last: str, before: str) -> bool:
    return last in FACILITY_HEADS or (last in _CENTRES and before.lower() in CENTRE_KINDS)


_CENTRES = frozenset(["center", "centre", "complex"])


def is_feature(text: str, toks: Sequence[Token]) -> bool:
    """A natural feature's name: "the Arabian Sea", "Gulf Coast", "Gulf of Aden", "Mount Kenya".

    Weak heads ("Bay", "River", "Lake") are also surnames ("Michael Bay"): they count only
    after "the", which no person's name takes.
    """
    if len(toks) < 2:
        return False
    last, first = toks[-1].lower, toks[0].lower
    if last in FEATURE_HEADS or _facility_head(last.rstrip("."), toks[-2].text):
        return True
    if last in FEATURE_WEAK_HEADS:
        return text[max(0, toks[0].start - 4):toks[0].start].lower() == "the "
    if first not in FEATURE_FIRST or any(t.lower in ORG_HEADS for t in toks):
        return False
    return first in ("mount", "mt", "lake", "cape") or text.startswith(" of ", toks[0].end)
