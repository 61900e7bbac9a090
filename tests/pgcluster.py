"""A throwaway PostgreSQL cluster for the floor tests: initdb in a temporary folder, one
server on loopback, a database per test.

PostgreSQL refuses to run as root, and CI runs as root: the cluster then runs as `nobody`
(its folder is made theirs).  Missing binaries fail the session loudly: a floor test that
quietly skips would leave the shared store untested.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

SEARCH = ("/usr/local/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
          "/usr/pgsql-15/bin")


def find_binary(name: str) -> str:
    found = shutil.which(name) or next(
        (str(Path(d) / name) for d in SEARCH if (Path(d) / name).exists()), None)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} was not found (looked on PATH and in "
                           f"{', '.join(SEARCH)}): the floor tests need PostgreSQL 15")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One postgres server; `url()` makes a fresh database for a test."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
        self.root = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._user = "nobody" if os.geteuid() == 0 else None
        if self._user:
            entry = pwd.getpwnam(self._user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run(self.initdb, "-D", str(self.data), "-U", "briefing", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        self.start()

    def _run(self, *args: str) -> None:
        done = subprocess.run(args, user=self._user, cwd=self.root, capture_output=True,
                              text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> None:
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-t", "60", "-o", options, "start")

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://briefing@127.0.0.1:{self.port}/{name}"

    def database(self) -> str:
        """A new, empty database; its address."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def close(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
