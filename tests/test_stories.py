"""Stories across sources: reports of one event share an id, other events do not."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

import briefing
from briefing.story import stories


def art(title: str, text: str, published: object = None) -> SimpleNamespace:
    return SimpleNamespace(title=title, text=text, published=published)


FLOOD = [
    art("Dam bursts above Valdoro, hundreds evacuated",
        "VALDORO - The Orsena dam burst on Tuesday night and flood water reached Valdoro, "
        "where civil protection evacuated 400 residents, mayor Lucia Ferri said.",
        "2026-03-03T06:00:00Z"),
    art("Valdoro flood: Ferri asks for army help",
        "Mayor Lucia Ferri asked for army engineers after the Orsena dam gave way and "
        "water flooded the lower town of Valdoro. Civil protection said 400 were evacuated.",
        "2026-03-03T11:30:00+01:00"),
    art("Orsena dam failure: inspectors warned last year",
        "Inspectors had warned that the Orsena dam above Valdoro needed repairs, documents "
        "show, as evacuated residents waited to return and Ferri blamed the region.",
        "2026-03-04"),
]
CHIPS = [
    art("Kestrel Semiconductor halts Penang plant after fire",
        "Kestrel Semiconductor halted production at its Penang plant after a fire in a "
        "clean room, the company said; chip deliveries to carmakers may slip.",
        "2026-03-03T02:00:00Z"),
    art("Penang fire: Kestrel warns of chip delays",
        "Chip deliveries will slip by weeks after the Penang clean-room fire, Kestrel "
        "Semiconductor told carmakers, while investigators examined the plant.",
        "2026-03-03T09:00:00Z"),
]


def test_reports_of_one_event_share_an_id_and_other_events_do_not() -> None:
    ids = stories([FLOOD[0], CHIPS[0], FLOOD[1], CHIPS[1], FLOOD[2]])
    assert ids[0] == ids[2] == ids[4]
    assert ids[1] == ids[3]
    assert ids[0] != ids[1]
    assert ids == [1, 2, 1, 2, 1]  # numbered in the order stories first appear


def test_the_same_person_a_week_apart_is_two_stories() -> None:
    first = [
        art("Ferri opens Valdoro bridge", "Mayor Lucia Ferri opened the new Valdoro "
            "bridge over the river with the regional council.", "2026-03-01T10:00:00Z"),
        art("Valdoro bridge opens", "The new Valdoro bridge opened on Sunday, mayor Lucia "
            "Ferri said, after three years of works on the river.", "2026-03-01T15:00:00Z"),
    ]
    later = [
        art("Ferri resigns over Valdoro budget", "Mayor Lucia Ferri resigned on Monday "
            "after the council of Valdoro rejected her budget.", "2026-03-09T10:00:00Z"),
        art("Valdoro mayor quits", "Lucia Ferri quit as mayor of Valdoro after the council "
            "voted down the budget.", "2026-03-09T12:00:00Z"),
    ]
    ids = stories(first + later)
    assert ids[0] == ids[1]
    assert ids[2] == ids[3]
    assert ids[0] != ids[2]


def test_public_api_is_the_same_function() -> None:
    assert briefing.stories is stories


@pytest.mark.parametrize("published", [
    None, "", "garbage", "2026-13-45", 12345, datetime(2026, 3, 3), date(2026, 3, 3),
    datetime(2026, 3, 3, tzinfo=UTC), "9999-12-31T23:59:59-23:59", datetime.min,
])
def test_odd_input_never_raises(published: object) -> None:
    odd = [art("", "", published), art(None, None, published),
           SimpleNamespace(), *FLOOD[:2]]
    ids = stories(odd)
    assert len(ids) == len(odd)
    assert ids[3] == ids[4]


def test_deterministic_and_empty() -> None:
    items = FLOOD + CHIPS
    assert stories(items) == stories(list(items)) == stories(tuple(items))
    assert stories([]) == []


def test_two_unrelated_articles_sharing_a_word_stay_apart() -> None:
    # with two articles every shared word is "distinctive": the rest must still count
    talks = art("Envoys agree to resume Geneva talks", "GENEVA — Talks resume.",
                "2026-03-03T08:00:00Z")
    assert stories([FLOOD[0], talks]) == [1, 2]
    assert stories([CHIPS[0], FLOOD[1]]) == [1, 2]
