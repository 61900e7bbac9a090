"""Where an article is: its dateline, and the zones and countries of places it names.

Every name is looked up in the extractor's one gazetteer (briefing/extract/gazetteer.py and
its data tables), so that any dateline or "<City> time" resolves by the same general rule as
the WHERE pane, and a short form added to place_aliases.tsv serves both.
"""

from __future__ import annotations

import re

from briefing.extract import gazetteer

# "GENEVA —", "MUMBAI, India —", "WASHINGTON (AP) —", "KYIV, Ukraine, Jan. 3 (Reuters) -"
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z .'-]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .]{1,40}?))?"
    r"(?:,\s*[A-Z][a-z]{2}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--|-)\s")
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
        name = match.group("city").strip().title()
        region = (match.group("region") or "").strip()
        city = gazetteer.city(name)
        code = gazetteer.country_code(region) if region else None
        if city is not None:
            return (name, city.zone, code or city.country)
        if code is not None:
            return (name, None, code)
        first = first or (name, None, None)  # "BREAKING —": keep looking for the place
    return first


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
