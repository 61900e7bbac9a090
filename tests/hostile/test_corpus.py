"""Issue 15: no input ends the program badly.

A corpus of hostile inputs, generated at run time (tests/hostile/corpus.py and
cli_cases.py), each run in a child process capped at 2 GB of address space and a generous
wall-clock bound (tests/hostile/harness.py).  What is asserted is what the officer would see:

- the run ends, and no "Traceback" reaches the terminal;
- the exit status the README documents: 0 every source loaded, 1 some source failed (each
  named on stderr, the others still loaded), 2 a usage error;
- the good text file given beside every hostile source is loaded and its title printed;
- no password from a `user:password@host` address, and no text from a file outside a loaded
  folder, is printed;
- no raw control character (C0 but tab and line feed, C1, bidi controls) is printed.

`analyze` and loader cases run many to a child (one JSON line per case); each command-line
case is its own `briefing` process.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.cli_cases import CliCase, cli_cases, command
from tests.hostile.corpus import (
    DATED_NAMES,
    GOOD_TEXT,
    GOOD_TITLE,
    PROSE,
    analyze_cases,
    analyze_ids,
    load_cases,
    load_ids,
)
from tests.hostile.harness import (
    CASE_SECONDS,
    SECRET,
    UNSAFE,
    Run,
    child_env,
    run_batch,
    run_command,
)

CLI_CASES = cli_cases()
MINIMUM_CASES = 250


def test_the_corpus_has_at_least_250_cases() -> None:
    ids = analyze_ids() + load_ids() + [case.id for case in CLI_CASES]
    assert len(set(ids)) == len(ids), "every case has its own id"
    assert len(ids) >= MINIMUM_CASES


def _excerpt(text: str, limit: int = 1500) -> str:
    return text if len(text) <= limit else text[:limit // 2] + " [...] " + text[-limit // 2:]


def unsafe_characters(text: str) -> list[str]:
    """Each raw control character with a little context, for the failure message."""
    return [f"U+{ord(m.group()):04X} near {text[max(0, m.start() - 30):m.end() + 30]!r}"
            for m in list(UNSAFE.finditer(text))[:3]]


# --- briefing.analyze ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def analyze_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    home = tmp_path_factory.mktemp("analyze")
    return run_batch("analyze", analyze_cases(home / "texts"), home)


@pytest.mark.parametrize("case_id", analyze_ids())
def test_analyze_ends_without_raising(case_id: str,
                                      analyze_results: dict[str, dict[str, object]]) -> None:
    """`analyze` never raises on any text, and every span it returns indexes the text (the
    dashboard scrolls to and marks it)."""
    result = analyze_results[case_id]
    assert result["error"] is None, result["error"]
    assert float(result["seconds"]) < CASE_SECONDS  # type: ignore[arg-type]
    assert result["bad_spans"] == []


# --- the loader (briefing.sources.load_many) ----------------------------------------------

@pytest.fixture(scope="module")
def load_results(tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[dict[str, dict[str, object]], dict[str, object]]:
    home = tmp_path_factory.mktemp("load")
    cases, layouts = load_cases(home / "sources")
    return run_batch("load", cases, home), layouts  # type: ignore[return-value]


@pytest.mark.parametrize("case_id", load_ids())
def test_loader_ends_and_keeps_the_good_source(case_id: str, load_results) -> None:  # type: ignore[no-untyped-def]
    """The hostile source loads or is named in a problem; the good one beside it loads;
    nothing outside the folder is read."""
    results, layouts = load_results
    result, layout = results[case_id], layouts[case_id]
    assert result["error"] is None, result["error"]
    titles = result["titles"]
    assert GOOD_TITLE in titles, f"the good file did not load; problems: {result['problems']}"
    hostile = [s for s in layout.sources if s != str(layout.good)]
    named = {str(p["source"]) for p in result["problems"]}
    for source in hostile:
        if Path(source).is_dir() and not named & {source}:
            continue  # a folder shows what it held (checked below for what it must not)
        assert len(titles) > 1 or any(n.startswith(source) or source in n for n in named), (
            f"{source!r} neither loaded nor named: {result['problems']}")
    if case_id.removeprefix("load-") in DATED_NAMES:
        assert len(titles) >= 2, (
            f"an odd publication date must not cost the article: {result['problems']}")
    shown = str(result["text"]) + repr(result["problems"])
    for text in layout.forbidden:
        assert text not in shown, f"{text!r} from outside the folder was loaded"


# --- briefing extract / briefing brief ----------------------------------------------------

class _Pages(http.server.BaseHTTPRequestHandler):
    """The loopback web server the password cases talk to."""

    closed_port = 0

    def do_GET(self) -> None:
        if self.path == "/page.html":
            body = (f"<html><head><title>Loopback page</title></head><body><article>"
                    f"<h1>Loopback page</h1><p>{PROSE * 3}</p></article></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/redirect-closed":
            self.send_response(302)
            self.send_header("Location",
                             f"http://watch:{SECRET}@127.0.0.1:{self.closed_port}/gone")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ports() -> Iterator[dict[str, int]]:
    """A live loopback server, and a port on which nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    _Pages.closed_port = closed
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"live": server.server_address[1], "closed": closed}
    server.shutdown()
    server.server_close()


def what_is_wrong(case: CliCase, run: Run, forbidden: list[str]) -> list[str]:
    """Everything the officer would notice about this run, as sentences."""
    if run.code is None:
        return [f"did not end within {CASE_SECONDS:g} s"]
    wrong = []
    if "Traceback" in run.stderr:
        wrong.append("a traceback on stderr")
    if run.code not in case.expect:
        wrong.append(f"exit status {run.code}, documented {sorted(case.expect)}")
    if run.code == 1 and "briefing: error:" not in run.stderr:
        wrong.append("status 1 but no source named on stderr")
    if run.code == 2 and "error" not in run.stderr:
        wrong.append("status 2 without a usage message")
    if case.needs_good and run.code in (0, 1) and GOOD_TITLE not in run.stdout:
        wrong.append("the good file's title is not in the output")
    for text in (SECRET, *forbidden):
        if text in run.output:
            wrong.append(f"{text!r} was printed")
    wrong += [f"raw control character {found}" for found in unsafe_characters(run.output)]
    return wrong


@pytest.mark.parametrize("case", CLI_CASES, ids=[case.id for case in CLI_CASES])
def test_command_ends_with_its_documented_status(case: CliCase, tmp_path: Path,
                                                 ports: dict[str, int]) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    setup = case.build(folder, ports)
    env = child_env(tmp_path, **setup.env)
    run = run_command(command(setup), home=folder, env=env, stdin=setup.stdin)
    wrong = what_is_wrong(case, run, setup.forbidden)
    if setup.check is not None and run.code is not None:
        wrong += setup.check(run)
    assert not wrong, (f"{'; '.join(wrong)}\n--- status {run.code} in {run.seconds:.1f} s"
                       f"\n--- stderr:\n{_excerpt(run.stderr)}\n--- stdout:\n"
                       f"{_excerpt(run.stdout, 600)}")


def test_the_good_file_alone_loads_cleanly(tmp_path: Path) -> None:
    """The control: the good file every case carries loads with status 0 and its title."""
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for args in (["extract", "--json"], ["brief"]):
        run = run_command(command_for(args, tmp_path / "good.txt"), home=tmp_path)
        assert (run.code, run.stderr) == (0, "") and GOOD_TITLE in run.stdout


def command_for(args: list[str], *sources: Path) -> list[str]:
    from tests.hostile.harness import BRIEFING

    return [BRIEFING, *args, *map(str, sources)]
