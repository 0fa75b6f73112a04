"""A small linear classifier for the snippet-level ACLED / CASE 2021 sub-event type.

Reads: a coded `Article` (its text, events, casualty claims) — the output of the full pipeline.
Gives: `features.snippet_features(article)` (text n-grams plus the rule system's decisions),
`linear.LinearModel` (the shipped weights, numpy only at run time), `classify.incident_label`
(the classifier's label where it is sure and the event is violence, a demonstration or a
strategic development; the rules' label otherwise) and `train` (builds the artifact from CASE
2021 task 2 dev and cross-validates it: `python -m newsevents.events_model.train`).

Why a classifier beside the rules: the ACLED sub-types hinge on wording the decision list can
only approximate (a bomb *found* vs. one that *went off*, territory *taken in a battle* vs.
*handed over*); a linear model over the words and the rules' own outputs learns those
boundaries from labelled snippets, while the rules keep the decision where it is unsure.
"""
