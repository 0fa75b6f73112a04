"""Context for coded events: actor records, source and quote, place, date, modality, and
the CAMEO and ACLED codes. Helpers of the events stage (`stages/events.py`), kept apart to
keep each module small; nothing here is a stage.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ontology as ont
from ..countries import country_of
from ..model import Actor, Article, DateWindow
from .dates import governing_date
from .event_place import SAID_TYPES, acting_mention, said_scene

_NOT_ACTOR_ENTS = frozenset("DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT".split())
# A document speaks for whoever issued it: "X issued a declaration demanding ..." -> X.
_DOCUMENTS = frozenset("declaration statement letter resolution communique communiqué message "
                       "note memo memorandum petition appeal ultimatum".split())
_PRONOUNS = frozenset("he she him her they them we us i me it its".split())
_FIRST_PERSON = frozenset("we us i me".split())

# --- parse helpers shared with the events stage ---------------------------------------

def _subject(tok: Any, depth: int = 0) -> Any:
    """The subject of a verb, following relative clauses, conjuncts and control verbs."""
    if tok is None or depth > 6:
        return None
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        child = subjects[-1]  # closest to the verb: skips a dateline parsed as a subject
        if child.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            return tok.head
        return child
    if tok.dep_ in ("relcl", "acl"):
        if tok.head.lemma_.lower() in _DOCUMENTS and tok.head.dep_ == "dobj":
            return _subject(tok.head.head, depth + 1)  # "X issued a statement demanding ..."
        return tok.head
    if _loose_conj(tok):
        return _subject(tok.head.head, depth + 1)
    if tok.dep_ == "acomp":
        return _subject(tok.head, depth + 1)
    if tok.dep_ == "xcomp":
        obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None else _subject(tok.head, depth + 1)
    if tok.dep_ in ("conj", "advcl"):
        return _subject(tok.head, depth + 1)
    return None


def _loose_conj(tok: Any) -> bool:
    """A finite verb conjoined to an infinitive ("urged X to agree ... and accused Y"):
    the parser attached it one level too low; it shares the outer verb's subject."""
    return (tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP")
            and tok.head.tag_ == "VB" and tok.head.dep_ in ("xcomp", "ccomp", "advcl"))


def _prep_object(tok: Any, preps: tuple[str, ...]) -> Any:
    """The object of the first child preposition in `preps`."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _actor_like(tok: Any) -> bool:
    """Whether a noun can be an actor or a target (a name, a pronoun, people, a group)."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.lower_ in _PRONOUNS - {"it", "its"}:
        return True
    lemma = tok.lemma_.lower()
    return lemma in ont.ACTOR_NOUNS or tok.lower_ in ont.SECTOR_WORDS


def _complement_lemmas(tok: Any) -> set[str]:
    """Lemmas of the trigger's objects (and their compounds): what the action is done to."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr")]
    for prep in (c for c in tok.children if c.dep_ in ("prep", "prt")):
        heads += [g for g in prep.children if g.dep_ == "pobj"]
    heads += [g for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]  # "lifted the state of emergency"
    lemmas = set()
    for head in heads:
        lemmas.add(head.lemma_.lower())
        lemmas.update(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod"))
    return lemmas


def _cameo(trig: Any) -> str:
    """CAMEO root: lemma override, then mode override, then the type's root."""
    lemma = trig.tok.lemma_.lower()
    return (ont.CAMEO_BY_LEMMA.get((trig.type, lemma))
            or ont.CAMEO_BY_MODE.get((trig.type, trig.mode or ""))
            or ont.CAMEO_ROOT[trig.type])


_PROMISES = frozenset({"pledge", "promise", "offer", "commit", "vow", "swear"})


def _acled(trig: Any, actor: Actor | None, target: Actor | None) -> dict[str, str] | None:
    """ACLED event and sub-event type for political violence and strategic developments."""
    pair = _acled_pair(trig, actor, target)
    return {"event_type": pair[0], "sub_event_type": pair[1]} if pair else None


