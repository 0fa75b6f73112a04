"""The scene of a casualty claim: weapon, perpetrator, place, date and whether it is cumulative.

Helpers for stages/casualties.py, split out of casualty_context.py (which names the source) to
keep each module small. Pure functions over the article and its spaCy sentence.
Reads: `places`, `dates`, `text`, `doc`.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Article, DateWindow
from .casualty_context import (FIGURE_WORDS, PRONOUNS, Source, phrase_text, subject_of,
                               trimmed_phrase)

WEAPONS = (
    "rocket fire", "rocket attacks?", "rockets?", "mortar (?:fire|shells?|rounds?|attacks?)",
    "mortars?", "artillery (?:fire|shells?|shelling|barrages?)", "artillery", "shelling",
    "air ?strikes?", "airstrikes?", "air raids?", "aerial bombardments?", "bombardments?",
    "barrel bombs?", "car bombs?", "truck bombs?", "suicide (?:bombings?|bombers?|attacks?|car "
    "bombs?|vests?)", "roadside bombs?", "improvised explosive devices?", "IEDs?", "landmines?",
    "land mines?", "drone (?:strikes?|attacks?)", "drones?", "missile (?:strikes?|attacks?)",
    "missiles?", "grenades?", "sniper fire", "gunfire", "live ammunition", "tear gas",
    "machine guns?", "knife attacks?", "stabbings?", "shootings?", "bombings?", "bombs?",
    "explosions?", "blasts?",
)
_WEAPON = re.compile(r"\b(?:" + "|".join(WEAPONS) + r")\b", re.IGNORECASE)
_WEAPON_HEADS = {"fire", "rocket", "rockets", "mortar", "mortars", "artillery", "shelling",
                 "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "bombardment",
                 "bomb", "bombs", "bombing", "bombings", "bomber", "device", "devices", "ied",
                 "ieds", "landmine", "landmines", "mine", "mines", "drone", "drones", "missile",
                 "missiles", "grenade", "grenades", "gunfire", "ammunition", "gas", "explosion",
                 "explosions", "blast", "blasts", "shooting", "shootings", "stabbing", "shell",
                 "shells", "barrage", "barrages", "attack", "attacks", "vest", "vests"}
# Verbs that name the weapon: "Rebels shelled the town, killing 8".
_WEAPON_VERBS = {"shelled": "shelling", "bombed": "bombing", "stabbed": "stabbing",
                 "gunned": "gunfire", "shot": "gunfire", "bombarded": "bombardment",
                 "rocketed": "rockets"}
_WEAPON_VERB = re.compile(r"\b(?:" + "|".join(_WEAPON_VERBS) + r")\b", re.IGNORECASE)
_EVENT_NOUNS = {"war", "conflict", "fighting", "violence", "attack", "attacks", "clashes",
                "clash", "explosion", "blast", "earthquake", "quake", "flood", "floods",
                "flooding", "storm", "cyclone", "hurricane", "fire", "crash", "collapse",
                "insurgency", "uprising", "crisis", "epidemic", "pandemic", "outbreak",
                "offensive", "campaign", "siege", "unrest", "battle", "battles", "disaster",
                "accident", "incident", "raid", "operation"}
_CUMULATIVE = re.compile(
    r"\bsince\b|\bso far\b|\bto date\b|\bthus far\b|\ba total of\b|\bin total\b|\baltogether\b"
    r"|\b(?:overall|total|cumulative)\s+(?:death\s+|casualty\s+)?toll\b"
    r"|\b(?:bringing|raising|pushing|taking|brings|raises|pushes|took|brought|raised)\s+the\s+"
    r"(?:overall\s+|total\s+)?(?:death\s+|casualty\s+)?toll\b"
    r"|\b(?:over|in|during|throughout)\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?)\b|\b(?:this|last)\s+year\b"
    r"|\b(?:war|conflict|fighting|insurgency|violence|uprising|crisis|epidemic|pandemic|outbreak"
    r"|campaign|offensive)\b[^.;]{0,30}\b(?:has|have|had)\s+(?:now\s+)?(?:killed|claimed|left|"
    r"displaced|forced|uprooted|wounded)\b",
    re.IGNORECASE)
_ANAPHORA = re.compile(r"\bthe\s+(district|neighbou?rhood|quarter|suburb|town|city|village|camp"
                       r"|province|region|area|state)\b", re.IGNORECASE)
_ANAPHORA_FEATURES = {"district": ("district",), "neighbourhood": ("district",),
                      "neighborhood": ("district",), "quarter": ("district",),
                      "suburb": ("district",), "town": ("city",), "city": ("city",),
                      "village": ("city",), "camp": ("city", "other"), "province": ("admin",),
                      "region": ("admin",), "state": ("admin",), "area": ()}
_FEATURE_RANK = {"district": 0, "city": 1, "other": 2, "admin": 3, "country": 4}


def weapon_and_perpetrator(article: Article, sent: Any, cue: Any, backward: bool,
                           source: Source) -> tuple[str | None, str | None]:
    """The weapon (nearest weapon words) and perpetrator ("by X", "X killed") of a claim."""
    perpetrator = weapon = None
    if cue is not None:
        if backward:
            weapon, perpetrator = _active_subject(cue)
        else:
            weapon, perpetrator = _agent_phrase(cue, sent)
    if weapon is None:
        weapon = _nearest_weapon(sent, cue, source)
    return weapon, perpetrator


def _active_subject(verb: Any) -> tuple[str | None, str | None]:
    """For "X killed 12" / "X shelled the town, killing 12": X as weapon or perpetrator."""
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.lower_ in PRONOUNS:
        return None, None
    return _weapon_or_actor(subject)


def _agent_phrase(cue: Any, sent: Any) -> tuple[str | None, str | None]:
    """For "killed by rocket fire from terrorist groups": (weapon, perpetrator)."""
    for token in sent.doc[cue.i + 1:sent.end]:
        if token.text == ";" or token.lemma_.lower() in ("say", "report", "tell"):
            break
        if token.lower_ == "by" and token.i - cue.i <= 8:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                return _weapon_or_actor(objects[0])
            break
    return None, None


def _weapon_or_actor(head: Any) -> tuple[str | None, str | None]:
    """Classify a noun phrase: a weapon (with its "from X" firer), an event, or an actor."""
    words = trimmed_phrase(head)
    if head.lower_ in _WEAPON_HEADS:
        weapon_words = [w for w in words if w.i <= head.i]
        actor = None
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].lower_ not in _WEAPON_HEADS:
                    actor = phrase_text(trimmed_phrase(objects[0]))
        following = _next_after(head)
        if actor is None and following is not None and following.lower_ in ("from", "by"):
            # the parser often hangs "from X" on the verb: "killed by rocket fire from X"
            objects = [c for c in following.children if c.dep_ == "pobj"]
            if objects and objects[0].lower_ not in _WEAPON_HEADS:
                actor = phrase_text(trimmed_phrase(objects[0]))
        actor = actor or _actor_modifier(weapon_words, head)
        return phrase_text([w for w in weapon_words if w.ent_type_ != "NORP"]), actor
    if head.lower_ in _EVENT_NOUNS or head.lower_ in PRONOUNS or head.lower_ in FIGURE_WORDS:
        return None, None
    return None, phrase_text(words)


def _next_after(head: Any) -> Any:
    """The token right after a head's whole subtree, or None."""
    last = max(t.i for t in head.subtree)
    return head.doc[last + 1] if last + 1 < len(head.doc) else None


