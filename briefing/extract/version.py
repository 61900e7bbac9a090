"""Which extractor made an analysis: a digest of the files the extractor is made of.

A module of its own, with nothing but the standard library, so that checking the analysis
cache (`briefing.store`) costs no import of the extractors and their gazetteers.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


@cache
def extractor_version() -> str:
    """A digest of every file the extractor is made of, so any change re-analyses cached text.

    That is `extract/`, the shared `core/` it reads text and zones with, the places and
    their tables in `geo/`, and the data model its answers are made of.

    Every file under the package counts, whatever its suffix: a data table (the gzipped
    cities list, an alias TSV) changes the answers as surely as code does, and a list of
    suffixes silently misses the next format someone adds.  Byte-code caches and dot-files
    (editor swap files) are skipped: they are not the extractor, and would make the version
    depend on which interpreter ran first.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for root in (package / "extract", package / "core", package / "geo", package / "model.py"):
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            relative = path.relative_to(package)
            if not path.is_file() or _not_extractor(relative):
                continue
            digest.update(relative.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _not_extractor(relative: Path) -> bool:
    return (any(part == "__pycache__" or part.startswith(".") for part in relative.parts)
            or relative.suffix in {".pyc", ".pyo"})
