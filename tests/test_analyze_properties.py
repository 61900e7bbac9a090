"""Property tests: analyze never raises and every offset lies inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.extract import analyze

_PIECES = st.sampled_from(["“", "”", '"', "said", "Biden", "President", "Washington", "\n\n",
                           ". ", ", ", "Mr.", "U.S.", "Russian", "\x00", "\x1b", "she", ":"])
_TEXT = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map(" ".join))


def _check(text: str) -> None:
    doc = analyze(text)
    n = len(text)
    for item in (*doc.people, *doc.organizations, *doc.places):
        assert all(0 <= s < e <= n for s, e in item.mentions)
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= n and text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= n
        assert q.speaker is None or q.speaker.lower() not in {"he", "she", "they"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_analyze_never_raises_and_offsets_stay_inside(text: str) -> None:
    _check(text)


def test_edge_inputs() -> None:
    for text in ("", " ", "\n\n\n", "“", '"unbalanced', "“a\n\n“b\n\n“c", "\x00\x01\x02",
                 "word " * 200_000):
        _check(text)


_NEWS = st.sampled_from(["at", "14:00", "CET", "9", "a.m.", "IST", "on", "Monday", "Maria",
                         "Lopez", "said", "the", "Acme", "Cooperative", "in", "Lyon", "GMT",
                         "Department", "for", "Transport", "Moscow", "time", ".", ",", "—"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWS, max_size=40).map(" ".join))
def test_no_entity_mention_inside_a_clock_time(text: str) -> None:
    """A time with digits ("14:00 CET") holds no person, organisation or place."""
    doc = analyze(text, published="2024-01-08T09:00:00+01:00")
    clocks = [(t.start, t.end) for t in doc.times if any(c.isdigit() for c in t.text)]
    for item in (*doc.people, *doc.organizations, *doc.places):
        for s, e in item.mentions:
            assert not any(s < te and ts < e for ts, te in clocks), (item.name, text)
