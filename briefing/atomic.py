"""Writing a file so that a crash, a full disk or a power cut never leaves half of it.

Every file the program writes for the officer (briefs, the dashboard's remembered theme)
goes the same way: a temporary file in the target folder (same filesystem, so the final
step is a link or rename, never a copy), written and fsynced, then put in place, then the
folder fsynced so the new name itself survives a power cut.  On any error the temporary
file is removed and whatever was at the target before is untouched.

The temporary file keeps `mkstemp`'s 0600: briefs and state are the officer's own, and
widening the mode would need the process umask, which can only be read by changing it (a
race with the app's worker threads).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Make a new or renamed entry in `folder` durable.

    Best effort: some platforms and filesystems (Windows, some network shares) cannot open
    or fsync a folder; the file itself is already complete by then, so that is not an error.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def finished_temporary(text: str, target: Path) -> Iterator[Path]:
    """A hidden temporary file beside `target` holding `text`, already on disk.

    The caller puts it in place (link or rename) inside the `with`; whatever is left of it
    afterwards is removed, so an error never leaves a stray `.tmp` file behind.
    """
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                    suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        yield temporary
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def replace_file(text: str, target: Path) -> None:
    """Write `text` at `target`, replacing it atomically: readers see the old or the new."""
    with finished_temporary(text, target) as temporary:
        os.replace(temporary, target)
    fsync_folder(target.parent)
