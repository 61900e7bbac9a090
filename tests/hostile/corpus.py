"""The hostile corpus, generated at run time (nothing here is checked in as a file).

Three families, each a list of cases with an id that names it:

- `analyze_cases`: texts for `briefing.analyze` (runs of capitals, digits, spaces,
  punctuation, weekday names and quotation marks; a 5 MB line, a 1 MB word; dates and
  offsets past the calendar's edges), each with hostile `published` values.
- `load_cases`: files and folders for the loader (`briefing.sources.load_many`), each given
  beside a good text file whose title must load.
- `cli_cases`: `briefing extract` and `briefing brief` runs with hostile options,
  environment variables, file names, devices, URLs and `--out` targets.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD_TITLE = "Harbour pilots return to Port Alder"
GOOD_TEXT = f"""---
title: {GOOD_TITLE}
published: 2021-12-30T09:00:00Z
zone: Europe/London
---
Harbour pilots returned to work in Port Alder on Thursday after a two-day stoppage, the
port authority said. Ships waiting in the roads began moving at 10:00 GMT, and the first
tanker berthed before noon, a spokeswoman for the authority told reporters.
"""
LEAKED = "ZEBRA-CANARY-7731"
"""Text of a file outside a loaded folder, reached by a symlink: must never be shown."""

PROSE = ("The minister said on Thursday that talks with the delegation would resume in "
         "Geneva at 10:00 GMT next week, according to two officials. ")
Z300 = "A" * 300
ZONES_300 = {
    "letters": Z300,
    "area": "Europe/" + "A" * 293,
    "escapes": "\x1b[31m\u202e" * 50,
}

# --- dates and offsets at or past the calendar's edges --------------------------------

EDGE_DATES = {
    "max-minus5": "9999-12-31T23:00:00-05:00",
    "min-plus5": "0001-01-01T00:30:00+05:00",
    "max-utc": "9999-12-31T23:59:59Z",
    "min-utc": "0001-01-01T00:00:00Z",
    "rfc822-year20": "Thu, 30 Dec 12345678901234567890 17:02:00 -0500",
    "rfc822-offset20": "Thu, 30 Dec 2021 17:02:00 -12345678901234567890",
    "rfc822-hour20": "Thu, 30 Dec 2021 12345678901234567890:02:00 GMT",
    "rfc822-max": "Fri, 31 Dec 9999 23:00:00 -0500",
    "offset-24": "2021-12-30T17:02:00+24:00",
    "offset-9999": "2021-12-30T17:02:00+99:99",
    "year-0": "0000-01-01T00:00:00Z",
    "year-5-digits": "10000-01-01T00:00:00Z",
}
def _sentence_cases() -> dict[str, str]:
    """Short articles around one hostile time phrase each."""
    phrases = {
        "gmt-plus-24": "The talks ended at 10:00 GMT+24 on Thursday.",
        "gmt-minus-24": "The talks ended at 10:00 GMT-24 on Thursday.",
        "utc-plus-99-99": "The convoy left at 10:00 UTC+99:99, officials said.",
        "bare-offset-99-99": "The convoy left at 10:00 +99:99, officials said.",
        "offset-20-digits": "The convoy left at 10:00 UTC+12345678901234567890.",
        "3000-years-ago": "The city was founded 3,000 years ago, the guide said.",
        "300m-years-ago": "The rock formed 300,000,000 years ago.",
        "20-digit-years-ago": "It began 12345678901234567890 years ago.",
        "20-digit-days-later": "The ceasefire ends in 12345678901234567890 days.",
        "20-digit-minutes": "Talks lasted 12345678901234567890 minutes on Monday.",
        "year-9999-est": "The vote is set for 31 December 9999 at 23:00 EST.",
        "year-1-ist": "The record begins on 1 January 1 at 00:30 IST.",
        "dec-31-9999-pm": "It closes on Dec. 31, 9999, at 11 p.m. EST.",
        "year-5-digits": "The treaty runs until the year 99999.",
        "ordinal-20-digits": "It happened on the 12345678901234567890th of December.",
        "hour-99": "The plane landed at 99:99 local time in Kyiv.",
        "february-30": "The summit opened on February 30 at 09:00 CET.",
        "week-99": "Deliveries resume in week 99 of 9999.",
        "zone-300": f"The meeting starts at 10:00 {Z300} time on Monday.",
        "iana-300": f"The meeting starts at 10:00 Europe/{'A' * 293} on Monday.",
        "decade-99999s": "Prices last rose like this in the 99990s.",
        "weekday-far": "The minister said on Thursday that talks resume next Friday.",
    }
    return {name: f"{PROSE}{phrase} {PROSE}" for name, phrase in phrases.items()}


PUBLISHED_VALUES: dict[str, dict[str, str] | None] = {
    "none": None,
    "iso-max-minus5": {"kind": "str", "value": EDGE_DATES["max-minus5"]},
    "iso-min-plus5": {"kind": "str", "value": EDGE_DATES["min-plus5"]},
    "rfc822-offset20": {"kind": "str", "value": EDGE_DATES["rfc822-offset20"]},
    "garbage": {"kind": "str", "value": "garbage \x1b[2J"},
    "datetime-max-minus5": {"kind": "datetime", "value": "9999-12-31T23:00:00-05:00"},
    "datetime-min-plus5": {"kind": "datetime", "value": "0001-01-01T00:30:00+05:00"},
    "date-max": {"kind": "date", "value": "9999-12-31"},
}


def _runs() -> dict[str, Callable[[], str]]:
    """Big and repetitive texts: each a run of one thing a news text has in small doses."""
    caps = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
            "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
            "Sierra", "Tango"]

    def cap_words(n: int) -> str:
        return " ".join(caps[i % len(caps)] for i in range(n))

    return {
        "capitals-1k-words": lambda: cap_words(1_000),
        "capitals-10k-words": lambda: cap_words(10_000),
        "capitals-30k-words-in-sentence": lambda: f"{PROSE}The {cap_words(30_000)} said. {PROSE}",
        "capital-letters-1k": lambda: "A" * 1_000,
        "capital-letters-100k": lambda: "A" * 100_000,
        "acronyms-20k": lambda: " ".join(["NATO", "UN", "EU", "OSCE", "IAEA"] * 4_000),
        "titled-names-5k": lambda: ", ".join(f"President {w} {w}son" for w in caps * 250),
        "digits-100k": lambda: "1234567890" * 10_000,
        "digit-groups-50k": lambda: "12 " * 50_000,
        "clock-times-20k": lambda: "10:00 " * 20_000,
        "iso-dates-10k": lambda: "2021-12-30 " * 10_000,
        "offsets-10k": lambda: "10:00 GMT+24 " * 10_000,
        "spaces-1m": lambda: " " * 1_000_000,
        "newlines-200k": lambda: "\n" * 200_000,
        "blank-mix-300k": lambda: " \t\n\r\f\v" * 50_000,
        "nbsp-100k": lambda: "\u00a0" * 100_000,
        "line-separators-100k": lambda: "\u2028\u2029" * 50_000,
        "exclamations-100k": lambda: "!" * 100_000,
        "full-stops-100k": lambda: "." * 100_000,
        "ellipses-50k": lambda: "... " * 50_000,
        "dashes-100k": lambda: "\u2014" * 100_000,
        "mixed-punctuation-90k": lambda: ",;:?!()[]{}" * 9_000,
        "open-parentheses-50k": lambda: "(" * 50_000 + PROSE,
        "weekdays-20k": lambda: "Monday " * 20_000,
        "weekday-lists-5k": lambda: "on Monday, Tuesday and Wednesday " * 5_000,
        "last-next-friday-5k": lambda: "last Friday next Friday " * 5_000,
        "double-quotes-100k": lambda: '"' * 100_000,
        "curly-opening-quotes-50k": lambda: "\u201c" * 50_000,
        "unclosed-quote-50k-words": lambda: "\u201c" + "word " * 50_000,
        "said-quotes-10k": lambda: '"We will return," said Smith. ' * 10_000,
        # one title-case line: every name in a "headline" (was cubic in the headline check)
        "titled-member-line-200k": lambda: "Sen. Jo Reed (D-N.C.) " * 9_000,
        "no-comma-quotes-120k": lambda: "\u201cNo,\u201d the senator said." * 5_000,
        "apostrophes-100k": lambda: "'" * 100_000,
        "guillemets-50k": lambda: "\u00ab" * 50_000,
        "prose-line-5mb": lambda: PROSE * (5_000_000 // len(PROSE)),
        "word-run-line-5mb": lambda: "word " * 1_000_000,
        "word-1mb": lambda: "a" * 1_000_000,
        "capital-word-1mb": lambda: "Ukraine" * 150_000,
        "html-tags-100k": lambda: "<b>" * 100_000,
        "html-page-as-text": lambda: "<div><p>" * 20_000 + PROSE + "</p></div>" * 20_000,
        "lone-surrogates": lambda: f"{PROSE}\ud800 at 10:00 \udfff GMT {PROSE}",
        "nul-and-escapes": lambda: f"{PROSE}\x00\x1b[2J\x1b]0;title\x07{PROSE}" * 100,
        "bidi-overrides-1k": lambda: "\u202e" * 1_000 + PROSE,
        "combining-marks-100k": lambda: "e" + "\u0301" * 100_000,
        "flags-50k": lambda: "\U0001f1fa\U0001f1e6" * 50_000,
        "byte-order-marks-1k": lambda: "\ufeff" * 1_000 + PROSE,
        "arabic-run-200k": lambda: "\u0627\u0644\u0633\u0644\u0627\u0645 " * 33_000,
        "cjk-300k-no-spaces": lambda: "\u65b0\u95fb\u62a5\u9053" * 75_000,
        "pinned-prose-published-far": lambda: PROSE * 20,
    }


def write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def analyze_ids() -> list[str]:
    return [f"analyze-{name}" for name in _runs()] + [
        f"analyze-{name}-published-{label}"
        for name in _sentence_cases() for label in PUBLISHED_VALUES]


def analyze_cases(folder: Path) -> list[dict[str, object]]:
    """Every run with `published=None`; every hostile time phrase with every hostile
    `published` value.  The texts are written to `folder` for the child to read."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[dict[str, object]] = []
    for name, build in _runs().items():
        path = write_text(folder / f"{name}.txt", build())
        cases.append({"id": f"analyze-{name}", "text_file": str(path), "published": None})
    for name, text in _sentence_cases().items():
        path = write_text(folder / f"sentence-{name}.txt", text)
        for label, published in PUBLISHED_VALUES.items():
            cases.append({"id": f"analyze-{name}-published-{label}", "text_file": str(path),
                          "published": published})
    return cases


