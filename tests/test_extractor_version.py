"""A changed extractor, code or data, must never be mistaken for the one that made a cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing.extract
from briefing.extract.version import extractor_version

_PACKAGE = Path(briefing.extract.__file__).resolve().parent
_DATA_FILES = sorted(p.relative_to(_PACKAGE).as_posix()
                     for p in (_PACKAGE / "data").rglob("*") if p.is_file())


def _version_with_changed(monkeypatch: pytest.MonkeyPatch, relative: str) -> str:
    """The version as if `relative` held one more byte; the file on disk is untouched."""
    target = _PACKAGE / relative
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        data = original(self)
        return data + b"\n" if self.resolve() == target else data

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return extractor_version.__wrapped__()


def test_the_data_folder_holds_the_cities_table() -> None:
    assert "data/cities.tsv.gz" in _DATA_FILES


@pytest.mark.parametrize("relative", [*_DATA_FILES, "pipeline.py", "when/__init__.py"])
def test_changing_any_source_or_data_file_changes_the_version(
        monkeypatch: pytest.MonkeyPatch, relative: str) -> None:
    before = extractor_version.__wrapped__()
    assert _version_with_changed(monkeypatch, relative) != before
