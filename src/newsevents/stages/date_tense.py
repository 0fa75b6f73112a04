"""Tense from the spaCy parse, for the dates stage: which verb governs a date, in what tense.

The tense chooses between the last and the next Friday, and the year of a yearless date;
`is_count` tells a count ("2011 people") from a year. Without a parse, a lexical test for
future markers in the sentence stands in.
"""

from __future__ import annotations

import re
from typing import Any

from .timex import Tense

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll", "’ll"})
# Heads whose infinitive complement is in the future: "due to meet", "plans to vote".
_FUTURE_HEADS = frozenset({"due", "expect", "expected", "schedule", "scheduled", "set", "plan",
                           "going", "intend", "slate", "slated", "poised", "aim", "hope",
                           "prepare", "vow", "promise", "threaten", "agree", "decide"})
# Present-tense reporting verbs do not move a weekday into the future ("says Friday's...").
_REPORTING = frozenset({"say", "tell", "report", "announce", "claim", "add", "state", "confirm",
                        "note", "write", "insist", "deny", "warn", "allege", "believe", "think"})
_FUTURE_WORDS = re.compile(r"(?i)\b(?:will|shall|going\s+to|due\s+to|scheduled\s+to|"
                           r"expected\s+to|set\s+to|plans?\s+to)\b|\w'll\b")
_STATE_CUE = re.compile(r"(?i)\b(?:as\s+of|since)\s+$")
_PLANNING = frozenset({"plan", "schedule", "slate"})
_SCHEDULE = frozenset({"set", "schedule", "slate", "plan", "due", "expect", "fix", "book"})
# Verbs whose present form is also their past: a VBP tag on them is no evidence of a schedule.
_SAME_PAST_FORM = frozenset({"hurt", "put", "cut", "set", "hit", "cost", "quit", "shut",
                             "spread", "let", "bid", "cast", "split", "burst", "beat", "read",
                             "shed", "upset", "broadcast", "forecast"})

def doc_matches(doc: Any, text: str) -> bool:
    return doc is not None and getattr(doc, "text", None) == text


def tense_at(doc: Any, text: str, start: int, end: int) -> Tense:
    """The tense of the verb that governs text[start:end]: past, present, future or None.

    A past verb does not put a date introduced as a deadline ("extended the offer to Nov.
    20", "payable Dec. 15", "effective Feb. 1") in the past: that tense is None; with no
    tense at all, a deadline word makes it future.
    """
    tense = _governing_tense(doc, text, start, end)
    before = text[max(0, start - 30):start]
    if tense == "past" and _FORWARD_CUE.search(before):
        if _UNTIL_CUE.search(before) and _looks_back(doc, start, end):
            return "past"  # "Until Thursday, they had not called him a suspect": up to a past day
        return None
    if tense is None and _DEADLINE_CUE.search(before):
        return "future"  # "effective June 1", "payable Dec. 15": a date the story looks ahead to
    return tense


_DEADLINE_CUE = re.compile(r"(?i)\b(?:payable|effective|expir(?:es|ing)|due|deadline|"
                           r"scheduled|slated|set\s+for)\s+(?:on\s+|in\s+|for\s+)?$")
_FORWARD_CUE = re.compile(r"(?i)\b(?:by|until|till|through|to|payable|effective|expir\w*|due"
                          r"|record|deadline|scheduled|slated|planned|expected|set\s+for)"
                          r"\s+(?:on\s+|in\s+|for\s+)?$")


_UNTIL_CUE = re.compile(r"(?i)\b(?:until|till)\s+(?:on\s+)?$")


# Past verbs of a state that lasted up to the day after "until" ("remained shut until
# Thursday"); a past verb of putting off ("postponed the vote until Friday") looks ahead.
_LASTED = frozenset({"remain", "stay", "continue", "last", "wait", "live", "serve", "hold"})


