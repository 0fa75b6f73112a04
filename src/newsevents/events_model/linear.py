"""The sub-event classifier's weights and its arithmetic: TF-IDF plus rule features, dot products.

Reads: `SnippetFeatures`. Gives: `LinearModel` — `scores(features)` (one decision value per CASE
label, a linear SVM's: > 0 means "this label" in its one-vs-rest training),
`save(path)` / `load(path)` of a plain `.npz` (string and number arrays only, read with
`allow_pickle=False`: loading the artifact cannot run code), and `matrix(rows)` for training.

Feature vector: the text block is sublinear term frequency times idf, L2-normalised (so long
snippets do not outweigh short ones); the rule block is `rule_weight` per binary rule feature.
Scoring one snippet needs only numpy: the weights of the features present are summed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import SnippetFeatures

ARTIFACT = Path(__file__).resolve().parents[1] / "data" / "case_subtype_classifier.npz"


@dataclass
class LinearModel:
    """A one-vs-rest linear classifier over a fixed vocabulary."""

    labels: list[str]
    terms: dict[str, int]  # text n-gram -> column
    rules: dict[str, int]  # rule feature -> column (after the text columns)
    idf: np.ndarray  # one per text column
    coef: np.ndarray  # labels x columns
    intercept: np.ndarray  # one per label
    rule_weight: float = 1.0

    @property
    def width(self) -> int:
        return len(self.terms) + len(self.rules)

    def columns(self, features: SnippetFeatures) -> tuple[list[int], list[float]]:
        """The non-zero columns of one snippet's feature vector and their values."""
        cols: list[int] = []
        vals: list[float] = []
        for term, count in features.terms.items():
            col = self.terms.get(term)
            if col is not None:
                cols.append(col)
                vals.append((1.0 + math.log(count)) * float(self.idf[col]))
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        vals = [v / norm for v in vals]
        for rule in features.rules:
            col = self.rules.get(rule)
            if col is not None:
                cols.append(len(self.terms) + col)
                vals.append(self.rule_weight)
        # Column order fixed: a set's order changes with the hash seed, and the solver's result
        # (within its tolerance) with the order of a row's entries.
        order = sorted(range(len(cols)), key=cols.__getitem__)
        return [cols[i] for i in order], [vals[i] for i in order]

    def matrix(self, rows: list[SnippetFeatures]):  # -> scipy.sparse.csr_matrix
        """The feature matrix of many snippets (for training; needs scipy)."""
        from scipy.sparse import csr_matrix

        data: list[float] = []
        indices: list[int] = []
        indptr = [0]
        for row in rows:
            cols, vals = self.columns(row)
            indices += cols
            data += vals
            indptr.append(len(indices))
        return csr_matrix((data, indices, indptr), shape=(len(rows), self.width))

    def scores(self, features: SnippetFeatures) -> dict[str, float]:
        """The decision value of each label (the largest is the prediction)."""
        cols, vals = self.columns(features)
        values = self.intercept.astype(np.float64).copy()
        if cols:
            values += self.coef[:, cols].astype(np.float64) @ np.asarray(vals)
        return dict(zip(self.labels, values.tolist()))

    def save(self, path: Path) -> None:
        """Write the model as plain arrays (compressed, float16 weights: the file stays small)."""
        np.savez_compressed(
            path, labels=np.array(self.labels), terms=np.array(list(self.terms)),
            rules=np.array(list(self.rules)), idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float16), intercept=self.intercept.astype(np.float32),
            rule_weight=np.array([self.rule_weight], dtype=np.float32))

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> "LinearModel":
        """Read a model written by `save`; never unpickles anything."""
        with np.load(path, allow_pickle=False) as arrays:
            return cls(labels=[str(x) for x in arrays["labels"]],
                       terms={str(t): i for i, t in enumerate(arrays["terms"])},
                       rules={str(r): i for i, r in enumerate(arrays["rules"])},
                       idf=arrays["idf"].astype(np.float64),
                       coef=arrays["coef"].astype(np.float32),
                       intercept=arrays["intercept"].astype(np.float64),
                       rule_weight=float(arrays["rule_weight"][0]))
