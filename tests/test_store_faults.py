"""Faults: a killed writer, a damaged or foreign file, a read-only folder, an old schema."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.clock import fixed_clock
from briefing.sources.build import build_article
from briefing.store import (
    SCHEMA_VERSION,
    Store,
    StoreTooNew,
    open_store,
)
from briefing.store.schema import MIGRATIONS
from tests.privileges import without_root_override

CLOCK = fixed_clock(datetime(2021, 12, 31, 6, 0, tzinfo=UTC))
STAMP = "20211231T060000Z"


def _article(n: int):  # type: ignore[no-untyped-def]
    return build_article(body=f"Article number {n}. Officials met in Vienna.", source=f"s{n}",
                         title=f"Title {n}")


def _seeded(path: Path) -> str:
    with Store.open(path, clock=CLOCK) as store:
        article = _article(1)
        store.set_flag(article)
        return article.id


def _aside(path: Path, kind: str) -> Path:
    moved = path.with_name(f"{path.name}.{kind}-{STAMP}")
    assert moved.exists(), sorted(p.name for p in path.parent.iterdir())
    return moved


def test_a_foreign_file_is_moved_aside_and_a_new_store_started(tmp_path: Path) -> None:
    path = tmp_path / "briefing.sqlite3"
    path.write_text("my shopping list\n")
    with Store.open(path, clock=CLOCK) as store:
        assert store.count() == 0
        (problem,) = store.problems
    moved = _aside(path, "foreign")
    assert moved.read_text() == "my shopping list\n"  # never deleted or altered
    assert "not a briefing store" in problem and str(moved) in problem


def test_another_programs_database_is_not_written_into(tmp_path: Path) -> None:
    path = tmp_path / "briefing.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (n INTEGER)")
    other.execute("INSERT INTO invoices VALUES (42)")
    other.commit()
    other.close()
    with Store.open(path, clock=CLOCK) as store:
        assert "another program" in store.problems[0]
    moved = _aside(path, "foreign")
    assert sqlite3.connect(moved).execute("SELECT n FROM invoices").fetchall() == [(42,)]


def test_a_damaged_store_is_moved_aside_with_a_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "briefing.sqlite3"
    with Store.open(path, clock=CLOCK) as store:
        store.add_many(_article(n) for n in range(300))
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\xde\xad\xbe\xef" * 2048  # scribble over pages 2-3
    path.write_bytes(bytes(data))
    with Store.open(path, clock=CLOCK) as store:
        assert store.count() == 0 and "damaged" in store.problems[0]
        store.add(_article(1))  # the new store works
    assert _aside(path, "corrupt").read_bytes() == bytes(data)


def test_a_second_fault_in_the_same_second_does_not_overwrite_the_first(tmp_path: Path) -> None:
    path = tmp_path / "briefing.sqlite3"
    for text in ("first", "second"):
        path.write_text(text)  # over the store the previous round started
        Store.open(path, clock=CLOCK).close()
    names = sorted(p.name for p in tmp_path.glob("briefing.sqlite3.foreign-*"))
    assert names == [f"briefing.sqlite3.foreign-{STAMP}", f"briefing.sqlite3.foreign-{STAMP}-1"]


def test_a_store_from_a_newer_briefing_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "briefing.sqlite3"
    _seeded(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreTooNew, match="newer briefing"):
        Store.open(path, clock=CLOCK)
    assert path.exists() and not list(tmp_path.glob("*.corrupt-*"))
    fallback = open_store(path, clock=CLOCK)
    assert not fallback.persistent and "newer briefing" in fallback.problems[0]


def test_migrations_run_forward_once_and_keep_the_data(tmp_path: Path) -> None:
    path = tmp_path / "briefing.sqlite3"
    article_id = _seeded(path)
    calls: list[int] = []

    def add_column(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("ALTER TABLE flags ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")

    newer = (*MIGRATIONS, add_column)
    for _ in range(2):
        with Store.open(path, clock=CLOCK, migrations=newer) as store:
            assert store.triage(article_id).flagged
    assert calls == [1]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert conn.execute("SELECT priority FROM flags").fetchall() == [(0,)]


def test_a_read_only_folder_is_a_clear_error_and_the_app_carries_on(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    code = textwrap.dedent(f"""
        from pathlib import Path
        from briefing.store import Store, StoreUnavailable, open_store
        path = Path({str(folder / 'briefing.sqlite3')!r})
        try:
            Store.open(path)
        except StoreUnavailable as exc:
            print("unavailable:", exc)
        store = open_store(path)
        store.add_many([])
        print("fallback persistent:", store.persistent)
        print("problem:", store.problems[0])
    """)
    try:
        result = subprocess.run([*without_root_override(), sys.executable, "-c", code],
                                capture_output=True, text=True, timeout=60, check=False)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"unavailable: {folder}") and "cannot" in lines[0]
    assert lines[1] == "fallback persistent: False"
    assert "continuing without saving" in lines[2]
    assert not list(folder.iterdir())


_WRITER = """
import sys
from pathlib import Path
from briefing.sources.build import build_article
from briefing.store import Store
store = Store.open(Path(sys.argv[1]))
batch = [build_article(body=f"Bulk article {n}. " * 40, source=f"b{n}", title=f"Bulk {n}")
         for n in range(60000)]
print("writing", flush=True)
store.add_many(batch)
print("done", flush=True)
"""


@pytest.mark.parametrize("delay", [0.05, 0.3])
def test_a_writer_killed_mid_transaction_leaves_the_store_consistent(
        tmp_path: Path, delay: float) -> None:
    path = tmp_path / "briefing.sqlite3"
    kept = _seeded(path)
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert Path(f"{path}-wal").exists()  # the kill really happened with the WAL open
    with Store.open(path, clock=CLOCK) as store:
        assert store.problems == ()
        assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert store.count() in (1, 60001)  # all of the batch or none of it
        assert store.triage(kept).flagged
        store.add(_article(2))  # and it still takes writes
