"""Section 6, time notes (one line per kind of assumption), and with `--annex` the full
per-article notes and section 7, every article in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from briefing.brief.developments import entry_development
from briefing.brief.header import anchor_kind
from briefing.brief.rank import BriefArticle
from briefing.brief.sources import location, published
from briefing.brief.text import clean, heading, labelled, wrap
from briefing.brief.times import wording
from briefing.brief.watch import WatchItem
from briefing.core.timefmt import dtg, zone_label

_FLAG_WORDS = (  # flag names are the time extractor's; these say them in an officer's words
    ("ambig", "ambiguous zone abbreviation, not guessed"),
    ("season", "zone abbreviation does not match the season; kept as written"),
    ("unresolved", "relative time left unresolved"),
    ("gap", "falls in a daylight-saving gap"),
    ("fold", "falls in a daylight-saving fold (the hour repeats)"),
)
_BASIS_WORDS = {
    "publication": "the publication's zone",
    "dateline": "the dateline's zone",
    "place": "the zone of a place named beside it",
    "context": "a zone named nearby",
}


def _flag_text(flag: str) -> str:
    lowered = flag.lower()
    for word, text in _FLAG_WORDS:
        if word in lowered:
            return text
    return clean(flag).replace("_", " ").replace("-", " ")


def _basis(basis: str) -> str:
    return _BASIS_WORDS.get(basis, clean(basis).replace("_", " ") + "'s zone")


def _zone_name(zone: str) -> str:
    """"Moscow" for Europe/Moscow: the city an officer recognises."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _unresolved(entry: BriefArticle) -> int:
    return sum(1 for tm in entry.analysis.times
               if tm.type in ("DATE", "TIME") and not tm.resolved)


def summary_notes(entries: Sequence[BriefArticle], *, zone: str, now: datetime,
                  left_out: int, annex: bool) -> list[str]:
    """One line per kind of assumption, counted across all articles."""
    texts = [f"Display zone: {zone_label(zone, now)} (section 3). DTGs are Z. Times keep "
             "their original wording in quotation marks."]
    if left_out:
        texts.append(f"{left_out} loaded article(s) published outside the period, or with no "
                     "publication date, were left out.")
    texts += _assumption_counts(entries)
    texts += _publication_counts(entries, now)
    if not annex:
        texts.append("Every time's notes, article by article: briefing brief --annex.")
    lines = heading(6, "Time notes")
    for text in texts:
        lines.extend(wrap(text, indent="- ", hang="  "))
    return [*lines, ""]


def _assumption_counts(entries: Sequence[BriefArticle]) -> list[str]:
    """How many times were read in an assumed zone, by how it was found, and how many carry
    each kind of flag."""
    assumed: Counter[tuple[str, str]] = Counter()
    flags: Counter[str] = Counter()
    for entry in entries:
        for tm in entry.analysis.times:
            if tm.zone and tm.zone_basis and tm.zone_basis != "explicit":
                assumed[(tm.zone_basis, tm.zone)] += 1
            for flag in tm.flags:
                if any(word in flag.lower() for word, _ in _FLAG_WORDS):
                    flags[_flag_text(flag)] += 1
    by_basis: dict[str, Counter[str]] = {}
    for (basis, where), count in assumed.items():
        by_basis.setdefault(basis, Counter())[_zone_name(where)] += count
    texts = []
    for basis, zones in sorted(by_basis.items(), key=lambda x: (-x[1].total(), x[0])):
        total = zones.total()
        listed = sorted(zones.items(), key=lambda x: (-x[1], x[0]))
        where = ", ".join(z if len(listed) == 1 else f"{z} {n}" for z, n in listed[:6])
        more = f" and {len(listed) - 6} more zones" if len(listed) > 6 else ""
        texts.append(f"{total} time{'s' if total != 1 else ''} read in {_basis(basis)} "
                     f"({where}{more}).")
    for text, count in sorted(flags.items(), key=lambda x: (-x[1], x[0])):
        texts.append(f"{count} time{'s' if count != 1 else ''}: {text}.")
    return texts


