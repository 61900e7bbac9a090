"""The headless layers never pay for, or depend on, the TUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_a_store_opens_and_serves_cached_analyses_without_loading_the_extractors(
        tmp_path: Path) -> None:
    """The store stores: reading a cached analysis back (what the dashboard does for every
    row at start) must not pay for importing the extractors and their tables."""
    code = f"""
import sys
from briefing.article_record import ArticleRecord
from briefing.model import Analysis, Article
from briefing.store import Store
article = Article(title="t", text="Rain in Oslo.", source="a.txt", content_hash="c" * 64)
with Store.open({str(tmp_path / "s.db")!r}) as store:
    store.add(article)
    store.save_analysis(article, Analysis(text=article.text, version="v9"))
    cached = store.cached_analysis(article, "v9")
    missing = store.cached_analysis(article, "v10")
    record = ArticleRecord(article, cached)
print(cached is not None, missing is None, len(record.sentences),
      any(m.startswith("briefing.extract") for m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "1", "False"]
