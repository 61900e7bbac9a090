"""WHEN on the forms real news writes: zones from the article, anchoring, composites.

Every sentence here is written for the class of text it stands for; none is taken from the
evaluation sets.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.timefmt import format_mention
from briefing.extract import analyze
from briefing.model import TimeMention


def times(text: str, published: object) -> dict[str, TimeMention]:
    return {t.text: t for t in analyze(text, published=published).times}  # type: ignore[arg-type]


def _z(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


# -- zones from the article ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "zone", "basis"), [
    # an agency dateline, upper and mixed case, with a date and without
    ("WASHINGTON (AP) — The hearing opened at 10 a.m. and ran all day.", "10 a.m.",
     "America/New_York", "dateline"),
    ("Washington (AFP) - The hearing opened at 10 a.m. and ran all day.", "10 a.m.",
     "America/New_York", "dateline"),
    ("MOSCOW, Dec 30 (Reuters) - The talks began at 11:00 and ended late.", "11:00",
     "Europe/Moscow", "dateline"),
    ("LONDON (Reuters) - Trading halted at 14:10 after the outage.", "14:10",
     "Europe/London", "dateline"),
    ("By Dana Whitfield, Seattle — The ferry left at 6 a.m. as planned.", "6 a.m.",
     "America/Los_Angeles", "dateline"),
    ("PORTLAND, Maine — The mill closed at 4 p.m. for the holiday.", "4 p.m.",
     "America/New_York", "dateline"),
    # the AP's state abbreviations pick the state's town, not the largest of its name
    ("SALEM, Ore. (AP) — The mill closed at 4 p.m. for the holiday.", "4 p.m.",
     "America/Los_Angeles", "dateline"),
    ("ANNAPOLIS, Md. — The vote was called at 4 p.m. on Friday.", "4 p.m. on Friday",
     "America/New_York", "dateline"),
    # a place in the sentence of the clock time
    ("The jet landed at an airport in Ohio at 10.45pm local time after the scare.",
     "10.45pm local time", "America/New_York", "place"),
    ("The match at a stadium in Denver kicks off at 7 p.m. on Saturday.",
     "7 p.m. on Saturday", "America/Denver", "place"),
    ("Villagers in a township of Hebei province heard the blast at 9 a.m., police said.",
     "9 a.m.", "Asia/Shanghai", "place"),
    ("Firefighters in Lyon were called at 02:40 to the warehouse.", "02:40",
     "Europe/Paris", "place"),
])
def test_the_zone_comes_from_the_article(text: str, words: str, zone: str,
                                         basis: str) -> None:
    mention = times(text, "2016-11-09")[words]
    assert (mention.zone, mention.zone_basis) == (zone, basis)
    assert mention.zone_known and mention.earliest == mention.latest


def test_local_time_without_a_place_in_its_sentence_takes_the_dateline_over_other_places(
) -> None:
    text = ("GENEVA — The envoys met at 9:00 a.m. local time at the mission. Later an aide "
            "in Moscow said the next round was set.")
    assert times(text, "2022-01-10")["9:00 a.m. local time"].zone == "Europe/Zurich"


def test_a_us_story_reads_georgia_and_manchester_as_its_own() -> None:
    text = ("WASHINGTON (AP) — The candidate spoke in Manchester at 7 p.m. before flying "
            "on. Her rival held a rally in Georgia at noon.")
    found = times(text, "2016-11-05")
    assert found["7 p.m."].zone == "America/New_York"
    assert found["noon"].zone == "America/New_York"
    found = times("Fans gathered in Manchester at 7 p.m. to watch the final.", "2016-11-05")
    assert found["7 p.m."].zone == "Europe/London"


def test_a_time_whose_zone_nothing_gives_is_never_converted_as_utc() -> None:
    mention = times("The meeting began at 3 p.m. and lasted an hour.", "2016-11-09")["3 p.m."]
    assert not mention.zone_known and mention.zone is None
    assert mention.value == "2016-11-09T15:00"
    # its UTC interval is every zone's reading of 15:00, so it still sorts
    assert mention.earliest == _z("2016-11-09T01:00Z")
    assert mention.latest == _z("2016-11-10T03:00Z")
    for zone in ("UTC", "Europe/Moscow", "America/New_York"):
        shown = format_mention(mention, zone)
        assert shown == "15:00 zone unknown", zone


def test_a_zone_less_publication_takes_the_datelines_zone() -> None:
    doc = analyze("TOKYO — Demand peaked on Thursday evening.", published="2023-01-19T21:10:00")
    assert doc.clock.kind == "instant" and doc.clock.zone == "Asia/Tokyo"
    assert doc.published == datetime(2023, 1, 19, 21, 10, tzinfo=doc.published.tzinfo)
    assert doc.published.astimezone(UTC) == _z("2023-01-19T12:10Z")


# -- anchoring ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "words", "value"), [
    # a month and day with no year: the tense's occurrence within the year, else the nearest
    ("The final debate is scheduled for Oct. 19 in Las Vegas.", "2016-10-05", "Oct. 19",
     "2016-10-19"),
    ("The board said it would put the merger to a vote on Oct. 20.", "2016-10-06", "Oct. 20",
     "2016-10-20"),
    ("Officials said the bridge was reopened on Sept. 26.", "2016-10-10", "Sept. 26",
     "2016-09-26"),
    ("The new tariff takes effect Jan. 1.", "2016-12-20", "Jan. 1", "2017-01-01"),
    ("Police said the suspect was arrested Dec. 28.", "2017-01-03", "Dec. 28", "2016-12-28"),
    # a bare month
    ("Sales rose sharply in December, the trade group said.", "2017-01-05", "December",
     "2016-12"),
    ("October figures, released Friday, showed hiring slowed.", "2016-11-09", "October",
     "2016-10"),
    ("Data due next week will show how factories fared in October.", "2016-11-09", "October",
     "2016-10"),
    ("Exports will recover in March, the ministry forecast.", "2016-11-09", "March", "2017-03"),
    ("He joined the firm in January, colleagues said.", "2016-11-09", "January", "2016-01"),
    # weekdays by tense and cue
    ("The minister resigned on Monday.", "2016-11-09", "Monday", "2016-11-07"),
    ("The minister will resign on Monday.", "2016-11-09", "Monday", "2016-11-14"),
    ("With Sunday's debate approaching, both camps prepared their lines.", "2016-11-09",
     "Sunday's debate", "2016-11-13"),
    ("Aides worked through the night ahead of Saturday's summit.", "2016-11-09",
     "Saturday's summit", "2016-11-12"),
    ("The storm struck the coast on Saturday.", "2016-11-09", "Saturday", "2016-11-05"),
    ("The governor said her aide's message inviting the mayor to Monday night's debate was "
     "a joke.", "2016-09-25", "Monday night's debate", "2016-09-26TNI"),
    ("The governor said Monday that the budget was balanced.", "2016-09-28", "Monday",
     "2016-09-26"),
    # an event dated in the possessive as the clause's scene takes the clause's tense
    ("At Monday's debate, Ruth Keller cited her rival's remarks about nurses.", "2016-09-30",
     "Monday's debate", "2016-09-26"),
    ("Ruth Keller will cite his remarks at Monday's debate.", "2016-09-30",
     "Monday's debate", "2016-10-03"),
    # composites
    ("The storm hit at 4 a.m. EDT Thursday.", "2016-11-09", "4 a.m. EDT Thursday",
     "2016-11-03T04:00"),
    ("He will speak at 9 a.m. Tuesday.", "2016-11-09", "9 a.m. Tuesday", "2016-11-15T09:00"),
    ("The ministers will meet Tuesday at 3 p.m. in Brussels.", "2016-11-09",
     "Tuesday at 3 p.m.", "2016-11-15T15:00"),
    ("Prices peaked in June last year.", "2016-11-09", "June last year", "2015-06"),
    ("Prices bottomed out in January this year.", "2016-11-09", "January this year",
     "2016-01"),
    ("The pact was signed on March 3 last year.", "2016-11-09", "March 3 last year",
     "2015-03-03"),
    # "ago" is a date at its own grain, however far back
    ("The company was founded 30 years ago.", "2016-11-09", "30 years ago", "1986"),
    ("The temple was built 3,000 years ago.", "2016-11-09", "3,000 years ago", "BC0985"),
])
def test_anchoring_a_careful_reader_agrees_with(text: str, published: str, words: str,
                                                value: str) -> None:
    assert times(text, published)[words].value == value


def test_a_clock_time_takes_the_day_of_the_sentence_before() -> None:
    found = times("On Wednesday morning the ferry left port. It sank at 10:40 in heavy seas.",
                  "2016-11-11T09:00:00+00:00")
    assert found["10:40"].value == "2016-11-09T10:40"


def test_a_deadline_in_the_sentence_before_gives_no_day() -> None:
    found = times("Power should be back by Friday. An update follows at 2 p.m. ET.",
                  "2024-07-09T08:00:00-04:00")
    assert found["2 p.m. ET"].value == "2024-07-09T14:00"


def test_now_and_recently_resolve_on_a_day_only_publication() -> None:
    found = times("The town is now quiet, though the mayor recently left.", date(2016, 11, 9))
    assert found["now"].resolved and found["recently"].latest is not None
    assert "no_publication_time" not in found["now"].flags


def test_as_soon_as_is_a_conjunction_not_a_time() -> None:
    assert "soon" not in times("Troops fired as soon as they boarded.", "2016-11-09")
    assert "soon" in times("Talks will resume soon, aides said.", "2016-11-09")


# -- never raises -------------------------------------------------------------

_WORDS = st.sampled_from(["at", "3:35", "p.m.", "EST", "on", "Tuesday", "Oct.", "19", "in",
                          "Ohio", "local", "time", "3,000", "years", "ago", "June", "last",
                          "year", "WASHINGTON", "(AP)", "—", "+99:99", "GMT+24", ".", "\n"])
_DATES = st.one_of(st.none(), st.dates(), st.datetimes(timezones=st.timezones()),
                   st.datetimes())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=40).map(" ".join)), _DATES)
def test_analyze_never_raises_on_any_text_and_date(text: str, published: object) -> None:
    doc = analyze(text, published=published)  # type: ignore[arg-type]
    for mention in doc.times:
        assert text[mention.start:mention.end] == mention.text



@pytest.mark.parametrize("published", [
    None, "9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00", "9999-12-31", "0001-01-01",
    datetime(9999, 12, 31, 23, 59, tzinfo=UTC), date(1, 1, 1)])
@pytest.mark.parametrize("text", [
    "at 10:00 +99:99 today", "10:00 GMT+24 on Monday", "next year at noon", "last week, 2 p.m.",
    "3,000 years ago", "in the 21st century", "9999-12-31T23:59+14:00 was the deadline"])
def test_dates_at_the_calendars_edges_never_raise(text: str, published: object) -> None:
    doc = analyze(text, published=published)  # type: ignore[arg-type]
    assert all(text[t.start:t.end] == t.text for t in doc.times)


def test_an_offset_no_clock_keeps_is_not_read_as_one() -> None:
    found = times("The feed went live at 10:00 GMT+24 on the day.", "2016-11-09T08:00:00Z")
    assert all(t.zone != "UTC+24:00" for t in found.values())


# -- a day word inside a name ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("The poll, run by NATION TODAY and a university, closed on Friday.", "NATION TODAY"),
    ("A Nation Today analysis found that turnout fell.", "Nation Today"),
])
def test_today_closing_a_name_is_no_day(text: str, name: str) -> None:
    at = text.index(name)
    found = times(text, "2016-11-08T12:00:00Z").values()
    assert not [t for t in found if t.start < at + len(name) and at < t.end]


@pytest.mark.parametrize("text", [
    "Today the ministry said talks would resume.",
    "WASHINGTON (AP) — Today, the senate voted.",
    "Trump Says Today Is A Great Day For Voters",  # a Title Case headline keeps its day
    "He was born in Chicago. Today he lives in Ohio.",  # a name ending a sentence
    "The firm was founded by Steve Jobs. Today it is worth billions.",
])
def test_today_as_the_day_is_kept(text: str) -> None:
    assert times(text, "2016-11-08T12:00:00Z")["Today"].value == "2016-11-08"


@pytest.mark.parametrize(("text", "first"), [
    ("Polls are open from 6 a.m. to 9 a.m. Eastern.", "6 a.m."),
    ("Voting runs between 7 a.m. and 8 p.m. ET on Tuesday.", "7 a.m."),
    ("The crossing is shut 10:00 until 14:00 Moscow time.", "10:00"),
])
def test_a_range_takes_the_zone_written_after_its_second_time(text: str, first: str) -> None:
    """Published in UTC: read as UTC, the first end would be hours off."""
    found = times(text, "2016-11-07T12:00:00Z")
    start = found[first]
    second = next(t for t in found.values() if t.start > start.start and t.type == "TIME")
    assert start.zone == second.zone and start.zone_basis == "explicit"


def test_a_zone_in_a_later_sentence_stays_with_its_own_time() -> None:
    found = times("It opens at 10:00. The vote ends at 18:00 EST.", "2016-11-07T12:00:00Z")
    assert found["10:00"].zone_basis != "explicit"
    assert found["18:00 EST"].zone == "America/New_York"


@pytest.mark.parametrize(("text", "value"), [
    ("She said the strike hurt sales last weekend.", "2025-W09-WE"),
    ("Talks resumed this weekend.", "2025-W10-WE"),
    ("Talks resumed over the weekend.", "2025-W10-WE"),
    ("Talks will resume next weekend.", "2025-W11-WE"),
])
def test_a_weekend_named_on_a_weekend(text: str, value: str) -> None:
    """Written on Saturday 8 March 2025: "last weekend" is 1-2 March."""
    [mention] = times(text, "2025-03-08T12:00:00Z").values()
    assert mention.value == value


# -- a date and the event it dates -------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "value"), [
    ("Ana Sorel won Sunday's Sardinian Grand Prix from pole.",
     "Sunday's Sardinian Grand Prix", "2019-03-10"),
    ("Polls closed early in Saturday's presidential election.",
     "Saturday's presidential election", "2019-03-09"),
    ("Critics panned Friday's announcement by the ministry.",
     "Friday's announcement", "2019-03-08"),
    ("Tickets for Saturday's Women's World Cup final sold out.",
     "Saturday's Women's World Cup final", "2019-03-09"),
    ("Last night's debate ran long.", "Last night's debate", "2019-03-10TNI"),
    ("Yesterday's Senate vote was close.", "Yesterday's Senate vote", "2019-03-10"),
])
def test_a_date_in_the_possessive_takes_the_event_it_dates(text: str, words: str,
                                                          value: str) -> None:
    """The WHEN line reads "Sun 10 Mar  Sunday's Sardinian Grand Prix": the day and what
    happened on it; the value stays the day's."""
    assert times(text, "2019-03-11")[words].value == value


