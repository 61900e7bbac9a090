"""What the floor did between two briefs: the store's side of `briefing handover`.

Every exported brief is recorded (when, by whom, what was flagged then), so the next shift's
handover starts where the last brief left off without anyone noting the time.  The changes
come from the rows v4 keeps anyway (articles' `added`, the flag and note history), so a
handover needs no bookkeeping of its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.model import iso_utc, parse_iso
from briefing.store.base import StoreBase


@dataclass(frozen=True, slots=True)
class BriefRecord:
    """One exported brief: when it was made, by whom, and the flags it was made on."""

    made: datetime
    officer: str
    path: str | None
    flagged: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """A flag change or a note on an article, with its author and time."""

    article_id: str
    title: str
    officer: str
    at: datetime | None
    text: str  # the note, or "flagged" / "unflagged"


class Briefs(StoreBase):
    def record_brief(self, path: str | None, flagged: Sequence[str]) -> None:
        """Remember that a brief was made now (raises `StoreError` if it cannot be)."""
        with self._write() as conn:
            conn.execute("INSERT INTO briefs (officer, made, path, flagged) VALUES (?, ?, ?, ?)",
                         (self.officer, self._now(), path, json.dumps(list(flagged))))

    def last_brief(self, before: datetime | None = None) -> BriefRecord | None:
        """The latest brief (made before `before`, if given)."""
        where, args = ("WHERE made < ?", (iso_utc(before),)) if before else ("", ())
        with self._lock:
            row = self._conn.execute(
                f"SELECT made, officer, path, flagged FROM briefs {where}"
                " ORDER BY made DESC, serial DESC LIMIT 1", args).fetchone()
        if not row:
            return None
        return BriefRecord(parse_iso(row[0]) or datetime.min, row[1], row[2],
                           tuple(json.loads(row[3])))

    def changes_since(self, since: datetime | None) -> tuple[list[Change], list[Change]]:
        """(flag changes, notes) made from `since` on, oldest first; None: all of them."""
        cut = iso_utc(since) or ""
        with self._lock:
            flags = self._conn.execute(
                "SELECT a.id, a.title, f.officer, f.at, f.flagged FROM flags f"
                " JOIN articles a ON a.key = f.key WHERE f.at >= ? ORDER BY f.serial",
                (cut,)).fetchall()
            notes = self._conn.execute(
                "SELECT a.id, a.title, n.officer, n.at, n.text FROM notes n"
                " JOIN articles a ON a.key = n.key WHERE n.at >= ? AND n.text != ''"
                " ORDER BY n.serial", (cut,)).fetchall()
        return ([Change(r[0], r[1], r[2], parse_iso(r[3]), "flagged" if r[4] else "unflagged")
                 for r in flags],
                [Change(r[0], r[1], r[2], parse_iso(r[3]), r[4]) for r in notes])

    def titles(self) -> dict[str, str]:
        """Every article's title by id (the handover names the watch items)."""
        with self._lock:
            return dict(self._conn.execute("SELECT id, title FROM articles").fetchall())
