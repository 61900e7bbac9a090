"""The seeds' brief: a golden file (byte-identical across runs, host zones and locales) and
the content a watch officer taking over the shift must find in it.

The golden file follows the extractors as they improve: after checking a diff by eye,
regenerate it with `BRIEFING_REGEN_GOLDEN=1 pytest tests/test_brief_seed.py`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.article_record import ArticleRecord
from briefing.brief import render_brief
from briefing.clock import clock_from_env
from briefing.extract import analyze
from briefing.sources import load
from tests.conftest import ROOT, SEED_ARTICLE, section

GOLDEN = Path(__file__).resolve().parent / "golden" / "brief_seeds.txt"
COMMAND = ["brief", "seeds", "--zone", "America/New_York", "--out", "-"]


# Run the CLI after applying the host locale and zone for real, and prove they took effect:
# glibc silently falls back to C for a locale that is not installed, which would make the
# comparison below check nothing.
_CHECKED_RUN = """
import locale, runpy, sys, time
lang, offset = sys.argv[1], int(sys.argv[2])
got = locale.setlocale(locale.LC_ALL, "")
assert got == lang, f"locale {lang!r} did not take effect (got {got!r})"
assert time.localtime(0).tm_gmtoff == offset, f"TZ did not take effect ({time.tzname})"
sys.argv = ["briefing", *sys.argv[3:]]
runpy.run_module("briefing", run_name="__main__")
"""


def _brief_via_subprocess(tz: str, lang: str, *, applied: str | None = None,
                          offset: int = 0) -> str:
    """The brief as the CLI prints it under host zone `tz` and locale `lang` (`applied`:
    the name setlocale reports for it; `offset`: `tz`'s UTC offset in seconds in 1970)."""
    env = {**os.environ, "TZ": tz, "LANG": lang, "LC_ALL": lang,
           "BRIEFING_NOW": "2021-12-31T06:00:00Z", "BRIEFING_TZ": tz, "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-c", _CHECKED_RUN, applied or lang, str(offset), *COMMAND],
        env=env, capture_output=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def test_golden_brief_of_the_seeds() -> None:
    produced = _brief_via_subprocess("UTC", "C.UTF-8")
    # a local feed's pages carry file:// links; the brief names them as paths below the folder
    # it was made in, so neither the checkout's folder nor a URI reaches its readers
    assert ROOT.as_posix() not in produced and "file://" not in produced
    if os.environ.get("BRIEFING_REGEN_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(produced.encode("utf-8"))
    assert GOLDEN.exists(), "no golden file: run with BRIEFING_REGEN_GOLDEN=1 once"
    assert produced == GOLDEN.read_text(encoding="utf-8"), (
        "the seeds' brief changed; if the change is right, regenerate with "
        "BRIEFING_REGEN_GOLDEN=1")


def test_host_zone_and_locale_do_not_change_a_byte() -> None:
    # Only C.UTF-8 and POSIX are sure to exist on a build machine; they differ in encoding
    # (UTF-8 vs ASCII), which is what would break a brief written through the host locale.
    kolkata = _brief_via_subprocess("Asia/Kolkata", "POSIX", applied="C", offset=19800)
    assert kolkata == _brief_via_subprocess("UTC", "C.UTF-8")


@pytest.fixture(scope="module")
def seed_brief() -> str:
    os.environ.setdefault("BRIEFING_NOW", "2021-12-31T06:00:00Z")
    article = load(str(SEED_ARTICLE))[0]
    analysis = analyze(article.text, published=article.clock)
    return render_brief([ArticleRecord(article, analysis)], zone="America/New_York",
                        now=clock_from_env()(), period=None)


def seed_annex() -> str:
    article = load(str(SEED_ARTICLE))[0]
    analysis = analyze(article.text, published=article.clock)
    return render_brief([ArticleRecord(article, analysis)], zone="America/New_York",
                        now=clock_from_env()(), period=None, annex=True)


def test_header_dtg_follows_the_fixed_clock(seed_brief: str) -> None:
    header = seed_brief.split("1. BLUF")[0]
    assert "DTG: 310600Z DEC 21" in " ".join(header.split())
    assert "01:00" in header  # New York's wall clock beside it


def test_the_call_shows_as_a_dtg_beside_its_wording(seed_brief: str) -> None:
    assert "302035Z DEC 21 (“3:35 p.m. EST”)" in section(seed_brief, 2)


def test_the_four_people_with_their_roles(seed_brief: str) -> None:
    dev = section(seed_brief, 2)
    assert "Joe Biden (President" in dev
    assert "Vladimir Putin (Russian President" in dev
    assert "Jen Psaki (White House Press Secretary" in dev
    assert "Yuri Ushakov (" in dev and "adviser" in dev.split("Yuri Ushakov (")[1][:60]


def test_quotes_with_their_speakers(seed_brief: str) -> None:
    # the development gives one or two quotes; the annex every quote, with its speaker
    dev = section(seed_brief, 2)
    said = dev.split("Said:")[1].split("Open:")[0]
    assert said.count("[S1]") <= 2
    assert re.search(r"Jen Psaki: [^:“]{0,20}“urged Russia to de-escalate tensions with "
                     r"Ukraine”", dev)
    annex = section(seed_annex(), 7)
    assert "Yuri Ushakov: “A lot of mistakes have been made" in annex
    assert re.search(r"Jen Psaki: [^:“]{0,20}“urged Russia to de-escalate tensions with "
                     r"Ukraine”", annex)
    assert re.search(r"official[^:“”]*: “We are prepared to provide Ukraine", annex)


def test_next_month_stays_a_month(seed_brief: str) -> None:
    assert "JAN 22 (“next month”)" in section(seed_brief, 4)


def test_open_questions_are_watch_items(seed_brief: str) -> None:
    watch = section(seed_brief, 4)
    assert "It remains unclear what, if anything, Biden would be willing" in watch
    assert "Further talks on those demands are set for next month." in watch
    assert "A report saying Russia would be pulling back" in watch
    # a conditional ("should a ... in the coming weeks") is the annex's, not the brief's
    assert "the coming weeks" not in watch
    assert "the coming weeks" in section(seed_annex(), 4)
    assert "W1 D1 [S1]" in watch
