"""One article record: the article as loaded, its publication clock, its analysis and its
sentence spans, built once per article after loading.

The CLI, the dashboard and the brief all read articles through this record, so nothing
re-reads the publication time or re-splits the text: the clock was read once at loading
(`Article.clock`), the analysis comes through the store's cache, and the segmentation is
made on first use and kept with the record.  The store only stores: the analyser and the
extractor version are given to it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from briefing.core.segment import Segmentation
from briefing.model import Analysis, Article, Span
from briefing.pubclock import PubClock
from briefing.store.analyses import AnalysisCache, Analyzer


def analyze_article(article: Article) -> Analysis:
    """Analyse against the article's own publication clock (read once at loading): the one
    call every caller makes, so the app and the CLI share cached results."""
    from briefing.extract import analyze

    return analyze(article.text, published=article.clock)


def current_version() -> str:
    """The extractor version cached analyses must carry to be reused."""
    from briefing.extract.version import extractor_version  # not the extractors themselves

    return extractor_version()


def source_zone(article: Article, analysis: Analysis | None) -> str | None:
    """The zone the source wrote in: its own, else the one its analysis found (a dateline
    that agrees with the publication offset).  The one statement of this rule: the list,
    the heading and the brief all ask it."""
    if article.zone:
        return article.zone
    return analysis.zone if analysis is not None else None


def cached_analysis(store: AnalysisCache, article: Article) -> Analysis | None:
    """The current extractor's cached analysis of `article`, if the store holds one."""
    return store.cached_analysis(article, current_version())


def analysis_through(store: AnalysisCache, article: Article,
                     analyzer: Analyzer = analyze_article) -> Analysis:
    """`article`'s analysis: cached when this extractor already read the text, otherwise
    made by `analyzer` and cached (a cache that cannot be written costs the next run a
    re-analysis, never this one its result)."""
    return store.analysis_for(article, analyzer, current_version())


@dataclass(frozen=True)
class ArticleRecord:
    """An article with everything worked out from it once."""

    article: Article
    analysis: Analysis

    @property
    def clock(self) -> PubClock:
        return self.article.clock

    @property
    def source_zone(self) -> str | None:
        return source_zone(self.article, self.analysis)

    @cached_property
    def segmentation(self) -> Segmentation:
        """Paragraph and sentence spans, from the extractors' own segmenter (same offsets)."""
        return Segmentation(self.analysis.text)

    @property
    def sentences(self) -> list[Span]:
        return self.segmentation.sentences


def record_for(store: AnalysisCache, article: Article,
               analyzer: Analyzer = analyze_article) -> ArticleRecord:
    """The record of one loaded article, its analysis through the store's cache."""
    return ArticleRecord(article, analysis_through(store, article, analyzer))
