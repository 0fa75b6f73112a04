"""The snippet's sub-event label: the classifier where it is sure, the rules otherwise.

Reads: a coded `Article`. Gives: `incident_label(article)` (a CASE 2021 task 2 label),
`decide(rules_label, scores)` (the combination rule, shared by run time and the
cross-validation in `train`), and `default_model()` (the shipped artifact, loaded once; None
with a warning when it is missing or unreadable, and the rules' label is used).

Why the classifier only for ACLED sub-types: it is trained on 480 snippets, where the
"unseen" CASE labels (natural and man-made disasters, organised crime, claims of
responsibility, diplomacy) have a handful of examples each; the cue lists of the decision list
recognise those better, so a snippet the rules file there keeps the rules' label.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from ..model import Article
from ..stages.event_acled import CASE_TO_ACLED
from .features import SnippetFeatures, snippet_features
from .linear import ARTIFACT, LinearModel

# Below this decision value the classifier's top label does not override the rules: 0 is the
# SVM's own boundary ("this label, not the rest"); in the CV on CASE dev, margins from -0.5 to
# 0.6 all scored within 0.01 of each other (docs/events.md).
MARGIN = 0.0
# ACLED sub-types (political violence, demonstrations, strategic developments), not OTHER.
ACLED_LABELS = frozenset(CASE_TO_ACLED) - {"OTHER"}


@lru_cache(maxsize=1)
def default_model() -> LinearModel | None:
    """The shipped classifier, or None (with a warning) when the artifact is missing."""
    try:
        return LinearModel.load(ARTIFACT)
    except (OSError, KeyError, ValueError) as error:
        warnings.warn(f"sub-event classifier not loaded ({ARTIFACT.name}: {error}); "
                      "using the rules alone — rebuild it with "
                      "`python -m newsevents.events_model.train`", RuntimeWarning, stacklevel=2)
        return None


def decide(rules_label: str, scores: dict[str, float], margin: float = MARGIN) -> str:
    """The classifier's top label if it is sure enough and both labels are ACLED sub-types."""
    if not scores or rules_label not in ACLED_LABELS:
        return rules_label
    best = max(scores, key=scores.__getitem__)
    if best in ACLED_LABELS and scores[best] >= margin:
        return best
    return rules_label


def label_of(features: SnippetFeatures, model: LinearModel | None) -> str:
    """The combined label of one snippet's features."""
    if model is None:
        return features.rules_label
    return decide(features.rules_label, model.scores(features))


def incident_label(article: Article, model: LinearModel | None = None) -> str:
    """One CASE 2021 task 2 label for a short report (classifier plus rules)."""
    return label_of(snippet_features(article), model or default_model())
