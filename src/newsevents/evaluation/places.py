"""Places stage on the geoparsing gold sets LGL and GeoVirus (geo/README.md).

Each gold text is parsed as is (the text stage is skipped, so gold offsets stay valid), then
the entities and places stages run. Per corpus:
- recognition: precision (predicted mentions overlapping a gold toponym), recall (gold
  toponyms overlapped by a predicted mention), F1 by overlap and F1 by exact span;
- resolution given the gold spans (`places.resolve_given_spans`: the stage is told where
  the toponyms are and only resolves them, as Mordecai3 reports it): the share of gold
  toponyms with coordinates placed within 161 km, and on LGL the share of gold toponyms with
  a GeoNames id given exactly that id;
- end to end: the share of gold toponyms with coordinates that the stage found (overlap)
  and placed within 161 km. An unresolved or missed toponym counts as a miss everywhere.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..geo.resolve import distance_km
from ..model import Article, Place
from ..stages import entities, nlp, places
from ..stages.text import repair_encoding
from .common import Metric, overlaps, prf

ACC_KM = 161.0  # 100 miles, the field's standard
# The third field: whether the corpus's guidelines count a place embedded in a longer name
# ("University of Cincinnati", "Minnesota Twins"). LGL's annotators marked them; GeoVirus'
# did not (none of its eight "University of X" is a gold toponym).
CORPORA = (("lgl", "lgl.xml", True), ("geovirus", "GeoVirus.xml", False))
MORDECAI = "Mordecai3 3.4 (gold spans)"
# Mordecai3's published LGL figures, resolution scored on gold toponym spans.
ANCHORS = {"lgl.resolution_exact_geonameid": (MORDECAI, 0.794),
           "lgl.resolution_acc161": (MORDECAI, 0.827)}


@dataclass(frozen=True)
class GoldToponym:
    """One gold toponym: its span, coordinates and GeoNames id where the gold gives them."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass
class Tally:
    """Counts over one corpus."""

    gold: int = 0
    predicted: int = 0
    gold_found: int = 0  # gold toponyms overlapped by a predicted mention
    predicted_right: int = 0  # predicted mentions overlapping a gold toponym
    exact: int = 0  # predicted mentions with exactly a gold span
    with_coords: int = 0
    within_given: int = 0
    within_end_to_end: int = 0
    with_id: int = 0
    id_given: int = 0
    articles: int = 0


def evaluate(data: Path, limit: int | None = None, resources: Any = None, **_: object) -> list[Metric]:
    """Score recognition and resolution on LGL and GeoVirus (`limit` articles of each)."""
    if resources is None:
        from ..pipeline import default_resources

        resources = default_resources()
    metrics: list[Metric] = []
    for corpus, filename, count_embedded in CORPORA:
        docs = read_gold(data / "geo" / filename)[:limit] if limit else read_gold(data / "geo" / filename)
        tally = Tally()
        for text, gold in docs:
            # The corpora's offsets are into the raw text, so the text stage's length-keeping
            # repair is all of it that can run here ("NEWARK \x97 Wess Henry" is a dateline).
            article = _run_stages(Article(text=repair_encoding(text)), resources)
            given = places.resolve_given_spans(article, [(g.start, g.end) for g in gold], resources)
            score_article(tally, gold, _predicted(article, count_embedded), given)
        metrics += corpus_metrics(corpus, tally, with_ids=corpus == "lgl")
    return metrics


def read_gold(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms) per article of an LGL/GeoVirus XML file."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for node in list(article.iter("toponym")) + list(article.iter("location")):
            tag = node.find("gaztag")
            source = tag if tag is not None else node
            lat, lon = source.findtext("lat"), source.findtext("lon")
            start, end = int(node.findtext("start")), int(node.findtext("end"))
            # GeoVirus offsets are often one character late: realign on the gold name.
            name = (node.findtext("name") or node.findtext("phrase") or "").strip()
            for shift in (0, -1, 1):
                if name and text[start + shift:end + shift] == name:
                    start, end = start + shift, end + shift
                    break
            gid = tag.get("geonameid") if tag is not None else None
            gold.append(GoldToponym(start, end, float(lat) if lat else None,
                                    float(lon) if lon else None, int(gid) if gid else None))
        docs.append((text, gold))
    return docs


def score_article(tally: Tally, gold: list[GoldToponym],
                  predicted: list[tuple[int, int, Place]], given: list[Place | None]) -> None:
    """Add one article's counts: `predicted` from the stage, `given` per gold toponym."""
    tally.articles += 1
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    spans = [(g.start, g.end) for g in gold]
    tally.predicted_right += sum(any(overlaps((s, e), g) for g in spans) for s, e, _ in predicted)
    tally.exact += sum((s, e) in spans for s, e, _ in predicted)
    for g, resolved in zip(gold, given):
        found = next((p for s, e, p in predicted if overlaps((s, e), (g.start, g.end))), None)
        tally.gold_found += found is not None
        if g.geonameid is not None:
            tally.with_id += 1
            tally.id_given += resolved is not None and resolved.geonameid == g.geonameid
        if g.lat is not None and g.lon is not None:
            tally.with_coords += 1
            tally.within_given += _within(g, resolved)
            tally.within_end_to_end += _within(g, found)


def corpus_metrics(corpus: str, tally: Tally, with_ids: bool) -> list[Metric]:
    """The corpus's metrics, named "<corpus>.<metric>"."""
    precision, recall, f1 = prf(tally.predicted_right, tally.predicted - tally.predicted_right,
                                tally.gold - tally.gold_found)
    exact_f1 = prf(tally.exact, tally.predicted - tally.exact, tally.gold - tally.exact)[2]
    rows = [
        ("recognition_f1_overlap", f1, tally.gold),
        ("recognition_f1_exact", exact_f1, tally.gold),
        ("recognition_precision", precision, tally.predicted),
        ("recognition_recall", recall, tally.gold),
    ]
    if with_ids:
        rows.append(("resolution_exact_geonameid", _share(tally.id_given, tally.with_id), tally.with_id))
    rows += [
        ("resolution_acc161", _share(tally.within_given, tally.with_coords), tally.with_coords),
        ("end_to_end_acc161", _share(tally.within_end_to_end, tally.with_coords), tally.with_coords),
    ]
    metrics = []
    for name, value, n in rows:
        anchor, anchor_value = ANCHORS.get(f"{corpus}.{name}", (None, None))
        metrics.append(Metric("places", f"{corpus}.{name}", value, n, anchor, anchor_value))
    return metrics


def _run_stages(article: Article, resources: Any) -> Article:
    for stage in (nlp.parse, entities.extract_entities, places.resolve_places):
        article = stage(article, resources)
    return article


def _predicted(article: Article, count_embedded: bool = False) -> list[tuple[int, int, Place]]:
    """(start, end, place) of each predicted mention; embedded ones where the corpus counts them."""
    return sorted(((s, e, p) for p in article.places
                   for s, e in p.mentions + (p.embedded_mentions if count_embedded else [])),
                  key=lambda row: row[:2])


def _within(gold: GoldToponym, place: Place | None) -> bool:
    if place is None or place.lat is None or place.lon is None:
        return False
    return distance_km(gold.lat, gold.lon, place.lat, place.lon) <= ACC_KM


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0
