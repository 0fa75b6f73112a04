"""The pipeline: a plain list of stages, each `(article, resources) -> article`.

Heavy resources (the spaCy model, the gazetteer) live in one `Resources` object, loaded
lazily once and shared by every article that goes through `process()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any

from .model import Article, InputError
from .settings import Settings
from .stages import casualties, dates, entities, events, nlp, places, quotes, text
from .stages.incidents import reconcile_incidents

Stage = Callable[[Article, "Resources"], Article]

# Order matters: each stage reads what the ones before it filled (see each module docstring).
DEFAULT_STAGES: list[Stage] = [
    text.clean_text,
    nlp.parse,
    entities.extract_entities,
    places.resolve_places,
    dates.resolve_dates,
    quotes.extract_quotes,
    casualties.extract_casualties,
    reconcile_incidents,  # reads casualties and places only
    events.code_events,
]


class Resources:
    """Heavy, shared, read-only things the stages need; each is loaded on first use."""

    def __init__(self, settings: Settings | None = None, **preloaded: Any) -> None:
        self.settings = settings or Settings.from_env()
        for name, value in preloaded.items():  # tests inject small fakes this way
            self.__dict__[name] = value

    @cached_property
    def nlp(self) -> Any:
        """The spaCy Language object."""
        return nlp.load_model(self.settings)

    @cached_property
    def gazetteer(self) -> Any:
        """The offline gazetteer used to resolve places."""
        from .gazetteer import Gazetteer

        return Gazetteer.load(self.settings)


def process(article: Article, resources: Resources,
            stages: Iterable[Stage] = DEFAULT_STAGES) -> Article:
    """Run every stage on one article, recording the time each took."""
    for stage in stages:
        began = time.perf_counter()
        article = stage(article, resources)
        article.timings[stage.__name__] = time.perf_counter() - began
    return article


def process_many(articles: Iterable[Article], resources: Resources,
                 stages: Iterable[Stage] = DEFAULT_STAGES
                 ) -> Iterator[Article | InputError]:
    """Process articles in order; a bad one yields its InputError instead of stopping the batch."""
    stage_list = list(stages)
    for article in articles:
        try:
            yield process(article, resources, stage_list)
        except InputError as error:
            yield error


_default_resources: Resources | None = None


def default_resources() -> Resources:
    """A process-wide Resources object, so repeated `extract()` calls load models once."""
    global _default_resources
    if _default_resources is None:
        _default_resources = Resources()
    return _default_resources