def _looks_back(doc: Any, start: int, end: int) -> bool:
    """True when the past verb governing 'until <day>' tells of a state up to that day: a
    past perfect ("had not called") or a verb of lasting ("remained closed")."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = clause_verb(span.root, max_steps=12) if span is not None and len(span) else None
    if verb is None:
        return False
    return verb.lemma_ in _LASTED or any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass")
                                         for c in verb.children)


def _governing_tense(doc: Any, text: str, start: int, end: int) -> Tense:
    if doc is None:
        return _lexical_tense(text, start)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _lexical_tense(text, start)
    token, via_noun = span.root, False
    for _ in range(12):  # climb to the governing verb
        if token.pos_ in ("VERB", "AUX") and not (token.i >= span.start and token.i < span.end):
            break
        if token.head.i == token.i:
            return None
        token = token.head
        via_noun = via_noun or (token.pos_ in ("NOUN", "PROPN") and token not in span)
    else:
        return None
    tense = _verb_tense(token)
    if token.lemma_ in _PLANNING and token.i < span.start and token.dep_ not in ("acl", "amod"):
        return "future"  # "planned a rally on Saturday", "has scheduled talks Thursday"
    if tense == "present" and token.lower_ in _SAME_PAST_FORM:
        return None  # "hurt", "cut", "set": the tagger's present is as often a past
    if tense == "present":
        # A present verb on a weekday is a schedule ("the talks resume on Monday"), unless
        # the day only modifies a noun ("Friday's attack is...") or the verb reports speech.
        if _STATE_CUE.search(text[max(0, start - 12):start]):
            return None  # "accounts for 70% as of February": a state up to then, no schedule
        return None if via_noun or token.lemma_ in _REPORTING else "future"
    if tense == "past" and via_noun:
        return None  # "notified companies of a cutback in September": the noun's time, not the verb's
    return tense


def _verb_tense(verb: Any, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if verb.dep_ == "xcomp" and depth < 3:
        heads = [verb.head] + ([verb.head.head] if verb.head.pos_ == "ADJ" else [])
        head_aux = {c.lower_ for h in heads for c in h.children if c.dep_ in ("aux", "auxpass")}
        if "had" in head_aux:
            return "past"  # "had been due to expire Friday": a plan overtaken, in the past
        if verb.head.lemma_ in _FUTURE_HEADS or verb.head.lower_ in _FUTURE_HEADS:
            return "future"
        inherited = _verb_tense(verb.head, depth + 1)
        if inherited is not None:
            return inherited
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if verb.tag_ == "VBN" and not auxes and verb.dep_ == "acl" and verb.lemma_ in _SCHEDULE:
        # a scheduling participle has no tense of its own ("a summit set for April"): the
        # clause's ("is expected to dominate a summit set for April" is future); other bare
        # participles tell of a done thing ("shares issued July 1") and stay past below
        above = clause_verb(verb.head)
        return _verb_tense(above, depth + 1) if above is not None and depth < 3 else None
    if words & {"have", "has", "had", "'ve"}:
        return "past"
    if verb.tag_ == "VBN" and "MD" not in tags and not (tags & {"VBZ", "VBP"}):
        return "past"  # "was heard", "killed" (bare participle); "is heard" is present below
    if "MD" in tags and not words & {"could", "can"}:
        return "future"  # "would leave as soon as Tuesday": not yet happened when reported
    if "VBD" in tags:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def clause_verb(token: Any, max_steps: int = 8) -> Any:
    """The first verb at or above `token` (climbing at most `max_steps` heads), or None."""
    for _ in range(max_steps):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _lexical_tense(text: str, start: int) -> Tense:
    """Without a parse: future when the sentence around the date has a future marker."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = text.find(".", start)
    sentence = text[left:right if right >= 0 else len(text)]
    return "future" if _FUTURE_WORDS.search(sentence) else None


def is_count(doc: Any, start: int, end: int) -> bool:
    """True when a 4-digit number counts a noun ("2011 people"), so is not a year."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    return (token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i > token.i
            and token.ent_type_ != "DATE")
