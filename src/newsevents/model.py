"""The data model: one `Article` flows through every stage and collects typed records.

Every record keeps its evidence: character offsets (`start`/`end`, or `mentions` as
`[start, end]` pairs) into `Article.text`, the clean text. `Article.to_dict()` writes the
output contract, schema ``newsevents/1``; keys may be added to it but never removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsevents/1"

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "GROUP")
PLACE_FEATURES = ("country", "admin", "city", "district", "other")
QUOTE_KINDS = ("direct", "partial", "indirect")
CASUALTY_KINDS = (
    "killed", "wounded", "missing", "kidnapped", "arrested", "displaced", "trapped", "affected",
)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

Mention = tuple[int, int]


class InputError(ValueError):
    """Input that cannot be turned into an article (empty, binary, too large, not English...)."""


@dataclass
class Entity:
    """A named or described actor: person, organisation, country, nationality or armed group."""

    id: str
    name: str
    type: str  # one of ENTITY_TYPES
    title: str | None = None  # "Foreign Minister", "President"
    country: str | None = None  # ISO 3166-1 alpha-2
    sector: str | None = None  # government, military, rebels, media, igo, ngo, ...
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "title": self.title,
            "country": self.country, "sector": self.sector,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass
class Place:
    """A toponym resolved to a gazetteer entry (or left unresolved with null coordinates)."""

    id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    feature: str = "other"  # one of PLACE_FEATURES
    geonameid: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    # The name inside a longer proper name ("University of Cincinnati", "Minnesota Twins"):
    # where an actor is from, never an event's scene (geo.embedded).
    embedded_mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon,
            "country": self.country, "feature": self.feature, "geonameid": self.geonameid,
            "mentions": [list(m) for m in self.mentions],
            "embedded_mentions": [list(m) for m in self.embedded_mentions],
        }


@dataclass
class DateMention:
    """A temporal expression with its TimeML-style value and day bounds."""

    id: str
    text: str
    start: int
    end: int
    value: str | None = None  # "2026-03-13", "2026-03", "2026-W11", "P3M", "2026-03-13TEV"
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "value": self.value, "from": _iso(self.date_from), "to": _iso(self.date_to),
        }


@dataclass
class DateWindow:
    """A window of days attached to a casualty claim or event; both bounds may be unknown."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"from": _iso(self.date_from), "to": _iso(self.date_to)}


