"""The headless layers never pay for, or depend on, the TUI."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = ["briefing", "briefing.model", "briefing.sources", "briefing.extract",
            "briefing.brief", "briefing.story", "briefing.store", "briefing.core.timefmt",
            "briefing.cli", "briefing.watchterms",
            "briefing.subscriptions", "briefing.cli_refresh", "briefing.cli_brief",
            "briefing.config", "briefing.pubclock", "briefing.urls", "briefing.core.timex",
            "briefing.atomic", "briefing.clock"]


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(module: str) -> None:
    code = (f"import importlib, sys; importlib.import_module({module!r}); "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}); "
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"
