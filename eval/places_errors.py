"""Error classes of the places stage on LGL dev, behind the figures in docs/gazetteer.md and
docs/targets.md (a diagnostic, not a score: `newsevents eval places` gives the scores).

    python eval/places_errors.py [--data ../shared/data]

Prints: how many gold GeoNames ids the gazetteer holds at all (the exact-id ceiling); the
gold-span misses (beyond 161 km or unresolved) by class: the name is in no entry, only
namesakes farther than 161 km, the right namesake is there but another was chosen, or it
is there but nothing was resolved; the counts behind the given-span scores; the share of
gold toponyms that are demonyms, with recall without them; and the end-to-end count within
161 km, with and without demonyms. Takes about a minute on the 2-core dev machine.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter
from pathlib import Path

from newsevents.evaluation.common import overlaps
from newsevents.evaluation.places import _predicted, _run_stages, _within, read_gold
from newsevents.geo.resolve import demonym_country, distance_km
from newsevents.model import Article
from newsevents.pipeline import default_resources
from newsevents.stages import places
from newsevents.stages.text import repair_encoding


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    args = parser.parse_args()
    resources = default_resources()
    gazetteer = resources.gazetteer
    docs = read_gold(Path(args.data) / "geo" / "lgl.xml")

    ids = Counter(g.geonameid for _, gold in docs for g in gold if g.geonameid)
    held = {row[0] for row in sqlite3.connect(gazetteer.path).execute(
        "SELECT geonameid FROM entries WHERE geonameid IS NOT NULL")}
    in_index = sum(n for gid, n in ids.items() if gid in held)
    print(f"gold ids in the gazetteer: {in_index} of {sum(ids.values())} "
          f"(exact-id ceiling {in_index / sum(ids.values()):.3f})")

    misses, examples = Counter(), {}
    demonyms = found_demonyms = found_others = others = 0
    placed = Counter()  # (demonym?, right end to end within 161 km?) for gold with a point
    given_right = given_points = ids_right = 0
    for text, gold in docs:
        article = _run_stages(Article(text=repair_encoding(text)), resources)
        given = places.resolve_given_spans(article, [(g.start, g.end) for g in gold], resources)
        predicted = _predicted(article, True)
        for g, resolved in zip(gold, given):
            name = text[g.start:g.end]
            hit = next((p for s, e, p in predicted if overlaps((s, e), (g.start, g.end))), None)
            found = hit is not None
            if g.lat is not None and g.lon is not None:  # as score_article counts them
                placed[bool(demonym_country(name)), _within(g, hit)] += 1
                given_points, given_right = given_points + 1, given_right + _within(g, resolved)
            ids_right += bool(g.geonameid and resolved is not None
                              and resolved.geonameid == g.geonameid)
            if demonym_country(name):
                demonyms, found_demonyms = demonyms + 1, found_demonyms + found
            else:
                others, found_others = others + 1, found_others + found
            if g.lat is None or g.lon is None or _within(g, resolved):
                continue
            kind = _miss_class(name, g, resolved, gazetteer)
            misses[kind] += 1
            examples.setdefault(kind, Counter())[name] += 1
    print(f"given gold spans: within 161 km {given_right} of {given_points}, exact id "
          f"{ids_right} of {sum(ids.values())}")
    print(f"gold-span misses: {sum(misses.values())}")
    for kind, count in misses.most_common():
        common = ", ".join(n for n, _ in examples[kind].most_common(5))
        print(f"  {kind:32} {count:4}   e.g. {common}")
    total = demonyms + others
    print(f"demonyms among gold toponyms: {demonyms} of {total}; recall without them "
          f"{found_others / others:.3f} (with them {(found_others + found_demonyms) / total:.3f})")
    right, right_others = placed[False, True] + placed[True, True], placed[False, True]
    with_points, others_with_points = sum(placed.values()), placed[False, True] + placed[False, False]
    print(f"end to end within 161 km: {right} of {with_points} ({right / with_points:.3f}); "
          f"without demonyms {right_others} of {others_with_points} "
          f"({right_others / others_with_points:.3f})")


def _miss_class(name: str, gold, resolved, gazetteer) -> str:
    entries = [e for e in gazetteer.lookup(name) if e.lat is not None]
    if not gazetteer.lookup(name):
        return "name in no entry"
    if not any(distance_km(gold.lat, gold.lon, e.lat, e.lon) <= 161 for e in entries):
        return "only far namesakes"
    if resolved is None or resolved.lat is None:
        return "right one there, unresolved"
    return "another namesake chosen"


if __name__ == "__main__":
    main()
