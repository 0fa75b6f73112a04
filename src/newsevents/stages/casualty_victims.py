"""Single victims for the casualties stage: noun phrases and names that count as one person.

Helpers for stages/casualties.py. UCDP and ACLED count every death, including one person, so
"a policeman was killed", "an aid worker was abducted", "the driver died", "Mhlanga was
arrested" are claims of 1. This module only finds the candidate phrases; the casualties stage
keeps those tied to a harm cue by its usual shapes (forward, backward, nominal).
Reads: `doc` (noun chunks, tags), `entities` (PERSON mentions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..numbers import Amount
from . import casualty_context as context

_INDEFINITE = {"a", "an", "another"}
_KIN = {"father", "mother", "son", "daughter", "brother", "sister", "husband", "wife",
        "grandfather", "grandmother", "uncle", "aunt", "parent", "cousin"}
# Definite singulars ("the driver", "his client") count only with these determiners.
_DEFINITE = {"the", "his", "her"}
# Singular heads that name a person although no suffix says so.
_SINGULAR_PEOPLE = {
    "man", "woman", "child", "boy", "girl", "baby", "infant", "toddler", "teenager", "person",
    "youth", "soldier", "policeman", "policewoman", "officer", "civilian", "journalist",
    "reporter", "photographer", "cameraman", "worker", "student", "teacher", "doctor", "nurse",
    "farmer", "resident", "villager", "migrant", "refugee", "passenger", "tourist", "prisoner",
    "detainee", "hostage", "guard", "member", "leader", "commander", "chief", "official",
    "activist", "lawmaker", "politician", "priest", "cleric", "imam", "pastor", "judge",
    "lawyer", "businessman", "businesswoman", "trader", "driver", "pilot", "sailor", "fighter",
    "militant", "rebel", "gunman", "insurgent", "jihadist", "protester", "demonstrator",
    "citizen", "national", "peacekeeper", "contractor", "employee", "volunteer", "scientist",
    "engineer", "diplomat", "ambassador", "mayor", "governor", "minister", "colonel", "captain",
    "sergeant", "lieutenant", "spokesman", "spokeswoman", "elder", "herder", "fisherman",
    "miner", "pilgrim", "worshipper", "bystander", "pedestrian", "shopper", "relative",
    "shepherd", "publisher", "editor", "blogger", "client", "suspect", "aide", "bodyguard",
    "deputy", "trooper", "marine", "paramedic", "medic", "firefighter", "rescuer", "monk",
    "nun", "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife",
    "dissident", "opponent", "critic", "candidate", "president", "general", "head",
}
# Not people although they end like people nouns or are listed above in other senses.
_NOT_PEOPLE = {"number", "order", "border", "corner", "water", "computer", "paper", "letter",
               "center", "centre", "tower", "quarter", "layer", "power", "matter", "member state",
               "container", "helicopter", "shelter", "meter", "liter", "headquarters", "sector",
               "motor", "factor", "reactor", "tractor", "monitor", "chamber", "partner", "banner",
               "corridor", "error", "minor", "donor", "manner", "river", "cancer"}


@dataclass(frozen=True)
class SingleVictim:
    """A phrase naming one person, as an amount of 1 with its victims text."""

    amount: Amount
    victims: str | None  # "journalist", "soil scientist"; None for a name
    # "Otto Warmbier, an American student who died": the claim's span is the name
    alias: Amount | None = None
    kin: bool = False  # "his father": a relative, whose natural death is no casualty


def single_victims(article: Article, sent: Any, taken: list[tuple[int, int]]
                   ) -> list[SingleVictim]:
    """Phrases in the sentence naming one person, not overlapping the spans in `taken`."""
    found: list[SingleVictim] = []
    spans = list(taken)

    def add(start: int, end: int, victims: str | None, alias: Amount | None = None,
            kin: bool = False) -> None:
        if any(start < e and s < end for s, e in spans):
            return
        spans.append((start, end))
        text = article.text[start:end]
        found.append(SingleVictim(Amount(text, start, end, 1, 1), victims, alias, kin))

    for entity in article.entities:
        if entity.type != "PERSON":
            continue
        for start, end in entity.mentions:
            if sent.start_char <= start and end <= sent.end_char and _is_name(article, start, end):
                add(start, end, None)
    for token in sent:
        name = _unlisted_name(article, token)
        if name is not None:
            add(name[0].idx, name[-1].idx + len(name[-1]), None)
        if token.tag_ == "POS" and token.head.tag_ == "NN" and is_single_person(token.head):
            # "his client's arrest": the possessor, which noun chunks fold into the nominal
            head = token.head
            first = min((t for t in head.subtree if t.i <= head.i), key=lambda t: t.i)
            if first.lower_ in _INDEFINITE | _DEFINITE:
                add(first.idx, head.idx + len(head), _victims(list(head.doc[first.i:head.i + 1])))
        elif token.lower_ in ("he", "she") and token.dep_ in ("nsubjpass", "nsubj"):
            # "Khalid Mehdiyev told jurors that he was arrested": the name in the same sentence
            name = _antecedent(article, sent, token)
            if name is not None:
                add(token.idx, token.idx + len(token), None, name)
    for chunk in sent.noun_chunks:
        phrase = _person_chunk(chunk)
        if phrase is not None:
            add(phrase[0].idx, phrase[-1].idx + len(phrase[-1]), _victims(phrase),
                _apposed_name(article, chunk), phrase[0].lower_ in ("his", "her")
                and phrase[-1].lower_ in _KIN)
    return sorted(found, key=lambda v: v.amount.start)


def _unlisted_name(article: Article, token: Any) -> list[Any] | None:
    """A personal name the entities stage missed ("al-Rufay'i"), as the subject of a passive or
    a possessor: the tokens of the name, else None."""
    if token.pos_ != "PROPN" or token.dep_ not in ("nsubjpass", "poss"):
        return None
    if token.ent_type_ not in ("", "PERSON") or article.entity_at(token.idx, token.idx + 1):
        return None
    tokens = sorted([c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                    + [token], key=lambda t: t.i)
    if any(t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC") for t in tokens):
        return None
    if token.doc[tokens[-1].i + 1:tokens[-1].i + 2].text not in ("", "’s", "'s", "was", "has",
                                                                "had", "is", "were"):
        return None
    return tokens


def _antecedent(article: Article, sent: Any, pronoun: Any) -> Amount | None:
    """The only person named before a pronoun in its sentence, as the claim's span."""
    names = {(s, e) for entity in article.entities if entity.type == "PERSON"
             for s, e in entity.mentions
             if sent.start_char <= s and e <= pronoun.idx and _is_name(article, s, e)}
    if len({article.text[s:e] for s, e in names}) != 1:
        return None  # none, or two people: which one is "he"?
    start, end = max(names)
    return Amount(article.text[start:end], start, end, 1, 1)


