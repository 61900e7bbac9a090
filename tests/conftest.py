"""Determinism for every test: a fixed zone, locale and clock, and no user config leaking in."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

os.environ["TZ"] = "UTC"
time.tzset()
os.environ["LANG"] = os.environ["LC_ALL"] = "C.UTF-8"
os.environ["TEXTUAL_ANIMATIONS"] = "none"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_5a5605533da69eb8.txt"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's config, data and clock out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("BRIEFING_DATA", str(home / "data"))
    monkeypatch.setenv("BRIEFING_TZ", "America/New_York")
    monkeypatch.setenv("BRIEFING_NOW", "2021-12-31T06:00:00Z")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))


@pytest.fixture
def seed_text() -> str:
    """The real seed article's body, as loaded (front matter and furniture trimmed)."""
    from briefing.sources import load

    return load(str(SEED_ARTICLE))[0].text


def section(text: str, number: int) -> str:
    """One numbered section of a brief, line breaks folded so wrapped phrases still match."""
    start = text.index(f"\n{number}. ")
    end = text.find(f"\n{number + 1}. ", start + 1)
    return " ".join(text[start:end if end > 0 else None].split())


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """The throwaway PostgreSQL server (tests/pgcluster.py), started on first use."""
    from tests.pgcluster import Cluster

    cluster = Cluster()
    yield cluster
    cluster.close()


@pytest.fixture
def pg_url(pg_cluster) -> str:  # type: ignore[no-untyped-def]
    """A fresh database on the test server, for this test alone."""
    return pg_cluster.database()
