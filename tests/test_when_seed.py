"""The seed article and the labelled sample seeds, read the way an officer needs them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.extract.anchor import make_context
from briefing.extract.when import find_times
from briefing.model import TimeMention
from briefing.sources import load
from tests.conftest import SEED_ARTICLE, SEEDS


def _times(path: str) -> dict[str, TimeMention]:
    article = load(path)[0]
    ctx = make_context(article.text, article.published_raw or article.published, article.zone)
    found: dict[str, TimeMention] = {}
    for mention in find_times(ctx):
        found.setdefault(mention.text, mention)
    return found


def _z(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


@pytest.fixture(scope="module")
def seed() -> dict[str, TimeMention]:
    return _times(str(SEED_ARTICLE))


def test_seed_clock_time_lands_at_2035_utc(seed: dict[str, TimeMention]) -> None:
    call = seed["3:35 p.m. EST"]
    assert call.value == "2021-12-30T15:35"
    assert call.earliest == _z("2021-12-30T20:35Z")
    assert call.zone == "America/New_York"
    assert call.zone_basis == "explicit"


@pytest.mark.parametrize(("span", "value", "mod"), [
    ("Thursday", "2021-12-30", None),
    ("about 50 minutes", "PT50M", "APPROX"),
    ("this month", "2021-12", None),
    ("the weekend", "2021-W51-WE", None),
    ("next month", "2022-01", None),
    ("the coming weeks", "FUTURE_REF", None),
    ("the past 30 years", "P30Y", None),
    ("just under two weeks", "P2W", "LESS_THAN"),
])
def test_seed_values(seed: dict[str, TimeMention], span: str, value: str, mod: str | None
                     ) -> None:
    assert (seed[span].value, seed[span].mod) == (value, mod)


def test_seed_periods_cover_new_york_days(seed: dict[str, TimeMention]) -> None:
    weekend = seed["the weekend"]
    assert (weekend.earliest, weekend.latest) == (_z("2021-12-25T05:00Z"), _z("2021-12-27T05:00Z"))
    month = seed["next month"]
    assert month.earliest == _z("2022-01-01T05:00Z")
    assert seed["the coming weeks"].latest is None  # an open future


def test_seed_ordinals_and_counts_are_not_times(seed: dict[str, TimeMention]) -> None:
    assert not any(k in seed for k in ("second time", "first meeting", "100,000", "second"))


def test_geneva_local_time_and_moscow_time() -> None:
    found = _times(str(SEEDS / "010_sample_geneva_talks.txt"))
    assert found["9:00 a.m. local time"].earliest == _z("2022-01-10T08:00Z")
    assert found["9:00 a.m. local time"].zone_basis == "dateline"
    moscow = found["Jan. 17 at 10:00 Moscow time"]
    assert (moscow.value, moscow.zone) == ("2022-01-17T10:00", "Europe/Moscow")
    assert moscow.earliest == _z("2022-01-17T07:00Z")
    cet = found["Wednesday at 14:00 CET"]
    assert (cet.value, cet.earliest) == ("2022-01-12T14:00", _z("2022-01-12T13:00Z"))
    assert found["next week"].value == "2022-W03"


def test_mumbai_ist_resolved_from_the_dateline_not_guessed() -> None:
    found = _times(str(SEEDS / "020_sample_mumbai_port.txt"))
    closure = found["6 p.m. IST on Sunday"]
    assert closure.zone == "Asia/Kolkata"
    assert closure.earliest == _z("2023-06-11T12:30Z")
    assert "ambiguous_zone" not in closure.flags
    assert found["late Thursday"].value == "2023-06-15"  # "expects landfall": future
    assert found["midnight"].value == "2023-06-11T24:00"  # a deadline is not moved back


def test_summer_est_keeps_its_literal_offset_and_is_flagged() -> None:
    found = _times(str(SEEDS / "030_sample_summer_storm.txt"))
    update = found["2 p.m. EST"]
    assert update.earliest == _z("2024-07-09T19:00Z")  # -05:00 as written, not EDT
    assert "season_mismatch" in update.flags
    eastern = found["10 p.m. ET"]  # ET follows DST: EDT in July
    assert eastern.value == "2024-07-08T22:00"
    assert eastern.earliest == _z("2024-07-09T02:00Z")
    landfall = found["about 4 a.m. CDT on Monday"]
    assert (landfall.value, landfall.mod) == ("2024-07-08T04:00", "APPROX")
    assert landfall.earliest == _z("2024-07-08T09:00Z")