# --- files for the loader -------------------------------------------------------------

def _front_matter(published: str = "2021-12-30T09:00:00Z", zone: str = "Europe/Kyiv") -> str:
    return (f"---\ntitle: Hostile front matter\npublished: {published}\nzone: {zone}\n---\n"
            f"{PROSE * 3}\n")


def _html(head: str = "", body: str = "") -> str:
    return (f"<!doctype html><html><head><title>Hostile page</title>{head}</head><body>"
            f"<article><h1>Hostile page</h1>{body}<p>{PROSE * 3}</p></article></body></html>")


def _rss(items: str) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Hostile feed</title><link>http://127.0.0.1:9/</link>{items}"
            "</channel></rss>")


def _item(n: int, pub: str = "Thu, 30 Dec 2021 17:02:00 -0500", extra: str = "") -> str:
    return (f"<item><title>Feed entry {n}</title><pubDate>{pub}</pubDate>"
            f"<description>{PROSE} Entry {n} {extra}</description></item>")


def _atom(updated: str) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>Hostile atom</title><id>urn:x</id><updated>2021-12-30T00:00:00Z</updated>"
            f"<entry><title>Atom entry</title><id>urn:x:1</id><updated>{updated}</updated>"
            f"<published>{updated}</published><summary>{PROSE * 2}</summary></entry></feed>")


