"""Triage marks: read, flagged for the brief, and notes, per article and per officer.

Marks hang on the article's row, not its id, so a story revised at the same link keeps
them.  Reads of an unknown id answer "no marks"; writes to one raise `UnknownArticle`
unless given the `Article`, which is then added.

On a floor several officers mark the same articles at once, so nothing is updated in place:
a read mark is a row of its own officer's, a flag change and a note are rows appended with
their author and time (the latest flag change decides; each author's latest note is theirs),
and two officers writing at the same instant both land.  A write may carry a `uid` made
when the officer asked: sent again after a lost connection, it lands once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from briefing.model import parse_iso
from briefing.store.base import ArticleRef, StoreBase, UnknownArticle
from briefing.store.records import Note, Triage

TRIAGE_BUSY_MS = 250
"""Marks are set as the officer works (f, n, enter, an article left on screen): when
`briefing refresh` holds the write lock, the mark fails fast with a `StoreError` the screen
reports, instead of freezing it."""

_LATEST_FLAG = ("SELECT f.key, f.flagged, f.officer FROM flags f WHERE f.serial ="
                " (SELECT max(g.serial) FROM flags g WHERE g.key = f.key)")
_CURRENT_NOTES = ("SELECT n.key, n.officer, n.text, n.at FROM notes n WHERE n.serial ="
                  " (SELECT max(m.serial) FROM notes m WHERE m.key = n.key"
                  " AND m.officer = n.officer) AND n.text != ''")


def new_uid() -> str:
    """An id for one change, made when the officer asks for it."""
    return uuid.uuid4().hex


class TriageMarks(StoreBase):
    def triage(self, ref: ArticleRef) -> Triage:
        """The marks on an article; an id the store has never seen has none."""
        try:
            return self._triage_at(self._key(ref))
        except UnknownArticle:
            return Triage(str(ref))

    def _triage_at(self, key: int) -> Triage:
        with self._lock:
            row = self._conn.execute("SELECT id FROM articles WHERE key = ?",
                                     (key,)).fetchone()
            read = self._conn.execute(
                "SELECT 1 FROM reads WHERE key = ? AND officer IN (?, '')",
                (key, self.officer)).fetchone()
            flag = self._conn.execute(f"{_LATEST_FLAG} AND f.key = ?", (key,)).fetchone()
            notes = self._conn.execute(f"{_CURRENT_NOTES} AND n.key = ? ORDER BY n.serial",
                                       (key,)).fetchall()
        return self._marks(row[0], bool(read), flag, notes)

    def _marks(self, article_id: str, read: bool, flag: tuple[int, int, str] | None,
               notes: Iterable[tuple[int, str, str, str]]) -> Triage:
        held = tuple(Note(officer, text, parse_iso(at)) for _, officer, text, at in notes)
        flagged = bool(flag and flag[1])
        own = {n.officer: n.text for n in held if n.officer in (self.officer, "")}
        return Triage(article_id, read, flagged, own.get(self.officer, own.get("", "")),
                      flag[2] if flag and flagged else None, held)

    def all_marks(self) -> dict[int, Triage]:
        """Every article's marks by row, in four queries (the list paints from these)."""
        with self._lock:
            ids = dict(self._conn.execute("SELECT key, id FROM articles").fetchall())
            reads = {k for (k,) in self._conn.execute(
                "SELECT key FROM reads WHERE officer IN (?, '')", (self.officer,)).fetchall()}
            flags = {r[0]: r for r in self._conn.execute(_LATEST_FLAG).fetchall()}
            notes: dict[int, list[tuple[int, str, str, str]]] = {}
            for note in self._conn.execute(f"{_CURRENT_NOTES} ORDER BY n.serial").fetchall():
                notes.setdefault(note[0], []).append(note)
        return {key: self._marks(article_id, key in reads, flags.get(key), notes.get(key, ()))
                for key, article_id in ids.items()}

    def mark_read(self, ref: ArticleRef, read: bool = True) -> Triage:
        """This officer has read the article (others' read marks are their own)."""
        key = self._key(ref)
        with self._write(busy_ms=TRIAGE_BUSY_MS) as conn:
            if read:
                conn.execute("INSERT INTO reads (key, officer, at) VALUES (?, ?, ?)"
                             " ON CONFLICT (key, officer) DO NOTHING",
                             (key, self.officer, self._now()))
            else:
                conn.execute("DELETE FROM reads WHERE key = ? AND officer IN (?, '')",
                             (key, self.officer))
        return self._triage_at(key)

    def set_flag(self, ref: ArticleRef, flagged: bool = True, *,
                 uid: str | None = None) -> Triage:
        """Flag for the floor's brief (or unflag); the change is kept with its author.

        Setting what is already set adds nothing, so the flags keep the order they were set
        in, which the brief follows.
        """
        key = self._key(ref)
        with self._write(busy_ms=TRIAGE_BUSY_MS) as conn:
            now = conn.execute(f"{_LATEST_FLAG} AND f.key = ?", (key,)).fetchone()
            if bool(now and now[1]) != flagged:
                conn.execute("INSERT INTO flags (uid, key, officer, flagged, at)"
                             " VALUES (?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
                             (uid or new_uid(), key, self.officer, int(flagged), self._now()))
                self._announce(conn, "flag", [self._id_at(key)])
        return self._triage_at(key)

    def set_note(self, ref: ArticleRef, note: str, *, uid: str | None = None) -> Triage:
        """This officer's note, replacing only their own; blank withdraws it.  Every
        version stays in the store, and other officers' notes are never touched."""
        key = self._key(ref)
        text = note.strip()
        with self._write(busy_ms=TRIAGE_BUSY_MS) as conn:
            mine = conn.execute(
                "SELECT text FROM notes WHERE key = ? AND officer = ? ORDER BY serial DESC"
                " LIMIT 1", (key, self.officer)).fetchone()
            legacy = not mine and self._legacy_note(key)
            if (mine[0] if mine else legacy or "") != text:
                uid = uid or new_uid()
                conn.execute("INSERT INTO notes (uid, key, officer, text, at)"
                             " VALUES (?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
                             (uid, key, self.officer, text, self._now()))
                if legacy:  # the first officer to edit a pre-floor note takes it over
                    conn.execute("INSERT INTO notes (uid, key, officer, text, at)"
                                 " VALUES (?, ?, '', '', ?) ON CONFLICT (uid) DO NOTHING",
                                 (f"{uid}-adopt", key, self._now()))
                self._announce(conn, "note", [self._id_at(key)])
        return self._triage_at(key)

    def _legacy_note(self, key: int) -> str:
        """The note a single desk left before v4 (officer ''), if still standing."""
        row = self._conn.execute("SELECT text FROM notes WHERE key = ? AND officer = ''"
                                 " ORDER BY serial DESC LIMIT 1", (key,)).fetchone()
        return str(row[0]) if row else ""

    def _id_at(self, key: int) -> str:
        row = self._conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
        return str(row[0])

    def flagged(self) -> list[str]:
        """Ids flagged for the brief, in the order they were flagged."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT a.id FROM ({_LATEST_FLAG}) f JOIN articles a ON a.key = f.key"
                " WHERE f.flagged != 0 ORDER BY (SELECT max(serial) FROM flags g"
                " WHERE g.key = f.key)").fetchall()
        return [row[0] for row in rows]

    def flag_history(self, ref: ArticleRef) -> list[tuple[str, bool, str]]:
        """Every flag change on an article, oldest first: (officer, flagged, at ISO)."""
        try:
            key = self._key(ref)
        except UnknownArticle:
            return []
        with self._lock:
            rows = self._conn.execute("SELECT officer, flagged, at FROM flags WHERE key = ?"
                                      " ORDER BY serial", (key,)).fetchall()
        return [(officer, bool(flagged), at) for officer, flagged, at in rows]
