"""What the dashboard remembers about itself between runs (the theme), beside the store.

Not the user's config file: that is theirs to edit, and a program rewriting it loses their
comments.  A small JSON file next to the store holds the last theme chosen, and the config's
`theme` it was chosen over, so editing the config later still wins.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing.atomic import replace_file

STATE_NAME = "ui-state.json"


class UiState:
    """The remembered theme at `path` (None: remember nothing, e.g. the in-memory store)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, str] = {}
        if path is not None:
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):  # missing or damaged: start from the config
                loaded = {}
            if isinstance(loaded, dict):
                self._data = {k: v for k, v in loaded.items() if isinstance(v, str)}

    def theme(self, configured: str) -> str:
        """The theme to start with: the one last chosen, unless the config changed since."""
        if self._data.get("config_theme", configured) != configured:
            return configured
        return self._data.get("theme", configured)

    def save_theme(self, theme: str, configured: str) -> None:
        """Remember `theme`; raises OSError when the folder cannot be written."""
        if self.path is None or (self._data.get("theme") == theme
                                 and self._data.get("config_theme") == configured):
            return
        data = {**self._data, "theme": theme, "config_theme": configured}
        # fsynced and renamed: a crash or full disk leaves the old file or the new, no .tmp
        replace_file(json.dumps(data, indent=1), self.path)
        self._data = data
