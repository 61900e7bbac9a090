"""The store's article key is `briefing.urls.canonical_url`, the rule the loaders use too.

Kept as a module so `briefing.store.canonical_url` (the name the store code and the app
import) stays where it was; the rule itself lives in one neutral place so that loading and
storing can never disagree about which links are the same story.
"""

from __future__ import annotations

from briefing.urls import canonical_url

__all__ = ["canonical_url"]
