"""Paths shared by the UI tests (the root conftest's constants are not importable)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = ROOT / "seeds" / "000_5a5605533da69eb8.txt"