@pytest.mark.parametrize(("text", "words"), [
    ("Monday's weather was mild.", "Monday"),                # weather is no event
    ("Sunday's race and the final were close.", "Sunday's race"),  # one event, not a list
    ("A week's talks ended without a deal.", "A week"),      # a duration dates nothing
    ("Thursday's open house drew families.", "Thursday"),    # a lower-case "open" is no Open
    ("New Year's Day passed quietly.", "New Year's Day"),    # a feast's own possessive
])
def test_what_a_possessive_date_does_not_take(text: str, words: str) -> None:
    assert words in times(text, "2019-03-11")


def test_a_name_inside_a_dated_event_is_still_a_person() -> None:
    """The date's own words are no name; the event's words are read by WHO as before."""
    analysis = analyze("Saturday's Tomas Brekke rally filled the square.", published="2019-03-11")
    assert [t.text for t in analysis.times] == ["Saturday's Tomas Brekke rally"]
    assert [p.name for p in analysis.people] == ["Tomas Brekke"]


@pytest.mark.parametrize("text", [
    "The bank paid its chief $19 million a year.",
    "Tellers earned $12 an hour at the branch.",
    "The convoy moved at 60 miles per hour.",
    "The ferry sails three times a week in winter.",
])
def test_a_rate_is_no_time(text: str) -> None:
    """ "$12 an hour", "three times a week": a rate, not a stretch of time to list."""
    assert [t.text for t in analyze(text, published="2016-09-20").times] == []


def test_a_stretch_of_time_is_still_one() -> None:
    times = analyze("The talks will last a year; the vote took an hour.",
                    published="2016-09-20").times
    assert [t.text for t in times] == ["a year", "an hour"]


def test_a_mastheads_today_is_no_date() -> None:
    """"USA TODAY" on a line of its own above the story is the paper's name."""
    doc = analyze("USA TODAY\nThe vote is on Monday, officials said.", published="2016-11-08")
    assert [t.text for t in doc.times] == ["Monday"]
