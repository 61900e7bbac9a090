"""The brief's layout rules, on hand-made analyses (independent of the extractors' progress)."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.article_record import ArticleRecord
from briefing.brief import WIDTH, render_brief
from briefing.model import Analysis, Article, OpenQuestion, Person, Place, Quote, TimeMention
from briefing.pubclock import clock_of
from tests.conftest import section

NOW = datetime(2021, 12, 31, 6, 0, tzinfo=UTC)
NY = "America/New_York"

TEXT = ("President Joe Biden spoke with Russian President Vladimir Putin on Thursday. "
        "The call began at 3:35 p.m. EST and lasted for about 50 minutes.\n\n"
        "Biden “urged Russia to de-escalate tensions with Ukraine,” Jen Psaki said. "
        "Further talks on those demands are set for next month. "
        "It remains unclear what, if anything, Biden would offer. "
        "Troops left at about 4 a.m. on Friday, a report said.")


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _time(text: str, part: str, kind: str, value: str, earliest: datetime | None,
          latest: datetime | None, **extra: object) -> TimeMention:
    start, end = _at(text, part)
    return TimeMention(start, end, part, kind, value, earliest=earliest, latest=latest,  # type: ignore[arg-type]
                       zone=NY, **extra)  # type: ignore[arg-type]


def article(title: str = "Biden, Putin talk in 50-minute call", text: str = TEXT,
            published: datetime | None = datetime(2021, 12, 30, 22, 2, tzinfo=UTC),
            key: str = "a", zone: str | None = NY, outlet: str | None = "Wire") -> Article:
    digest = hashlib.sha256(key.encode()).hexdigest()
    return Article(title=title, text=text, source=f"{key}.txt", content_hash=digest,
                   clock=clock_of(published, zone), outlet=outlet,
                   url=f"https://news.invalid/{key}")


def port_article(key: str, published: datetime) -> Article:
    """A second story, on another subject, for the ranking tests."""
    return article(key=key, title="Port closes ahead of cyclone", published=published,
                   text="The port of Mumbai closed to all shipping on Friday as a cyclone "
                        "tracked north along the coast, officials said.")


def analysis(art: Article) -> Analysis:
    t = art.text
    times = (
        _time(t, "3:35 p.m. EST", "TIME", "2021-12-30T15:35",
              datetime(2021, 12, 30, 20, 35, tzinfo=UTC),
              datetime(2021, 12, 30, 20, 36, tzinfo=UTC), zone_basis="explicit"),
        _time(t, "Thursday", "DATE", "2021-12-30", datetime(2021, 12, 30, 5, tzinfo=UTC),
              datetime(2021, 12, 31, 5, tzinfo=UTC), zone_basis="publication"),
        _time(t, "about 50 minutes", "DURATION", "PT50M", None, None, mod="APPROX"),
        _time(t, "next month", "DATE", "2022-01", datetime(2022, 1, 1, 5, tzinfo=UTC),
              datetime(2022, 2, 1, 5, tzinfo=UTC), zone_basis="publication"),
        _time(t, "about 4 a.m.", "TIME", "2021-12-31T04:00",
              datetime(2021, 12, 31, 9, 0, tzinfo=UTC),
              datetime(2021, 12, 31, 9, 1, tzinfo=UTC), mod="APPROX",
              zone_basis="publication", flags=("ambiguous_abbreviation",)),
    )
    quote = Quote(*_at(t, "“urged Russia to de-escalate tensions with Ukraine,”"),
                  text="“urged Russia to de-escalate tensions with Ukraine,”",
                  speaker="Jen Psaki", cue="said")
    questions = tuple(
        OpenQuestion(*_at(t, s), text=s, kind=k, cue=c) for s, k, c in (
            ("Further talks on those demands are set for next month.", "pending",
             "are set for"),
            ("It remains unclear what, if anything, Biden would offer.", "unknown",
             "remains unclear"),
        ))
    return Analysis(
        text=t, published=art.published, zone=art.zone,
        people=(Person("Joe Biden", ("President",), "United States"),
                Person("Jen Psaki", ("White House Press Secretary",))),
        places=(Place("Ukraine", "country", "UA"), Place("Russia", "country", "RU")),
        times=times, quotes=(quote,), questions=questions)


def brief(items: list[tuple[Article, Analysis]] | None = None, **kw: object) -> str:
    art = article()
    items = items if items is not None else [(art, analysis(art))]
    options: dict[str, object] = {"zone": NY, "now": NOW, "period": None}
    options.update(kw)
    records = [ArticleRecord(a, an) for a, an in items]
    return render_brief(records, **options)  # type: ignore[arg-type]


def test_header_has_the_dtg_in_z_with_the_display_zone_beside_it() -> None:
    head = brief().split("1. BLUF")[0]
    assert "310600Z DEC 21" in head
    line = next(x for x in head.splitlines() if "310600Z DEC 21" in x)
    assert "01:00" in line and "31 Dec" in line  # the same instant on New York's clock


def test_utc_under_any_of_its_names_reads_the_same_in_the_timeline() -> None:
    for name in ("UTC", "Etc/UTC", "Zulu"):
        assert "In Z (UTC);" in section(brief(zone=name), 3), name


def test_period_is_stated_and_filters_articles() -> None:
    old = article(title="Old news from last week", key="old",
                  published=NOW - timedelta(days=5))
    fresh = article()
    text = brief([(old, analysis(old)), (fresh, analysis(fresh))], period=timedelta(hours=24))
    assert "300600Z DEC 21 to 310600Z DEC 21 (last 24 h)" in text
    assert "Old news from last week" not in text
    assert "1 loaded article(s) published outside the period" in section(text, 6)


def test_every_line_fits_72_columns_and_has_no_trailing_space() -> None:
    text = brief()
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert all(line == line.rstrip() for line in text.splitlines())
    assert text.endswith("END OF BRIEF\n")


def test_times_keep_their_wording_granularity_and_approximation() -> None:
    text = brief()
    dev = section(text, 2)
    assert "302035Z DEC 21 (“3:35 p.m. EST”)" in dev
    watch = section(text, 4)
    assert "JAN 22 (“next month”)" in watch       # month-only stays a month
    assert "010500Z JAN 22" not in text           # and never becomes an instant
    assert "about 310900Z DEC 21 (“about 4 a.m.”)" in dev   # "about" stays approximate


def test_people_quotes_and_places_carry_roles_speakers_and_source() -> None:
    dev = section(brief(), 2)
    assert "Joe Biden (President, United States)" in dev
    assert "Jen Psaki (White House Press Secretary)" in dev
    assert "Jen Psaki: “urged Russia to de-escalate tensions with Ukraine”" in dev
    assert "Ukraine; Russia" in dev
    assert "D1 Biden, Putin talk in 50-minute call" in dev
    assert "[S1, single source]" in dev


def test_single_source_items_are_marked_and_corroboration_named() -> None:
    one = article(key="one")
    assert "[S1, single source]" in section(brief([(one, analysis(one))]), 1)
    two = article(key="two", title="Biden and Putin talk for 50 minutes")
    text = brief([(one, analysis(one)), (two, analysis(two))])
    # two reports of one call are one story, carried by both
    assert "[S1, S2: 2 sources]" in section(text, 1)
    assert "D2" not in section(text, 2)
    assert "single source" not in section(text, 1)


def test_watch_items_list_open_questions_and_future_events_with_source() -> None:
    watch = section(brief(), 4)
    assert "W1 D1 [S1] UNKNOWN" in watch
    assert "It remains unclear what, if anything, Biden would offer." in watch
    assert "PENDING" in watch and "Further talks on those demands" in watch
    # strongest first: the unknown comes before the pending event
    assert watch.index("UNKNOWN") < watch.index("PENDING")


def test_time_notes_say_each_kind_of_assumption_once_and_the_annex_lists_them_all() -> None:
    notes = section(brief(), 6)
    assert "3 times read in the publication's zone (New York)." in notes
    assert "1 time: ambiguous zone abbreviation, not guessed." in notes
    assert "“Thursday”" not in notes  # the full list is the annex's
    full = brief(annex=True)
    assert "zone America/New_York assumed (publication)" in full
    assert "“Thursday”" in full and "“next month”" in full
    assert "“about 4 a.m.”: ambiguous zone abbreviation" in full
    assert len(full.splitlines()) > len(brief().splitlines())


def test_undated_and_zone_less_sources_are_noted() -> None:
    art = article(published=None, zone=None)
    plain = Analysis(text=art.text)
    text = brief([(art, plain)])
    notes = section(text, 6)
    assert "1 article(s) give no publication time (S1)" in notes
    assert "Dated:    1 with none" in text
    assert "S1 D1 undated" in section(text, 5)
    assert "no named time zone" in brief([(art, plain)], annex=True)


def test_flagged_articles_lead_the_bluf() -> None:
    first = port_article("first", datetime(2021, 12, 31, 5, tzinfo=UTC))
    second = article(key="second")
    items = [(first, Analysis(text=first.text)), (second, analysis(second))]
    assert section(brief(items), 1).index("Mumbai") < section(brief(items), 1).index("Biden")
    flagged = brief(items, flagged={second.id})
    bluf = section(flagged, 1)
    assert bluf.index("Biden") < bluf.index("Mumbai")
    assert "FLAGGED" in bluf


def test_article_text_cannot_put_escapes_or_controls_in_the_brief() -> None:
    art = article(title="Evil\x1b[2J\x1b]0;owned\x07 title\u202e", outlet="Out\x9blet",
                  text=TEXT.replace("Thursday.", "Thursday.\x1b[31m\x00"))
    text = brief([(art, analysis(art))])
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text
    assert "\x9b" not in text and "owned" not in text
    assert all(c == "\n" or ord(c) >= 0x20 for c in text)
    assert "Evil title" in text


def test_same_input_gives_the_same_bytes() -> None:
    assert brief() == brief()


def test_empty_input_still_renders_a_brief() -> None:
    text = render_brief([], zone="UTC", now=NOW, period=timedelta(hours=24))
    assert "310600Z DEC 21" in text and "No articles in the period." in text


def test_flagged_articles_lead_in_the_order_they_were_flagged() -> None:
    # The officer flags the most important first; dates and coverage must not reorder them.
    old = port_article("old", datetime(2021, 12, 29, 5, tzinfo=UTC))
    new = article(key="new")
    items = [(new, analysis(new)), (old, Analysis(text=old.text))]
    for order, leader in (([old.id, new.id], "Mumbai"), ([new.id, old.id], "Biden")):
        bluf = section(brief(items, flagged=order), 1)
        other = "Biden" if leader == "Mumbai" else "Mumbai"
        assert bluf.index(leader) < bluf.index(other), order


def test_the_officers_note_travels_with_its_article_cleaned() -> None:
    art = article()
    text = brief([(art, analysis(art))], notes={art.id: "call duty \x1b[31mofficer\x1b[0m 06:00Z"})
    assert "Note: (officer, S1) call duty officer 06:00Z" in section(text, 2)
    assert "Note:" not in brief()  # no note, no line


def test_a_local_page_is_named_by_its_path_never_by_a_file_uri(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    page = tmp_path / "feeds" / "harbour page.html"
    art = dataclasses.replace(article(), url=page.as_uri(), source="feeds/wire.xml#1")
    monkeypatch.chdir(tmp_path)
    sources = section(brief([(art, analysis(art))]), 5)
    assert "files in feeds." in sources and "harbour page.html" in sources
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # made elsewhere: the full path, still no URI
    sources = section(brief([(art, analysis(art))]), 5).replace(" ", "")  # a long path wraps
    assert f"filesin{page.parent}".replace(" ", "") in sources and "file:" not in sources


def test_the_header_counts_publication_times_the_way_the_times_were_read() -> None:
    # the page gave no date, but the analysis was anchored on one (a dateline, the store):
    # the brief must not say "none" about times it resolved against it
    art = article(published=None, zone=None)
    anchored = dataclasses.replace(analysis(article()),
                                   clock=clock_of(datetime(2021, 12, 30, 22, 2, tzinfo=UTC),
                                                  NY))
    text = brief([(art, anchored)])
    assert "Dated:    1 with a publication time and zone" in text
    assert "give no publication time" not in text
    bare = brief([(art, Analysis(text=art.text))])
    assert "Dated:    1 with none" in bare


@pytest.mark.parametrize("chrome", [
    "Skip Ad Ad Loading... x Embed x Share Ministers met for talks on the grain deal today.",
    "Click to share on WhatsApp (Opens in new window) Ministers met for talks on the grain "
    "deal today.",
])
def test_video_player_and_share_button_chrome_is_never_the_lead(chrome: str) -> None:
    """A scraper glues a player's or a share bar's labels onto the first sentence: the BLUF
    takes the next real sentence instead."""
    text = (chrome + "\n\nThe two sides agreed to extend the corridor for another four "
            "months, officials in both capitals said on Thursday evening.")
    art = article(title="Grain corridor extended", text=text)
    bluf = brief([(art, Analysis(text=text))]).split("1. BLUF")[1].split("2. KEY")[0]
    assert "Skip Ad" not in bluf and "Click to share" not in bluf
    assert "extend the corridor" in bluf
