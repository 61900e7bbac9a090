"""Time and peak memory of the largest hostile inputs (issue 15), beside baselines.

Run: `.venv/bin/python benchmarks/bench_hostile.py [--runs 3] [--only NAME ...]`.

Each figure is the median of `--runs` child processes, each capped at 2 GB of address space
(as in tests/hostile) and given `--timeout` seconds; peak memory is the child's `ru_maxrss`
(os.wait4), so a process that never ends or is killed by the cap says so instead of a number.

  analyze           `briefing.analyze` on 1,000 and 100,000 capitalised words, a 5 MB line
                    of prose, a 1 MB word: time of the call alone (imports excluded).  The
                    5 MB line is read to the 2 M-character cap (`BRIEFING_MAX_CHARS`, as the
                    loaders cap a source); a second row raises the cap to read it whole,
                    which shows the per-character cost is linear
  extract           `briefing extract --json` on a 20 MB page, HTML with 100,000 tags, a
                    20,000-entry feed: the whole process
  baselines         a bare `python -c pass` start; plain segmentation (`Segmentation(t)
                    .sentences`) of each analyze text, in the same kind of child
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import app_env

from briefing.caps import DEFAULT_MAX_CHARS

ROOT = Path(__file__).resolve().parent.parent
BRIEFING = str(Path(sys.executable).with_name("briefing"))
MEMORY_LIMIT = 2 * 1024**3
NOW = "2021-12-31T06:00:00Z"
PROSE = ("The minister said on Thursday that talks with the delegation would resume in "
         "Geneva at 10:00 GMT next week, according to two officials. ")
CAPS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
        "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
        "Sierra", "Tango"]

# The child times its own call and prints the seconds: imports are not the input's cost.
CALL = """
import sys, time
text = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] == "analyze":
    from briefing import analyze
    run = lambda: analyze(text, published="2021-12-30T17:02:00-05:00")
else:
    from briefing.core.segment import Segmentation
    run = lambda: Segmentation(text).sentences
start = time.perf_counter()
run()
print(time.perf_counter() - start)
"""


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _child(args: list[str], env: dict[str, str], timeout: float
           ) -> tuple[float | None, float | None, str]:
    """(seconds, peak MB, note): seconds from the child's own print when it gives one, else
    the whole process's wall time; None and a note when it failed or did not end."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            preexec_fn=_cap)
    assert proc.stdout is not None
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    timer = threading.Timer(timeout, kill)
    timer.start()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    peak = usage.ru_maxrss / 1024
    if killed.is_set():
        return None, peak, f"did not end in {timeout:g} s"
    code = proc.returncode
    if args[1:2] == ["-c"]:
        if code != 0:
            return None, peak, f"failed (status {code})"
        lines = out.decode().split()
        return (float(lines[-1]) if lines else wall), peak, ""
    return wall, peak, "" if code == 0 else f"status {code}"


def _measure(args: list[str], env: dict[str, str], runs: int, timeout: float
             ) -> tuple[str, str, str]:
    seconds, peaks, notes = [], [], []
    for _ in range(runs):
        took, peak, note = _child(args, env, timeout)
        if took is not None:
            seconds.append(took)
        if peak is not None:
            peaks.append(peak)
        if note:
            notes.append(note)
            if note.startswith("did not end"):
                break  # one hang is the finding; more would only cost time
    time_text = f"{statistics.median(seconds) * 1000:,.1f} ms" if seconds else "-"
    peak_text = f"{statistics.median(peaks):,.0f} MB" if peaks else "-"
    return time_text, peak_text, "; ".join(sorted(set(notes)))


def _texts() -> dict[str, str]:
    return {
        "1,000 capitalised words": " ".join(CAPS[i % 20] for i in range(1_000)),
        "100,000 capitalised words": " ".join(CAPS[i % 20] for i in range(100_000)),
        "5 MB line of prose": PROSE * (5_000_000 // len(PROSE)),
        "1 MB word": "a" * 1_000_000,
    }


def _pages(folder: Path) -> dict[str, Path]:
    page = folder / "page-20mb.html"
    body = f"<p>{PROSE * 8}</p>\n"
    page.write_text("<html><head><title>Big page</title></head><body><article>"
                    + body * (20_000_000 // len(body)) + "</article></body></html>")
    tags = folder / "tags-100k.html"
    tags.write_text("<html><head><title>Tags</title></head><body><article><p>" + PROSE * 3
                    + "</p>" + "<span>x</span>" * 100_000 + "</article></body></html>")
    feed = folder / "feed-20k.xml"
    items = "".join(f"<item><title>Entry {n}</title><pubDate>Thu, 30 Dec 2021 17:02:00 -0500"
                    f"</pubDate><description>{PROSE} Entry {n}.</description></item>"
                    for n in range(20_000))
    feed.write_text("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                    f"<title>Big feed</title>{items}</channel></rss>")
    return {"extract: 20 MB page": page, "extract: HTML with 100,000 tags": tags,
            "extract: 20,000-entry feed": feed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds before a run counts as not ending")
    parser.add_argument("--only", nargs="*", default=None,
                        help="run only the rows whose name contains one of these words")
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []

    def wanted(name: str) -> bool:
        return not args.only or any(w.lower() in name.lower() for w in args.only)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = app_env(folder / "data", NOW)
        rows.append(("baseline: python -c pass",
                     *_measure([sys.executable, "-c", "pass"], env, args.runs, args.timeout)))
        for name, text in _texts().items():
            if not wanted(name):
                continue
            path = folder / f"{len(rows)}.txt"
            path.write_text(text, encoding="utf-8")
            rows.append((f"baseline: segmentation, {name}", *_measure(
                [sys.executable, "-c", CALL, str(path), "segment"], env, args.runs,
                args.timeout)))
            rows.append((f"analyze: {name}", *_measure(
                [sys.executable, "-c", CALL, str(path), "analyze"], env, args.runs,
                args.timeout)))
            if len(text) > DEFAULT_MAX_CHARS:
                whole = env | {"BRIEFING_MAX_CHARS": str(len(text))}
                rows.append((f"analyze: {name}, cap raised, read whole", *_measure(
                    [sys.executable, "-c", CALL, str(path), "analyze"], whole, args.runs,
                    args.timeout)))
        for name, path in _pages(folder).items():
            if not wanted(name):
                continue
            rows.append((name, *_measure([BRIEFING, "extract", "--json", str(path)], env,
                                         args.runs, args.timeout)))
    width = max(len(r[0]) for r in rows)
    print(f"{'case':<{width}}  {'median time':>12}  {'peak RSS':>10}  note")
    print(f"(median of {args.runs} runs; analyze and segmentation time the call alone, "
          "extract the whole process)")
    for name, took, peak, note in rows:
        print(f"{name:<{width}}  {took:>12}  {peak:>10}  {note}")


if __name__ == "__main__":
    main()
