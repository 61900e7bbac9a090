"""Zones: ambiguous abbreviations, DST-following names, gaps and folds, missing anchors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.extract import analyze
from briefing.extract.anchor import make_context
from briefing.extract.when import find_times
from briefing.model import TimeMention


def first(text: str, published: str | None, zone: str | None = None) -> TimeMention:
    found = find_times(make_context(text, published, zone))
    assert found, text
    return found[0]


def _z(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def test_ambiguous_ist_without_context_is_flagged_not_silent() -> None:
    mention = first("The meeting starts at 6 p.m. IST.", "2023-06-11T08:15:00+00:00")
    assert "ambiguous_zone" in mention.flags
    assert mention.confidence < 0.7


def test_ambiguous_cst_follows_the_publication_offset() -> None:
    mention = first("Markets open at 9:30 a.m. CST.", "2023-01-10T08:00:00+08:00")
    assert mention.zone == "Asia/Shanghai"
    assert mention.earliest == _z("2023-01-10T01:30Z")
    assert mention.zone_basis == "publication"


def test_ambiguous_ist_follows_a_country_named_in_the_text() -> None:
    text = "Israel's cabinet meets at 9 a.m. IST, officials in Israel said."
    mention = first(text, "2023-01-10T08:00:00+00:00")
    assert mention.zone == "Asia/Jerusalem"
    assert mention.zone_basis == "context"


def test_bst_from_a_london_dateline() -> None:
    mention = first("LONDON — The vote will be held at 7 p.m. BST on Thursday.",
                    "2023-06-13T08:00:00+01:00")
    assert mention.earliest == _z("2023-06-15T18:00Z")


def test_eastern_follows_dst_in_winter_and_summer() -> None:
    winter = first("He speaks at 4 p.m. ET.", "2024-01-09T06:00:00-05:00", "America/New_York")
    summer = first("He speaks at 4 p.m. ET.", "2024-07-09T06:00:00-04:00", "America/New_York")
    assert winter.earliest == _z("2024-01-09T21:00Z")
    assert summer.earliest == _z("2024-07-09T20:00Z")
    assert "season_mismatch" not in summer.flags


def test_dst_gap_and_fold_are_flagged() -> None:
    gap = first("The polls reopen at 2:30 a.m. Sunday.", "2024-03-09T12:00:00-05:00",
                "America/New_York")
    assert "dst_gap" in gap.flags
    fold = first("The polls reopen at 1:30 a.m. Sunday.", "2024-11-02T12:00:00-04:00",
                 "America/New_York")
    assert "dst_fold" in fold.flags


def test_without_publication_relative_times_stay_unresolved() -> None:
    for text in ("They met Thursday.", "Talks resume next month.", "It happened yesterday.",
                 "The call began at 3:35 p.m. EST."):
        mention = first(text, None)
        assert not mention.resolved, text
        assert "no_publication_time" in mention.flags, text


def test_without_publication_absolute_dates_still_resolve() -> None:
    mention = first("The attacks of Sept. 11, 2001 changed that.", None)
    assert mention.value == "2001-09-11"
    assert mention.resolved


def test_date_only_publication_resolves_relative_dates() -> None:
    mention = first("The FAA on Friday announced closures.", "2013-03-22")
    assert mention.value == "2013-03-22"


def test_clock_time_takes_the_date_named_in_its_sentence() -> None:
    mention = first("The second round opens at 10:00 on Jan. 17.", "2022-01-10T19:40:00+01:00",
                    "Europe/Zurich")
    assert mention.value == "2022-01-17T10:00"


def test_past_tense_clock_time_after_publication_moves_to_the_day_before() -> None:
    mention = first("The center said at 10 p.m. that the storm weakened.",
                    "2024-07-09T06:30:00-05:00", "America/Chicago")
    assert mention.value == "2024-07-08T22:00"
    assert "day_inferred_from_tense" in mention.flags


def test_a_country_short_form_from_the_gazetteer_settles_an_ambiguous_zone() -> None:
    # "America" is one of the short forms only place_aliases.tsv carries: the WHERE pane and
    # the time finder read the same table, so it is evidence of the country for both.
    text = "Trading opens at 9:30 a.m. CST, as farmers across America brace for the report."
    mention = first(text, "2023-01-10T08:00:00+00:00")
    assert mention.zone == "America/Chicago"
    assert mention.zone_basis == "context"
    assert "ambiguous_zone" not in mention.flags


@pytest.mark.parametrize(("text", "zone", "utc"), [
    ("The vote closes at 10:00 Moscow time.", "Europe/Moscow", "2023-03-01T07:00Z"),
    ("Polls close at 20:00 Holland time.", "Europe/Amsterdam", "2023-03-01T19:00Z"),
    ("The strike begins at 9:00 Jordan time.", "Asia/Amman", "2023-03-01T06:00Z"),
    ("Talks resume at 14:00 Türkiye time.", "Europe/Istanbul", "2023-03-01T11:00Z"),
    ("Trading halts at 11:00 São Paulo time.", "America/Sao_Paulo", "2023-03-01T14:00Z"),
])
def test_place_time_names_a_country_before_a_town_in_any_latin_script(
        text: str, zone: str, utc: str) -> None:
    mention = first(text, "2023-03-01T06:00:00+00:00")
    assert (mention.zone, mention.zone_basis) == (zone, "explicit")
    assert mention.earliest == _z(utc)


def test_an_offset_that_agrees_with_the_dateline_gives_the_source_its_zone() -> None:
    text = ("A standfirst line above the report.\n\n"
            "TOKYO — Households were asked to save power from 17:00 on Friday.")
    tokyo = analyze(text, published="2023-01-19T21:10:00+09:00")
    assert tokyo.zone == "Asia/Tokyo"
    assert {t.zone_basis for t in tokyo.times} == {"dateline"}
    elsewhere = analyze(text, published="2023-01-19T07:10:00-05:00")  # a desk in New York
    assert elsewhere.zone is None


def test_summer_time_is_known_once_the_dateline_names_the_zone() -> None:
    # +01:00 in March is London before the clocks change: 01:30 on the 26th does not exist
    text = "LONDON — The count restarts at 1:30 a.m. on March 26."
    mention = first(text, "2023-03-20T09:00:00+00:00")
    assert "dst_gap" in mention.flags


def test_the_dateline_is_the_first_opening_line_that_names_a_place() -> None:
    text = "BREAKING - a headline in capitals\n\nTOKYO — Households were asked to save power."
    assert analyze(text, published="2023-01-19T21:10:00+09:00").zone == "Asia/Tokyo"


def test_an_offset_in_the_repeated_autumn_hour_still_agrees_with_the_dateline() -> None:
    # 01:30 at -05:00 on 5 Nov 2023 is New York's second 01:30 (EST), after the clocks fell back
    text = "NEW YORK — The count ran late."
    assert analyze(text, published="2023-11-05T01:30:00-05:00").zone == "America/New_York"


def test_a_number_after_a_zone_is_no_offset() -> None:
    from briefing.core.zonename import parse_offset

    found = find_times(make_context("The vote closes at 10:00 GMT 15 minutes later.",
                                    "2023-03-01T06:00:00+00:00"))
    assert [(t.text, t.value) for t in found] == [("10:00 GMT", "2023-03-01T10:00"),
                                                  ("15 minutes", "PT15M")]
    assert parse_offset("05") is None and parse_offset("A5") is None  # a sign is required
    assert parse_offset("−05:30") is not None
