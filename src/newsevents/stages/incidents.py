"""Incidents stage: reconcile the article's casualty claims into incidents (UCDP-style).

Reads: `casualties`, `places`, `published`.
Fills: `incidents` (ids "i1", "i2"... in order of their first claim; every claim with a number
is in exactly one incident). The grouping rules live in `newsevents.corpus.incidents`, shared
with the corpus job that reconciles across articles; see docs/casualty-conventions.md.
"""

from __future__ import annotations

from typing import Any

from ..corpus.incidents import claims_from_article, reconcile
from ..model import Article


def reconcile_incidents(article: Article, resources: Any) -> Article:
    """Fill `article.incidents` from `article.casualties`."""
    article.incidents = reconcile(claims_from_article(article))
    return article
