"""Batched processing (spaCy's nlp.pipe over several articles) gives exactly the one-by-one output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsevents.ingest import ingest
from newsevents.model import Article, InputError
from newsevents.pipeline import DEFAULT_STAGES, process, process_batch, process_many
from newsevents.reader import article_from
from newsevents.stages import nlp
from newsevents.store import Store, schema

HERE = Path(__file__).parent
STORY_LIMIT = 15  # keeps the VOA comparison under ~30 s


def _stories(source: str) -> list[dict]:
    """Stories to compare on: the VOA dev set (skipped when absent) or our own test stories."""
    if source == "voa":
        from newsevents.evaluation.common import data_dir

        path = data_dir(None) / "voa" / "voa_stories_dev.jsonl"
        if not path.exists():
            pytest.skip(f"VOA dev stories not found at {path}")
    else:
        path = HERE / "data" / "corpus_stories.jsonl"
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines[:STORY_LIMIT]]


def _article(story: dict) -> Article:
    return article_from(story["text"], title=story.get("title"), url=story.get("url"),
                        published=story.get("published"))


def _json(result: Article | Exception) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def _wire(i: int) -> str:
    """A short wire-style story, different for every i (written for these tests)."""
    towns = ["Kandahar", "Herat", "Kunduz", "Jalalabad"]
    return (f"KABUL, Afghanistan - A roadside bomb struck a police vehicle near {towns[i % 4]} on "
            f"Tuesday, killing {2 + i} officers and wounding {5 + i} others, a provincial "
            f"spokesman said. No group claimed responsibility for the attack, report {i}.")


@pytest.mark.parametrize("source", ["voa", "own"])
@pytest.mark.parametrize("batch_size", [4, 16])
def test_batched_documents_equal_one_by_one(resources, source, batch_size):
    stories = _stories(source)
    alone = [_json(process(_article(story), resources)) for story in stories]
    batched = list(process_many((_article(story) for story in stories), resources,
                                batch_size=batch_size))
    assert len(batched) == len(stories)
    for story, expected, result in zip(stories, alone, batched, strict=True):
        assert _json(result) == expected, story.get("url")


@pytest.mark.parametrize("batch_size", [2, 3, 16])
def test_datelines_still_start_a_sentence_in_a_batch(resources, batch_size):
    texts = [_wire(i) for i in range(3)]
    for article in process_many((article_from(t) for t in texts), resources,
                                stages=DEFAULT_STAGES[:2], batch_size=batch_size):
        dash = article.text.index(" - ") + 3
        token = article.doc.char_span(dash, dash + 1, alignment_mode="expand")[0]
        assert token.is_sent_start, article.text[:40]
        assert article.timings["parse"] > 0


@pytest.mark.parametrize("bad_at", [0, 2, 4])
def test_a_bad_article_is_recorded_and_the_batch_goes_on(resources, bad_at):
    texts = [_wire(i) for i in range(5)]
    # The text stage rejects it (not English); the reader has accepted it.
    texts[bad_at] = ("Die Polizei in Hamburg hat am Dienstag nach einem Unfall auf der Autobahn "
                     "mehrere Fahrer befragt, wie ein Sprecher der Stadt mitteilte.")
    results = list(process_many((article_from(t) for t in texts), resources, batch_size=8))
    assert isinstance(results[bad_at], InputError)
    for i, result in enumerate(results):
        if i != bad_at:
            assert _json(result) == _json(process(article_from(texts[i]), resources))


@pytest.mark.parametrize("bad_at", [0, 3])
def test_an_article_that_breaks_the_batched_parse_fails_alone(resources, monkeypatch, bad_at):
    texts = [_wire(i) for i in range(4)]
    texts[bad_at] = texts[bad_at] + " The spokesman added more detail." * 20
    expected = {i: _json(process(article_from(t), resources)) for i, t in enumerate(texts)
                if i != bad_at}
    # Over spaCy's max_length, make_doc raises: nlp.pipe fails, each article is parsed alone.
    monkeypatch.setattr(resources.nlp, "max_length", max(len(t) for t in texts) - 1)
    results = process_batch([article_from(t) for t in texts], resources)
    assert isinstance(results[bad_at], ValueError)
    assert {i: _json(r) for i, r in enumerate(results) if i != bad_at} == expected


def test_a_crash_in_a_later_stage_sinks_only_its_article(resources):
    def explode(article: Article, _resources) -> Article:
        if "report 1." in article.text:
            raise RuntimeError("boom")
        return article

    stages = [*DEFAULT_STAGES[:3], explode]
    results = process_batch([article_from(_wire(i)) for i in range(3)], resources, stages)
    assert isinstance(results[1], RuntimeError)
    assert all(isinstance(results[i], Article) and len(results[i].doc) for i in (0, 2))
    with pytest.raises(RuntimeError):  # process_many raises it in its turn, as before
        list(process_many((article_from(_wire(i)) for i in range(3)), resources, stages))


def test_stages_without_the_parse_run_per_article(resources):
    stages = [DEFAULT_STAGES[0]]
    results = process_batch([article_from(_wire(i)) for i in range(3)], resources, stages)
    assert [r.doc for r in results] == [None, None, None]
    assert nlp.parse not in stages


def _ingested(folder: Path, resources, **options) -> tuple[tuple[int, int, int], dict[str, str]]:
    """Ingest the test records into a fresh store: (done, failed, duplicates), documents by URL."""
    records = [{"text": _wire(i), "url": f"https://wire.example/afg/{i}"} for i in range(4)]
    # A copy of story 0 under another URL, in the same batch: decided after story 0 is stored.
    records.insert(1, {"text": _wire(0), "url": "https://mirror.example/afg/0"})
    records.append({"text": "   ", "url": "https://wire.example/empty"})
    path = folder / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    store = Store.open(str(folder / "c.db"))
    summary = ingest([str(path)], store, resources=resources, corpus_jobs=False, **options)
    with store.engine.connect() as conn:
        ids = list(conn.execute(sa.select(schema.articles.c.id)).scalars())
    documents = {}
    for article_id in ids:
        document = store.document(article_id)
        documents[document["article"]["url"]] = json.dumps(document, sort_keys=True)
    store.close()
    return (summary.done, summary.failed, summary.duplicates), documents


@pytest.mark.parametrize("workers, batch_size", [(1, 3), (1, 16), (2, 2)])
def test_ingest_in_batches_stores_what_one_by_one_does(tmp_path, resources, workers, batch_size):
    (tmp_path / "one").mkdir()
    (tmp_path / "batched").mkdir()
    one_counts, one_docs = _ingested(tmp_path / "one", resources, workers=1, batch_size=1)
    counts, docs = _ingested(tmp_path / "batched", resources, workers=workers,
                             batch_size=batch_size)
    assert one_counts == counts == (4, 1, 1)
    assert docs == one_docs and len(docs) == 4