def _actor_modifier(words: list[Any], head: Any) -> str | None:
    """"Israeli air strikes" -> "Israeli": a nationality or group modifying a weapon."""
    actors = [w for w in words if w.i < head.i and w.ent_type_ in ("NORP", "ORG")]
    return phrase_text(actors) if actors else None


def _nearest_weapon(sent: Any, cue: Any, source: Source) -> str | None:
    """The weapon words in the sentence nearest to the cue, outside the source's own words."""
    anchor = cue.idx if cue is not None else sent.start_char
    best = None
    for pattern, rename in ((_WEAPON, None), (_WEAPON_VERB, _WEAPON_VERBS)):
        for match in pattern.finditer(sent.text):
            start = sent.start_char + match.start()
            if source.start <= start < source.end:
                continue
            word = match.group(0)
            name = rename[word.lower()] if rename else (word if word.isupper() else word.lower())
            distance = abs(start - anchor)
            if distance <= 150 and (best is None or distance < best[0]):
                best = (distance, name)
    return best[1] if best else None


def is_cumulative(sent: Any, amount: Any) -> bool:
    """True for a running or period toll: "since 2011", "so far", "bringing the toll to"."""
    return _CUMULATIVE.search(sent.text) is not None


def place_for(article: Article, sent: Any, cue: Any, amount: Any, source: Source) -> str | None:
    """A place named in the sentence (nearest the cue, most specific), else "the district"."""
    anchor = cue.idx if cue is not None else amount.start
    best = None
    for place in article.places:
        for m_start, m_end in place.mentions:
            if not (sent.start_char <= m_start and m_end <= sent.end_char):
                continue
            if source.start <= m_start < source.end:
                continue  # "Syria's state news agency": the source's country, not the scene
            score = abs(m_start - anchor) + 40 * _FEATURE_RANK.get(place.feature, 2)
            if best is None or score < best[0]:
                best = (score, place.id)
    if best is not None:
        return best[1]
    return _anaphoric_place(article, sent)


def _anaphoric_place(article: Article, sent: Any) -> str | None:
    """Resolve "in the district" to the latest earlier place of that kind."""
    match = _ANAPHORA.search(sent.text)
    if match is None:
        return None
    noun = match.group(1).lower()
    features = _ANAPHORA_FEATURES.get(noun, ())
    best = None
    for place in article.places:
        for m_start, m_end in place.mentions:
            if m_end > sent.start_char:
                continue
            follows = article.text[m_end:m_end + 20].lower().lstrip().startswith(noun)
            if (not features or place.feature in features or follows) and (
                    best is None or m_start > best[0]):
                best = (m_start, place.id)
    return best[1] if best else None


def date_for(article: Article, sent: Any, amount: Any, source: Source, cumulative: bool
             ) -> DateWindow | None:
    """The window of the date mention in the sentence nearest the amount (not the report date)."""
    mentions = [d for d in article.dates_in(sent.start_char, sent.end_char)
                if not (source.start <= d.start < source.end)
                and (d.date_from is not None or d.date_to is not None)]
    if not mentions:
        return None
    verb_end = source.verb.idx + len(source.verb) if source.verb is not None else -100
    scene = [d for d in mentions if not 0 <= d.start - verb_end <= 4] or mentions
    chosen = min(scene, key=lambda d: abs(d.start - amount.start))
    between = article.text[min(amount.end, chosen.start):max(amount.end, chosen.start)]
    if cumulative and re.search(r"\bsince\b", between + article.text[chosen.start - 8:chosen.start],
                                re.IGNORECASE):
        return DateWindow(chosen.date_from, None)  # "since 2011": open-ended toll
    return DateWindow(chosen.date_from, chosen.date_to)
