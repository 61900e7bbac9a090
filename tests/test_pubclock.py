"""The publication clock: every shape a source writes, read once at loading, never invented."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from briefing.article_record import analysis_through, cached_analysis
from briefing.extract import analyze
from briefing.model import Article
from briefing.pubclock import PubClock, clock_from_url, clock_of, read_clock
from briefing.sources import load
from briefing.store import Store


@pytest.mark.parametrize(("raw", "kind", "day", "utc"), [
    ("2016-10-12", "day", date(2016, 10, 12), None),
    ("2016-11-09T08:46:26", "local", date(2016, 11, 9), None),
    ("2016-11-09T08:46:26-05:00", "instant", date(2016, 11, 9),
     datetime(2016, 11, 9, 13, 46, 26, tzinfo=UTC)),
    ("2016-11-09T08:46:26Z", "instant", date(2016, 11, 9),
     datetime(2016, 11, 9, 8, 46, 26, tzinfo=UTC)),
    ("20161109T084626+0100", "instant", date(2016, 11, 9),
     datetime(2016, 11, 9, 7, 46, 26, tzinfo=UTC)),
    ("Wed, 09 Nov 2016 13:46:26 GMT", "instant", date(2016, 11, 9),
     datetime(2016, 11, 9, 13, 46, 26, tzinfo=UTC)),
    ("Sun, 11 Jun 2023 08:15:00 IST", "local", date(2023, 6, 11), None),  # IST is ambiguous
    ("", "unknown", None, None),
    ("   ", "unknown", None, None),
    ("2016", "unknown", None, None),  # a year alone is no date
    ("sometime last autumn", "unknown", None, None),
    ("2016-13-45", "unknown", None, None),
    ("9999-12-31T23:59:59-14:00", "unknown", None, None),  # past the calendar (issue 15)
    ("0001-01-01T00:00:00+14:00", "unknown", None, None),
    ("2016-11-09T08:46:26+99:99", "unknown", None, None),
])
def test_each_shape_a_source_writes(raw: str, kind: str, day: date | None,
                                    utc: datetime | None) -> None:
    clock = read_clock(raw, found="meta")
    assert (clock.kind, clock.day, clock.utc) == (kind, day, utc)
    assert clock.raw == (raw if raw.strip() else None)


def test_a_local_time_becomes_an_instant_once_its_zone_is_known() -> None:
    clock = read_clock("2016-11-09T08:46:26", zone="America/New_York", zone_found="front matter")
    assert clock.kind == "instant" and clock.zone_found == "front matter"
    assert clock.utc == datetime(2016, 11, 9, 13, 46, 26, tzinfo=UTC)


def test_a_dateline_zone_is_taken_only_when_it_agrees_with_a_written_offset() -> None:
    offset = read_clock("2023-01-19T21:10:00+09:00")
    assert offset.with_zone("Asia/Tokyo", "dateline", inferred=True).zone == "Asia/Tokyo"
    assert offset.with_zone("Europe/Paris", "dateline", inferred=True).zone is None
    # what the officer or the author says wins, and the day is read in that zone
    given = offset.with_zone("America/New_York", "given")
    assert given.zone == "America/New_York" and given.day == date(2023, 1, 19)


def test_a_day_overlaps_a_period_in_any_zone_it_may_be_in() -> None:
    day = read_clock("2016-10-12")
    now = datetime(2016, 10, 13, 6, 0, tzinfo=UTC)
    assert day.overlaps(now - timedelta(hours=24), now)
    assert not day.overlaps(now + timedelta(days=3), now + timedelta(days=4))
    zoned = day.with_zone("Asia/Tokyo", "front matter")
    assert zoned.window == (datetime(2016, 10, 11, 15, tzinfo=UTC),
                            datetime(2016, 10, 12, 15, tzinfo=UTC))


def test_days_sort_among_instants_at_their_noon() -> None:
    clocks = [read_clock("2016-10-12"), read_clock("2016-10-12T20:00:00Z"),
              read_clock("2016-10-12T03:00:00Z"), read_clock(None)]
    ordered = sorted((c for c in clocks if c.sort_key), key=lambda c: c.sort_key)  # type: ignore[arg-type, return-value]
    assert [c.raw for c in ordered] == ["2016-10-12T03:00:00Z", "2016-10-12",
                                        "2016-10-12T20:00:00Z"]


def test_a_page_address_gives_its_day_and_nothing_else() -> None:
    assert clock_from_url("https://news.example/world/2016/10/25/story.html").day == \
        date(2016, 10, 25)
    assert clock_from_url("https://news.example/2016-10-25-story").day == date(2016, 10, 25)
    assert not clock_from_url("https://news.example/story-20161025").known
    assert not clock_from_url("https://news.example/2016/13/40/x").known


def test_the_clock_round_trips_through_json_and_the_store(tmp_path: Path) -> None:
    for raw in ("2016-10-12", "2016-11-09T08:46:26", "2016-11-09T08:46:26-05:00", None):
        clock = read_clock(raw, found="meta")
        assert PubClock.from_dict(json.loads(json.dumps(clock.to_dict()))) == clock
    article = Article(title="t", text="Body.", source="a.txt", content_hash="a" * 64,
                      clock=read_clock("2016-10-12", found="meta"))
    with Store.open(tmp_path / "s.db") as store:
        store.add(article)
        again = store.article(article.id)
    assert again is not None and again.clock == article.clock


def test_a_cached_analysis_keeps_the_written_offset_like_a_fresh_one(tmp_path: Path) -> None:
    article = Article(title="t", text="TOKYO — Power ran short on Thursday.", source="a.txt",
                      content_hash="b" * 64, clock=read_clock("2023-01-19T21:10:00+09:00"))
    with Store.open(tmp_path / "s.db") as store:
        fresh = analysis_through(store, article)
        cached = cached_analysis(store, article)
    assert cached is not None
    assert cached.published == fresh.published
    assert cached.published is not None and cached.published.utcoffset() == timedelta(hours=9)


def _page(folder: Path, name: str, meta: str, body: str) -> Path:
    path = folder / name
    content = f"<meta property='article:published_time' content='{meta}'>" if meta else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    path.write_text(f"<!doctype html><html><head><title>{name}</title>{content}</head>"
                    f"<body><article><h1>{name}</h1>{paragraphs}</article></body></html>",
                    encoding="utf-8")
    return path


_BODY = ("The council met on Tuesday to debate the budget and voted late in the evening.\n"
         "Members said they expected the vote to be challenged in court before the end of "
         "the year, and the mayor promised a full statement within days.\n"
         "The session lasted more than six hours and drew a large crowd to the hall.")


def test_pages_of_every_metadata_form_load_with_what_they_say(tmp_path: Path) -> None:
    _page(tmp_path, "day.html", "2016-10-12", _BODY)
    _page(tmp_path, "local.html", "2016-11-09T08:46:26", _BODY.replace("council", "board"))
    _page(tmp_path, "offset.html", "2016-11-09T08:46:26-05:00",
          _BODY.replace("council", "senate"))
    _page(tmp_path, "none.html", "", _BODY.replace("council", "assembly") +
          "\nThe hall was first opened in 1932 and renovated in 2004.")
    by_name = {Path(a.source).name: a for a in load(str(tmp_path))}
    assert by_name["day.html"].clock.kind == "day"
    assert by_name["local.html"].clock.kind == "local"
    assert by_name["offset.html"].published == datetime(2016, 11, 9, 13, 46, 26, tzinfo=UTC)
    none = by_name["none.html"]
    assert not none.clock.known and none.published is None  # no year guessed from the text
    assert all(a.clock.found.startswith("meta") for n, a in by_name.items() if n != "none.html")


def test_a_mixed_case_agency_dateline_gives_a_local_time_its_zone(tmp_path: Path) -> None:
    body = "Washington (AFP) - " + _BODY
    [article] = load(str(_page(tmp_path, "wire.html", "2016-11-09T08:46:26", body)))
    assert article.clock.kind == "instant" and article.clock.zone == "America/New_York"
    assert article.clock.zone_found == "dateline"
    assert article.published == datetime(2016, 11, 9, 13, 46, 26, tzinfo=UTC)


def test_a_day_only_article_anchors_relative_times_on_its_day() -> None:
    doc = analyze("The council met on Tuesday.", published=read_clock("2016-10-12"))
    assert [t.value for t in doc.times] == ["2016-10-11"]


def test_clock_of_accepts_every_form_a_caller_passes() -> None:
    assert clock_of("2016-10-12").kind == "day"
    assert clock_of(date(2016, 10, 12)).kind == "day"
    assert clock_of(datetime(2016, 10, 12, 9, 0)).kind == "local"
    assert clock_of(datetime(2016, 10, 12, 9, 0, tzinfo=UTC)).kind == "instant"
    assert clock_of(datetime(9999, 12, 31, 23, 0, tzinfo=UTC)).kind == "instant"
    assert clock_of(None, "Europe/Paris").zone == "Europe/Paris"


def test_a_period_brief_keeps_the_pages_of_that_day_whatever_their_metadata_form(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main

    _page(tmp_path, "day.html", "2016-11-08", _BODY)
    _page(tmp_path, "local.html", "2016-11-08T15:19:01", _BODY.replace("council", "board"))
    _page(tmp_path, "offset.html", "2016-11-08T09:00:00-05:00",
          _BODY.replace("council", "senate"))
    _page(tmp_path, "older.html", "2016-11-02", _BODY.replace("council", "court"))
    _page(tmp_path, "none.html", "", _BODY.replace("council", "assembly"))
    code = main(["brief", str(tmp_path), "--period", "24h", "--now", "2016-11-09T06:00:00Z",
                 "--out", "-"])
    out = capsys.readouterr().out
    assert code == 0
    listed = {name for line in out.split("5. SOURCES")[1].split("6. TIME")[0].splitlines()
              if line[:1] == "S" and line[1:2].isdigit()
              for name in line.split() if name.endswith(".html")}
    assert listed == {"day.html", "local.html", "offset.html"}
    assert "2 outside the period or undated left out" in " ".join(out.split())