def _acled_pair(trig: Any, actor: Actor | None, target: Actor | None
                ) -> tuple[str, str] | None:
    lemmas = {t.lemma_.lower() for t in trig.tok.sent}
    a_sector = actor.sector if actor else None
    t_sector = target.sector if target else None
    if trig.type == "ASSAULT":
        if trig.mode == "territory":
            state = a_sector in ont.STATE_SECTORS or (a_sector is None and trig.key in (
                "recapture", "retake"))
            return ont.ACLED_GOV_TERRITORY if state else ont.ACLED_NSA_TERRITORY
        if (trig.type, trig.mode) in ont.ACLED_BY_MODE:
            return ont.ACLED_BY_MODE[(trig.type, trig.mode)]
        if lemmas & {"mob", "lynch", "vigilante"}:
            return ont.ACLED_MOB
        if t_sector == "protesters":
            return ont.ACLED_PROTEST_FORCE
        clash = any(p.key in ("clash", "fight", "fighting", "battle", "skirmish", "gunfight",
                              "firefight", "ambush") for p in trig.parts or [trig])
        if clash or (a_sector in ont.ARMED_SECTORS and t_sector in ont.ARMED_SECTORS):
            return ont.ACLED_ARMED_CLASH
        return ont.ACLED_BY_TYPE["ASSAULT"]
    if trig.type == "PROTEST" and trig.mode != "riot":
        if lemmas & {"kill", "shoot", "live", "ammunition"}:
            return ont.ACLED_PROTEST_FORCE
        if lemmas & {"disperse", "tear", "arrest", "detain", "baton", "water", "rubber"}:
            return ont.ACLED_PROTEST_INTERVENTION
    if trig.type == "AGREE" and trig.key in _PROMISES:
        return None  # ACLED's "Agreement" is a deal struck; a vow or an offer is only intent
    if trig.type == "COERCE" and trig.mode == "confiscate" and (
            trig.key in ("defuse", "dismantle", "intercept")
            or _complement_lemmas(trig.tok) & ont.WORD_CLASSES["weapon"]):
        return ont.ACLED_DISRUPTED
    return ont.ACLED_BY_MODE.get((trig.type, trig.mode)) or ont.ACLED_BY_TYPE.get(trig.type)


# --- actors, source and context ------------------------------------------------------------

def _actor(article: Article, tok: Any) -> Actor | None:
    """An Actor for a head token: the entity it belongs to, else the spaCy name or phrase."""
    if tok is None:
        return None
    if tok.lower_ in _PRONOUNS and tok.tag_ in ("PRP", "PRP$"):  # "us", not "the US"
        return _resolve_pronoun(article, tok)
    inner = _of_object(tok)
    if inner is not None:  # "thousands of Iraqi Kurds", "leaders of the coalition"
        return _actor(article, inner)
    span = _name_span(tok)
    entity = article.entity_at(tok.idx, tok.idx + len(tok.text)) or article.entity_at(*span)
    country, sector = _country_sector(_phrase(tok), article.text[span[0]:span[1]])
    if not _actor_like(tok):
        sector = None  # a place under attack ("government-held district") has no sector
    if (entity is None or entity.country is None) and country is None:
        # a place in the phrase ("in Abidjan", "rebels in eastern Aleppo"): its country
        place = next(iter(article.places_in(*_subtree_span(tok))), None)
        country = place.country if place is not None else None
    if any(c.lower_ == "ethnic" for c in tok.children):
        # "ethnic Albanians in Kosovo" are not Albania's: only a place in the phrase says where
        place = next(iter(article.places_in(*_subtree_span(tok))), None)
        country = place.country if place is not None else None
        entity_country = None
    else:
        entity_country = entity.country if entity is not None else None
    if entity is not None:
        return Actor(entity.name, entity_country or country, entity.sector or sector, entity.id)
    name = _strip_det(article.text[span[0]:span[1]])
    return Actor(name, country, sector) if name else None


# Heads that only count or single out members of the group named after "of".
_GROUP_HEADS = frozenset(
    "thousand thousands hundred hundreds dozen dozens ten tens score scores million millions "
    "group number some many most all one two three several leader leaders member members "
    "supporter supporters crowd crowds contingent batch unit units delegation".split())


def _of_object(tok: Any) -> Any:
    """The actor inside "<group head> of <actor>", when the head only counts or selects."""
    if tok.lower_ not in _GROUP_HEADS and tok.lemma_.lower() not in _GROUP_HEADS:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and (_actor_like(obj) or obj.pos_ == "PROPN") else None


def _name_span(tok: Any) -> tuple[int, int]:
    """The character span naming a head token: its named entity, else its noun phrase."""
    if tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent.start_char, ent.end_char
    left = min([tok] + [c for c in tok.lefts if c.dep_ in (
        "det", "amod", "compound", "nummod", "poss", "nmod", "quantmod")], key=lambda t: t.i)
    left = min(left.subtree, key=lambda t: t.i) if left is not tok else tok
    right = tok.idx + len(tok.text)
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and tok.lemma_.lower() not in ont.ACTOR_NOUNS:
        last = max(of.subtree, key=lambda t: t.i)
        right = last.idx + len(last.text)  # "district of Aleppo", not "members of ..."
    return left.idx, right


def _phrase(tok: Any) -> str:
    """The words around a head (title, nationality) used to guess country and sector."""
    words = [t for t in tok.subtree if t.i <= tok.i or t.dep_ == "appos"][:12]
    return " ".join(t.text for t in words)