def _apposed_name(article: Article, chunk: Any) -> Amount | None:
    """The name a chunk stands in apposition to ("Otto Warmbier, an American student")."""
    root = chunk.root
    if root.dep_ != "appos" or root.head.pos_ != "PROPN":
        return None
    entity = article.entity_at(root.head.idx, root.head.idx + len(root.head))
    if entity is None or entity.type != "PERSON":
        return None
    for start, end in entity.mentions:
        if start <= root.head.idx < end:
            return Amount(article.text[start:end], start, end, 1, 1)
    return None


def _is_name(article: Article, start: int, end: int) -> bool:
    """A written name (capitalised), not a pronoun or a description the entities stage linked."""
    text = article.text[start:end]
    return any(w[:1].isupper() for w in text.split()) and text.lower() not in context.PRONOUNS \
        and not any(
        word.lower() in context.PERSON_NOUNS for word in text.split())


def _person_chunk(chunk: Any) -> list[Any] | None:
    """The tokens of "a/an/another/the/his <...> <singular person noun> [of X]", else None."""
    first, root = chunk[0], chunk.root
    determiner = first.lower_
    if determiner not in _INDEFINITE | _DEFINITE or root.tag_ not in ("NN", "NNP"):
        return None
    if not is_single_person(root):
        return None
    if determiner in _DEFINITE and root.tag_ != "NN":
        return None
    tokens = list(chunk)
    # "another member of ISIS", "the driver of the train": keep a short "of" complement
    nxt = root.i + 1
    if nxt < len(root.doc) and root.doc[nxt].lower_ == "of":
        objects = [c for c in root.doc[nxt].children if c.dep_ == "pobj"]
        if objects and objects[0].i - nxt <= 4:
            tokens = list(root.doc[chunk.start:objects[0].i + 1])
    return tokens


def is_single_person(token: Any) -> bool:
    """True for a singular noun that names one person ("policeman", "aid worker", "American")."""
    low = token.lower_
    if low in _NOT_PEOPLE or token.ent_type_ in ("GPE", "ORG", "LOC", "FAC", "DATE"):
        return False
    if low in _SINGULAR_PEOPLE or token.ent_type_ == "NORP":
        return True
    return token.tag_ == "NN" and low.endswith(("ist", "ian", "man", "woman"))


def _victims(tokens: list[Any]) -> str | None:
    """The phrase without its determiner, lowercased unless proper: "American soil scientist"."""
    words = [t for t in tokens if t.pos_ != "DET" and t.lower_ not in _INDEFINITE | _DEFINITE]
    parts = [(w.text if w.pos_ == "PROPN" or w.ent_type_ in ("NORP", "GPE", "ORG") else w.lower_)
             + w.whitespace_ for w in words]
    text = "".join(parts).strip()
    return None if text in ("person", "") else text
