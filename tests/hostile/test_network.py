"""Issue 15: a hostile web server never holds a load past the fetch deadline.

Real sockets on 127.0.0.1, one server thread per case: headers one byte a second, a body one
byte a second, a body that never ends, a gzip bomb, a redirect loop, 429 with Retry-After,
and binary data.  Each URL is given to `briefing extract` beside a good text file, with the
deadline set small through `BRIEFING_FETCH_DEADLINE`; the run must end within that deadline
(plus the process's own start), say on stderr which URL failed and why, exit 1, and still
print the good file's article.
"""

from __future__ import annotations

import contextlib
import gzip
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile.corpus import GOOD_TEXT, GOOD_TITLE
from tests.hostile.harness import BRIEFING, child_env, run_command

DEADLINE = 3.0
START_MARGIN = 10.0
"""Seconds a `briefing extract` process may take beyond the deadline: starting Python,
importing, loading and analysing the good file, on a loaded 2-core machine."""

Handler = Callable[[socket.socket, threading.Event], None]


def _drain_request(conn: socket.socket) -> str:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1").split(" ")[1] if data.count(b" ") >= 2 else "/"


def slow_headers(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 200
    for byte in head:
        if stop.wait(1.0):
            return
        conn.sendall(bytes([byte]))


def slow_body(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                 b"<html><body><p>")
    while not stop.wait(1.0):
        conn.sendall(b"a")


def endless_body(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
                 b"<html><body><p>")
    chunk = b"The talks went on. " * 4096
    while not stop.is_set():
        conn.sendall(chunk)


def _bomb() -> bytes:
    """About 200 kB of gzip that inflates to 200 MB of spaces inside a page."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b"<html><body><p>")]
    block = b" " * (1 << 20)
    parts += [packer.compress(block) for _ in range(200)]
    parts.append(packer.compress(b"</p></body></html>") + packer.flush())
    return b"".join(parts)


BOMB: list[bytes] = []


def gzip_bomb(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    body = BOMB[0]
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


def redirect_loop(conn: socket.socket, stop: threading.Event) -> None:
    path = _drain_request(conn)
    step = int(path.rsplit("/", 1)[-1] or 0) if path.rsplit("/", 1)[-1].isdigit() else 0
    target = "/loop/a" if step % 2 else "/loop/1"
    conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n"
                 "Connection: close\r\n\r\n".encode())


def too_many_requests(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    conn.sendall(b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3600\r\n"
                 b"Content-Length: 0\r\nConnection: close\r\n\r\n")


def binary_body(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    body = gzip.compress(bytes(range(256)) * 400)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                 + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)


def binary_labelled_html(conn: socket.socket, stop: threading.Event) -> None:
    _drain_request(conn)
    body = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 400
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                 + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)


CASES: dict[str, tuple[Handler, str]] = {
    # case: (server, what the reason must say)
    "slow-headers": (slow_headers, r"took longer|deadline|timed out"),
    "slow-body": (slow_body, r"took longer|deadline|timed out"),
    "endless-body": (endless_body, r"cap|took longer|deadline"),
    "gzip-bomb": (gzip_bomb, r"cap|took longer|deadline"),
    "redirect-loop": (redirect_loop, r"redirect"),
    "429-retry-after": (too_many_requests, r"429"),
    "binary-content-type": (binary_body, r"content type|binary"),
    "binary-labelled-html": (binary_labelled_html, r"binary"),
}


class Server:
    """One listening socket on 127.0.0.1; each connection handled in its own thread."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):  # the client gave up: what it should do
            self.handler(conn, self.stop)

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], Server]]:
    servers: list[Server] = []

    def start(handler: Handler) -> Server:
        servers.append(Server(handler))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_server_ends_within_the_deadline(name: str, tmp_path: Path,
                                                 serve: Callable[[Handler], Server]) -> None:
    handler, reason = CASES[name]
    if handler is gzip_bomb and not BOMB:
        BOMB.append(_bomb())
    server = serve(handler)
    url = f"http://127.0.0.1:{server.port}/{name}"
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    env = child_env(tmp_path, BRIEFING_FETCH_DEADLINE=f"{DEADLINE:g}")
    start = time.monotonic()
    run = run_command([BRIEFING, "extract", "--json", url, str(good)], home=tmp_path, env=env,
                      seconds=120)
    took = time.monotonic() - start
    said = [line for line in run.stderr.splitlines() if url in line]
    assert run.code is not None, "did not end at all"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert took < DEADLINE + START_MARGIN, (
        f"took {took:.1f} s with a {DEADLINE:g} s deadline; stderr: {run.stderr[-500:]}")
    assert run.code == 1, f"status {run.code}: {run.stderr[-500:]}"
    assert said and any(re.search(reason, line, re.IGNORECASE) for line in said), (
        f"no line names {url} with a reason matching {reason!r}: {run.stderr[-800:]}")
    assert GOOD_TITLE in run.stdout, "the good file beside it was not loaded"
