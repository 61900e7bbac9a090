"""Outside values at the command line: a bad one is a one-line usage error with exit status
2, a bad date in a source is a warning naming it, and nothing the CLI prints obeys an escape
or shows a password (issue 15)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import SEED_ARTICLE

LONG = "A" * 300
GOOD = ("WASHINGTON (AP) — The council met on Thursday and voted to close the bridge at "
        "10:00 EST, officials said.\n")


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `briefing ARGV`, as a user sees them."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def one_usage_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: error: "), err
    assert "Traceback" not in err and "usage:" not in err
    for word in words:
        assert word in lines[0], (word, err)


@pytest.mark.parametrize("argv, words", [
    (("extract", "--zone", LONG), ("--zone", "not an IANA time zone")),
    (("extract", "--zone", "../../etc/passwd"), ("--zone", "not an IANA time zone")),
    (("extract", "--published", "garbage"), ("--published", "garbage")),
    (("extract", "--published", "9999-12-31T23:00:00-05:00"), ("--published", "edge")),
    (("extract", "--published", "0001-01-01T00:30:00+05:00"), ("--published", "edge")),
    (("extract", "--published", "Thu, 30 Dec 2021 17:02:00 -00000000000000000500"),
     ("--published",)),
    (("extract", "--published", "2021-12-30T10:00:00+18:30"), ("--published", "offset")),
    (("brief", "--period", "99999999999999999999h"), ("--period",)),
    (("brief", "--period", "11000d"), ("--period", "ten years")),
    (("brief", "--now", "garbage"), ("--now", "2021-12-31T06:00:00Z")),
    (("brief", "--now", "9999-12-31T23:00:00-05:00"), ("--now", "edge")),
    (("brief", "--now", "0001-01-01T00:30:00+05:00"), ("--now", "edge")),
    (("brief", "--now", "0001-01-03T00:00:00Z", "--period", "7d"), ("--period", "year 1")),
    (("brief", "--source-zone", LONG), ("--source-zone",)),
    (("brief", "--zone", "Europe/Mos\x1b[2Jcow"), ("--zone", "\\x1b")),
])
def test_a_bad_option_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                              argv: tuple[str, ...],
                                              words: tuple[str, ...]) -> None:
    code, out, err = cli(capsys, argv[0], str(SEED_ARTICLE), *argv[1:])
    one_usage_error(code, err, *words)
    assert out == "" and "\x1b" not in err


@pytest.mark.parametrize("now", ["garbage", "9999-12-31T23:00:00-05:00", "2021-12-31T06:00"])
@pytest.mark.parametrize("command", ["extract", "brief", "handover"])
def test_a_bad_briefing_now_is_a_usage_error_naming_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, now: str,
        command: str) -> None:
    monkeypatch.setenv("BRIEFING_NOW", now)
    argv = [command] if command == "handover" else [command, str(SEED_ARTICLE)]
    code, _, err = cli(capsys, *argv)
    one_usage_error(code, err, "BRIEFING_NOW")


def test_a_bad_since_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "handover", "--since", "0001-01-01T00:30:00+05:00")
    one_usage_error(code, err, "--since", "edge")


def test_a_bad_briefing_tz_is_named_and_the_brief_still_written(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_TZ", LONG)
    code, out, err = cli(capsys, "brief", str(SEED_ARTICLE))
    assert code == 0 and "BLUF" in out
    assert "briefing: warning: BRIEFING_TZ" in err and LONG not in err


def test_a_bad_config_zone_is_named_and_the_brief_still_written(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'local_zone = "{LONG}"\nzones = ["{LONG}"]\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    monkeypatch.delenv("BRIEFING_TZ")
    code, out, err = cli(capsys, "brief", str(SEED_ARTICLE))
    assert code == 0 and "BLUF" in out
    assert "local_zone" in err and "is not an IANA zone" in err and "Traceback" not in err


def test_the_dashboard_starts_on_a_bad_local_zone_and_says_so(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              ) -> None:
    from briefing.config import load_config
    from briefing.ui.app import BriefingApp

    config_file = tmp_path / "config.toml"
    config_file.write_text(f'local_zone = "{LONG}"\n', encoding="utf-8")
    monkeypatch.delenv("BRIEFING_TZ")
    config = load_config(config_file)
    app = BriefingApp([], config)
    notices: list[str] = []

    async def start() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            notices.extend(str(n.message) for n in app._notifications)

    asyncio.run(start())
    assert app.local != LONG and len(app.local) < 64
    assert any("local_zone" in notice for notice in notices), notices


def _sources(folder: Path) -> None:
    folder.mkdir()
    (folder / "edge.html").write_text(
        '<html><head><title>Edge</title><meta property="article:published_time" '
        'content="9999-12-31T23:00:00-05:00"></head><body><article><p>' + GOOD * 3 +
        "</p></article></body></html>", encoding="utf-8")
    (folder / "front.md").write_text(
        f"---\ntitle: Front\npublished: 0001-01-01T00:30:00+05:00\nzone: {LONG}\n---\n"
        "The ferry sank on Tuesday near Riga.\n", encoding="utf-8")
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>Far</title><link>https://example.org/far</link>"
        "<pubDate>Thu, 30 Dec 2021 17:02:00 -00000000000000000500</pubDate>"
        "<description>The port reopened on Monday in Mumbai after the storm.</description>"
        "</item></channel></rss>", encoding="utf-8")
    (folder / "good.md").write_text(
        "---\ntitle: Good\npublished: 2021-12-30T17:02:00-05:00\n---\n" + GOOD,
        encoding="utf-8")


def test_sources_with_dates_past_the_calendar_load_undated_with_a_warning_each(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _sources(tmp_path / "in")
    code, out, err = cli(capsys, "extract", "--json", str(tmp_path / "in"))
    assert code == 0 and "Traceback" not in err
    records = {Path(r["source"]).name if "://" not in r["source"] else "feed": r
               for r in map(json.loads, out.splitlines())}
    assert records["good.md"]["published"] == "2021-12-30T22:02:00Z"  # good ones unharmed
    assert records["edge.html"]["published"] is None
    assert records["front.md"]["published"] is None
    assert [r["published"] for k, r in records.items() if k not in {"good.md", "edge.html",
                                                                      "front.md"}] == [None]
    warnings = [line for line in err.splitlines() if line.startswith("briefing: warning:")]
    for name in ("edge.html", "front.md"):
        assert any(name in w and "calendar's edge" in w for w in warnings), err
    assert any("-00000000000000000500" in w for w in warnings), err


def test_a_brief_of_such_sources_is_written_and_counts_the_undated(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _sources(tmp_path / "in")
    code, out, err = cli(capsys, "brief", str(tmp_path / "in"), "--period", "24h")
    assert code == 0 and "Traceback" not in err
    assert "Good" in out or "council" in out


def test_a_path_with_escapes_and_bidi_overrides_is_shown_not_obeyed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "x\x1b]0;owned\x07\u202etxt.md"
    code, _, err = cli(capsys, "extract", str(missing))
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "x␛]0;owned␇\ufffdtxt.md" in err


def test_the_json_source_is_valid_json_with_bidi_overrides_shown(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    odd = tmp_path / "report\u202edm.txt"
    odd.write_text(GOOD, encoding="utf-8")
    code, out, _ = cli(capsys, "extract", "--json", str(odd))
    assert code == 0
    record = json.loads(out)
    assert "\u202e" not in record["source"] and record["source"].endswith("report\ufffddm.txt")


def test_an_address_with_a_password_is_never_printed_with_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "extract", "https://bob:hunter2@127.0.0.1:9/feed.xml")
    assert code == 1 and "127.0.0.1:9/feed.xml" in err
    assert "hunter2" not in err and "bob" not in err
