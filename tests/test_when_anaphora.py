"""Times counted from the story's own clock ("the next day", "two years later"), not from
publication: TimeML's dates relative to the narrative, in sentences of our own."""

from __future__ import annotations

import pytest

from briefing import analyze

PUBLISHED = "2015-11-20T10:00:00Z"


def _last(text: str, published: str | None = PUBLISHED) -> tuple[str, str, str]:
    found = analyze(text, published=published).times
    return found[-1].text, found[-1].type, found[-1].value


@pytest.mark.parametrize(("text", "expected"), [
    # from the last day named before
    ("The talks failed on March 3. The next day, troops moved.",
     ("The next day", "DATE", "2015-03-04")),
    ("The ferry sank on Monday. Divers reached it the following morning.",
     ("the following morning", "TIME", "2015-11-17TMO")),
    ("The blast hit on Tuesday. Later that day two more went off.",
     ("Later that day", "DATE", "2015-11-17")),
    ("Police raided the flat on 4 June. A day earlier the suspect had fled.",
     ("A day earlier", "DATE", "2015-06-03")),
    ("The strike began on Monday. The previous week, talks had broken down.",
     ("The previous week", "DATE", "2015-W46")),
    # a month or a year counts from a month or a year
    ("In March 2010 the plant shut. Two months later it reopened.",
     ("Two months later", "DATE", "2010-05")),
    ("He arrived in 1998. Two years later he left for Paris.",
     ("Two years later", "DATE", "2000")),
    # nothing named yet: counted from publication, as "tomorrow" is
    ("Three days later, the army withdrew from the town.",
     ("Three days later", "DATE", "2015-11-23")),
    # the story is in a year: the day after is not known
    ("He arrived in 1998. The next day he left.", ("The next day", "DATE", "XXXX-XX-XX")),
])
def test_a_time_counted_from_the_story(text: str, expected: tuple[str, str, str]) -> None:
    assert _last(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "next week" alone counts from publication, "over the next month" is a span
    ("Talks resume next week.", ("next week", "DATE", "2015-W48")),
    ("Prices will rise over the next month.", ("the next month", "DURATION", "P1M")),
    ("Prices rose over the following two days.",
     ("the following two days", "DURATION", "P2D")),
])
def test_publication_relative_forms_and_spans_stay_as_they_were(
        text: str, expected: tuple[str, str, str]) -> None:
    assert _last(text) == expected


def test_without_any_anchor_the_value_stays_unknown() -> None:
    assert _last("The next day, troops moved.", None) == ("The next day", "DATE", "XXXX-XX-XX")
