"""Hand-run check of the places stage on the geo gold sets (LGL, GeoVirus); not a test.

    python eval/places_check.py [--limit N] [--data /work/shared/data/geo]

The gold text is parsed as is (the text stage is skipped, so gold offsets stay valid), then
the entities and places stages run. Prints recognition P/R/F1 (overlap and exact), and for
gold toponyms the system found: accuracy@161 km, median error, and the exact GeoNames match
rate (LGL).
"""

from __future__ import annotations

import argparse
import statistics
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from newsevents.geo.resolve import distance_km
from newsevents.gazetteer import Gazetteer
from newsevents.model import Article
from newsevents.settings import Settings
from newsevents.stages import entities, nlp, places


class Resources:
    """Just what the three stages need (kept apart from pipeline.py on purpose)."""

    def __init__(self) -> None:
        self.settings = Settings.from_env()
        self.nlp = nlp.load_model(self.settings)
        self.gazetteer = Gazetteer.load(self.settings)


def read_gold(path: Path) -> list[tuple[str, list[dict]]]:
    """(text, toponyms) per article; each toponym has start, end and optional lat/lon/gid."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for node in list(article.iter("toponym")) + list(article.iter("location")):
            tag = node.find("gaztag")
            src = tag if tag is not None else node
            lat, lon = src.findtext("lat"), src.findtext("lon")
            start, end = int(node.findtext("start")), int(node.findtext("end"))
            # GeoVirus offsets are one character late; realign on the gold name when so.
            name = (node.findtext("name") or node.findtext("phrase") or "").strip()
            for shift in (0, -1, 1):
                if name and text[start + shift:end + shift] == name:
                    start, end = start + shift, end + shift
                    break
            gold.append({
                "start": start, "end": end,
                "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
                "gid": int(tag.get("geonameid")) if tag is not None and tag.get("geonameid") else None,
            })
        docs.append((text, gold))
    return docs


def score(docs: list[tuple[str, list[dict]]], resources: Resources) -> dict[str, float]:
    """Recognition and resolution numbers over a list of gold articles."""
    tp_overlap = tp_exact = n_pred = n_gold = 0
    errors: list[float] = []
    n_coords = gid_hits = n_gid = 0
    for text, gold in docs:
        article = Article(text=text)
        for stage in (nlp.parse, entities.extract_entities, places.resolve_places):
            article = stage(article, resources)
        predicted = [(s, e, p) for p in article.places for s, e in p.mentions]
        n_pred += len(predicted)
        n_gold += len(gold)
        tp_exact += sum(any(s == g["start"] and e == g["end"] for g in gold) for s, e, _ in predicted)
        tp_overlap += sum(any(s < g["end"] and g["start"] < e for g in gold) for s, e, _ in predicted)
        for g in gold:
            hit = next((p for s, e, p in predicted if s < g["end"] and g["start"] < e), None)
            if g["lat"] is not None:
                n_coords += 1
                if hit is not None and hit.lat is not None:
                    errors.append(distance_km(g["lat"], g["lon"], hit.lat, hit.lon))
            if g["gid"] is not None:
                n_gid += 1
                gid_hits += bool(hit is not None and hit.geonameid == g["gid"])
    precision = tp_overlap / n_pred if n_pred else 0.0
    recall = tp_overlap / n_gold if n_gold else 0.0
    exact_p = tp_exact / n_pred if n_pred else 0.0
    exact_r = tp_exact / n_gold if n_gold else 0.0
    return {
        "articles": len(docs), "gold": n_gold, "predicted": n_pred,
        "P_overlap": precision, "R_overlap": recall, "F1_overlap": _f1(precision, recall),
        "F1_exact": _f1(exact_p, exact_r),
        # Share of gold toponyms with coordinates that we found and placed within 161 km.
        "acc161_all": sum(d <= 161 for d in errors) / n_coords if n_coords else 0.0,
        # The same, over gold toponyms we found and gave coordinates (resolution alone).
        "acc161_resolved": sum(d <= 161 for d in errors) / len(errors) if errors else 0.0,
        "median_km_resolved": statistics.median(errors) if errors else 0.0,
        "geonameid_match": gid_hits / n_gid if n_gid else 0.0,
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/work/shared/data/geo")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    resources = Resources()
    for name in ("GeoVirus.xml", "lgl.xml"):
        docs = read_gold(Path(args.data) / name)
        if args.limit:
            docs = docs[: args.limit]
        began = time.perf_counter()
        result = score(docs, resources)
        result["seconds"] = time.perf_counter() - began
        print(name, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                             for k, v in result.items()))


if __name__ == "__main__":
    main()
