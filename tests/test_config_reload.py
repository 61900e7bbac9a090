"""The dashboard's `r` reads the config's feeds again; a broken file keeps the last good list."""

from __future__ import annotations

from pathlib import Path

from briefing.config import Config, reload_feeds


def test_feeds_added_to_the_file_are_read_and_other_settings_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('feeds = ["http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml"]\n'
                    'locale = "de_DE"\n', encoding="utf-8")
    current = Config(locale="en_GB", feeds=("http://127.0.0.1:1/a.xml",))
    fresh, problem = reload_feeds(current, path)
    assert problem is None
    assert fresh.feeds == ("http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml")
    assert fresh.locale == "en_GB"  # only the feeds are live


def test_a_broken_file_keeps_the_feeds_read_before_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('feeds = ["http://127.0.0.1:1/a.xml"\n', encoding="utf-8")
    current = Config(feeds=("http://127.0.0.1:1/old.xml",))
    kept, problem = reload_feeds(current, path)
    assert kept is current
    assert problem and problem.startswith(f"{path}: ")
    assert "line 1" in problem and problem.endswith("keeping the feeds read before")


def test_feeds_that_are_not_a_list_keep_the_last_good_list(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('feeds = "http://127.0.0.1:1/a.xml"\n', encoding="utf-8")
    current = Config(feeds=("http://127.0.0.1:1/old.xml",))
    kept, problem = reload_feeds(current, path)
    assert kept.feeds == current.feeds
    assert problem and "feeds must be a list of strings" in problem


def test_a_file_removed_means_no_feeds(tmp_path: Path) -> None:
    fresh, problem = reload_feeds(Config(feeds=("http://127.0.0.1:1/a.xml",)),
                                  tmp_path / "gone.toml")
    assert fresh.feeds == () and problem is None
