"""Writing a brief to disk without ever losing one.

The text goes to a finished temporary file in the target folder (`briefing.atomic`), then is
linked into place under a name nobody holds yet: `os.link` fails instead of replacing, so an
existing brief (or one a colleague writes at the same moment) is never overwritten; the next
free numbered name ("brief-2.txt") is used instead.  A crash leaves at worst a hidden
temporary file, never a half-written brief.  The brief keeps the temporary file's 0600 mode
(see `briefing.atomic`): it is the officer's to hand over, not the machine's to publish.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing.atomic import finished_temporary, fsync_folder

MAX_NUMBERED = 999


def candidates(path: Path) -> list[Path]:
    """`brief.txt`, then `brief-2.txt`, `brief-3.txt` ..."""
    names = [path]
    names += [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, MAX_NUMBERED)]
    return names


def _place(temporary: Path, target: Path) -> bool:
    """Put the finished file at `target` unless a file is already there."""
    try:
        os.link(temporary, target)
        return True
    except FileExistsError:
        return False
    except OSError:
        # Some filesystems (FAT, some network shares) have no hard links: check, then rename.
        if target.exists():
            return False
        os.replace(temporary, target)
        return True


DEFAULT_NAME = "brief.txt"
"""The name a brief takes inside a folder given as `--out DIR`."""


def write_brief(text: str, path: str | os.PathLike[str]) -> Path:
    """Write `text` atomically at `path` or the first free numbered name; return where.

    An existing folder at `path` means "in that folder" (`DIR/brief.txt`), never a sibling
    `DIR-2`.  An existing device (`/dev/null`, a terminal) is written into as it is, since
    that is what naming it means; a FIFO or socket is refused, never opened (opening a FIFO
    blocks until a reader comes).  Numbered names are for regular files only: a device is
    not "a brief of that name already there", so `/dev/null-2` is never made.

    Raises OSError (with the folder named) when the folder is missing or not writable.
    """
    target = Path(path)
    kind = _existing_kind(target)
    if kind == "folder":
        target = target / DEFAULT_NAME
    elif kind == "device":
        with target.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return target
    elif kind == "other":
        raise OSError(f"{target} is not a regular file or a folder (a FIFO or socket?); "
                      "the brief was not written there")
    with finished_temporary(text, target) as temporary:
        for candidate in candidates(target):
            if _place(temporary, candidate):
                fsync_folder(target.parent)  # the new name survives a power cut too
                return candidate
    raise FileExistsError(f"{target}: {MAX_NUMBERED} briefs of that name already exist")


def _existing_kind(target: Path) -> str | None:
    """What already stands at `target`: "file", "folder", "device", "other", or None."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode):
        return "device"
    return "other"
