"""The brief a watch officer reads in minutes: stories across sources, ranked, within a page
budget, each watch item once, durations in words, the long record only with `--annex`.

Checked on the project's own synthetic multi-source set (tests/data/multisource: three
outlets on one leak, two on one resignation, single reports) and, where the evaluation kit
stands beside the checkout (../shared), on its 40 real pages under a fixed clock.  Those
pages' texts are not ours: their brief is built in a temporary folder, never checked in.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.article_record import ArticleRecord
from briefing.brief import WIDTH, render_brief
from briefing.brief.times import duration_text
from briefing.extract import analyze
from briefing.model import TimeMention
from briefing.sources import load
from tests.conftest import ROOT, section

MULTI = ROOT / "tests" / "data" / "multisource"
NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
BUDGET = 250
"""A brief stays under this many lines (it trims to `PAGE_LINES` by construction)."""
_CODE = re.compile(r"\bP(?:T?[\dX.]+[YMWDHS]|[\dX]+(?:DE|CE))\b")


def _items(folder: Path) -> list[tuple[object, object]]:
    return [(a, analyze(a.text, published=a.clock)) for a in load(str(folder))]


@pytest.fixture(scope="module")
def multi() -> list[tuple[object, object]]:
    return _items(MULTI)


def brief(items: Sequence[tuple[object, object]], **kw: object) -> str:
    options: dict[str, object] = {"zone": "UTC", "now": NOW}
    options.update(kw)
    records = [ArticleRecord(a, an) for a, an in items]  # type: ignore[arg-type]
    return render_brief(records, **options)  # type: ignore[arg-type]


def bluf_lines(text: str) -> list[str]:
    """The BLUF's items, each folded onto one line."""
    body = text.split("1. BLUF")[1].split("2. KEY DEVELOPMENTS")[0]
    items = [" ".join(item.split()) for item in body.split("\n- ")[1:]]
    return [item for item in items if re.match(r"D\d+ ", item)]


def _watch_texts(text: str) -> list[str]:
    body = text.split("4. WATCH ITEMS")[1].split("5. SOURCES")[0]
    items = re.split(r"\nW\d+ ", body)[1:]
    return [" ".join(item.split("\n", 1)[1].split()) for item in items if "\n" in item]


def check_readable(text: str) -> None:
    """What every brief promises: the width, the budget, each watch item once, no codes."""
    lines = text.splitlines()
    assert all(len(line) <= WIDTH for line in lines), max(lines, key=len)
    assert len(lines) < BUDGET, len(lines)
    watch = _watch_texts(text)
    assert len(watch) == len(set(watch)), "a watch item is listed twice"
    before_annex = text.split("7. ANNEX")[0]
    assert not _CODE.search(before_annex), _CODE.search(before_annex)


def test_reports_of_one_event_are_one_story_with_its_sources(multi: list) -> None:
    text = brief(multi)
    assert "7 articles in 4 stories" in text
    leak = next(line for line in bluf_lines(text) if "ammonia" in line)
    assert leak.endswith(": 3 sources]")
    dev = section(text, 2)
    assert "From: Coast Radio" in dev and "Baltic Daily" in dev and "Harbour Wire" in dev
    assert "(S" in dev and "only)" in dev  # a fact one source alone gives is marked


def test_a_three_source_story_outranks_a_single_source_one(multi: list) -> None:
    lines = bluf_lines(brief(multi))
    assert ": 3 sources]" in lines[0]
    assert any("single source" in line for line in lines[1:])
    assert len(lines) <= 5


def test_a_watch_term_lifts_its_story_to_the_top_and_tags_it(multi: list) -> None:
    plain = bluf_lines(brief(multi))
    assert "Lindholm" not in plain[0]
    text = brief(multi, watch=("Lindholm",))
    lines = bluf_lines(text)
    assert "WATCH: Lindholm" in lines[0] and "strike" in lines[0]
    assert "Watch:    Lindholm" in text  # the header says what was watched for
    assert "WATCH: Lindholm" in section(text, 2)
    # a term nobody mentions changes nothing
    assert bluf_lines(brief(multi, watch=("Kherson",))) == plain


