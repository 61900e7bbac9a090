"""Word lists kept as data: one text file per list, read once.

Each list lives in one file under a `data/words/` folder (the shared ones in core's, the
extractor's in extract's): entries separated by spaces or line breaks, a `#` starting a
comment that says what a group of entries is for.  The code keeps the logic; a reviewer
adding "spokesperson" or a new outlet touches a data file, not a rule.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CORE_WORDS = Path(__file__).resolve().parent / "data" / "words"


@cache
def word_list(folder: Path, name: str) -> tuple[str, ...]:
    """The entries of `folder/name.txt`, in file order, comments left out."""
    out: list[str] = []
    for line in (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        out.extend(line.split("#", 1)[0].split())
    return tuple(out)


def word_set(folder: Path, name: str) -> frozenset[str]:
    """The entries of `folder/name.txt` as a set, for membership tests."""
    return frozenset(word_list(folder, name))
