"""UI test determinism: no blinking cursors (animations are off in the root conftest)."""

from __future__ import annotations

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def anyio_backend() -> str:
    """Pilot tests run on asyncio through anyio's plugin (installed with httpx)."""
    return "asyncio"
