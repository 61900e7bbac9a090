"""Writing a brief to disk without ever losing one.

The text goes to a temporary file in the target folder, is flushed to disk, then linked into
place under a name nobody holds yet: `os.link` fails instead of replacing, so an existing
brief (or one a colleague writes at the same moment) is never overwritten; the next free
numbered name ("brief-2.txt") is used instead.  A crash leaves at worst a hidden temporary
file, never a half-written brief.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

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


def write_brief(text: str, path: str | os.PathLike[str]) -> Path:
    """Write `text` atomically at `path` or the first free numbered name; return where.

    Raises OSError (with the folder named) when the folder is missing or not writable.
    """
    target = Path(path)
    folder = target.parent
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        for candidate in candidates(target):
            if _place(temporary, candidate):
                return candidate
        raise FileExistsError(f"{target}: {MAX_NUMBERED} briefs of that name already exist")
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
