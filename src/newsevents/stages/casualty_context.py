"""Source of a casualty claim: who reports it (reporting verbs, quotes, descriptions, datelines).

Helpers for stages/casualties.py (split out to keep each module small). Pure functions over
the article and its spaCy sentence; nothing here mutates the article.
Place, date, weapon and perpetrator are in casualty_scene.py.
Reads: `entities`, `quotes`, `text`, `doc`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..datelines import story_dateline
from ..model import Article

PERSON_NOUNS = {
    "people", "person", "persons", "individuals", "civilians", "civilian", "children", "child",
    "kids", "babies", "infants", "women", "woman", "men", "man", "girls", "boys", "girl", "boy",
    "soldiers", "soldier", "troops", "fighters", "militants", "militiamen", "rebels", "insurgents",
    "jihadists", "gunmen", "police", "policemen", "policeman", "officers", "officer", "guards",
    "personnel", "members", "protesters", "protestors", "demonstrators", "students", "workers",
    "journalists", "reporters", "residents", "villagers", "migrants", "refugees", "pilgrims",
    "worshippers", "worshipers", "passengers", "tourists", "teenagers", "miners", "farmers",
    "herders", "fishermen", "prisoners", "inmates", "staff", "employees", "doctors", "medics",
    "nurses", "patients", "volunteers", "citizens", "nationals", "peacekeepers", "sailors",
    "pilots", "crew", "servicemen", "marines", "recruits", "cadets", "officials", "leaders",
    "commanders", "supporters", "bystanders", "pedestrians", "shoppers", "others", "victims",
    "detainees", "hostages", "relatives", "family", "families", "households", "youths",
    "adults", "elderly", "settlers", "colonists", "activists", "opposition", "lawmakers",
    "teachers", "pupils", "survivors", "security", "army", "forces", "agents", "contractors",
    "truckers", "drivers", "gunman", "militant", "fighter", "rebel", "student", "worker",
    "journalist", "resident", "migrant", "refugee", "passenger", "tourist", "prisoner",
    "detainee", "hostage", "officials", "guard", "doctor", "nurse", "patient", "colleagues",
    "schoolgirls", "schoolboys", "schoolchildren", "elders", "elder", "clerics", "cleric",
    "priests", "priest", "monks", "nuns", "imam", "pastor", "judges", "judge", "lawyers",
    "lawyer", "diplomats", "diplomat", "engineers", "scientists", "scientist", "engineer",
    "photographer", "cameraman", "soldier", "policewoman", "trooper", "troopers", "commander",
    "leader", "member", "official", "chief", "spokesman", "spokeswoman", "mayor", "governor",
    "minister", "lawmaker", "politician", "activist", "protester", "demonstrator", "civilian",
    "teenager", "infant", "baby", "toddler", "youth", "farmer", "herder", "fisherman", "miner",
    "pilgrim", "worshipper", "bystander", "pedestrian", "shopper", "survivor", "relative",
    "shepherd", "trader", "businessman", "businesswoman", "driver", "pilot", "sailor", "citizen",
    "national", "peacekeeper", "contractor", "employee", "volunteer", "teacher", "reporter",
    "terrorists", "terrorist", "jihadist", "insurgent", "militiaman", "recruit", "colonel",
    "general", "captain", "sergeant", "lieutenant", "major", "deputy", "head", "aide",
    "bodyguard", "informant", "suspect", "suspects", "smugglers", "smuggler", "traffickers",
    "crewmen", "crewmembers", "seafarers", "firefighters", "paramedics", "rescuers", "guerrillas",
    "guerrilla", "commandos", "commando", "loyalists", "separatists", "Uyghurs", "Rohingya",
}
# Singular people nouns that an article makes a count of one: "a policeman was killed".
SINGULAR_SUFFIXES = ("ist", "ian", "man", "woman", "er", "or")
# Plural nouns ending like people nouns that are not people.
NON_PERSON = {
    "containers", "helicopters", "centers", "centres", "towers", "quarters", "barrels",
    "dollars", "liters", "litres", "meters", "metres", "kilometers", "kilometres", "numbers",
    "shelters", "tents", "rents", "cents", "percent", "incidents", "events", "apartments",
    "departments", "governments", "settlements", "amounts", "documents", "statements",
    "parliaments", "tournaments", "shipments", "payments", "segments", "rockets", "vehicles",
    "buildings", "houses", "homes", "villages", "towns", "schools", "hospitals", "years",
    "months", "weeks", "days", "hours", "minutes", "seconds", "tonnes", "tons", "acres",
    "hectares", "miles", "kilometres", "flights", "trucks", "cars", "tanks", "missiles",
    "shells", "drones", "jets", "planes", "aircraft", "boats", "ships", "livestock", "cattle",
    "animals", "votes", "seats", "points", "goals", "chambers", "papers", "computers", "letters",
    "orders", "borders", "corners", "markets", "layers", "fires", "waters", "districts",
    "provinces", "regions", "areas", "neighborhoods", "neighbourhoods", "cities", "countries",
}
# Person nouns that take an "of" complement inside the victim phrase: "members of the army".
GROUP_HEADS = {"members", "residents", "personnel", "employees", "staff", "citizens", "nationals",
               "supporters", "workers", "people", "officers", "troops", "soldiers", "families"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "this", "that"}
# "the group said": a description that names the latest organisation or armed group.
ORG_DESCRIPTIONS = {"group", "organization", "organisation", "movement", "militia", "outfit",
                    "faction", "network", "observatory", "monitor", "charity", "agency",
                    "insurgents", "militants", "rebels", "jihadists"}
# How far back (characters) "the group" looks for the group it names.
_DESCRIPTION_REACH = 700
REPORT_LEMMAS = {
    "say", "report", "tell", "announce", "state", "confirm", "add", "estimate", "count",
    "record", "document", "tally", "claim", "allege", "note", "quote", "cite", "warn",
    "give", "put", "update", "revise", "tweet", "write", "post", "insist", "acknowledge",
    "raise", "lower", "register", "describe",
}
# Reporting lemmas that only report when their object is a figure ("gave a toll").
_FIGURE_LEMMAS = {"give", "put", "update", "revise", "claim", "raise", "lower", "register"}
FIGURE_WORDS = {"toll", "figure", "number", "tally", "count", "estimate", "total", "statement",
                 "killing", "killings", "death", "deaths"}
# A source named in a wire paragraph covers the next sentence of that paragraph ("The Observatory
# reported heavy fighting. At least 14 civilians were killed."). Only real paragraphs carry: a
# "paragraph" longer than PARAGRAPH_MAX_CHARS is a story flattened to one line, where the next
# sentence is usually the reporter's own background (on the flattened VOA gold, carrying over 2
# sentences gave source accuracy 0.78 against 0.97 without).
CARRY_SENTENCES = 1
PARAGRAPH_MAX_CHARS = 700


@dataclass
class Source:
    """Who reports a claim, and the span of the words that name them (kept out of context)."""

    name: str | None = None
    entity_id: str | None = None
    start: int = -1
    end: int = -1
    verb: Any = None  # the reporting verb token, when there is one
    how: str = "none"  # quote | according_to | reporting_verb | paragraph | none


@dataclass
class SourceMemory:
    """The last named source, for sentences that name none ("same paragraph" carry-over)."""

    paragraph: int = -1
    in_paragraph: Source | None = None
    sentences_since: int = 0  # carry-over lapses after a few sentences (long one-line stories)
    last_named: Source | None = None  # for pronouns: "it said"
    found: list[Source] = field(default_factory=list)


def sentence_sources(article: Article, sent: Any, memory: SourceMemory) -> list[Source]:
    """Every explicit source in a sentence ("according to X", "X said"), pronouns resolved."""
    paragraph = article.text.count("\n\n", 0, sent.start_char)
    carry = CARRY_SENTENCES if _paragraph_length(article.text, sent.start_char) <= PARAGRAPH_MAX_CHARS else 0
    if paragraph != memory.paragraph or memory.sentences_since >= carry:
        memory.paragraph, memory.in_paragraph = paragraph, None
    memory.sentences_since += 1
    sources = []
    for subject, verb, how in _source_phrases(sent):
        source = _resolve(article, subject, verb, how, memory)
        if source is not None:
            sources.append(source)
    named = [s for s in sources if s.name]
    if named:
        memory.in_paragraph = memory.last_named = named[-1]
        memory.sentences_since = 0
    return sources


def _paragraph_length(text: str, position: int) -> int:
    """Length of the paragraph (blank-line delimited) holding `position`."""
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (end if end != -1 else len(text)) - (start + 2 if start != -1 else 0)


def source_for(sources: list[Source], anchor: Any, memory: SourceMemory) -> Source:
    """The source of one claim: the reporting verb governing its cue, else the nearest one."""
    if anchor is not None:
        for source in sources:
            if source.verb is not None and source.verb in list(anchor.ancestors):
                return source
    if sources:
        position = anchor.i if anchor is not None else 0
        return min(sources, key=lambda s: abs((s.verb.i if s.verb is not None else 0) - position))
    carried = memory.in_paragraph
    if carried is not None:
        return Source(carried.name, carried.entity_id, how="paragraph")
    return Source()


def byline_source(article: Article) -> Source | None:
    """The agency of a wire dateline ("KABUL (Reuters) -"): the reporter of unattributed claims."""
    dateline = story_dateline(article.text)
    if dateline is None or dateline.agency is None:
        return None
    entity = article.entity_at(dateline.agency_start, dateline.agency_end)
    return Source(dateline.agency, entity.id if entity else None, how="byline")


def quote_source(article: Article, position: int, harm: Any = None) -> Source | None:
    """The speaker of a quote (from the quotes stage) that contains the amount, if named.

    A quote whose cue is the harm verb itself is no report ("The flood claimed 40 lives" read
    as indirect speech of "the flood")."""
    for quote in article.quotes:
        if harm is not None and quote.cue_start == harm.idx:
            continue
        if quote.start <= position < quote.end and quote.speaker:
            return Source(quote.speaker, quote.speaker_id, how="quote")
    return None


def _source_phrases(sent: Any) -> list[tuple[Any, Any, str]]:
    """(subject head token, verb token, how) for each reporting construction in the sentence."""
    found = []
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) \
                and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                found.append((objects[0], token, "according_to"))
        elif _characterizes(token):
            found.append((subject_of(token), token, "reporting_verb"))
        elif token.lemma_.lower() in REPORT_LEMMAS and (token.pos_ in ("VERB", "AUX") or (
                token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children))):
            # a ROOT with a subject is a verb, whatever its tag ("groups ... estimate that")
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
                continue  # "doctors were said to be struggling": no one is reporting
            if token.lemma_.lower() in _FIGURE_LEMMAS and not _reports_figure(token):
                continue
            subject = subject_of(token) or _misparsed_subject(token) or _participle_subject(token)
            if subject is not None:
                found.append((subject, token, "reporting_verb"))
    return found


def _characterizes(verb: Any) -> bool:
    """"X called the arrests a travesty": a named subject judging the harm reports it too (not
    "called for the release of", "called in troops", "a group called Boko Haram")."""
    if verb.lemma_.lower() != "call" or verb.pos_ != "VERB" or verb.dep_ in ("acl", "relcl"):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("prt", "auxpass", "nsubjpass") or (c.dep_ == "prep" and c.i == verb.i + 1)
           for c in children):
        return False
    return any(c.dep_ == "dobj" for c in children) and subject_of(verb) is not None


def _participle_subject(verb: Any) -> Any:
    """"X shared the news, announcing that ...": a subjectless participle after a comma that the
    small model hung nowhere useful (no advcl) reports for the sentence's first subject."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != "," \
            or verb.dep_ in ("advcl", "xcomp", "conj", "acl", "amod", "pcomp", "pobj"):
        return None
    subjects = [t for t in verb.sent if t.i < verb.i and t.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _misparsed_subject(verb: Any) -> Any:
    """", the Syrian Observatory said." parsed with the name hung on an earlier noun (a dateline
    in front often does this): the name right before a subjectless reporting verb is its subject."""
    if verb.i == verb.sent.start or verb.dep_ != "ROOT":
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("PROPN", "NOUN") or before.dep_ in ("nsubj", "nsubjpass", "compound"):
        return None
    for entity in verb.doc.ents:
        if entity.start <= before.i < entity.end and entity.label_ in ("ORG", "PERSON", "NORP", "GPE"):
            return entity.root
    return before if before.pos_ == "PROPN" else None


def _reports_figure(verb: Any) -> bool:
    """"gave a toll", "registered 12 deaths", "claimed to be holding": the verb reports a figure."""
    for child in verb.children:
        if child.dep_ == "dobj" and (child.lemma_.lower() in FIGURE_WORDS or (
                verb.lemma_.lower() == "register" and any(g.like_num for g in child.children))):
            return True
        if child.dep_ in ("xcomp", "ccomp") and verb.lemma_.lower() == "claim":
            return True  # "claimed to be holding 200 hostages", "claimed it had killed 10"
    return False


def subject_of(verb: Any) -> Any:
    """The active subject of a verb; "saying" borrows the subject of the verb it hangs on."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            proper = [s for s in subjects if s.pos_ == "PROPN"]
            return (proper or subjects)[-1]
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _resolve(article: Article, head: Any, verb: Any, how: str, memory: SourceMemory
             ) -> Source | None:
    """Name the source: an entity when one covers it, else the trimmed noun phrase."""
    # The source's words span every subject of the verb ("Syria's state news agency SANA" is
    # parsed as two subjects) with appositives, so their places and dates stay out of the claim.
    subjects = [head] + [c for c in head.head.children
                         if c.dep_ in ("nsubj", "nsubjpass") and c is not head]
    full = sorted((t for s in subjects for t in s.subtree), key=lambda t: t.i)
    start, end = full[0].idx, full[-1].idx + len(full[-1])
    if head.lower_ in PRONOUNS:
        earlier = memory.last_named
        if earlier is None:
            return None
        return Source(earlier.name, earlier.entity_id, start, end, verb, how)
    words = trimmed_phrase(head)
    entity = _entity_for(article, head, words)
    if head.pos_ != "PROPN" and (entity is None or entity.type != "PERSON"):
        described = _described_entity(article, head, words)
        if described is not None:
            return Source(described.name, described.id, start, end, verb, how)
    if entity is not None and entity.type == "PERSON" and head.pos_ != "PROPN" \
            and len(entity.name.split()) >= 2:
        # "the spokesperson" that the entities stage tied to a named person
        return Source(entity.name, entity.id, start, end, verb, how)
    if entity is not None:
        # A named source takes the entity's name; a described one ("police", "aid workers")
        # keeps its own words, since the entity's name for it may be a generic label.
        named = head.pos_ == "PROPN" and head.lower_ not in PERSON_NOUNS
        name = entity.name if named else phrase_text(words)
        return Source(name, entity.id, start, end, verb, how)
    return Source(_long_form(article, head, words) or phrase_text(words), None, start, end, verb,
                  how)


def _described_entity(article: Article, head: Any, words: list[Any]) -> Any:
    """"the group" / "the militant group" -> the latest named group or organisation before it."""
    if head.lower_ not in ORG_DESCRIPTIONS or any(w.pos_ == "PROPN" for w in words):
        return None
    if not any(t.lower_ in ("the", "this") for t in head.lefts):
        return None  # "militants said" is not a reference back
    best, best_start = None, -1
    for entity in article.entities:
        if entity.type not in ("ORG", "GROUP") or entity.name.islower():
            continue
        for m_start, _ in entity.mentions:
            if head.idx - _DESCRIPTION_REACH <= m_start < head.idx and m_start > best_start:
                best, best_start = entity, m_start
    return best


def _entity_for(article: Article, head: Any, words: list[Any]) -> Any:
    """An entity whose mention covers the head word, else an ORG/PERSON inside the phrase."""
    entity = article.entity_at(head.idx, head.idx + len(head))
    if entity is not None:
        return entity
    for word in reversed(words):
        entity = article.entity_at(word.idx, word.idx + len(word))
        if entity is not None and entity.type in ("ORG", "PERSON", "GROUP"):
            return entity
    return None


def _long_form(article: Article, head: Any, words: list[Any]) -> str | None:
    """Expand "the Observatory" to an earlier full name ending in or containing that word."""
    if head.pos_ != "PROPN" or len([w for w in words if w.pos_ == "PROPN"]) > 1:
        return None
    best = None
    for ent in article.doc.ents:
        if ent.start_char >= head.idx:
            break
        if ent.label_ in ("ORG", "PERSON", "FAC", "NORP") and len(ent) > 1 \
                and head.text in [t.text for t in ent]:
            best = ent
    if best is None:
        return None
    tokens = [t for t in best if not (t.i == best.start and t.pos_ == "DET")]
    return phrase_text(tokens)


def trimmed_phrase(head: Any) -> list[Any]:
    """The noun phrase of a head without appositives, relative clauses or trailing asides."""
    keep: list[Any] = []

    def walk(token: Any) -> None:
        for child in token.lefts:
            if child.dep_ not in ("punct", "appos", "cc", "conj", "relcl", "acl", "advmod"):
                walk(child)
        keep.append(token)
        for child in token.rights:
            if child.dep_ in ("compound", "pobj", "amod", "nmod", "poss", "case", "flat") or (
                    child.dep_ == "prep" and child.lower_ in ("for", "of")):
                walk(child)

    walk(head)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].pos_ in ("DET", "PUNCT") or keep[0].lower_ in ("the", "a", "an")):
        keep = keep[1:]
    return keep


def phrase_text(words: list[Any]) -> str | None:
    """Words as written, common nouns lowercased ("Aid workers" -> "aid workers")."""
    if not words:
        return None
    parts = []
    for word in words:
        # Sentence-initial "Rebels" is often tagged PROPN: people nouns are never names.
        proper = word.pos_ == "PROPN" and word.lower_ not in PERSON_NOUNS
        text = word.text if (proper or word.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                             or word.text.isupper()) else word.lower_
        parts.append(text + word.whitespace_)
    return "".join(parts).strip().strip("\"'\u201c\u201d ") or None


def is_person_noun(token: Any) -> bool:
    """True for a noun naming people: lexicon, nationality plurals, or a people-like suffix."""
    low = token.lower_
    if low in NON_PERSON:
        return False
    if low in PERSON_NOUNS or token.ent_type_ == "NORP":
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.text[:1].isupper() and low.endswith(("ans", "is", "ese", "ers")):
        return True  # Palestinians, Israelis, Congolese, Westerners
    return low.endswith(("ers", "ists", "ians", "ants", "ents", "men", "ees", "ors"))
