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


def _cluster_by_full_scan(part: list[int], link: dict[int, dict[int, float]],
                          threshold: float) -> dict[int, list[int]]:
    """The oracle: average linkage by scanning every pair for each merge (cubic, plainly
    right), ties to the lowest indices."""
    members = {i: [i] for i in part}
    near = {i: {j: link[i].get(j, 0.0) for j in part if j != i} for i in part}
    while len(members) > 1:
        best, pair = threshold, None
        for a in sorted(members):
            for b in sorted(near[a]):
                if b > a and near[a][b] > best:
                    best, pair = near[a][b], (a, b)
        if pair is None:
            break
        a, b = pair
        size_a, size_b = len(members[a]), len(members[b])
        members[a] += members.pop(b)
        near.pop(b)
        for c in members:
            if c != a:
                merged = (near[a][c] * size_a + near[c][b] * size_b) / (size_a + size_b)
                near[c].pop(b)
                near[c][a] = near[a][c] = merged
        near[a].pop(b, None)
    return {min(group): group for group in members.values()}


def test_clustering_groups_as_a_full_scan_of_every_pair_would() -> None:
    """The heap only makes it fast: on graphs full of ties and near-threshold links, the
    same groups, in the same order, as the plain scan."""
    import random

    from briefing.story import SAME_STORY, _cluster

    rng = random.Random(15)
    for trial in range(400):
        n = rng.randint(2, 18)
        values = [0.05, 0.1, SAME_STORY, 0.13, 0.2, 0.3, 0.5]
        link: dict[int, dict[int, float]] = {i: {} for i in range(n)}
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < 0.6:
                    value = rng.choice(values) if trial % 2 else rng.random() * 0.4
                    link[i][j] = link[j][i] = value
        part = list(range(n))
        assert _cluster(part, link, SAME_STORY) == _cluster_by_full_scan(part, link, SAME_STORY)


def test_two_reports_of_one_event_alone_are_one_story_and_two_events_two() -> None:
    """With only the set to weigh words by, two reports share every word "in every
    article" and looked unlike; the grouping must not depend on what else is loaded."""
    crash = [
        art("Rain stops play at Silverstone qualifying", "Heavy rain at Silverstone halted "
            "qualifying for the British Grand Prix on Saturday. Stewards red-flagged the "
            "session after Tomas Varga's car aquaplaned into the gravel at Copse corner. "
            "Varga was unhurt.", "2026-07-04T14:00:00Z"),
        art("Varga walks away from Copse crash", "Tomas Varga climbed out of his car unhurt "
            "after aquaplaning off at Copse in a downpour that ended qualifying early. The "
            "Briton starts from the back of the grid on Sunday, his team said.",
            "2026-07-04T16:00:00Z"),
    ]
    assert stories(crash) == [1, 1]
    assert stories(crash + CHIPS) == [1, 1, 2, 2]
    assert stories([FLOOD[0], CHIPS[0]]) == [1, 2]