def dated_sources() -> dict[str, tuple[str, str]]:
    """(file name, content) for each edge date in each place a publication date is read."""
    files = {}
    for label, value in EDGE_DATES.items():
        files[f"front-matter-{label}"] = ("dated.md", _front_matter(value))
        files[f"html-meta-{label}"] = ("dated.html", _html(
            f'<meta property="article:published_time" content="{value}">'))
        files[f"html-json-ld-{label}"] = ("dated.html", _html(
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "{value}"}}</script>'))
        files[f"html-time-{label}"] = ("dated.html", _html(
            body=f'<time datetime="{value}">then</time>'))
        files[f"rss-pubdate-{label}"] = ("dated.xml", _rss(_item(1, value)))
        files[f"atom-updated-{label}"] = ("dated.atom", _atom(value))
    return files


DATED_NAMES = [f"{where}-{label}" for label in EDGE_DATES for where in (
    "front-matter", "html-meta", "html-json-ld", "html-time", "rss-pubdate", "atom-updated")]


def _bom(text: str, codec: str) -> bytes:
    return text.encode(codec)  # utf-16 and utf-32 write their BOM themselves


def other_sources() -> dict[str, tuple[str, bytes | str]]:
    """(file name, content) for the other hostile files."""
    latin = ("<html><head><meta charset='iso-8859-1'><title>Page latine</title></head><body>"
             "<article><h1>Page latine</h1><p>" + "Le ministre a déclaré jeudi à Genève que "
             "les négociations reprendraient la semaine prochaine, selon deux responsables. " * 4
             + "</p></article></body></html>")
    files: dict[str, tuple[str, bytes | str]] = {
        "front-matter-zone-letters-300": ("zone.md", _front_matter(zone=ZONES_300["letters"])),
        "front-matter-zone-area-300": ("zone.md", _front_matter(zone=ZONES_300["area"])),
        "front-matter-zone-escapes-300": ("zone.md", _front_matter(zone=ZONES_300["escapes"])),
        "feed-lone-surrogate-hex": ("surrogate.xml", _rss(_item(1, extra="&#xD800; &#xDFFF;"))),
        "feed-lone-surrogate-decimal": ("surrogate.xml", _rss(_item(1, extra="&#55296;"))),
        "feed-surrogate-in-title": ("surrogate.xml", _rss(
            "<item><title>Entry &#xD83D; cut</title><description>"
            f"{PROSE}</description></item>")),
        "feed-big-code-point": ("big.xml", _rss(_item(1, extra="&#x110000; &#99999999999;"))),
        "utf16-bom-text": ("utf16.txt", _bom(PROSE * 3, "utf-16")),
        "utf16-be-bom-text": ("utf16be.txt", b"\xfe\xff" + (PROSE * 3).encode("utf-16-be")),
        "utf32-bom-text": ("utf32.txt", _bom(PROSE * 3, "utf-32")),
        "utf16-bom-html": ("utf16.html", _bom(_html(), "utf-16")),
        "utf32-bom-feed": ("utf32.xml", _bom(_rss(_item(1)).replace("utf-8", "utf-32"),
                                             "utf-32")),
        "latin1-meta-charset": ("latin.html", latin.encode("latin-1")),
        "whitespace-only": ("blank.txt", " \t\n" * 1000),
        "line-5mb": ("line.txt", PROSE * (5_000_000 // len(PROSE))),
        "word-1mb": ("word.txt", "a" * 1_000_000),
        "capitals-run-10k": ("caps.txt", PROSE + "ALPHA " * 10_000),
        "html-100k-tags": ("tags.html", _html(body="<span>x</span>" * 100_000)),
        "html-nested-5k": ("nested.html", _html(body="<div>" * 5_000 + PROSE + "</div>" * 5_000)),
        "feed-2000-entries": ("big.xml", _rss("".join(_item(n) for n in range(2_000)))),
        "feed-entry-5mb": ("fat.xml", _rss(_item(1, extra=PROSE * 60_000))),
        "html-escapes-in-title": ("esc.html", _html().replace(
            "<title>Hostile page</title>", "<title>\x1b[2J\u202eHostile page</title>")),
        "text-with-controls": ("controls.txt", f"{PROSE}\x1b]0;pwned\x07\u202e{PROSE}\x9b31m"),
        "feed-malformed-urls": ("urls.xml", _rss(
            "<item><title>Odd link</title><link>http://[::1</link>"
            f"<description>{PROSE}</description></item>"
            "<item><title>Escape link</title><link>http://127.0.0.1:9/\x1b[2J</link>"
            f"<description>{PROSE} Second.</description></item>")),
    }
    return files


@dataclass
class Layout:
    """One case's folder: the hostile sources first, the good file last."""

    sources: list[str]
    good: Path
    forbidden: list[str] = field(default_factory=list)


def good_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def special_layouts() -> dict[str, Callable[[Path], Layout]]:
    """Cases that need more than one file: devices, FIFOs, symlinks, modes."""

    def one(source: str | Callable[[Path], str]) -> Callable[[Path], Layout]:
        def build(folder: Path) -> Layout:
            good = good_file(folder)
            return Layout([source(folder) if callable(source) else source, str(good)], good)
        return build

    def symlink_out(folder: Path) -> Layout:
        outside = folder / "outside"
        outside.mkdir(parents=True)
        (outside / "secret.txt").write_text(f"{PROSE}\n{LEAKED} must not load.\n{PROSE}\n")
        (outside / "more").mkdir()
        (outside / "more" / "deep.txt").write_text(f"{PROSE}\nDeep {LEAKED} text.\n{PROSE}\n")
        inside = folder / "inside"
        good = good_file(inside)
        (inside / "leak.txt").symlink_to(outside / "secret.txt")
        (inside / "linked").symlink_to(outside / "more", target_is_directory=True)
        (inside / "loop").symlink_to(inside, target_is_directory=True)
        return Layout([str(inside)], good, forbidden=[LEAKED])

    def unreadable(folder: Path) -> Layout:
        locked = folder / "locked"
        locked.mkdir(parents=True)
        (locked / "a.txt").write_text(PROSE * 3)
        locked.chmod(0)
        return Layout([str(locked), str(good_file(folder))], folder / "good.txt")

    def folder_with_fifo(folder: Path) -> Layout:
        inside = folder / "news"
        good = good_file(inside)
        make_fifo(inside / "pipe.txt")
        return Layout([str(inside)], good)

    def control_names(folder: Path) -> Layout:
        good = good_file(folder)
        names = ["evil\x1b]0;pwned\x07.txt", "flip\u202etxt.exe.txt", "bell\x07\x9b.txt",
                 "line\nbreak.txt"]
        for name in names:
            (folder / name).write_text(PROSE * 3)
        return Layout([str(folder / n) for n in names] + [str(good)], good)

    return {
        "dev-zero": one("/dev/zero"),
        "dev-urandom": one("/dev/urandom"),
        "fifo": one(lambda f: str(make_fifo(f / "pipe.txt"))),
        "fifo-html": one(lambda f: str(make_fifo(f / "pipe.html"))),
        "folder-with-fifo": folder_with_fifo,
        "symlink-out-of-folder": symlink_out,
        "unreadable-folder": unreadable,
        "control-character-file-names": control_names,
    }


def load_ids() -> list[str]:
    return [f"load-{name}" for name in [*DATED_NAMES, *other_names(), *special_layouts()]]


def other_names() -> list[str]:
    return list(other_sources())


def load_cases(folder: Path) -> tuple[list[dict[str, object]], dict[str, Layout]]:
    """The loader's cases (for `batch load`) and each one's layout."""
    cases: list[dict[str, object]] = []
    layouts: dict[str, Layout] = {}
    files = {**dated_sources(), **other_sources()}
    for name, (filename, content) in files.items():
        case_dir = folder / name
        case_dir.mkdir(parents=True)
        path = case_dir / filename
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
        else:
            path.write_bytes(content)
        good = good_file(case_dir / "good")
        layouts[f"load-{name}"] = Layout([str(path), str(good)], good)
    for name, build in special_layouts().items():
        layouts[f"load-{name}"] = build(folder / name)
    for case_id, layout in layouts.items():
        cases.append({"id": case_id, "sources": layout.sources})
    return cases, layouts
