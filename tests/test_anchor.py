"""`analyze(published=...)` reads the date forms sources actually write, or says which it reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from briefing.extract.pipeline import analyze

TEXT = "The talks will resume on Friday in Geneva, officials said on Thursday."


def _fridays(published: str) -> list[str]:
    return [t.value for t in analyze(TEXT, published=published).times if t.text == "Friday"]


def test_a_feed_style_rfc_822_date_anchors_like_its_iso_twin() -> None:
    rfc = analyze(TEXT, published="Thu, 30 Dec 2021 17:02:00 -0500")
    iso = analyze(TEXT, published="2021-12-30T17:02:00-05:00")
    assert rfc.published == datetime(2021, 12, 30, 22, 2, tzinfo=UTC)
    assert rfc.clock.raw != iso.clock.raw  # each keeps the words it was given
    assert {**rfc.to_dict(), "clock": None} == {**iso.to_dict(), "clock": None}
    assert _fridays("Thu, 30 Dec 2021 17:02:00 GMT") == ["2021-12-31"]


def test_an_rfc_822_date_with_an_untrusted_zone_still_anchors_the_day() -> None:
    doc = analyze(TEXT, published="Thu, 30 Dec 2021 17:02:00 CET")
    assert doc.published is None  # "CET" is no RFC 822 zone: the instant is not guessed
    assert _fridays("Thu, 30 Dec 2021 17:02:00 CET") == ["2021-12-31"]


@pytest.mark.parametrize("published", ["yesterday-ish", "2021-13-45", "30/12/2021 5pm"])
def test_an_unreadable_date_anchors_nothing_and_says_which_forms_are_read(
        published: str) -> None:
    doc = analyze(TEXT, published=published)  # analyze never raises (issue 15)
    assert doc.published is None and not doc.clock.known
    assert doc.clock.note is not None and published in doc.clock.note
    assert "ISO 8601" in doc.clock.note and "RFC 822" in doc.clock.note
    assert "2021" not in " ".join(t.value for t in doc.times if t.text == "Friday")


def test_dates_and_blank_strings_still_work() -> None:
    assert _fridays("2021-12-30") == ["2021-12-31"]
    assert analyze(TEXT, published=date(2021, 12, 30)).published is None
    assert analyze(TEXT, published="  ").published is None
