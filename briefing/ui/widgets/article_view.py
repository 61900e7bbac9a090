"""The article text, with extracted spans highlighted and one sentence marked (provenance).

One `Static` holds the whole text as literal `Content` (never markup).  To bring a sentence
into view the text is wrapped at the current width and the wrapped line holding the offset is
scrolled to; that is exact for the paragraph and at most a line off inside long paragraphs.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.core.segment import Segmentation
from briefing.model import Analysis, Article, Span
from briefing.ui.entries import Entry
from briefing.ui.safe import literal, one_line
from briefing.ui.timeview import format_clock_full, format_datetime_full

STYLES = {
    "who": "bold $accent",
    "where": "underline $secondary",
    "when": "bold underline $warning",
    "quote": "italic $success",
    "question": "italic",
}
PROVENANCE = "reverse"
FOCUS_SPAN = "bold reverse $warning"
KEPT = 32
"""Articles whose styled text is kept: moving back and forth over a page of the list (or a
zone switch) re-styles nothing; each is the size of its text."""


def highlighted(text: str, analysis: Analysis | None) -> Content:
    """The text with every extracted span styled by kind."""
    content = literal(text)
    if analysis is None:
        return content
    spans: list[tuple[str, int, int]] = []
    spans += [(STYLES["quote"], q.start, q.end) for q in analysis.quotes]
    spans += [(STYLES["question"], q.start, q.end) for q in analysis.questions]
    for person in analysis.people:
        spans += [(STYLES["who"], s, e) for s, e in (*person.mentions, *person.pronouns)]
    for org in analysis.organizations:
        spans += [(STYLES["who"], s, e) for s, e in org.mentions]
    for place in analysis.places:
        spans += [(STYLES["where"], s, e) for s, e in place.mentions]
    spans += [(STYLES["when"], t.start, t.end) for t in analysis.times]
    for style, start, end in spans:
        if 0 <= start < end <= len(text):
            content = content.stylize(style, start, end)
    return content


def sentence_around(segmentation: Segmentation, span: Span) -> Span:
    """The sentence holding `span`, from the extractors' own segmenter (same offsets)."""
    start, end = segmentation.sentence_at(span[0])
    return min(start, span[0]), max(end, min(span[1], len(segmentation.text)))


class ArticleView(VerticalScroll):
    """Scrollable article: a heading (title, outlet, published) and the highlighted body."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = True
        self.border_title = "ARTICLE"
        self._entry: Entry | None = None
        self._provenance: Span | None = None
        self._body_text = ""
        self._note = ""
        self._styled: dict[str, tuple[Article, Analysis | None, Content]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="article-head")
        yield Static(id="article-body")

    @property
    def entry(self) -> Entry | None:
        """The row on screen."""
        return self._entry

    @property
    def provenance(self) -> Span | None:
        """The sentence currently marked as the source of the chosen item."""
        return self._provenance

    def show(self, entry: Entry | None, zone: str, locale: str,
             focus: Span | None = None, keep_scroll: bool = False, note: str = "") -> None:
        """Show `entry` (with the officer's `note`); with `focus`, mark its sentence and
        scroll it into view."""
        changed = entry is not self._entry
        self._entry, self._note = entry, note
        head = self.query_one("#article-head", Static)
        body = self.query_one("#article-body", Static)
        if entry is None or entry.article is None:
            self._provenance = None
            head.update(Content.styled("No article selected", "italic $text-muted"))
            body.update("")
            return
        article = entry.article
        head.update(self._heading(entry, zone, locale, note))
        content = self._styled_text(article, entry.analysis)
        self._provenance = None
        if focus is not None and 0 <= focus[0] <= len(article.text):
            # the record keeps its segmentation: item after item (or a zone switch
            # re-marking the same one) never re-splits the text
            record = entry.record
            split = record.segmentation if record is not None else Segmentation(article.text)
            sentence = sentence_around(split, focus)
            self._provenance = sentence
            content = content.stylize_before(PROVENANCE, *sentence)
            content = content.stylize(FOCUS_SPAN, focus[0], min(focus[1], len(article.text)))
        self._body_text = article.text
        body.update(content)
        if self._provenance is not None:
            target = self._provenance[0]
            self.call_after_refresh(self._scroll_to_offset, target)
        elif changed and not keep_scroll:
            self.scroll_home(animate=False)

    def set_zone(self, zone: str, locale: str) -> None:
        """A zone switch: only the heading shows a time, so the body (its styling, the marked
        sentence, the scroll position) is left exactly as it is."""
        entry = self._entry
        if entry is not None and entry.article is not None:
            self.query_one("#article-head", Static).update(
                self._heading(entry, zone, locale, self._note))

    def _styled_text(self, article: Article, analysis: Analysis | None) -> Content:
        """`highlighted`, kept per article until its analysis changes."""
        kept = self._styled.get(article.id)
        if kept is not None and kept[0] is article and kept[1] is analysis:
            return kept[2]
        content = highlighted(article.text, analysis)
        self._styled.pop(article.id, None)
        if len(self._styled) >= KEPT:
            del self._styled[next(iter(self._styled))]  # the oldest
        self._styled[article.id] = (article, analysis, content)
        return content

    def _heading(self, entry: Entry, zone: str, locale: str, note: str) -> Content:
        article = entry.article
        assert article is not None
        when = format_clock_full(article.clock, zone, locale)
        source_zone = entry.source_zone
        if article.published and source_zone and source_zone != zone:
            when += f"  (source: {format_datetime_full(article.published, source_zone, locale)})"
        outlet = article.outlet or article.source
        return Content.assemble(
            (one_line(entry.title, 400), "bold"), "\n",
            (one_line(outlet, 120), "italic $text-muted"), "\n",
            (when, "$text-muted"), "\n",
            *((("✎ note: ", "bold $secondary"), (one_line(note, 600), "$secondary"), "\n")
              if note else ()),
        )

    def _scroll_to_offset(self, offset: int) -> None:
        """Scroll so the wrapped line holding `offset` sits near the top third."""
        body = self.query_one("#article-body", Static)
        width = max(body.content_region.width, 10)
        line = 0
        position = 0
        for paragraph in self._body_text.split("\n"):
            end = position + len(paragraph)
            wrapped = Content(paragraph).wrap(width) if paragraph else [Content("")]
            if offset <= end:
                consumed = position
                for index, piece in enumerate(wrapped):
                    consumed += len(piece.plain)
                    if offset < consumed or index == len(wrapped) - 1:
                        line += index
                        break
                    consumed += 1  # the space the wrap swallowed
                break
            line += len(wrapped)
            position = end + 1
        y = body.virtual_region.y + line
        self.scroll_to(y=max(0, y - 2), animate=False)
