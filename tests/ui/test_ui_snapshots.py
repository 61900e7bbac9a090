"""Snapshots of the dashboard on the seeds: fixed clock, zone, size; no animation or blink.

The seeds are analysed by the real extractors, so these images change as extraction improves;
regenerate with `pytest tests/ui --snapshot-update` and review the diff.
"""

from __future__ import annotations

import pytest
from snapshot_app import make_app
from textual.pilot import Pilot

SIZE = (100, 30)


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


class TestMain:
    @pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)],
                             ids=lambda s: f"{s[0]}x{s[1]}")
    def test_main_screen(self, snap_compare, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=settle)

    @pytest.mark.parametrize("key", ["1", "2", "3", "4", "5", "tab"])
    def test_pane_focused(self, snap_compare, key: str) -> None:
        assert snap_compare(make_app(), press=[key], terminal_size=SIZE, run_before=settle)

    @pytest.mark.parametrize("presses", [0, 1, 2], ids=["utc", "local", "source"])
    def test_zone_cycle(self, snap_compare, presses: int) -> None:
        # The newest seed (Houston, America/Chicago) has a source zone distinct from local.
        assert snap_compare(make_app(), press=["z"] * presses, terminal_size=SIZE,
                            run_before=settle)

    def test_provenance(self, snap_compare) -> None:
        assert snap_compare(make_app(), press=["4", "j", "enter"], terminal_size=(80, 24),
                            run_before=settle)

    def test_filter(self, snap_compare) -> None:
        assert snap_compare(make_app(), press=["slash", *"storm"], terminal_size=SIZE,
                            run_before=settle)


class TestScreens:
    def test_timeline(self, snap_compare) -> None:
        assert snap_compare(make_app(), press=["t"], terminal_size=SIZE, run_before=settle)

    def test_help(self, snap_compare) -> None:
        assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZE,
                            run_before=settle)

    def test_note_dialog(self, snap_compare) -> None:
        assert snap_compare(make_app(), press=["j", "n", *"call desk"], terminal_size=SIZE,
                            run_before=settle)

    def test_failures_view(self, snap_compare) -> None:
        from briefing.ui.screens.failures import Failure

        app = make_app()
        app.failures.extend([
            Failure("http://127.0.0.1:8765/page-04.html", "HTTP 404 Not Found",
                    "Talks collapse as delegations leave Geneva"),
            Failure("http://127.0.0.1:8765/page-09.html",
                    "redirect loop or more than 5 redirects", "Port reopens after storm"),
            Failure("/tmp/pages/broken.html", "no article text found in the page"),
        ])
        assert snap_compare(app, press=["exclamation_mark"], terminal_size=SIZE,
                            run_before=settle)

    def test_zone_picker(self, snap_compare) -> None:
        assert snap_compare(make_app(), press=["Z", *"new"], terminal_size=SIZE,
                            run_before=settle)
