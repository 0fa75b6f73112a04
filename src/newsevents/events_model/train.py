"""Build the sub-event classifier from CASE 2021 task 2 dev, and cross-validate it.

Reads: `events/case2021_task2/test_dev.tsv` in the gold data folder (`--data`, else
$NEWSEVENTS_DATA, else ../shared/data) and `data/case_subtype_annotations.tsv` (our own
snippets, written and labelled for this classifier), each run through the full pipeline.
Writes: `src/newsevents/data/case_subtype_classifier.npz` (vocabulary, idf, weights, labels —
no text beyond single words and word pairs, no pickle). Run:
    python -m newsevents.events_model.train [--data DIR] [--out PATH]

Deterministic: the vocabulary is sorted, the solver's shuffling has a fixed seed, and the
cross-validation folds come from a fixed seed. `cross_validate` is what `newsevents eval
events` reports as the CASE score: each snippet is labelled by a model trained, with this same
code, on the other folds only — the shipped model has seen every dev snippet, so scoring it on
them would say nothing.
"""

from __future__ import annotations

import argparse
import csv
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from .classify import label_of
from .features import SnippetFeatures, snippet_features
from .linear import ARTIFACT, LinearModel

CASE_FILE = Path("events") / "case2021_task2" / "test_dev.tsv"
ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "case_subtype_annotations.tsv"
# Chosen by the 5-fold cross-validation on CASE dev (docs/events.md).
MIN_DF = 2  # a word seen in one snippet only is noise at this size
C = 3.0  # inverse L2 strength
RULE_WEIGHT = 0.5  # a rule feature's value (the text block has norm 1)
FOLDS = 5
SEED = 0


def read_case(data: Path) -> tuple[list[str], list[str]]:
    """Snippets and gold labels of CASE 2021 task 2 dev."""
    with (Path(data) / CASE_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["EventSnippet"] for r in rows], [r["SubType"] for r in rows]


def read_annotations(path: Path = ANNOTATIONS) -> tuple[list[str], list[str]]:
    """The project's own labelled snippets (written for this classifier, not from any corpus)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["EventSnippet"] for r in rows], [r["SubType"] for r in rows]


def featurize(texts: list[str], resources: Any) -> list[SnippetFeatures]:
    """Each snippet through the full pipeline (as the scorer runs it), then its features."""
    from ..pipeline import process
    from ..reader import article_from

    return [snippet_features(process(article_from(t, published="2021-01-01"), resources))
            for t in texts]


def fit(rows: list[SnippetFeatures], labels: list[str], *, c: float = C, min_df: int = MIN_DF,
        rule_weight: float = RULE_WEIGHT) -> LinearModel:
    """A linear SVM over the rows' terms (seen in >= min_df rows) and rule features."""
    from sklearn.svm import LinearSVC

    df: dict[str, int] = {}
    for row in rows:
        for term in row.terms:
            df[term] = df.get(term, 0) + 1
    terms = sorted(t for t, n in df.items() if n >= min_df)
    rules = sorted({r for row in rows for r in row.rules})
    n = len(rows)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms])
    model = LinearModel(labels=[], terms={t: i for i, t in enumerate(terms)},
                        rules={r: i for i, r in enumerate(rules)}, idf=idf,
                        coef=np.zeros((0, len(terms) + len(rules))), intercept=np.zeros(0),
                        rule_weight=rule_weight)
    # A linear SVM, not a logistic regression: as accurate in the CV and 50x faster to fit, so
    # the five-fold CV runs inside `newsevents eval` in a second. Fixed random_state: liblinear
    # shuffles its coordinates.
    classifier = LinearSVC(C=c, random_state=SEED, max_iter=5000)
    classifier.fit(model.matrix(rows), labels)
    model.labels = [str(x) for x in classifier.classes_]
    # Rounded as the artifact stores them, so what is cross-validated is what ships.
    model.coef = classifier.coef_.astype(np.float16).astype(np.float32)
    model.intercept = classifier.intercept_.astype(np.float64)
    return model


def fold_of(labels: list[str], folds: int = FOLDS, seed: int = SEED) -> list[int]:
    """Stratified fold numbers: each label's items, shuffled with the seed, dealt round-robin."""
    rng = np.random.RandomState(seed)
    assigned = [0] * len(labels)
    turn = 0
    for label in sorted(set(labels)):
        members = [i for i, g in enumerate(labels) if g == label]
        for i in rng.permutation(members):
            assigned[int(i)] = turn % folds
            turn += 1
    return assigned


def cross_validate(rows: list[SnippetFeatures], labels: list[str], *, folds: int = FOLDS,
                   seed: int = SEED, test: list[int] | None = None,
                   extra: tuple[list[SnippetFeatures], list[str]] = ([], []),
                   **params: Any) -> list[str]:
    """Out-of-fold combined labels: each item labelled by a model trained on the other folds
    (plus the `extra` rows, our own annotations, which are never scored). `test` limits the
    labelling to those item indices (training still uses every other fold)."""
    fold = fold_of(labels, folds, seed)
    wanted = list(range(len(rows))) if test is None else test
    predictions: dict[int, str] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn's convergence chatter on tiny folds
        for k in sorted({fold[i] for i in wanted}):
            train = [i for i in range(len(rows)) if fold[i] != k]
            model = fit([rows[i] for i in train] + extra[0],
                        [labels[i] for i in train] + extra[1], **params)
            for i in wanted:
                if fold[i] == k:
                    predictions[i] = label_of(rows[i], model)
    return [predictions[i] for i in wanted]


def build(data: Path, out: Path = ARTIFACT, resources: Any = None) -> LinearModel:
    """Train on all of CASE dev and write the artifact."""
    from ..pipeline import default_resources

    resources = resources or default_resources()
    texts, labels = read_case(data)
    own_texts, own_labels = read_annotations()
    model = fit(featurize(texts + own_texts, resources), labels + own_labels)
    model.save(out)
    return model


def main(argv: list[str] | None = None) -> None:
    """Command line: build the artifact, print its size and the cross-validated score."""
    from ..evaluation.common import data_dir
    from ..evaluation.events import f1_scores
    from ..pipeline import default_resources

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="gold data folder")
    parser.add_argument("--out", type=Path, default=ARTIFACT, help="artifact path (.npz)")
    args = parser.parse_args(argv)
    texts, labels = read_case(data_dir(args.data))
    own_texts, own_labels = read_annotations()
    resources = default_resources()
    rows, own_rows = featurize(texts, resources), featurize(own_texts, resources)
    model = fit(rows + own_rows, labels + own_labels)
    model.save(args.out)
    cv = cross_validate(rows, labels, extra=(own_rows, own_labels))
    rules = [r.rules_label for r in rows]
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, {len(model.terms)} terms, "
          f"{len(model.rules)} rule features, {len(model.labels)} labels)")
    print(f"CASE dev weighted F1: rules only {f1_scores(labels, rules)[1]:.3f}, "
          f"{FOLDS}-fold CV {f1_scores(labels, cv)[1]:.3f}")


if __name__ == "__main__":
    main()
