"""Triage marks: read, flagged for the brief, and a free-text note, per article.

Marks hang on the article's row, not its id, so a story revised at the same link keeps
them.  Reads of an unknown id answer "no marks"; writes to one raise `UnknownArticle`
unless given the `Article`, which is then added.
"""

from __future__ import annotations

from typing import Literal

from briefing.store.base import ArticleRef, StoreBase, UnknownArticle
from briefing.store.records import Triage

TRIAGE_BUSY_MS = 250
"""Marks are set as the officer works (f, n, enter, an article left on screen): when
`briefing refresh` holds the write lock, the mark fails fast with a `StoreError` the screen
reports, instead of freezing it."""


class TriageMarks(StoreBase):
    def triage(self, ref: ArticleRef) -> Triage:
        """The marks on an article; an id the store has never seen has none."""
        try:
            return self._triage_at(self._key(ref))
        except UnknownArticle:
            return Triage(str(ref))

    def _triage_at(self, key: int) -> Triage:
        with self._lock:
            row = self._conn.execute(
                "SELECT a.id, coalesce(t.read, 0), coalesce(t.flagged, 0), coalesce(t.note, '')"
                " FROM articles a LEFT JOIN triage t ON t.key = a.key WHERE a.key = ?",
                (key,)).fetchone()
        return Triage(row[0], bool(row[1]), bool(row[2]), row[3])

    def _set(self, ref: ArticleRef, column: Literal["read", "flagged", "note"],
             value: int | str) -> Triage:
        key = self._key(ref)
        with self._write(busy_ms=TRIAGE_BUSY_MS) as conn:
            conn.execute("INSERT OR IGNORE INTO triage (key, updated) VALUES (?, ?)",
                         (key, self._now()))
            if column == "flagged":  # flags keep the order they were set in, for the brief
                conn.execute("UPDATE triage SET flag_order = CASE WHEN ? THEN"
                             " (SELECT coalesce(max(flag_order), 0) + 1 FROM triage) END"
                             " WHERE key = ? AND flagged != ?", (value, key, value))
            conn.execute(f"UPDATE triage SET {column} = ?, updated = ? WHERE key = ?",
                         (value, self._now(), key))
        return self._triage_at(key)

    def mark_read(self, ref: ArticleRef, read: bool = True) -> Triage:
        return self._set(ref, "read", int(read))

    def set_flag(self, ref: ArticleRef, flagged: bool = True) -> Triage:
        return self._set(ref, "flagged", int(flagged))

    def set_note(self, ref: ArticleRef, note: str) -> Triage:
        """Replace the note; an empty or blank note removes it."""
        return self._set(ref, "note", note if note.strip() else "")

    def flagged(self) -> list[str]:
        """Ids flagged for the brief, in the order they were flagged."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT a.id FROM triage t JOIN articles a ON a.key = t.key"
                " WHERE t.flagged ORDER BY t.flag_order").fetchall()
        return [row[0] for row in rows]
