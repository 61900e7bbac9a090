"""Holidays and named days as dates: the table's three kinds of rule, the year the sentence
points to, and the names that are things rather than days."""

from __future__ import annotations

from datetime import date

import pytest

from briefing import analyze
from briefing.extract.when.holidays import easter_sunday, holidays

PUBLISHED = "2015-11-20T10:00:00Z"  # a Friday, six days before Thanksgiving


def _times(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in analyze(text, published=published).times]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a day fixed in the calendar, in the year the tense points to
    ("Troops will be home by Christmas Day.", [("Christmas Day", "2015-12-25")]),
    ("The mayor will speak on New Year's Eve.", [("New Year's Eve", "2015-12-31")]),
    ("Marchers filled the square on May Day.", [("May Day", "2015-05-01")]),
    # a weekday counted in a month
    ("Families will gather on Thanksgiving Day.", [("Thanksgiving Day", "2015-11-26")]),
    ("The store opened early on Memorial Day.", [("Memorial Day", "2015-05-25")]),
    ("Voters go to the polls on Election Day.", [("Election Day", "2015-11-03")]),
    ("Shoppers queued for Black Friday.", [("Black Friday", "2015-11-27")]),
    # a day counted from Easter
    ("Services were cancelled on Easter Sunday.", [("Easter Sunday", "2015-04-05")]),
    ("The ferry sank on Good Friday.", [("Good Friday", "2015-04-03")]),
    # a year written, a relative word, a part of the day, "the"
    ("Christmas 2014 was quiet in the town.", [("Christmas 2014", "2014-12-25")]),
    ("He was arrested last Christmas.", [("last Christmas", "2014-12-25")]),
    ("The ceasefire begins on Christmas Eve night.",
     [("Christmas Eve night", "2015-12-24TNI")]),
    ("Fireworks will be banned on the Fourth of July.",
     [("the Fourth of July", "2016-07-04")]),
])
def test_a_holiday_is_its_day(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _times(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # names of things, treaties and places, not days; nor the weekday inside them
    "They bought a Christmas tree in the market.",
    "Easter Island lies far off the coast.",
    "The Good Friday Agreement ended the fighting.",
    "The Easter Rising is taught in every school.",
    # a feast dated by another calendar is not the Western one
    "Orthodox Christmas falls in the new year.",
])
def test_a_holiday_name_that_is_no_day(sentence: str) -> None:
    assert [v for _, v in _times(sentence) if v.endswith(("-25", "-03", "-05"))] == []
    assert all(text not in ("Friday", "Christmas", "Easter") for text, _ in _times(sentence))


def test_without_a_publication_date_only_fixed_days_keep_their_month_and_day() -> None:
    assert _times("Troops will be home by Christmas.", None) == [("Christmas", "XXXX-12-25")]
    assert _times("Shops close on Thanksgiving.", None) == [("Thanksgiving", "XXXX-XX-XX")]


@pytest.mark.parametrize(("year", "day"), [
    (2015, date(2015, 4, 5)), (2016, date(2016, 3, 27)), (2019, date(2019, 4, 21)),
    (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2038, date(2038, 4, 25)),
])
def test_easter_follows_the_church_calendar(year: int, day: date) -> None:
    assert easter_sunday(year) == day


def test_every_rule_in_the_table_dates_every_year() -> None:
    for name, rule in holidays().items():
        for year in range(1990, 2040):
            day = rule.in_year(year)
            assert day is not None and day.year == year, name
