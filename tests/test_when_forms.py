"""Every form the finder must read, and every trap it must not fall into (table-driven)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from briefing.extract.anchor import make_context
from briefing.extract.when import find_times
from briefing.model import TimeMention

PUBLISHED = "2021-12-30T17:02:00-05:00"  # a Thursday, New York
ZONE = "America/New_York"


def times(text: str, published: str | None = PUBLISHED, zone: str | None = ZONE
          ) -> list[TimeMention]:
    return find_times(make_context(text, published, zone))


def only(text: str, **kwargs: str | None) -> TimeMention:
    found = times(text, **kwargs)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


FORMS = [
    # clock times, with and without zones
    ("The call began at 3:35 p.m. EST today.", "3:35 p.m. EST", "2021-12-30T15:35"),
    ("They met at noon.", "noon", "2021-12-30T12:00"),
    ("The deadline is midnight.", "midnight", "2021-12-30T24:00"),
    ("The vote is at 15:35.", "15:35", "2021-12-30T15:35"),
    ("Contact was lost at 1430Z.", "1430Z", "2021-12-30T14:30"),
    ("The strike hit at 0900 GMT.", "0900 GMT", "2021-12-30T09:00"),
    ("Report 301535Z DEC 21 follows.", "301535Z DEC 21", "2021-12-30T15:35"),
    ("He spoke at 4 p.m. Eastern.", "4 p.m. Eastern", "2021-12-30T16:00"),
    ("Talks open at 10:00 Moscow time.", "10:00 Moscow time", "2021-12-30T10:00"),
    ("They met at 9 a.m. local time.", "9 a.m. local time", "2021-12-30T09:00"),
    # dates
    ("It happened on Dec. 30.", "Dec. 30", "2021-12-30"),
    ("It happened on December 30, 2021.", "December 30, 2021", "2021-12-30"),
    ("It happened on 30 December.", "30 December", "2021-12-30"),
    ("The attacks of Sept. 11, 2001 changed that.", "Sept. 11, 2001", "2001-09-11"),
    ("The file is dated 2021-12-30.", "2021-12-30", "2021-12-30"),
    ("He left in May 2010.", "May 2010", "2010-05"),
    ("It was built in 1953.", "1953", "1953"),
    ("Trade grew in the 1990s.", "the 1990s", "199"),
    ("Results for the first quarter of 2013 were weak.", "the first quarter of 2013", "2013-Q1"),
    ("Prices rose last summer.", "last summer", "2021-SU"),
    # weekdays
    ("Biden spoke with Putin Thursday.", "Thursday", "2021-12-30"),
    ("Thursday's call was tense.", "Thursday", "2021-12-30"),
    ("The vote was held late Wednesday.", "late Wednesday", "2021-12-29"),
    ("The envoy arrived Monday.", "Monday", "2021-12-27"),
    ("The envoy will arrive Monday.", "Monday", "2022-01-03"),
    ("They met Friday afternoon.", "Friday afternoon", "2021-12-24TAF"),
    # a past verb of asking or agreeing with "to <verb>" points its clause forward
    ("Residents were asked to leave their homes by Monday.", "Monday", "2022-01-03"),
    ("The union threatened to strike on Monday.", "Monday", "2022-01-03"),
    ("The sides agreed to a truce on Monday.", "Monday", "2021-12-27"),
    ("Workers returned to work on Monday.", "Monday", "2021-12-27"),
    ("The firm agreed to sell its stake to a rival in October.", "October", "2021-10"),
    ("Operators asked households in the Tokyo area to cut use between six and eight on "
     "Monday as a cold snap pushed demand up.", "Monday", "2022-01-03"),
    ("Boats were ordered back to harbour by Monday evening.", "Monday evening", "2021-12-27TEV"),
    ("The company moved to Texas on Monday.", "Monday", "2021-12-27"),
    ("The meeting was called to order on Monday.", "Monday", "2021-12-27"),
    ("The minister agreed to talks and flew to Paris on Monday.", "Monday", "2021-12-27"),
    # calendar-relative
    ("The report came out today.", "today", "2021-12-30"),
    ("The report came out yesterday.", "yesterday", "2021-12-29"),
    ("Crowds gathered tonight.", "tonight", "2021-12-30TNI"),
    ("It was the second call this month.", "this month", "2021-12"),
    ("Like the call earlier this month, it was tense.", "earlier this month", "2021-12"),
    ("Talks are set for next month.", "next month", "2022-01"),
    ("They spoke last week.", "last week", "2021-W51"),
    ("A report came out over the weekend.", "the weekend", "2021-W51-WE"),
    ("Talks resume in mid-January.", "mid-January", "2022-01"),
    ("Elections are expected early next year.", "early next year", "2022"),
    ("He visited two years ago.", "two years ago", "2019"),
    # vague
    ("Further invasion may proceed in the coming weeks.", "the coming weeks", "FUTURE_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("A decision is expected soon.", "soon", "FUTURE_REF"),
    ("He is now the head of BP.", "now", "PRESENT_REF"),
    # durations
    ("The call lasted for about 50 minutes.", "about 50 minutes", "PT50M"),
    ("It came just under two weeks after the draft.", "just under two weeks", "P2W"),
    ("Mistakes were made over the past 30 years.", "the past 30 years", "P30Y"),
    ("He served 90 days in jail.", "90 days", "P90D"),
    ("The talks ran for almost eight hours.", "almost eight hours", "PT8H"),
    ("It took several days to finish.", "several days", "PXD"),
    ("The following decade was hard.", "The following decade", "P1DE"),
    ("A four-week closure begins.", "four-week", "P4W"),
    # sets
    ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),
    ("Patrols run daily.", "daily", "P1D"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), FORMS)
def test_form_is_found_with_its_value(sentence: str, span: str, value: str) -> None:
    found = {m.text: m for m in times(sentence)}
    assert span in found, sorted(found)
    mention = found[span]
    assert mention.value == value
    assert sentence[mention.start:mention.end] == span


@pytest.mark.parametrize(("sentence", "mod"), [
    ("The call lasted for about 50 minutes.", "APPROX"),
    ("It came just under two weeks after the draft.", "LESS_THAN"),
    ("The vote was held late Wednesday.", "END"),
    ("Talks resume in mid-January.", "MID"),
    ("Elections are expected early next year.", "START"),
    ("The talks ran for more than eight hours.", "MORE_THAN"),
])
def test_modifiers_are_kept(sentence: str, mod: str) -> None:
    assert only(sentence).mod == mod


TRAPS = [
    "Officials may meet again.",
    "Protesters march on the capital.",
    "He spoke for the second time.",
    "Since the first meeting, tensions rose.",
    "Russia has moved 100,000 troops toward the border.",
    "The 30-year-old soldier was wounded.",
    "The pilot sent a Mayday call before the crash.",
    "He scored 2000 points.",
    "He waited a second before answering.",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_trap_is_not_a_time(sentence: str) -> None:
    assert times(sentence) == []


def test_fifty_minute_call_is_a_duration_not_a_clock_time_or_year() -> None:
    mention = only("Biden, Putin talk in 50-minute call")
    assert (mention.type, mention.value) == ("DURATION", "PT50M")


def test_ranges_name_both_ends() -> None:
    found = times("It could take between 12 and 18 months to complete.")
    assert [(m.text, m.value) for m in found] == [("12", "P12M"), ("18 months", "P18M")]
    found = times("The expedition of 1957-58 crossed Antarctica.")
    assert [m.value for m in found] == ["1957", "1958"]


def test_mentions_come_in_text_order_without_overlaps() -> None:
    found = times("On Dec. 30 at 3:35 p.m. EST, after about 50 minutes, they met again Friday.")
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_span_back_from_publication_is_counted_on_the_calendar() -> None:
    from datetime import UTC, datetime

    years = only("Mistakes were made over the past 30 years.")
    assert years.earliest == datetime(1991, 12, 30, 22, 2, tzinfo=UTC)  # same day and hour
    assert years.latest == datetime(2021, 12, 30, 22, 2, tzinfo=UTC)
    months = only("Prices will be frozen for the next 2 months.")
    assert months.latest == datetime(2022, 2, 28, 22, 2, tzinfo=UTC)  # no 30 February


def test_after_and_before_leave_that_end_open() -> None:
    from briefing.core.timefmt import format_mention

    after, before = times("They broke off shortly after 5 p.m. and met again shortly "
                          "before 9 a.m. today.")[:2]
    assert after.mod == "AFTER" and after.earliest is not None and after.latest is None
    assert before.mod == "BEFORE" and before.earliest is None and before.latest is not None
    assert format_mention(before, "UTC") == "before 14:00"  # still shown at its instant
