"""The quotes, events and casualties scorers: scoring functions on tiny hand-made gold/predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluation import SCORERS
from newsevents.evaluation import casualties as cas
from newsevents.evaluation import events as ev
from newsevents.evaluation import quotes as qu
from newsevents.evaluation.common import data_dir
from newsevents.model import Actor, Article, Casualty, Event, Quote


def _shared_data() -> Path | None:
    try:
        return data_dir()
    except Exception:  # noqa: BLE001 - any failure means the data is not here
        return None


DATA = _shared_data()
needs_data = pytest.mark.skipif(DATA is None, reason="../shared/data not present")

# --- quotes -------------------------------------------------------------------------------

RAW = ("Rebels seized the town overnight, the army said.\n"
       "\n"
       "Police  chief Ana Ruiz told reporters: \u201cWe have made two arrests.\u201d\n"
       "He added that more arrests were likely.\n")


def _at(part: str) -> tuple[int, int]:
    start = RAW.index(part)
    return start, start + len(part)


def _ann(*relations: dict[str, str]) -> str:
    """A brat .ann text: each relation maps role -> the (unique) words it covers in RAW."""
    lines, n = [], 0
    for k, relation in enumerate(relations, 1):
        roles = []
        for role, words in relation.items():
            n += 1
            start, end = _at(words)
            lines.append(f"T{n}\t{role} {start} {end}\t{words}")
            roles.append(f"{role}:T{n}")
        lines.append(f"E{k}\tAttribution:T0 " + " ".join(roles))
    return "\n".join(lines) + "\n"


GOLD_ANN = _ann(
    {"Content": "Rebels seized the town overnight", "Source": "the army", "Cue": "said"},
    {"Content": "\u201cWe have made two arrests.\u201d", "Source": "Police  chief Ana Ruiz",
     "Cue": "told"},
    {"Content": "that more arrests were likely", "Source": "He", "Cue": "added"},
)


def test_read_gold_keeps_fragments_and_roles():
    ann = ("T1\tContent 0 6;20 25\tRebels town\nT2\tCue 44 48\tsaid\n"
           "E1\tAttribution-no-source:T9 Content:T1 Cue:T2\nE2\tAttribution:T3 Content:T7\n"
           "# a note\n")
    [relation] = qu.read_gold(ann)
    assert relation.content == ((0, 6), (20, 25))
    assert relation.cue == (44, 48) and relation.source is None


def test_offset_map_undoes_whitespace_normalisation():
    clean = ("Rebels seized the town overnight, the army said.\n\n"
             "Police chief Ana Ruiz told reporters: \u201cWe have made two arrests.\u201d\n\n"
             "He added that more arrests were likely.")
    mapping = qu.offset_map(RAW, clean)
    start = clean.index("Ana Ruiz")
    assert RAW[mapping[start]:mapping[start + 7] + 1] == "Ana Ruiz"
    assert qu.to_raw((start, start + 8), mapping, RAW, "Ana Ruiz") == _at("Ana Ruiz")
    # An unmappable span falls back to a search for its text.
    assert qu.to_raw((0, 6), [None] * 10, RAW, "arrests", near=140) == (RAW.rindex("arrests"),
                                                                          RAW.rindex("arrests") + 7)


@pytest.mark.parametrize("text, expected", [
    ("\u201cWe have made two arrests.\u201d", "We have made two arrests"),
    ("  'Yes,' ", "Yes"),
    ("that  more\narrests", "that more arrests"),
])
def test_norm(text, expected):
    assert qu.norm(text) == expected


@pytest.mark.parametrize("source, name", [
    ("Police chief Ana Ruiz", True), ("The Pentagon", True), ("he", False),
    ("a senior official", False), ("officials who spoke to us", False),
])
def test_is_name(source, name):
    assert qu.is_name(source) is name


@pytest.mark.parametrize("predicted, gold, ok", [
    ("Ana Ruiz", "Police chief Ana Ruiz", True), ("Ruiz", "Ana Ruiz", True),
    ("Ana Ruiz", "Ruiz", True), ("Pedro Gomez", "Ana Ruiz", False), (None, "Ana Ruiz", False),
])
def test_speaker_ok(predicted, gold, ok):
    assert qu.speaker_ok(predicted, gold) is ok


def _quote(part: str, speaker: str | None = None, cue: str | None = None) -> Quote:
    start, end = _at(part)
    cue_span = _at(cue) if cue else (None, None)
    return Quote(id="q", text=part, start=start, end=end, kind="direct", speaker=speaker,
                 cue_start=cue_span[0], cue_end=cue_span[1])


def test_score_article_counts_and_metrics():
    gold = qu.read_gold(GOLD_ANN)
    quotes = [
        _quote("\u201cWe have made two arrests.\u201d", "Ana Ruiz", "told"),  # exact, speaker, cue
        _quote("Rebels seized the town", None, "the army"),  # overlap 4/5 tokens, wrong cue
        _quote("overnight, the army said", None, None),  # no match
    ]
    counts = qu.score_article(RAW, RAW, quotes, gold)
    assert counts["gold"] == 3 and counts["pred"] == 3
    assert counts["exact_tp"] == 1 and counts["overlap_tp"] == 2 and counts["overlap_found"] == 2
    assert counts["gold_speech"] == 3 and counts["overlap_found_speech"] == 2
    # The army is a description: only Ruiz is scored, and she is right.
    assert counts["spk_name"] == 1 and counts["spk_ok"] == 1
    assert counts["cue_pred"] == 2 and counts["cue_gold"] == 2 and counts["cue_tp"] == 1
    metrics = {m.name: m for m in qu.metrics_from(counts)}
    assert metrics["polnear.content_f1_exact"].value == pytest.approx(1 / 3)
    assert metrics["polnear.content_f1_overlap"].value == pytest.approx(2 / 3)
    assert metrics["polnear.speaker_accuracy"].value == 1.0
    assert metrics["polnear.cue_f1"].value == pytest.approx(0.5)
    assert metrics["polnear.speech_recall"].value == pytest.approx(2 / 3)
    assert metrics["polnear.content_token_f1"].anchor_value == pytest.approx(0.832)
    assert all(0.0 <= m.value <= 1.0 for m in metrics.values())


def test_quote_metrics_on_nothing_are_zero_not_errors():
    metrics = qu.metrics_from(qu.score_article("", "", [], []))
    assert [m.value for m in metrics] == [0.0] * 6


# --- events -------------------------------------------------------------------------------

@pytest.mark.parametrize("code, iso2", [("BDI", "BI"), ("USA", "US"), ("PSE", "PS"),
                                        ("IGO", None), ("", None), (None, None)])
def test_iso3_to_iso2(code, iso2):
    assert ev.iso3_to_iso2(code) == iso2


@pytest.mark.parametrize("actor, gold, ok", [
    (Actor("Burundian militiamen"), [{"actorText": "Burundian militiamen", "code": "BDI"}], True),
    (Actor("militia", country="BI"), [{"actorText": "armed gangs", "code": "BDI"}], True),
    (Actor("the government", country="FR"), [{"actorText": "the army", "code": "BDI"}], False),
    (Actor("Security Council"), [{"actorText": "Iraq", "code": "IRQ"},
                                 {"actorText": "U.N. Security Council", "code": "IGO"}], True),
    (None, [{"actorText": "Iraq", "code": "IRQ"}], False),
    (Actor("Iraq", country="IQ"), "", False),
])
def test_actor_matches(actor, gold, ok):
    assert ev.actor_matches(actor, gold) is ok


def test_f1_scores_macro_and_weighted():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "X"]
    macro, weighted, per = ev.f1_scores(gold, pred)
    assert per == pytest.approx({"A": 2 / 3, "B": 2 / 3, "C": 0.0})
    assert macro == pytest.approx(4 / 9)
    assert weighted == pytest.approx((2 * 2 / 3 + 2 / 3) / 4)
    assert ev.f1_scores([], []) == (0.0, 0.0, {})


def _event(kind: str, acled: str | None = None, negated: bool = False, **kw) -> Event:
    return Event(id="e", type=kind, start=0, end=1, negated=negated,
                 acled={"event_type": "x", "sub_event_type": acled} if acled else None, **kw)


@pytest.mark.parametrize("events, label", [
    ([], "OTHER"),
    ([_event("ASSAULT", "Air/drone strike")], "AIR_STRIKE"),
    ([_event("ASSAULT", "Armed clash", negated=True), _event("PROTEST", "Peaceful protest")],
     "PEACE_PROTEST"),
    ([_event("CONSULT")], "DIPLO"),
    ([_event("MOBILIZE")], "CHANGE_TO_GROUP_ACT"),  # ACLED files troop moves there
])
def test_case_label(events, label):
    assert ev.case_label(Article(events=events)) == label
    assert ev.case_label(None) == "OTHER"


def test_plover_metrics_on_hand_made_predictions():
    records = [
        {"event": "FIGHT", "source": [{"actorText": "rebels", "code": "SDN"}],
         "target": [{"actorText": "soldiers", "code": "SDN"}]},
        {"event": "DEMAND", "source": [{"actorText": "Iraq", "code": "IRQ"}], "target": ""},
        {"event": "AGREE", "source": [{"actorText": "Israel", "code": "ISR"}], "target": ""},
    ]
    tops = [_event("ASSAULT", actor=Actor("Sudanese rebels"), target=Actor("civilians")),
            _event("ACCUSE", actor=Actor("Baghdad", country="IQ")),
            None]
    metrics = {m.name: m for m in ev.plover_metrics(records, tops)}
    assert metrics["plover.type_accuracy"].value == pytest.approx(1 / 3)
    assert metrics["plover.actor_match"].value == pytest.approx(2 / 3)
    assert metrics["plover.target_match"].value == 0.0 and metrics["plover.target_match"].n == 1


@pytest.mark.parametrize("text, main_trigger", [
    ("Rebels attacked the town after the government rejected their demands.", "attacked"),
    ("The government rejected the rebels' demands after they attacked the town.", "rejected"),
])
def test_top_event_is_the_main_clause(run, text, main_trigger):
    article = run(text)
    top = ev.top_event(article)
    assert top is not None and top.trigger == main_trigger
    assert ev.top_event(Article()) is None


@pytest.mark.parametrize("items, limit, expected", [
    (list(range(10)), 5, [0, 2, 4, 6, 8]), (list(range(10)), None, list(range(10))),
    (list(range(3)), 5, [0, 1, 2]), (list(range(7)), 1, [0]),
])
def test_spread_takes_an_even_sample(items, limit, expected):
    assert ev.spread(items, limit) == expected


def test_case_metrics():
    metrics = {m.name: m for m in ev.case_metrics(["ARREST", "ARREST", "DIPLO"],
                                                  ["ARREST", "OTHER", "DIPLO"])}
    assert metrics["case.subtype_accuracy"].value == pytest.approx(2 / 3)
    assert metrics["case.subtype_weighted_f1"].value == pytest.approx((2 * 2 / 3 + 1) / 3)


# --- casualties ---------------------------------------------------------------------------

@pytest.mark.parametrize("predicted, gold, same", [
    (None, None, True), ("police", None, False), (None, "police", False),
    ("officials", "U.S. and Iraqi officials", True), ("The Interior Ministry", "interior ministry", True),
    ("the Pakistani military", "military", True), ("group", "al-Shabab", False),
    ("spokesperson", "Lt. Gen. Ahmed Sharif Chaudhry", False),
])
def test_same_source(predicted, gold, same):
    assert cas.same_source(predicted, gold) is same


def _claim(kind: str, low, high, start: int, end: int, source=None) -> Casualty:
    return Casualty(id="c", kind=kind, low=low, high=high, text="x" * (end - start), start=start,
                    end=end, source=source)


def _gold(kind, low, high, start, end, source=None, subset_of=None) -> cas.GoldClaim:
    return cas.gold_claim({"kind": kind, "low": low, "high": high, "start": start, "end": end,
                           "text": "x" * (end - start), "source": source, "subset_of": subset_of})


def test_score_casualties_matching_subsets_and_fields():
    gold = [_gold("killed", 5, None, 10, 23, "police"),        # matched, exact
            _gold("killed", 2, 2, 40, 43, "police", 0),        # subset: not counted
            _gold("wounded", 12, 99, 60, 66, None),            # matched, wrong bounds
            _gold("arrested", 1, 1, 90, 102, None)]            # missed
    predicted = [_claim("killed", 5, None, 10, 23, "local police"),
                 _claim("killed", 2, 2, 40, 43, "police"),      # matches the subset: ignored
                 _claim("wounded", 12, 12, 60, 66, "doctors"),  # bounds and source wrong
                 _claim("killed", 3, 3, 60, 66)]                # right span, wrong kind: FP
    tally = cas.score_article([(c, (c.start, c.end)) for c in predicted], gold)
    assert (tally.predicted, tally.gold, tally.matched, tally.exact) == (3, 3, 2, 1)
    metrics = {m.name: m.value for m in cas.metrics_from(tally)}
    assert metrics["voa.claim_precision"] == pytest.approx(2 / 3)
    assert metrics["voa.claim_recall"] == pytest.approx(2 / 3)
    assert metrics["voa.exact_match_f1"] == pytest.approx(1 / 3)
    assert metrics["voa.kind_low_high_accuracy"] == pytest.approx(0.5)
    assert metrics["voa.source_accuracy"] == pytest.approx(0.5)


def test_one_gold_claim_matches_one_prediction():
    gold = [_gold("killed", 4, 4, 0, 4)]
    predicted = [_claim("killed", 4, 4, 0, 4), _claim("killed", 4, 4, 2, 6)]
    tally = cas.score_article([(c, (c.start, c.end)) for c in predicted], gold)
    assert (tally.predicted, tally.matched) == (2, 1)


def test_raw_span_searches_when_offsets_drift():
    raw = "Officials said  at least 12 people died and 4 were hurt."
    claim = Casualty(id="c", kind="killed", low=12, high=None, text="at least 12", start=15, end=26)
    assert raw[slice(*cas.raw_span(claim, raw))] == "at least 12"


def test_casualty_scorer_without_gold_file_returns_nothing(tmp_path):
    assert cas.evaluate(tmp_path, gold_path=tmp_path / "missing.jsonl") == []


def test_casualty_scorer_on_a_tiny_story(tmp_path, resources):
    text = ("Gunmen attacked a village in the north on Friday, killing at least 12 people, "
            "police said. Four others were wounded.")
    (tmp_path / "voa").mkdir()
    (tmp_path / "voa" / "voa_stories_dev.jsonl").write_text(
        json.dumps({"id": "1", "title": "Village attack", "published": "2026-03-15 10:00:00Z",
                    "text": text}) + "\n", encoding="utf-8")
    start = text.index("at least 12")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "1", "published": "2026-03-15 10:00:00Z", "annotated": True,
                                "claims": [{"kind": "killed", "low": 12, "high": None,
                                            "text": "at least 12", "start": start,
                                            "end": start + 11, "source": "police",
                                            "subset_of": None}]}) + "\n", encoding="utf-8")
    metrics = {m.name: m for m in cas.evaluate(tmp_path, resources=resources, gold_path=gold)}
    assert metrics["voa.claim_recall"].value == 1.0 and metrics["voa.claim_recall"].n == 1
    assert metrics["voa.exact_match_f1"].value > 0


# --- registration and the real data -------------------------------------------------------

def test_scorers_are_registered_in_order():
    names = list(SCORERS)
    assert {"quotes", "events", "casualties"} <= set(names)
    assert names.index("quotes") < names.index("events") < names.index("casualties")


@needs_data
@pytest.mark.slow
@pytest.mark.parametrize("module, expected", [
    (qu, {"polnear.content_f1_exact", "polnear.content_f1_overlap", "polnear.content_token_f1",
          "polnear.speaker_accuracy", "polnear.cue_f1", "polnear.speech_recall"}),
    (ev, {"plover.type_accuracy", "plover.type_macro_f1", "plover.actor_match",
          "plover.target_match", "case.subtype_weighted_f1", "case.subtype_accuracy",
          "case.rules_weighted_f1", "case.rules_accuracy"}),
    (cas, {"voa.claim_precision", "voa.claim_recall", "voa.claim_f1", "voa.exact_match_f1",
           "voa.kind_low_high_accuracy", "voa.source_accuracy", "voa.counts_exact_match_f1",
           "voa.counts_claim_recall", "plover.dead_injured_exact"}),
])
def test_scorers_on_a_few_real_items(module, expected, resources):
    first = module.evaluate(DATA, limit=3, resources=resources)
    assert {m.name for m in first} == expected
    assert all(0.0 <= m.value <= 1.0 for m in first)
    # Deterministic: the same run gives the same numbers.
    assert [m.value for m in module.evaluate(DATA, limit=3, resources=resources)] == \
        [m.value for m in first]