@dataclass
class Quote:
    """Reported speech with its resolved speaker and cue."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # one of QUOTE_KINDS
    speaker: str | None = None  # resolved name, never a pronoun
    speaker_id: str | None = None  # Entity.id
    cue: str | None = None  # "said", "told", "tweeted"
    # Additive evidence beyond the fixed keys: where the speaker and cue were found.
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # Additive: the days of the date that governs the quote (dates.governing_date); with
    # date_fallback True they are the publication date, for want of one in the paragraph.
    date: DateWindow = field(default_factory=DateWindow)
    date_fallback: bool = False
    # Additive: the id of the indirect quote whose content holds this partial quote (one
    # attribution reported in the writer's words with a verbatim fragment), else None.
    part_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "kind": self.kind, "speaker": self.speaker, "speaker_id": self.speaker_id,
            "cue": self.cue, "speaker_start": self.speaker_start, "speaker_end": self.speaker_end,
            "cue_start": self.cue_start, "cue_end": self.cue_end,
            "date": self.date.to_dict(), "date_fallback": self.date_fallback,
            "part_of": self.part_of,
        }


@dataclass
class Casualty:
    """One count of people harmed (or trapped, displaced...) as claimed by one source."""

    id: str
    kind: str  # one of CASUALTY_KINDS
    low: int | None
    high: int | None
    text: str  # the amount as written: "Twenty-five", "dozens", "at least 40"
    start: int  # span of the amount in the text
    end: int
    source: str | None = None
    source_id: str | None = None  # Entity.id of the source, when it is a known entity
    victims: str | None = None  # "civilians", "children", "soldiers"
    place_id: str | None = None
    date: DateWindow = field(default_factory=DateWindow)
    perpetrator: str | None = None
    weapon: str | None = None
    cumulative: bool = False
    sentence_start: int | None = None
    sentence_end: int | None = None
    date_fallback: bool = False  # additive: `date` is the publication date, for want of one

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "low": self.low, "high": self.high,
            "text": self.text, "source": self.source, "source_id": self.source_id,
            "victims": self.victims, "place_id": self.place_id, "date": self.date.to_dict(),
            "perpetrator": self.perpetrator, "weapon": self.weapon,
            "cumulative": self.cumulative, "start": self.start, "end": self.end,
            "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
            "date_fallback": self.date_fallback,
        }


@dataclass
class Incident:
    """Casualty claims about one incident (same kind, place and days), reconciled UCDP-style.

    `low` is the lowest credible figure, `high` the highest, `best` the figure of the most
    specific report (rules in docs/casualty-conventions.md). `claim_ids` are `Casualty` ids in
    one article; across articles they are "<article id>#<casualty id>".
    """

    id: str
    kind: str  # one of CASUALTY_KINDS
    low: int | None
    best: int | None
    high: int | None
    claim_ids: list[str] = field(default_factory=list)
    best_claim_id: str | None = None
    cumulative: bool = False
    place_id: str | None = None
    place: str | None = None  # the place's name, for use outside its article
    lat: float | None = None
    lon: float | None = None
    date: DateWindow = field(default_factory=DateWindow)
    sources: list[str] = field(default_factory=list)  # distinct named sources, in claim order
    article_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "low": self.low, "best": self.best,
            "high": self.high, "claim_ids": list(self.claim_ids),
            "best_claim_id": self.best_claim_id, "cumulative": self.cumulative,
            "place_id": self.place_id, "place": self.place, "lat": self.lat, "lon": self.lon,
            "date": self.date.to_dict(), "sources": list(self.sources),
            "article_ids": list(self.article_ids),
        }


@dataclass
class Actor:
    """The actor or target of an event, structured for event data users."""

    name: str
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "entity_id": self.entity_id}


@dataclass
class Event:
    """A sentence-level actor-action-target record coded to PLOVER (and CAMEO, ACLED)."""

    id: str
    type: str  # one of PLOVER_TYPES
    start: int  # sentence span
    end: int
    mode: str | None = None
    cameo: str | None = None  # CAMEO root code, "01".."20"
    acled: dict[str, str] | None = None  # {"event_type", "sub_event_type"}
    actor: Actor | None = None
    target: Actor | None = None
    place_id: str | None = None
    date: DateWindow = field(default_factory=DateWindow)
    source: str | None = None  # who reports it
    quote_id: str | None = None
    casualty_ids: list[str] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    trigger: str | None = None  # the word(s) that signal the event
    trigger_start: int | None = None
    trigger_end: int | None = None
    date_fallback: bool = False  # additive: `date` is the publication date, for want of one
    # additive: `place_id` is not named in the event's sentence but taken from its paragraph,
    # the dateline or the article's main place (stages/event_place.py)
    place_fallback: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
            "acled": dict(self.acled) if self.acled else None,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "place_id": self.place_id, "date": self.date.to_dict(), "source": self.source,
            "quote_id": self.quote_id, "casualty_ids": list(self.casualty_ids),
            "negated": self.negated, "hypothetical": self.hypothetical,
            "start": self.start, "end": self.end, "trigger": self.trigger,
            "trigger_start": self.trigger_start, "trigger_end": self.trigger_end,
            "date_fallback": self.date_fallback, "place_fallback": self.place_fallback,
        }


@dataclass
class Article:
    """The single container passed between stages.

    Ingestion fills the raw fields (`raw_text` or `raw_html` and metadata); the text stage
    fills `text`; later stages fill the record lists. `doc` holds the spaCy parse of `text`
    and is never serialised.
    """

    raw_text: str | None = None
    raw_html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    text: str = ""
    removed: list[str] = field(default_factory=list)
    doc: Any = None  # spacy.tokens.Doc
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)  # reconciled casualty claims
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    def to_dict(self) -> dict[str, Any]:
        """The newsevents/1 document."""
        return {
            "schema": SCHEMA,
            "article": {
                "title": self.title, "outlet": self.outlet, "url": self.url,
                "published": _iso(self.published), "language": self.language,
                "text": self.text, "removed": list(self.removed),
            },
            "entities": [e.to_dict() for e in self.entities],
            "places": [p.to_dict() for p in self.places],
            "dates": [d.to_dict() for d in self.dates],
            "quotes": [q.to_dict() for q in self.quotes],
            "casualties": [c.to_dict() for c in self.casualties],
            "events": [e.to_dict() for e in self.events],
            "incidents": [i.to_dict() for i in self.incidents],
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, or None."""
        return next((p for p in self.places if p.id == place_id), None)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the longest overlap."""
        best, best_overlap = None, 0
        for entity in self.entities:
            for m_start, m_end in entity.mentions:
                overlap = min(end, m_end) - max(start, m_start)
                if overlap > best_overlap:
                    best, best_overlap = entity, overlap
        return best

    def places_in(self, start: int, end: int) -> list[Place]:
        """Places with a mention inside [start, end), in text order."""
        found = []
        for place in self.places:
            for m_start, m_end in place.mentions:
                if start <= m_start and m_end <= end:
                    found.append((m_start, place))
        return [p for _, p in sorted(found, key=lambda pair: pair[0])]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Date mentions inside [start, end), in text order."""
        return sorted((d for d in self.dates if start <= d.start and d.end <= end),
                      key=lambda d: d.start)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
