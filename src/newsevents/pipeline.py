"""The pipeline: a plain list of stages, each `(article, resources) -> article`.

Heavy resources (the spaCy model, the gazetteer) live in one `Resources` object, loaded
lazily once and shared by every article that goes through `process()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import islice
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
    def common_words(self) -> frozenset[str]:
        """English adjectives and verbs the model knows (`nlp.common_words`)."""
        return nlp.common_words(self.nlp)

    @cached_property
    def english_nouns(self) -> frozenset[str]:
        """English nouns the model knows (`nlp.common_words`)."""
        return nlp.common_words(self.nlp, ("noun",))

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


# Articles parsed together by spaCy's nlp.pipe in process_many and ingest. The parse, most of
# the pipeline's time, takes ~8 % less CPU in batches, already at 2-4 articles; each article
# in a batch adds ~15 MB to the peak memory, and small batches keep a short ingest's workers
# evenly loaded (docs/performance.md).
BATCH_SIZE = 4


def process_many(articles: Iterable[Article], resources: Resources,
                 stages: Iterable[Stage] = DEFAULT_STAGES, batch_size: int = BATCH_SIZE
                 ) -> Iterator[Article | InputError]:
    """Process articles in order; a bad one yields its InputError instead of stopping the batch.

    `batch_size` articles at a time share one spaCy parse (`process_batch`); the output is
    the same as `process()` on each. Any other exception is raised in the article's turn.
    """
    stage_list, feed = list(stages), iter(articles)
    while chunk := list(islice(feed, max(1, batch_size))):
        for result in process_batch(chunk, resources, stage_list):
            if isinstance(result, Exception) and not isinstance(result, InputError):
                raise result
            yield result


def process_batch(articles: Sequence[Article], resources: Resources,
                  stages: Iterable[Stage] = DEFAULT_STAGES) -> list[Article | Exception]:
    """`process()` on each article, the parse batched; a failure is returned in its article's place.

    The stages before the parse run per article, then the survivors are parsed together
    (`nlp.parse_batch`: the same Docs as `nlp.parse`), then the later stages run per article.
    Each article's `timings["parse"]` is the batch's parse time shared by token count.
    """
    stage_list = list(stages)
    if nlp.parse not in stage_list or len(articles) < 2:
        return [_isolated(article, resources, stage_list) for article in articles]
    cut = stage_list.index(nlp.parse)
    results = [_isolated(article, resources, stage_list[:cut]) for article in articles]
    parsed = iter(_parsed_together([r for r in results if isinstance(r, Article)], resources))
    results = [next(parsed) if isinstance(r, Article) else r for r in results]
    return [_isolated(r, resources, stage_list[cut + 1:]) if isinstance(r, Article) else r
            for r in results]


def _isolated(article: Article, resources: Resources, stages: list[Stage]) -> Article | Exception:
    """`process()` over some stages, its exception returned instead of raised."""
    try:
        return process(article, resources, stages)
    except Exception as error:  # one bad article must not sink the others of its batch
        return error


def _parsed_together(articles: list[Article], resources: Resources) -> list[Article | Exception]:
    """The articles parsed in one `nlp.pipe` run; each parsed alone when that run fails."""
    began = time.perf_counter()
    try:
        nlp.parse_batch(articles, resources, batch_size=max(1, len(articles)))
    except Exception:  # noqa: BLE001 - which article broke the batch is unknown: isolate each
        return [_isolated(article, resources, [nlp.parse]) for article in articles]
    seconds = time.perf_counter() - began
    tokens = sum(len(article.doc) for article in articles) or 1
    for article in articles:
        article.timings[nlp.parse.__name__] = seconds * len(article.doc) / tokens
    return list(articles)


_default_resources: Resources | None = None


def default_resources() -> Resources:
    """A process-wide Resources object, so repeated `extract()` calls load models once."""
    global _default_resources
    if _default_resources is None:
        _default_resources = Resources()
    return _default_resources
