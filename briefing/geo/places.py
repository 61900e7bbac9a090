"""Where an article is: its dateline, and the zones and countries of places it names.

Every name is looked up in the one gazetteer (gazetteer.py here and its data tables), so
that any dateline or "<City> time" resolves by the same general rule as
the WHERE pane, and a short form added to place_aliases.tsv serves both.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache, lru_cache

from briefing.geo import gazetteer
from briefing.geo.cities import City, cities
from briefing.pubclock import PubClock

# "GENEVA —", "MUMBAI, India —", "WASHINGTON (AP) —", "KYIV, Ukraine, Jan. 3 (Reuters) -",
# "MOSCOW, December 30 (Reuters) -", "By Jane Roe, Seattle —".  A place in mixed case
# ("Washington (AFP) -") is a dateline only when the gazetteer knows it (checked below).
_DATELINE = re.compile(
    r"^\s*(?P<by>By\s+[A-Z][\w.'’ -]{1,60}?,\s*)?"
    r"(?P<city>[A-Z][A-Za-z .'’-]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .]{1,40}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?P<agency>\([^)]{1,30}\)\s*)?"
    r"(?:—|–|--|-)\s")
_DATELINE_LINES = 4  # a headline, a standfirst, a byline, then the report
_DATELINE_REACH = 1200
# A city this big named anywhere in the text is evidence of its country (for "IST", "CST").
_EVIDENT_CITY_POPULATION = 500_000


def city_zone(name: str) -> str | None:
    """The IANA zone of the most populous city called `name`: a dateline names no country."""
    city = gazetteer.city(name)
    return city.zone if city else None


def place_zone(name: str) -> str | None:
    """The IANA zone of "Moscow" in "10:00 Moscow time": a country's capital, else a city.

    A country comes first: "Holland time" and "Jordan time" mean the Netherlands and Jordan,
    not the small towns of those names in Michigan and Hong Kong.
    """
    code = gazetteer.country_code(name)
    capital = gazetteer.capital_of(code) if code else None
    return city_zone(capital) if capital else city_zone(name)


@lru_cache(maxsize=16)  # read at loading, by `make_context` and by WHEN for one text
def dateline(text: str) -> tuple[str, str | None, str | None] | None:
    """(place as written, IANA zone, country code) of the article's dateline, if it has one.

    The dateline opens the first paragraph of the report, which on a web page often comes
    after a standfirst or a note line: the opening lines are tried in turn.
    """
    lines = [line for line in text[:_DATELINE_REACH].split("\n") if line.strip()]
    first: tuple[str, str | None, str | None] | None = None
    for line in lines[:_DATELINE_LINES]:
        match = _DATELINE.match(line[:120])
        if not match:
            continue
        written = match.group("city").strip()
        name = written.title() if written.isupper() else written
        region = (match.group("region") or "").strip()
        if not written.isupper() and not (match.group("by") or match.group("agency") or region):
            continue  # "Jordan — the ..." opens a sentence; a mixed-case place needs a sign
        found = _dateline_place(name, region)
        if found is not None:
            return found
        if written.isupper() and not region:
            first = first or (name, None, None)  # "BREAKING —": keep looking for the place
    return first


def _dateline_place(name: str, region: str) -> tuple[str, str | None, str | None] | None:
    """(place, zone, country) for a dateline's "CITY, Region": the region picks the city
    ("PORTLAND, Maine" is not Portland, Oregon) and a state's own zone stands in for a town
    the table lacks."""
    abbreviated = gazetteer.dateline_state(region) if region else None
    region = abbreviated.name if abbreviated else region  # "PORTLAND, Ore." is Oregon's
    code = gazetteer.country_code(region) if region else None
    state = region_zone(region) if region else None
    city = gazetteer.city(name)
    if city is not None and state is not None and state[1] != city.country:
        city = None  # "SALEM, Ore.": Oregon's Salem, not the largest Salem anywhere
    if city is not None and (not region or code in (None, city.country)):
        if state and state[1] == city.country:
            return (name, state[0], city.country)  # "PORTLAND, Maine": the state's clock
        return (name, city.zone, code or city.country)
    if state is not None:
        return (name, state[0], state[1])
    if code is not None:
        return (name, country_zone(code), code)
    return None


def region_zone(name: str) -> tuple[str, str] | None:
    """(zone, country) of a state or province whose clock is one zone ("Maine", "Hebei")."""
    known = _REGION_ZONES.get(gazetteer.key(name))
    if known is not None:
        return known
    entry = gazetteer.region(name)
    if entry is None or entry.country is None:
        return None
    zone = country_zone(entry.country)
    return (zone, entry.country) if zone else None


def country_zone(code: str) -> str | None:
    """The one clock of a country, if it has one: China's, India's, France's; not Russia's.

    Read off the city table: the zone whose winter and summer offsets cover at least nine in
    ten of the country's city dwellers (Xinjiang's clock does not make China two countries).
    """
    return _country_zones().get(code)


@cache
def _country_zones() -> dict[str, str]:
    from zoneinfo import ZoneInfo

    from briefing.geo.cities import major_cities

    # People per (country, zone), then per clock: zones that keep the same winter and summer
    # offsets (New York and Indianapolis) are one clock.
    by_zone: dict[tuple[str, str], int] = {}
    for city in major_cities():
        key = (city.country, city.zone)
        by_zone[key] = by_zone.get(key, 0) + city.population
    clock_of: dict[str, tuple[object, object] | None] = {}
    for _, zone in by_zone:
        if zone not in clock_of:
            try:
                tz = ZoneInfo(zone)
                clock_of[zone] = (tz.utcoffset(_JANUARY), tz.utcoffset(_JULY))
            except (ValueError, KeyError, OSError):
                clock_of[zone] = None
    people: dict[str, dict[object, int]] = {}
    biggest: dict[tuple[str, object], tuple[int, str]] = {}
    for (country, zone), count in by_zone.items():
        clock = clock_of[zone]
        if clock is None:
            continue
        clocks = people.setdefault(country, {})
        clocks[clock] = clocks.get(clock, 0) + count
        if (country, clock) not in biggest or biggest[(country, clock)][0] < count:
            biggest[(country, clock)] = (count, zone)
    out: dict[str, str] = {}
    for code, clocks in people.items():
        commonest, count = max(clocks.items(), key=lambda item: item[1])
        if count >= 0.9 * sum(clocks.values()):
            out[code] = biggest[(code, commonest)][1]
    return out


_JANUARY, _JULY = datetime(2024, 1, 15), datetime(2024, 7, 15)
# States and provinces of the multi-zone countries news names most, by the clock most of
# their people keep; a single-zone country's regions take the country's zone.
_REGION_TABLE: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "America/New_York"): (
        "Connecticut", "Delaware", "District of Columbia", "Florida", "Georgia", "Indiana",
        "Kentucky", "Maine", "Maryland", "Massachusetts", "Michigan", "New Hampshire",
        "New Jersey", "New York", "North Carolina", "Ohio", "Pennsylvania", "Rhode Island",
        "South Carolina", "Vermont", "Virginia", "West Virginia"),
    ("US", "America/Chicago"): (
        "Alabama", "Arkansas", "Illinois", "Iowa", "Kansas", "Louisiana", "Minnesota",
        "Mississippi", "Missouri", "Nebraska", "North Dakota", "Oklahoma", "South Dakota",
        "Tennessee", "Texas", "Wisconsin"),
    ("US", "America/Denver"): ("Colorado", "Idaho", "Montana", "New Mexico", "Utah",
                               "Wyoming"),
    ("US", "America/Phoenix"): ("Arizona",),
    ("US", "America/Los_Angeles"): ("California", "Nevada", "Oregon", "Washington"),
    ("US", "America/Anchorage"): ("Alaska",),
    ("US", "Pacific/Honolulu"): ("Hawaii",),
    ("CA", "America/Toronto"): ("Ontario", "Quebec"),
    ("CA", "America/Winnipeg"): ("Manitoba",),
    ("CA", "America/Edmonton"): ("Alberta",),
    ("CA", "America/Vancouver"): ("British Columbia",),
    ("CA", "America/Halifax"): ("Nova Scotia", "New Brunswick"),
    ("CA", "America/Regina"): ("Saskatchewan",),
    ("AU", "Australia/Sydney"): ("New South Wales", "Victoria", "Tasmania",
                                 "Australian Capital Territory"),
    ("AU", "Australia/Brisbane"): ("Queensland",),
    ("AU", "Australia/Adelaide"): ("South Australia",),
    ("AU", "Australia/Darwin"): ("Northern Territory",),
    ("AU", "Australia/Perth"): ("Western Australia",),
}
_REGION_ZONES = {gazetteer.key(name): (zone, country)
                 for (country, zone), names in _REGION_TABLE.items() for name in names}


# "in Hebei", "at an airport in Ohio", "near Lyon", "the village of X", "X province": where
# a sentence puts its event.  Not "from X" (where someone came from is not where it happens).
_PLACE_CUE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|of)\s+"
    r"(?:the\s+(?:city|town|village|port|province|state|region|county|district)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’.-]+(?:[ -](?:[A-Z][\w'’.-]+|de|del|la|al|el)){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w'’.]+(?:\s[A-Z][\w'’.]+)?))?"
    r"(?P<unit>\s+(?:province|state|region|prefecture|county|oblast|governorate)\b)?")

@cache
def _zone_countries() -> dict[str, str]:
    """IANA zone -> the country of its biggest city, for "which country is this source in"."""
    from briefing.geo.cities import major_cities

    out: dict[str, tuple[int, str]] = {}
    for city in major_cities():
        if city.zone not in out or out[city.zone][0] < city.population:
            out[city.zone] = (city.population, city.country)
    return {zone: country for zone, (_, country) in out.items()}


def zone_country(zone: str | None) -> str | None:
    return _zone_countries().get(zone) if zone else None


def _name_zone(name: str, region: str | None, unit: bool, hint: str | None) -> str | None:
    """The zone of a place as a sentence names it, trying "Sterling Heights, Michigan"'s
    region first, then shorter and shorter leading words ("Hebei province" -> "Hebei")."""
    if region:
        state = region_zone(region)
        if state and (hint is None or state[1] == hint or not gazetteer.country_code(region)):
            return state[0]
        code = gazetteer.country_code(region)
        if code:
            return _in_country(name, code)
    words = name.split()
    for size in range(len(words), 0, -1):
        zone = _single_name_zone(" ".join(words[:size]), unit, hint)
        if zone:
            return zone
    return None


def _in_country(name: str, code: str) -> str | None:
    city = town_in(name, code)
    return city.zone if city is not None else country_zone(code)


def town_in(name: str, code: str) -> City | None:
    """The most populous town called `name` in country `code` ("Plymouth" in "US"): the
    namesake the time finder's zones and WHERE's places both choose."""
    return _cities_by_country().get((name.lower(), code))


@cache
def _cities_by_country() -> dict[tuple[str, str], City]:
    """(name, country) -> the most populous town of that name there (5,000+ people)."""
    out: dict[tuple[str, str], City] = {}
    for city in cities():
        key = (city.name.lower(), city.country)
        if key not in out or out[key].population < city.population:
            out[key] = city
    return out


def _single_name_zone(name: str, unit: bool, hint: str | None) -> str | None:
    """The zone of one place name; `unit` when the text said "province", "state", ..."""
    if len(name) < 3 or gazetteer.key(name) in _NOT_PLACES:
        return None
    code = gazetteer.country_code(name)
    state = _REGION_ZONES.get(gazetteer.key(name))
    if state and (code is None or hint == state[1]):  # "Georgia" in a US story: the state
        return state[0]
    if code:
        return country_zone(code)
    if unit:
        found = region_zone(name)  # "Hebei province", "Gujarat state"
        if found:
            return found[0]
    if hint:
        home = town_in(name, hint)
        if home is not None:  # "Manchester" in a US story is the one in New Hampshire
            return home.zone
    city = gazetteer.city(name)
    if city is None or city.population < _EVIDENT_TOWN_POPULATION:
        return None
    return city.zone


_EVIDENT_TOWN_POPULATION = 15_000
# Words a cue can precede that name no place to take a clock from.
_NOT_PLACES = frozenset({"the", "this", "that", "noon", "midnight", "time", "least", "most"})


def places_in(text: str, start: int, end: int, hint: str | None
              ) -> list[tuple[int, str, str]]:
    """(offset, zone, place) of every place in text[start:end] that a cue names and whose
    clock is known ("in Hebei province", "at an airport in Ohio"), in text order.

    `hint` is the country the article is from (its dateline's or its source's): "Georgia"
    and "Manchester" in a US story are the US ones.
    """
    found = []
    for match in _PLACE_CUE.finditer(text, start, end):
        zone = _name_zone(match.group("name"), match.group("region"),
                          bool(match.group("unit")), hint)
        if zone:
            found.append((match.start("name"), zone, match.group("name")))
    return found


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


def countries_named(text: str) -> set[str]:
    """Country codes of the countries and cities the text names (for ambiguous zones)."""
    codes: set[str] = set()
    for match in _CAPITALISED.finditer(text):
        word = match.group(0)
        code = gazetteer.country_code(word)
        if code:
            codes.add(code)
            continue
        city = gazetteer.city(word)
        if city and city.population >= _EVIDENT_CITY_POPULATION:
            codes.add(city.country)
    return codes


def with_dateline_zone(clock: PubClock, text: str) -> PubClock:
    """The clock read in the zone of the article's dateline, where it has no zone of its own.

    "TOKYO —" with a wall time and no zone is Tokyo's wall time; with "+09:00" it is the
    Asia/Tokyo clock (and its summer time); an offset the dateline's zone does not have at
    that instant (a wire desk elsewhere) keeps the zone unknown.
    """
    if clock.zone:
        return clock
    found = dateline(text)
    return clock.with_zone(found[1], "dateline", inferred=True) if found and found[1] else clock
