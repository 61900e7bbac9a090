"""`analyze` reads at most the character cap: one huge string costs bounded time, and the
reader is told where reading stopped."""

from __future__ import annotations

import pytest

from briefing import analyze
from briefing.model import Analysis

PUBLISHED = "2021-12-30T17:02:00-05:00"
FIRST = "Prime Minister Jacinda Ardern said on Thursday that talks would resume in Geneva. "
LATER = "Chancellor Olaf Scholz met Emmanuel Macron in Paris on Friday. "


def test_text_past_the_character_cap_is_kept_but_not_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = FIRST + "The talks went on. " * 20 + LATER
    monkeypatch.setenv("BRIEFING_MAX_CHARS", str(len(FIRST) + 200))
    doc = analyze(text, published=PUBLISHED)
    assert doc.text == text
    assert doc.unread_from is not None
    assert len(FIRST) < doc.unread_from <= len(FIRST) + 200
    assert text[doc.unread_from] == " "  # stopped between words, not inside one
    names = {p.name for p in doc.people}
    assert "Jacinda Ardern" in names
    assert not names & {"Olaf Scholz", "Emmanuel Macron"}
    assert all(t.end <= doc.unread_from for t in doc.times)
    assert doc.to_dict()["unread_from"] == doc.unread_from


def test_a_text_within_the_cap_is_read_whole_and_says_nothing_of_it() -> None:
    doc = analyze(FIRST + LATER, published=PUBLISHED)
    assert doc.unread_from is None
    assert "unread_from" not in doc.to_dict()
    assert {"Olaf Scholz", "Emmanuel Macron"} <= {p.name for p in doc.people}


def test_where_reading_stopped_survives_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    text = FIRST * 10
    monkeypatch.setenv("BRIEFING_MAX_CHARS", "300")
    doc = analyze(text, published=PUBLISHED)
    again = Analysis.from_dict(doc.to_dict(), text)
    assert again.unread_from == doc.unread_from is not None


@pytest.mark.parametrize("setting", ["inf", "1e999", "nan", "0.5", "-3", "lots"])
def test_a_character_cap_that_is_no_number_of_characters_falls_back_to_the_default(
        monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    monkeypatch.setenv("BRIEFING_MAX_CHARS", setting)
    doc = analyze(FIRST + LATER, published=PUBLISHED)
    assert doc.unread_from is None
    assert {"Olaf Scholz", "Emmanuel Macron"} <= {p.name for p in doc.people}