def _country_sector(phrase: str, name: str) -> tuple[str | None, str | None]:
    """Country from a name or nationality word; sector from a title or group word."""
    words = re.findall(r"[\w.'-]+", phrase)
    name_words = re.findall(r"[\w.'-]+", name)
    country = next((ont.COUNTRY_WORDS[w] for w in words if w in ont.COUNTRY_WORDS), None)
    if country is None:
        country = _country_in(words)
    sector = next((ont.SECTOR_WORDS[w.lower()] for w in reversed(words)
                   if w.lower() in ont.SECTOR_WORDS), None)
    if sector is None and len(name_words) == 1 and name_words[0] in ont.COUNTRY_WORDS:
        sector = "government"  # "Russia", "Damascus": a state named for its government
    return country, sector


def _country_in(words: list[str]) -> str | None:
    """A country named, or implied by a demonym or capital, among capitalised words
    ("Bangladeshi peacekeepers", "the Sierra Leone army"); two-word names first."""
    caps = [w.rstrip("'s").rstrip("'") for w in words]
    for first, second in zip(caps, caps[1:]):
        if first[:1].isupper() and second[:1].isupper():
            found = country_of(f"{first} {second}")
            if found:
                return found
    for word in caps:
        if word[:1].isupper() and len(word) > 2:
            found = country_of(word)
            if found:
                return found
    return None


def _strip_det(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:\"'“”‘’")
    return re.sub(r"^(?i:the|a|an|its|their|his|her)\s+", "", text)


def _resolve_pronoun(article: Article, tok: Any) -> Actor | None:
    """I/we inside a quote -> its speaker; he/she -> the last person named before it."""
    pos = tok.idx
    reporter = _reporting_subject(tok)
    if reporter is not None:  # "Syria says it will ...": the pronoun is the speaker
        return _actor(article, reporter)
    if tok.lower_ in _FIRST_PERSON:
        quote = next((q for q in article.quotes if q.start <= pos < q.end and q.speaker), None)
        if quote is None:
            return None
        entity = article.entity(quote.speaker_id)
        if entity is not None:
            return Actor(entity.name, entity.country, entity.sector, entity.id)
        return Actor(quote.speaker)
    if tok.lower_ not in ("he", "she", "him", "her"):
        return None
    people = [(m[0], e) for e in article.entities if e.type == "PERSON"
              for m in e.mentions if m[0] < pos]
    if people:
        entity = max(people, key=lambda p: p[0])[1]
        return Actor(entity.name, entity.country, entity.sector, entity.id)
    ents = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.end_char <= pos]
    if ents:
        head = ents[-1].root
        return _actor(article, head) if head.lower_ not in _PRONOUNS else None
    return None


def _reporting_subject(tok: Any) -> Any:
    """For a subject pronoun inside what someone says or announces, that someone
    ("Iraq said it would allow ...", "the rebels said they would meet ...")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in (
            "it", "they", "we", "he", "she", "i"):
        return None
    head, hops = tok.head, 0
    while head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and hops < 4:
        head, hops = head.head, hops + 1
        if head.lemma_.lower() in ont.REPORTING_VERBS or head.lemma_.lower() in (
                "announce", "confirm", "insist", "warn", "decide", "agree", "vow", "promise",
                "threaten", "pledge", "deny"):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in _PRONOUNS:
                return None
            if tok.lower_ in ("he", "she", "i") and subject.ent_type_ != "PERSON" and \
                    subject.lemma_.lower() not in ont.SECTOR_WORDS:
                return None
            return subject
    return None


def _source(article: Article, tok: Any, start: int, end: int) -> tuple[str | None, str | None]:
    """Who reports the event (reporting-verb subject, "according to X") and its Quote id."""
    source, cue = None, None
    head, hops = tok, 0
    while head.dep_ != "ROOT" and hops < 8:
        head, hops = head.head, hops + 1
        if head.pos_ == "VERB" and head.lemma_.lower() in ont.REPORTING_VERBS:
            actor = _actor(article, _subject(head))
            source, cue = (actor.name if actor else None), head
            break
    if source is None:
        for t in tok.doc[tok.sent.start:tok.sent.end]:
            if t.lower_ == "according" and start <= t.idx < end:
                obj = _prep_object(t, ("to",))
                actor = _actor(article, obj)
                source = actor.name if actor else None
                break
    quote = _quote_for(article, tok, cue)
    if quote is not None and source is None:
        source = quote.speaker
    return source, quote.id if quote is not None else None


def _quote_for(article: Article, tok: Any, cue: Any) -> Any:
    """The Quote that contains the trigger, or whose cue is the event's reporting verb."""
    pos = tok.idx
    for quote in article.quotes:
        if quote.start <= pos < quote.end:
            return quote
        if cue is not None and quote.cue_start is not None and quote.cue_start == cue.idx:
            return quote
    return None


