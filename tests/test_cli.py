"""The command-line front door: exit codes, messages and the JSON shape, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED_ARTICLE


def run(*args: str, cwd: Path | None = None, stdin: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, input=stdin, env=env, check=False)


def test_extract_json_prints_one_article_per_line_in_the_public_shape(tmp_path: Path) -> None:
    result = run("extract", "--json", str(SEED_ARTICLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    for key in ("people", "organizations", "places", "times", "quotes", "questions",
                "title", "source", "published", "text"):
        assert key in record
    assert record["title"].startswith("Biden, Putin talk")
    assert record["published"] == "2021-12-30T22:02:00Z"


def test_extract_without_sources_reads_the_bundled_seeds(tmp_path: Path) -> None:
    result = run("extract", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert len(titles) >= 5 and any(t.startswith("Biden, Putin") for t in titles)


def test_a_failed_source_is_named_on_stderr_and_exits_1(tmp_path: Path) -> None:
    result = run("extract", "--json", str(tmp_path / "missing.txt"), str(SEED_ARTICLE))
    assert result.returncode == 1
    missing = tmp_path / "missing.txt"
    assert result.stderr.strip() == f"briefing: error: {missing}: no such file or folder"
    assert len(result.stdout.splitlines()) == 1


def test_a_warning_alone_still_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré jeudi que les négociations reprendraient."
                     .encode("latin-1"))
    result = run("extract", "--json", str(path))
    assert result.returncode == 0
    assert result.stderr.startswith("briefing: warning:") and "invalid UTF-8" in result.stderr


def test_overrides_apply_to_every_source() -> None:
    result = run("extract", "--json", "--published", "2022-01-05T09:00:00+03:00",
                 "--zone", "Europe/Moscow", str(SEED_ARTICLE))
    record = json.loads(result.stdout)
    assert record["published"] == "2022-01-05T06:00:00Z" and record["zone"] == "Europe/Moscow"


def test_standard_input_with_dash() -> None:
    result = run("extract", "--json", "-", stdin="Troops moved toward the border on Monday.")
    assert result.returncode == 0
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_usage_errors_exit_2() -> None:
    assert run("extract", "--no-such-flag").returncode == 2
    bad_zone = run("extract", "--zone", "Mars/Olympus")
    assert bad_zone.returncode == 2 and "not an IANA time zone" in bad_zone.stderr


def test_version_and_help() -> None:
    from briefing import __version__

    assert run("--version").stdout.strip() == f"briefing {__version__}"
    help_text = run("extract", "--help").stdout
    assert "--json" in help_text and "--published" in help_text


def test_no_articles_at_all_exits_1(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path))
    assert result.returncode == 1 and "holds no articles" in result.stderr


def test_bundled_resources_are_found() -> None:
    from briefing.resources import seeds_dir, styles_dir

    assert (seeds_dir() / SEED_ARTICLE.name).is_file()
    assert any(styles_dir().glob("*.tcss"))
