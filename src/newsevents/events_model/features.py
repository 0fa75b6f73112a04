"""Features of one snippet for the sub-event classifier: its words and what the rules made of it.

Reads: a coded `Article` (text, events with types / modes / actor sectors / ACLED sub-types,
casualty claims). Gives: `SnippetFeatures` — word unigram and bigram counts of the text, and
a set of binary "rule" features: the decision list's label (`event_acled.incident_type`), the
PLOVER types and modes coded, the sectors of actors and targets of violent events, the kinds of
casualty claims, and which of the decision list's cue-word groups fire.

Why the rules' outputs as features: 480 labelled snippets are too few to learn from words
alone what the codebook spells out (precedence of weapons, who took ground); the rule label
carries that knowledge, and the words let the model correct it where the wording says more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article
from ..stages.event_acled import CUES, incident_type

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]|\d+(?:[.,]\d+)*")
# Events whose actors and targets say who fought whom (armed clash vs. attack on civilians).
_ROLE_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}


@dataclass
class SnippetFeatures:
    """What the classifier sees of one snippet."""

    terms: dict[str, int] = field(default_factory=dict)  # word n-gram -> count
    rules: set[str] = field(default_factory=set)  # binary rule features, "rule=ARMED_CLASH"
    rules_label: str = "OTHER"  # the decision list's own label


def words(text: str) -> list[str]:
    """Lower-cased word tokens; every number is one token (counts say little about the type)."""
    return ["<num>" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]


def text_terms(text: str) -> dict[str, int]:
    """Unigram and bigram counts."""
    tokens = words(text)
    counts: dict[str, int] = {}
    for gram in tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]:
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def rule_features(article: Article, label: str) -> set[str]:
    """Binary features from the coded events, casualty claims and cue-word groups."""
    found = {f"rule={label}"}
    for event in article.events:
        if event.negated:
            continue
        found.add(f"type={event.type}")
        if event.mode:
            found.add(f"mode={event.type}/{event.mode}")
        if event.acled:
            found.add(f"acled={event.acled.get('sub_event_type')}")
        if event.type in _ROLE_TYPES:
            for role, actor in (("actor", event.actor), ("target", event.target)):
                if actor is not None and actor.sector:
                    found.add(f"{role}={event.type}/{actor.sector}")
    for claim in article.casualties:
        found.add(f"casualty={claim.kind}")
    text = article.text or ""
    found.update(f"cue={key}" for key, pattern in CUES.items() if pattern.search(text))
    return found


def snippet_features(article: Article) -> SnippetFeatures:
    """The classifier's view of one processed snippet."""
    label = incident_type(article)
    return SnippetFeatures(text_terms(article.text or ""), rule_features(article, label), label)
