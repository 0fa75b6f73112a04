"""The CASE sub-event classifier: its artifact, its labels on hand-written reports, its training."""

from __future__ import annotations

import time

import numpy as np
import pytest

from newsevents.events_model import classify
from newsevents.events_model.classify import decide, incident_label
from newsevents.events_model.features import SnippetFeatures, snippet_features, words
from newsevents.events_model.linear import ARTIFACT, LinearModel
from newsevents.events_model.train import cross_validate, fit, fold_of
from newsevents.stages.event_acled import incident_type

# Written for these tests in wire-copy style (not from any corpus, not in the annotations).
REPORTS = [
    ("Police fired tear gas and water cannon to disperse hundreds of protesters outside "
     "parliament on Tuesday.", "PROTEST_WITH_INTER"),
    ("Government warplanes carried out air strikes on rebel positions near the town, killing "
     "12 fighters.", "AIR_STRIKE"),
    ("A roadside bomb exploded as a military convoy passed near the town, killing three "
     "soldiers.", "REM_EXPLOS"),
    ("Rebels captured the town of Kidal on Sunday after a day of fighting, forcing government "
     "troops to flee.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("The army recaptured the village from the militants after heavy fighting, the defence "
     "ministry said.", "GOV_REGAINS_TERIT"),
    ("The government and the rebel movement signed a peace agreement in the capital on Sunday.",
     "AGREEMENT"),
    ("Police arrested 15 people suspected of links to the militant group in raids overnight.",
     "ARREST"),
    ("Gunmen kidnapped six aid workers on the road to the airport, officials said.",
     "ABDUCT_DISSAP"),
    ("Bomb disposal experts defused an explosive device found under a bridge.", "DISR_WEAP"),
    ("Troops opened fire on demonstrators, killing four people, witnesses said.",
     "FORCE_AGAINST_PROTEST"),
]


@pytest.fixture(scope="module")
def model() -> LinearModel:
    return LinearModel.load(ARTIFACT)


@pytest.fixture(scope="module")
def report_features(run) -> list[SnippetFeatures]:
    return [snippet_features(run(text)) for text, _ in REPORTS]


def test_artifact_is_small_plain_arrays(model):
    assert ARTIFACT.stat().st_size < 2_000_000
    with np.load(ARTIFACT, allow_pickle=False) as arrays:  # raises on any pickled object
        assert all(arrays[name].dtype != object for name in arrays.files)
    assert model.coef.shape == (len(model.labels), model.width)
    assert {"AIR_STRIKE", "PEACE_PROTEST", "ARREST", "DIPLO"} <= set(model.labels)


@pytest.mark.parametrize("index", range(len(REPORTS)))
def test_classifier_alone_and_combined_label(model, report_features, index):
    features, (_, label) = report_features[index], REPORTS[index]
    scores = model.scores(features)
    assert max(scores, key=scores.__getitem__) == label
    assert classify.label_of(features, model) == label


@pytest.mark.parametrize("text, label", REPORTS[:3])
def test_incident_label_on_a_processed_report(run, text, label):
    assert incident_label(run(text)) == label


def test_scoring_one_snippet_is_cheap(model, report_features):
    began = time.perf_counter()
    for _ in range(20):
        for features in report_features:
            model.scores(features)
    per_snippet = (time.perf_counter() - began) / (20 * len(report_features))
    assert per_snippet < 0.002


@pytest.mark.parametrize("rules_label, scores, expected", [
    ("ARMED_CLASH", {"ATTACK": 0.4, "ARMED_CLASH": -0.3}, "ATTACK"),  # sure: classifier
    ("ARMED_CLASH", {"ATTACK": -0.8, "ARMED_CLASH": -0.9}, "ARMED_CLASH"),  # unsure: rules
    ("NATURAL_DISASTER", {"REM_EXPLOS": 1.2}, "NATURAL_DISASTER"),  # CASE-only label: rules
    ("ARREST", {"ORG_CRIME": 1.0, "ARREST": -1.0}, "ARREST"),  # classifier's CASE-only: rules
    ("OTHER", {"ATTACK": 1.0}, "OTHER"),
    ("ARREST", {}, "ARREST"),  # no model
])
def test_decide_keeps_the_rules_where_the_classifier_may_not_or_is_unsure(rules_label, scores,
                                                                           expected):
    assert decide(rules_label, scores) == expected


def test_missing_artifact_falls_back_to_the_rules_with_a_warning(run, monkeypatch, tmp_path):
    article = run("Gunmen kidnapped six aid workers on the road to the airport, officials said.")
    monkeypatch.setattr(classify, "ARTIFACT", tmp_path / "missing.npz")
    classify.default_model.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="using the rules alone"):
            assert classify.default_model() is None
        assert incident_label(article) == incident_type(article)
    finally:
        classify.default_model.cache_clear()


def _toy(run) -> tuple[list[SnippetFeatures], list[str]]:
    texts = [
        ("Soldiers and rebels exchanged fire near the border post.", "ARMED_CLASH"),
        ("Militants and troops clashed for hours outside the town.", "ARMED_CLASH"),
        ("Hundreds of nurses marched peacefully to demand higher pay.", "PEACE_PROTEST"),
        ("Thousands of students rallied in the capital against the new law.", "PEACE_PROTEST"),
        ("Police arrested ten opposition activists in the capital.", "ARREST"),
        ("Security forces detained a journalist at his home.", "ARREST"),
    ]
    return [snippet_features(run(t)) for t, _ in texts], [label for _, label in texts]


def test_training_is_deterministic(run):
    rows, labels = _toy(run)
    first, second = fit(rows, labels), fit(rows, labels)
    assert first.labels == second.labels == ["ARMED_CLASH", "ARREST", "PEACE_PROTEST"]
    assert first.terms == second.terms and first.rules == second.rules
    assert np.array_equal(first.coef, second.coef)
    assert np.array_equal(first.intercept, second.intercept)
    assert cross_validate(rows, labels, folds=2) == cross_validate(rows, labels, folds=2)


def test_saved_model_predicts_as_the_trained_one(run, tmp_path):
    rows, labels = _toy(run)
    trained = fit(rows, labels)
    trained.save(tmp_path / "toy.npz")
    loaded = LinearModel.load(tmp_path / "toy.npz")
    for row in rows:
        assert loaded.scores(row) == pytest.approx(trained.scores(row), abs=1e-5)


@pytest.mark.parametrize("labels, folds", [
    (["A"] * 5 + ["B"] * 10 + ["C"] * 2, 5),
    (["A", "B"] * 6, 3),
])
def test_folds_are_stratified_and_fixed(labels, folds):
    assigned = fold_of(labels, folds)
    assert assigned == fold_of(labels, folds)
    for label in set(labels):
        per_fold = [sum(1 for a, g in zip(assigned, labels) if g == label and a == k)
                    for k in range(folds)]
        assert max(per_fold) - min(per_fold) <= 1  # each label spread evenly over the folds


def test_cross_validation_of_a_sample_matches_the_full_run(run):
    rows, labels = _toy(run)
    full = cross_validate(rows, labels, folds=2)
    assert cross_validate(rows, labels, folds=2, test=[1, 4]) == [full[1], full[4]]


@pytest.mark.parametrize("text, expected", [
    ("Rebels seized 3 towns", ["rebels", "seized", "<num>", "towns"]),
    ("A 4.5-magnitude quake", ["a", "<num>", "magnitude", "quake"]),
])
def test_words(text, expected):
    assert words(text) == expected
