"""Working records of the entities stage: actors being assembled and their candidate mentions.

Helper of `entities.py` (not a stage).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class Actor:
    """An entity being assembled before ids are given."""

    name: str
    type: str
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    surnames: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass
class Candidate:
    start: int
    end: int
    key: tuple
    priority: int


class Found:
    """Registry of actors and their candidate mentions."""

    def __init__(self) -> None:
        self.actors: dict[tuple, Actor] = {}
        self.candidates: list[Candidate] = []
        self.blocked: list[Span] = []

    def add(self, key: tuple, actor: Actor, start: int, end: int, priority: int) -> None:
        if end <= start:
            return
        known = self.actors.setdefault(key, actor)
        for attr in ("title", "country", "sector", "gender"):
            if getattr(known, attr) is None and getattr(actor, attr) is not None:
                setattr(known, attr, getattr(actor, attr))
        self.candidates.append(Candidate(start, end, key, priority))



def overlaps(span: Span, spans: list[Span]) -> bool:
    """True when the span shares a character with any of the spans."""
    return any(span[0] < end and start < span[1] for start, end in spans)
