"""Frozen records shared by every layer, and their JSON form.

Every instant is an aware UTC datetime; the zone an instant was written in travels beside it
as an IANA name, so a display-zone switch only re-renders and never recomputes.  Offsets
(`start`, `end`, `mentions`) always index the article text exactly as loaded: nothing
downstream rewrites the text, so a span can always be shown in its sentence (provenance).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from briefing.pubclock import UNKNOWN, PubClock, read_clock

Span = tuple[int, int]
PlaceKind = Literal["country", "region", "city", "facility", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a `Z`, the one spelling of an instant in JSON and in the store."""
    if moment is None:
        return None
    text = moment.astimezone(UTC).isoformat()
    return text.replace("+00:00", "Z")


def parse_iso(text: str | None) -> datetime | None:
    """Inverse of `iso_utc`; naive input is refused rather than guessed."""
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"naive timestamp {text!r}: an instant needs its offset")
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article: the text exactly as shown, plus where and when it came from."""

    title: str
    text: str
    source: str
    """What the officer named: a path, a URL, or a feed URL plus the entry's link."""
    content_hash: str
    url: str | None = None
    clock: PubClock = UNKNOWN
    """When it was published, in the shape the source gave (instant, local, day, unknown),
    with the raw string and how it was found; read once, at loading."""
    outlet: str | None = None
    retrieved: datetime | None = None
    notes: tuple[str, ...] = ()
    """Loader remarks for the officer ("decoded with replacement", "date unparsed")."""

    @property
    def id(self) -> str:
        """A short stable handle: the first 12 hex digits of the content hash."""
        return self.content_hash[:12]

    @property
    def published(self) -> datetime | None:
        """Aware UTC; None unless the source gave an instant (never "now")."""
        return self.clock.utc

    @property
    def published_raw(self) -> str | None:
        """The date exactly as the source wrote it, kept because parsers silently guess."""
        return self.clock.raw

    @property
    def zone(self) -> str | None:
        """IANA zone of the source (its wall clock), when known."""
        return self.clock.zone

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": iso_utc(self.published),
            "published_day": self.clock.day.isoformat() if self.clock.day else None,
            "published_raw": self.published_raw,
            "zone": self.zone,
            "clock": self.clock.to_dict(),
            "outlet": self.outlet,
            "retrieved": iso_utc(self.retrieved),
            "content_hash": self.content_hash,
            "notes": list(self.notes),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            title=data["title"],
            text=data["text"],
            source=data["source"],
            content_hash=data["content_hash"],
            url=data.get("url"),
            clock=(PubClock.from_dict(data["clock"]) if data.get("clock") else
                   read_clock(data.get("published_raw"), zone=data.get("zone"))),
            outlet=data.get("outlet"),
            retrieved=parse_iso(data.get("retrieved")),
            notes=tuple(data.get("notes", ())),
        )


