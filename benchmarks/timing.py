"""What several benchmarks share: a median timer and the bare-Textual-app baseline.

Imported by the scripts beside it (run as `python benchmarks/<name>.py`, so this folder is
on `sys.path`); not part of the package.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `action` over `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def app_env(data: Path, now: str) -> dict[str, str]:
    """The environment a benchmarked `briefing` process runs in: its own data folder, a
    fixed clock and zone, no config file, no animations."""
    return {**os.environ, "BRIEFING_DATA": str(data), "BRIEFING_NOW": now,
            "BRIEFING_TZ": "America/New_York", "BRIEFING_CONFIG": "/nonexistent/config.toml",
            "TEXTUAL_ANIMATIONS": "none"}


def bare_app_script(size: tuple[int, int], prefix: str = "") -> str:
    """Source of a one-widget Textual app that prints `prefix` and the time of its first
    painted frame: the floor every start-up figure is compared with."""
    return f"""
import time
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.call_after_refresh, self.painted)
    def painted(self):
        print({prefix!r} + str(time.perf_counter()), flush=True)
        self.exit()
Bare().run(headless=True, size={size!r})
"""
