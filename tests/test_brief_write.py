"""Nothing lost: atomic writes, no silent overwrite, and no escapes from article text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.brief.text import WIDTH, clean, printable, wrap
from briefing.brief.write import write_brief
from tests.privileges import without_root_override


def test_default_file_name_carries_the_dtg(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from briefing.brief import brief_filename

    name = brief_filename(datetime(2021, 12, 31, 6, 0, tzinfo=UTC))
    assert name == "brief-310600Z-DEC-21.txt"
    first = write_brief("a\n", tmp_path / name)
    second = write_brief("b\n", tmp_path / name)
    assert (first.name, second.name) == (name, "brief-310600Z-DEC-21-2.txt")


def test_writes_the_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    written = write_brief("MORNING BRIEF\n", tmp_path / "brief.txt")
    assert written == tmp_path / "brief.txt"
    assert written.read_text(encoding="utf-8") == "MORNING BRIEF\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_an_existing_brief_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("yesterday's brief\n", encoding="utf-8")
    second = write_brief("today\n", target)
    third = write_brief("re-issue\n", target)
    assert target.read_text(encoding="utf-8") == "yesterday's brief\n"
    assert (second.name, third.name) == ("brief-2.txt", "brief-3.txt")
    assert second.read_text(encoding="utf-8") == "today\n"
    assert third.read_text(encoding="utf-8") == "re-issue\n"


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("kept\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_brief("new text\n", tmp_path / "brief.txt")
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_a_missing_folder_is_an_error_not_a_guess(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_brief("x\n", tmp_path / "no-such-folder" / "brief.txt")
    assert not (tmp_path / "no-such-folder").exists()


def test_a_file_in_place_of_the_folder_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "briefs"
    blocker.write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(OSError):
        write_brief("x\n", blocker / "brief.txt")
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_an_unwritable_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    code = ("import sys; from briefing.brief.write import write_brief\n"
            "try:\n    write_brief('x\\n', sys.argv[1])\n"
            "except PermissionError as exc:\n    print('refused:', exc)\n")
    try:
        result = subprocess.run([*without_root_override(), sys.executable, "-c", code,
                                 str(folder / "brief.txt")],
                                capture_output=True, text=True, timeout=60, check=False)
    finally:
        folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused:")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("hostile", [
    "Title\x1b[31m red\x1b[0m",            # colour codes
    "Title\x1b]0;pwned\x07",               # OSC: set the terminal's window title
    "Title\x1b]8;;http://x\x1b\\link",     # OSC 8 hyperlink with ST
    "Title\x9b2J",                         # 8-bit CSI: clear screen
    "Title\u202egnp.exe",                  # right-to-left override
    "Title\x00\x07\x08",                   # NUL, bell, backspace
    "Title\x1bP+q pwned\x1b\\",            # DCS: a terminal query, payload and all
    "Title\x1b_pwned\x1b\\",               # APC
    "Title\u2067gnp.exe\u2069",            # right-to-left isolate
])
def test_clean_removes_escapes_and_controls(hostile: str) -> None:
    cleaned = clean(hostile)
    assert cleaned.startswith("Title")
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert "\u202e" not in cleaned and "\u2067" not in cleaned
    assert "[31m" not in cleaned and "pwned" not in cleaned and "2J" not in cleaned


def test_printable_keeps_indentation_and_drops_trailing_space() -> None:
    assert printable("    Who:   Jen Psaki\x1b[1m   ") == "    Who:   Jen Psaki"


def test_wrap_keeps_every_line_within_72_columns() -> None:
    long_url = "https://example.invalid/" + "a" * 150
    text = "The call began at 3:35 p.m. EST and lasted for about 50 minutes. " * 4 + long_url
    lines = wrap(text, indent="    Said:  ", hang="           ")
    assert all(len(line) <= WIDTH for line in lines)
    assert "".join(line.strip() for line in lines).endswith("a" * 20)
    # "de-escalate" is not split at its hyphen
    assert any("de-escalate" in line for line in wrap("urged Russia to de-escalate " * 8))


def test_a_brief_is_not_made_readable_by_everyone(tmp_path: Path) -> None:
    written = write_brief("MORNING BRIEF\n", tmp_path / "brief.txt")
    assert written.stat().st_mode & 0o077 == 0


def test_the_folder_is_synced_after_the_brief_is_linked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stat

    synced: list[bool] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    write_brief("MORNING BRIEF\n", tmp_path / "brief.txt")
    assert synced == [False, True]  # the file's bytes, then the folder's new name


def test_the_remembered_theme_is_written_atomically(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.ui.state import UiState

    path = tmp_path / "ui-state.json"
    UiState(path).save_theme("dark", "briefing")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    UiState(path).save_theme("light", "briefing")
    assert len(synced) == 2 and UiState(path).theme("briefing") == "light"

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        UiState(path).save_theme("dark", "briefing")
    assert UiState(path).theme("briefing") == "light"  # the old choice is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ui-state.json"]  # no .tmp left