def test_a_bluf_line_is_one_sentence_without_its_dateline(multi: list) -> None:
    for line in bluf_lines(brief(multi)):
        assert not re.match(r"D\d+ [A-Z]{4,}\b", line), line  # "NORVIK —" stays out
        assert re.search(r"\((?:\d{6}Z [A-Z]{3} \d\d|\d\d [A-Z]{3} \d\d)", line), line


def test_severity_cues_lift_a_story_among_equals(multi: list) -> None:
    # a two-source resignation with a vote outranks nothing above the three-source leak,
    # but comes before the single-source library reopening
    lines = bluf_lines(brief(multi))
    order = [next(i for i, line in enumerate(lines) if word in line)
             for word in ("ammonia", "Kask", "library")]
    assert order == sorted(order)


def test_the_synthetic_brief_is_readable_and_the_same_every_time(multi: list) -> None:
    text = brief(multi, watch=("ammonia",))
    check_readable(text)
    assert brief(multi, watch=("ammonia",)) == text


def test_the_annex_keeps_the_full_record(multi: list) -> None:
    short, full = brief(multi), brief(multi, annex=True)
    assert "7. ANNEX" not in short and "7. ANNEX" in full
    assert "briefing brief --annex" in short
    assert len(full.splitlines()) > len(short.splitlines())


def _mention(text: str, value: str, mod: str | None = None) -> TimeMention:
    return TimeMention(0, len(text), text, "DURATION", value, mod=mod)


@pytest.mark.parametrize(("mention", "words"), [
    (_mention("about 50 minutes", "PT50M", "APPROX"), "about 50 minutes"),
    (_mention("a few weeks", "PXW"), "a few weeks"),
    (_mention("48-hour", "PT48H"), "48 hours"),
    (_mention("a year", "P1Y"), "1 year"),
    (_mention("decades", "PXDE"), "decades"),
])
def test_durations_read_in_words(mention: TimeMention, words: str) -> None:
    assert duration_text(mention) == words


PAGES = ROOT.parent / "shared" / "eval" / "make_pages.py"


@pytest.mark.skipif(not PAGES.exists(), reason="the evaluation kit (../shared/eval) is not "
                    "beside this checkout; its 40 pages are not ours to check in")
def test_the_brief_of_forty_real_pages_fits_the_budget(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(PAGES), str(tmp_path / "pages")], check=True,
                   capture_output=True)
    items = _items(tmp_path / "pages")
    now = datetime(2016, 11, 14, 6, 0, tzinfo=UTC)
    text = brief(items, now=now, watch=("Kherson", "ammonia", "Wagner"))
    assert len(items) == 40
    check_readable(text)
    assert brief(items, now=now, watch=("Kherson", "ammonia", "Wagner")) == text
    assert len(bluf_lines(text)) == 5
    # the consulate attack (casualties, three outlets) is in the BLUF, not one outlet's angle
    assert any("consulate" in line and "sources]" in line for line in bluf_lines(text))


def test_a_brief_over_its_page_budget_writes_fewer_stories_in_full(
        multi: list, monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget holds by construction: with less room, the lowest-ranked stories lose
    their full write-up (keeping their one line), and the BLUF is untouched."""
    import briefing.brief as brief_module

    roomy = brief(multi)
    full_before = roomy.count("\n    What:")
    assert full_before >= 2
    monkeypatch.setattr(brief_module, "PAGE_LINES", len(roomy.splitlines()) - 1)
    tight = brief(multi)
    assert len(tight.splitlines()) <= len(roomy.splitlines()) - 1
    assert tight.count("\n    What:") < full_before
    assert bluf_lines(tight) == bluf_lines(roomy)
    assert brief(multi, annex=True).count("\n    What:") >= full_before  # the annex: all
