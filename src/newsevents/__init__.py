"""newsevents: news articles in, source-attributed event data out (schema newsevents/1).

    >>> import newsevents
    >>> doc = newsevents.extract("Rebels shelled Aleppo on Friday, killing 12 people, "
    ...                          "a monitoring group said.", published="2026-03-15")
    >>> doc.to_dict()["casualties"][0]["low"]
    12
"""

from __future__ import annotations

import datetime as dt

from .model import (SCHEMA, Actor, Article, Casualty, DateMention, DateWindow, Entity, Event,
                    InputError, Place, Quote)
from .pipeline import DEFAULT_STAGES, Resources, default_resources, process
from .reader import article_from

__version__ = "0.1.0"

__all__ = [
    "SCHEMA", "Actor", "Article", "Casualty", "DateMention", "DateWindow", "Entity", "Event",
    "InputError", "Place", "Quote", "DEFAULT_STAGES", "Resources", "extract", "process",
    "__version__",
]


def extract(text_or_html: str, *, published: str | dt.date | None = None,
            title: str | None = None, url: str | None = None, outlet: str | None = None,
            resources: Resources | None = None) -> Article:
    """Run the whole pipeline on one article given as plain text or HTML."""
    article = article_from(text_or_html, title=title, url=url, outlet=outlet,
                           published=published)
    return process(article, resources or default_resources())
