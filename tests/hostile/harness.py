"""How a hostile case is run: a child process with a memory cap and a wall-clock bound.

Shared by the corpus (tests/hostile/test_corpus.py), the network cases (test_network.py)
and benchmarks/bench_hostile.py.  Nothing here knows what a case contains.

Every child runs with `BRIEFING_DATA`, `BRIEFING_CONFIG`, `BRIEFING_NOW` and `BRIEFING_TZ`
fixed to temporary values (tests/conftest.py's clock, zone and locale), its address space
capped by `RLIMIT_AS`, and, when the suite runs as root, without root's power to ignore file
modes (so an unreadable folder means it).

`run_batch` runs many Python API cases in one child that writes one JSON line per case
(tests/hostile/batch.py); a case that never ends or kills its child is reported as such and
the cases after it go on in a new child.
"""

from __future__ import annotations

import json
import os
import queue
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BRIEFING = str(Path(sys.executable).with_name("briefing"))

MEMORY_LIMIT = 2 * 1024**3
"""Bytes of address space a child may map: a case that needs more is a case that fails."""
CASE_SECONDS = 90.0
"""Wall-clock bound for one case.  Generous: the point is that every case ends."""
NOW = "2021-12-31T06:00:00Z"
ZONE = "America/New_York"

SECRET = "s3cr3t-pa55"
"""The password in every `user:password@host` address: it must never be printed."""

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x80-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls except tab and line feed, C1 controls, bidi embeddings, overrides and
isolates: any of them raw on a terminal can recolour, clear or reorder what is shown."""


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def without_root_override() -> list[str]:
    """A command prefix that drops root's power to ignore file modes (tests/privileges.py
    says why); empty when not root."""
    if os.geteuid() != 0:
        return []
    from tests.privileges import without_root_override as prefix

    return prefix()


def child_env(home: Path, **overrides: str | None) -> dict[str, str]:
    """The fixed environment of every child; an override of None removes the variable."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("BRIEFING_") and key not in ("PYTHONPATH",)}
    env.update({
        "BRIEFING_DATA": str(home / "data"), "BRIEFING_CONFIG": str(home / "config.toml"),
        "BRIEFING_NOW": NOW, "BRIEFING_TZ": ZONE, "TZ": "UTC", "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": str(home / "xdg-config"),
        "XDG_DATA_HOME": str(home / "xdg-data"), "TEXTUAL_ANIMATIONS": "none",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@dataclass
class Run:
    """What one command did, as the officer's terminal would see it."""

    code: int | None
    """Exit status; None when it did not end within the bound and was killed."""
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_command(args: list[str], *, home: Path, env: dict[str, str] | None = None,
                stdin: bytes | Path | None = None, cwd: Path | None = None,
                seconds: float = CASE_SECONDS) -> Run:
    """`args` in a capped child; output decoded with replacement (bytes a terminal would
    get), so a raw control character is still there to be found."""
    feed = None
    if isinstance(stdin, Path):
        feed = stdin.open("rb")
    start = time.monotonic()
    proc = subprocess.Popen(
        [*without_root_override(), *args], cwd=cwd or home, env=env or child_env(home),
        stdin=feed if feed else (subprocess.PIPE if stdin is not None else subprocess.DEVNULL),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit_memory)
    try:
        out, err = proc.communicate(stdin if isinstance(stdin, bytes) else None,
                                    timeout=seconds)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        code = None
    finally:
        if feed:
            feed.close()
    return Run(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
               time.monotonic() - start)


def _keep_into(sink: list[bytes]):  # type: ignore[no-untyped-def]
    def keep(line: bytes | None) -> None:
        if line is not None:
            sink.append(line)
    return keep


def run_batch(mode: str, cases: list[dict[str, object]], home: Path,
              seconds: float = CASE_SECONDS) -> dict[str, dict[str, object]]:
    """Each case's result from `python -m tests.hostile.batch MODE`, keyed by case id.

    A case that is still running after `seconds` (or kills its child: the memory cap, a
    crash) gets an `error` saying so, and the cases after it run in a fresh child.
    """
    results: dict[str, dict[str, object]] = {}
    pending = list(cases)
    round_ = 0
    while pending:
        round_ += 1
        spec = home / f"batch-{mode}-{round_}.json"
        spec.write_text(json.dumps(pending), encoding="utf-8")
        proc = subprocess.Popen(
            [*without_root_override(), PYTHON, "-m", "tests.hostile.batch", mode, str(spec)],
            cwd=ROOT, env=child_env(home), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, preexec_fn=limit_memory)
        lines: queue.Queue[bytes | None] = queue.Queue()
        errors: list[bytes] = []

        def pump(stream, sink) -> None:  # type: ignore[no-untyped-def]
            for line in stream:
                sink(line)
            sink(None)

        threading.Thread(target=pump, args=(proc.stdout, lines.put), daemon=True).start()
        err_thread = threading.Thread(
            target=pump, args=(proc.stderr, _keep_into(errors)), daemon=True)
        err_thread.start()
        done = 0
        while done < len(pending):
            case_id = str(pending[done]["id"])
            try:
                line = lines.get(timeout=seconds)
            except queue.Empty:
                proc.kill()
                results[case_id] = {"id": case_id, "error": f"did not end within {seconds:g} s"}
                done += 1
                break
            if line is None:
                proc.wait()
                err_thread.join(5)
                tail = b"".join(errors)[-2000:].decode("utf-8", "replace")
                results[case_id] = {"id": case_id, "error": f"the process died (status "
                                    f"{proc.returncode}) during this case: {tail}"}
                done += 1
                break
            record = json.loads(line)
            results[str(record["id"])] = record
            done += 1
        else:
            proc.wait()
        proc.wait()
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
        pending = pending[done:]
    return results
