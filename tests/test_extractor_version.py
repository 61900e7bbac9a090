"""A changed extractor, code or data, must never be mistaken for the one that made a cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing
from briefing.extract.version import extractor_version

_PACKAGE = Path(briefing.__file__).resolve().parent
# the extractor's own data, the places tables and the shared word lists it reads
_DATA_FILES = sorted(p.relative_to(_PACKAGE).as_posix()
                     for folder in ("extract/data", "geo/data", "core/data")
                     for p in (_PACKAGE / folder).rglob("*") if p.is_file())


def _version_with_changed(monkeypatch: pytest.MonkeyPatch, relative: str) -> str:
    """The version as if `relative` held one more byte; the file on disk is untouched."""
    target = _PACKAGE / relative
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        data = original(self)
        return data + b"\n" if self.resolve() == target else data

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return extractor_version.__wrapped__()


def test_the_data_folders_hold_the_cities_table_and_the_word_lists() -> None:
    assert "geo/data/cities.tsv.gz" in _DATA_FILES
    assert "core/data/words/speech_verbs.txt" in _DATA_FILES


@pytest.mark.parametrize("relative", [*_DATA_FILES, "extract/pipeline.py",
                                      "extract/when/__init__.py", "core/segment.py",
                                      "geo/places.py", "model.py"])
def test_changing_any_source_or_data_file_changes_the_version(
        monkeypatch: pytest.MonkeyPatch, relative: str) -> None:
    before = extractor_version.__wrapped__()
    assert _version_with_changed(monkeypatch, relative) != before
