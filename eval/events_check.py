"""Hand-run accuracy check for the events stage (not a test; `newsevents eval` comes later).

  python eval/events_check.py [--plover PATH] [--case PATH]

PLOVER GSR dev: the gold uses PLOVER 0.5b1 names; we map them to the current 16 types:
FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE (the
manual merges DISAPPROVE and INVESTIGATE into ACCUSE), YIELD -> CONCEDE. Reported: "top"
accuracy (the predicted event whose trigger is highest in the parse tree, ties by position,
vs the gold type; no event = wrong), macro-F1 of that top label over the gold types, "any"
accuracy (some predicted event has the gold type) and event precision.

CASE 2021 task 2 dev: the snippet's label is the ACLED sub-event of the first event that has
one, mapped by ACLED_TO_CASE; with none, PLOVER types map to DIPLO (verbal/diplomatic) or
OTHER. The CASE-only labels NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME and ATTRIB are
never predicted. Reported: accuracy (= micro-F1), macro- and weighted-F1.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys

from newsevents.model import Article
from newsevents.pipeline import DEFAULT_STAGES, Resources, process
from newsevents.reader import article_from

DATA = "/work/shared/data/events"
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


def run(resources: Resources, text: str) -> Article | None:
    """The full pipeline on one snippet; a stage error is reported and counted as no output."""
    try:
        return process(article_from(text, published="2021-01-01"), resources, DEFAULT_STAGES)
    except Exception as error:  # noqa: BLE001 - a scorer must finish and say what failed
        print(f"  pipeline error: {type(error).__name__}: {error}", file=sys.stderr)
        return None


def top_event(article: Article):
    """The event whose trigger sits highest in the dependency tree (then the earliest)."""
    def depth(event) -> tuple[int, int]:
        tok = next((t for t in article.doc if t.idx == event.trigger_start), None)
        return (len(list(tok.ancestors)) if tok is not None else 99, event.trigger_start or 0)
    return min(article.events, key=depth) if article.events else None


def f1_table(gold: list[str], pred: list[str]) -> tuple[float, float, dict[str, float]]:
    """Macro-F1 and weighted-F1 over the gold labels, and F1 per label."""
    labels = sorted(set(gold))
    per, support = {}, collections.Counter(gold)
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label and g != label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    macro = sum(per.values()) / len(per)
    weighted = sum(per[lab] * support[lab] for lab in labels) / len(gold)
    return macro, weighted, per


def check_plover(resources: Resources, path: str) -> None:
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    gold, top, any_hit, n_events, n_right = [], [], 0, 0, 0
    for rec in records:
        label = OLD_TO_NEW.get(rec["event"], rec["event"])
        article = run(resources, rec["text"])
        events = article.events if article else []
        best = top_event(article) if article else None
        gold.append(label)
        top.append(best.type if best else "NONE")
        any_hit += any(e.type == label for e in events)
        n_events += len(events)
        n_right += sum(e.type == label for e in events)
    acc = sum(g == p for g, p in zip(gold, top)) / len(gold)
    macro, _, per = f1_table(gold, top)
    print(f"PLOVER GSR dev: {len(gold)} records")
    print(f"  top-event type accuracy {acc:.3f}   macro-F1 {macro:.3f}")
    print(f"  any-event accuracy {any_hit / len(gold):.3f}   precision {n_right / max(n_events, 1):.3f}"
          f" ({n_events} events)   no event: {top.count('NONE')}")
    print("  per type F1: " + ", ".join(f"{k} {v:.2f}" for k, v in per.items()))


def case_label(article: Article | None) -> str:
    if article is None or not article.events:
        return "OTHER"
    for event in article.events:
        if event.acled and not event.negated:
            return ACLED_TO_CASE.get(event.acled["sub_event_type"], "OTHER")
    return "DIPLO" if article.events[0].type in DIPLOMATIC else "OTHER"


def check_case(resources: Resources, path: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    gold = [row["SubType"] for row in rows]
    pred = [case_label(run(resources, row["EventSnippet"])) for row in rows]
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    macro, weighted, per = f1_table(gold, pred)
    print(f"CASE 2021 task 2 dev: {len(gold)} snippets")
    print(f"  accuracy (micro-F1) {acc:.3f}   macro-F1 {macro:.3f}   weighted-F1 {weighted:.3f}")
    print("  per label F1: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(per.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plover", default=f"{DATA}/plover/plover_gsr_dev.jsonl")
    parser.add_argument("--case", default=f"{DATA}/case2021_task2/test_dev.tsv")
    parser.add_argument("--only", choices=("plover", "case"))
    args = parser.parse_args()
    resources = Resources()
    if args.only != "case":
        check_plover(resources, args.plover)
    if args.only != "plover":
        check_case(resources, args.case)


if __name__ == "__main__":
    main()