def _subtree_span(tok: Any) -> tuple[int, int]:
    last = tok.right_edge
    return tok.left_edge.idx, last.idx + len(last.text)


def _excluded_spans(trig: Any) -> list[tuple[int, int]]:
    """Where context must not come from: the actor phrase ("ministers from Europe") and the
    reporting source ("the Observatory, a Britain-based group, said")."""
    heads = []
    actor = trig.actor
    if actor is not None and actor.i not in {t.i for t in trig.tok.ancestors} | {trig.tok.i}:
        heads.append(actor)
    for tok in trig.tok.sent:
        if tok.lemma_.lower() in ont.REPORTING_VERBS and tok.i != trig.tok.i:
            holder = tok if tok.dep_ not in ("advcl", "conj") else tok.head  # ", saying ..."
            heads += [c for c in holder.children if c.dep_ == "nsubj"]
    spans = [_subtree_span(h) for h in heads]
    # A phrase holding the trigger itself is a misparse ("Hundreds of students protested in
    # Kabul, witnesses said" with "Hundreds" the subject of "said"), not the actor's words.
    return [(a, b) for a, b in spans if not a <= trig.tok.idx < b]


def _nearest(trig: Any, positions: list[tuple[int, Any]]) -> Any:
    """The candidate attached to the trigger, else the nearest one outside the actor phrase."""
    tok = trig.tok
    spans = [_subtree_span(p.tok) for p in trig.parts or [trig]]
    excluded = _excluded_spans(trig)
    best, best_key = None, None
    for pos, item in positions:
        if any(a <= pos < b for a, b in excluded):
            continue
        inside = any(a <= pos < b for a, b in spans)
        key = (0 if inside else 1, abs(pos - tok.idx))
        if best_key is None or key < best_key:
            best, best_key = item, key
    return best


def _place(article: Article, trig: Any, start: int, end: int, scene: bool = True) -> str | None:
    """The sentence's place nearest the trigger; with `scene`, for a verbal event only one
    where it is said (a place in its content still tells the parties' country: scene=False)."""
    found = [(m[0], p) for p in article.places for m in p.mentions if start <= m[0] < end]
    if scene and trig.type in SAID_TYPES:  # where it is said, not the place its words are about
        scene = said_scene(trig.tok, [p.tok for p in trig.parts or []])
        found = [(pos, p) for pos, p in found if any(a <= pos < b for a, b in scene)
                 and not any(acting_mention(article, m) for m in p.mentions if m[0] == pos)]
    place = _nearest(trig, found)
    return place.id if place is not None else None


def _date(article: Article, trig: Any, start: int, end: int) -> DateWindow:
    mentions = [(d.start, d) for d in article.dates_in(start, end) if d.date_from is not None]
    mention = _nearest(trig, mentions)
    if mention is None:
        return DateWindow()
    return DateWindow(mention.date_from, mention.date_to)


def _dated(article: Article, trig: Any, start: int, end: int, trigger: tuple[int, int]
           ) -> tuple[DateWindow, bool]:
    """The sentence's date nearest the trigger, else the one governing the trigger in its
    paragraph, else publication; True when it fell back to publication (dates.governing_date)."""
    window = _date(article, trig, start, end)
    if window.date_from is not None or window.date_to is not None:
        return window, False
    return governing_date(article, *trigger)


def _clause_chain(tok: Any, through_conj: bool) -> list[Any]:
    """The trigger and the heads it depends on within its clause (not past a ccomp)."""
    chain, t = [tok], tok
    ups = {"xcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "pcomp", "compound", "amod",
           "attr", "acomp"}
    if through_conj:  # modality also spreads into "while"/"when" clauses; negation does not
        ups.update(("conj", "advcl"))
    while t.dep_ in ups and t.head is not t and len(chain) < 10:
        if t.dep_ == "conj" and (_loose_conj(t) or any(
                c.dep_ in ("aux", "nsubj") for c in t.children)):
            break
        t = t.head
        chain.append(t)
    return chain


def _negated(tok: Any) -> bool:
    """"did not send", "no talks", "denied that it shelled"."""
    for t in _clause_chain(tok, through_conj=False):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children):
            return True
        if t.dep_ in ("xcomp", "ccomp") and t.head.lemma_.lower() in ("deny", "fail"):
            return True
    return False


def _hypothetical(tok: Any) -> bool:
    """Modal, future, conditional or intended ("would", "will", "if", "plans to", "due to")."""
    for t in _clause_chain(tok, through_conj=True):
        for child in t.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in ont.MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
                return True
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in ont.HYPOTHETICAL_GOVERNORS:
            return True
        if t.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in t.children):
            return True
    return False