def _spans(items: Any) -> tuple[Span, ...]:
    return tuple((int(s), int(e)) for s, e in items)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()
    """Where the text names them (a name, a surname, a title with a name)."""
    anonymous: bool = False
    """True for unnamed sources ("a senior administration official"): `name` describes them."""
    pronouns: tuple[Span, ...] = ()
    """The "he" and "she" that stand for them: references, not mentions of a name."""

    @property
    def references(self) -> int:
        """How often the text comes back to them: names and pronouns alike."""
        return len(self.mentions) + len(self.pronouns)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "mentions": [list(m) for m in self.mentions],
            "anonymous": self.anonymous,
            "pronouns": [list(m) for m in self.pronouns],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(data["name"], tuple(data.get("roles", ())), data.get("affiliation"),
                   _spans(data.get("mentions", ())), bool(data.get("anonymous", False)),
                   _spans(data.get("pronouns", ())))


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": [list(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Organization:
        return cls(data["name"], _spans(data.get("mentions", ())))


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: PlaceKind = "other"
    country: str | None = None
    """ISO 3166-1 alpha-2."""
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country,
                "mentions": [list(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(data["name"], data.get("kind", "other"), data.get("country"),
                   _spans(data.get("mentions", ())))


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression as written, and what it means.

    `value` is TIMEX3 in the source's wall-clock time at the expression's own granularity;
    `earliest`/`latest` bound the UTC interval it covers (None for an open end), so months,
    weekends and minutes all sort and convert the same way.
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str
    mod: str | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    zone: str | None = None
    confidence: float = 1.0
    flags: tuple[str, ...] = ()
    zone_basis: str | None = None
    """How the zone was chosen: "explicit", "publication", "dateline", "context", ..."""

    @property
    def resolved(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def zone_known(self) -> bool:
        """False when nothing in the article says which clock it was written in: the wall
        time is shown as written and never as a converted instant."""
        return "zone_unknown" not in self.flags

    @property
    def anchor(self) -> datetime | None:
        """The instant shown for the mention: its start, or its end when only the end is
        known ("shortly before 5 p.m." is open before, so `earliest` is None)."""
        return self.earliest if self.earliest is not None else self.latest

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "value": self.value, "mod": self.mod,
            "earliest": iso_utc(self.earliest), "latest": iso_utc(self.latest),
            "zone": self.zone, "confidence": round(self.confidence, 3),
            "flags": list(self.flags), "zone_basis": self.zone_basis,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeMention:
        return cls(
            data["start"], data["end"], data["text"], data["type"], data["value"],
            data.get("mod"), parse_iso(data.get("earliest")), parse_iso(data.get("latest")),
            data.get("zone"), float(data.get("confidence", 1.0)), tuple(data.get("flags", ())),
            data.get("zone_basis"),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None
    """Canonical name of the person (or the anonymous source's description); never a pronoun."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    parts: tuple[Span, ...] = ()
    """Each quoted passage (a pair of marks) inside this attribution: one quote, as readers
    and the gold data count them, may interleave its cue ("“A,” she said. “B.”")."""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "speaker_start": self.speaker_start, "speaker_end": self.speaker_end,
                "cue": self.cue, "parts": [list(p) for p in self.parts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(data["start"], data["end"], data["text"], data.get("speaker"),
                   data.get("speaker_start"), data.get("speaker_end"), data.get("cue"),
                   _spans(data.get("parts", ())))


# The kinds of open question, strongest first: a sentence matching several is listed under
# the first.  An explicit gap says most about what the officer does not know; a scheduled
# event says least (its when is known, only its outcome is not).
QUESTION_KINDS: tuple[str, ...] = ("unknown", "disputed", "unconfirmed", "conditional", "pending")


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    start: int
    end: int
    text: str
    kind: str
    """One of QUESTION_KINDS."""
    cue: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "cue": self.cue}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OpenQuestion:
        return cls(data["start"], data["end"], data["text"], data["kind"], data["cue"])


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one text; offsets index `text`, which is never changed."""

    text: str
    published: datetime | None = None
    """Aware, in the source's zone or written offset (the anchor relative times used)."""
    zone: str | None = None
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    questions: tuple[OpenQuestion, ...] = ()
    version: str = field(default="")
    """The extractor version that produced it; the store re-analyses when it changes."""
    clock: PubClock = UNKNOWN
    """The publication clock the analysis was anchored on."""
    unread_from: int | None = None
    """Where reading stopped when the text is over the character cap (`BRIEFING_MAX_CHARS`);
    None when all of it was read."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": iso_utc(self.published),
            "published_day": self.clock.day.isoformat() if self.clock.day else None,
            "clock": self.clock.to_dict(),
            "zone": self.zone,
            "people": [p.to_dict() for p in self.people],
            "organizations": [o.to_dict() for o in self.organizations],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quotes": [q.to_dict() for q in self.quotes],
            "questions": [q.to_dict() for q in self.questions],
            "version": self.version,
        } | ({} if self.unread_from is None else {"unread_from": self.unread_from})

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Analysis:
        clock = PubClock.from_dict(data.get("clock"))
        # The clock keeps the written offset: a cached analysis reads as a fresh one does.
        anchor = clock.anchor if isinstance(clock.anchor, datetime) else None
        return cls(
            text=text,
            clock=clock,
            published=(anchor if anchor is not None and anchor.tzinfo is not None
                       else parse_iso(data.get("published"))),
            zone=data.get("zone"),
            people=tuple(Person.from_dict(d) for d in data.get("people", ())),
            organizations=tuple(Organization.from_dict(d) for d in data.get("organizations", ())),
            places=tuple(Place.from_dict(d) for d in data.get("places", ())),
            times=tuple(TimeMention.from_dict(d) for d in data.get("times", ())),
            quotes=tuple(Quote.from_dict(d) for d in data.get("quotes", ())),
            questions=tuple(OpenQuestion.from_dict(d) for d in data.get("questions", ())),
            version=data.get("version", ""),
            unread_from=(unread if isinstance(unread := data.get("unread_from"), int)
                         else None),
        )