def _publication_counts(entries: Sequence[BriefArticle], now: datetime) -> list[str]:
    """The articles with no publication time, a day only, or a time after the brief's."""
    texts = []
    undated = [e for e in entries if anchor_kind(e) == "unknown"]
    if undated:
        stuck = sum(_unresolved(e) for e in undated)
        texts.append(f"{len(undated)} article(s) give no publication time ("
                     + ", ".join(e.sid for e in undated) + f"): {stuck} relative time"
                     f"{'s' if stuck != 1 else ''} there stay as written, unresolved.")
    day_only = [e.sid for e in entries if anchor_kind(e) == "day"]
    if day_only:
        texts.append(f"{len(day_only)} article(s) give their publication day only ("
                     + ", ".join(day_only) + "): relative times are read against that day.")
    late = [e.sid for e in entries if e.article.published and e.article.published > now]
    if late:
        texts.append("Published after this brief's DTG: " + ", ".join(late) + ".")
    return texts


_ANCHOR_NOTES = {
    "unknown": "no publication time: relative times cannot be resolved and stay as written.",
    "day": "the source gives its publication day only: relative times are read against "
           "that day.",
    "local": "the source gives a local publication time with no zone: relative times are "
             "read against its day.",
}


def entry_notes(entry: BriefArticle, now: datetime) -> list[str]:
    """Every note on one article's times, for the annex."""
    return [*_time_assumptions(entry), *_clock_notes(entry, now), *_time_flags(entry)]


def _clock_notes(entry: BriefArticle, now: datetime) -> list[str]:
    """What the article's publication clock leaves open: its anchor, its zone, its lateness."""
    notes: list[str] = []
    article = entry.article
    kind = anchor_kind(entry)
    if kind in _ANCHOR_NOTES:
        notes.append(_ANCHOR_NOTES[kind])
    clock = article.clock
    if not entry.record.source_zone:
        notes.append("the source gives no named time zone; its publication time is shown "
                     "in Z with the wording it used.")
    elif clock.zone_found and clock.zone_found.startswith("dateline"):
        if "offset" in clock.zone_found:
            notes.append(f"the source gives only an offset; {clock.zone} is its dateline's "
                         "zone, which agrees with that offset.")
        else:
            notes.append(f"the source names no zone; {clock.zone} is its dateline's zone.")
    if article.published is not None and article.published > now:
        notes.append(f"published {dtg(article.published)}, after this brief's DTG.")
    return notes


def _time_flags(entry: BriefArticle) -> list[str]:
    """Each time's flags, and the relative times left unresolved, in text order."""
    notes = []
    for tm in entry.analysis.times:
        for flag in tm.flags:
            notes.append(f"{wording(tm)}: {_flag_text(flag)}.")
        if tm.type in ("DATE", "TIME") and not tm.resolved and not tm.flags:
            notes.append(f"{wording(tm)}: relative time left unresolved.")
    return notes


def _time_assumptions(entry: BriefArticle) -> list[str]:
    """One note per zone assumed and how it was found, with the wording of each time."""
    assumed: dict[tuple[str, str], list[str]] = {}
    for tm in entry.analysis.times:
        if tm.zone and tm.zone_basis and tm.zone_basis != "explicit":
            assumed.setdefault((tm.zone, tm.zone_basis), []).append(wording(tm))
    notes = []
    for (zone, basis), words in sorted(assumed.items()):
        listed = ", ".join(dict.fromkeys(words))
        how = "a place named beside it" if basis == "place" else clean(basis)
        notes.append(f"zone {zone} assumed ({how}) for {listed}.")
    return notes[::-1]


def annex(entries: Sequence[BriefArticle], watch: Sequence[WatchItem], now: datetime,
          locale: str = "en_GB") -> list[str]:
    """Section 7: every article in full (with its publication time in its own zone and
    as written, and where it came from), then every time note, article by article."""
    lines = heading(7, "Annex: articles in full")
    for entry in entries:
        article = entry.article
        full = entry_development(entry, watch)
        label, place = location(article.url, article.source)
        extra = labelled("Pub.:", published(entry, locale), indent="    ", label_width=6)
        extra += labelled(label, place, indent="    ", label_width=6)
        if article.retrieved:
            extra += labelled("Got:", dtg(article.retrieved), indent="    ", label_width=6)
        lines += full[:-1] + extra + [""]
    lines += heading(8, "Annex: time notes by article")
    for entry in entries:
        for note in dict.fromkeys(entry_notes(entry, now)):
            lines += wrap(f"{entry.sid}: {note}", indent="- ", hang="  ")
    return [*lines, ""]
