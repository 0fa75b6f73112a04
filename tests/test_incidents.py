"""Incident reconciliation: the pure rules (corpus.incidents) and the per-article stage."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.corpus.incidents import ClaimForReconciliation, distance_km, reconcile
from newsevents.validation import validate_document

DAY = dt.date(2026, 3, 14)
ALEPPO = {"lat": 36.20, "lon": 37.16, "place": "Aleppo", "place_feature": "city", "country": "SY"}
NEAR_ALEPPO = {"lat": 36.25, "lon": 37.10, "place": "Haritan", "place_feature": "city",
               "country": "SY"}
HOMS = {"lat": 34.73, "lon": 36.71, "place": "Homs", "place_feature": "city", "country": "SY"}
SYRIA = {"lat": 35.0, "lon": 38.5, "place": "Syria", "place_feature": "country", "country": "SY"}


def claim(cid: str, low: int | None, high: int | None, *, article: str | None = "a",
          kind: str = "killed", spec: int = 0, position: int = 0, day: dt.date | None = DAY,
          cumulative: bool = False, source: str | None = None, published: dt.date = DAY,
          **place: object) -> ClaimForReconciliation:
    return ClaimForReconciliation(
        claim_id=cid, article_id=article, kind=kind, low=low, high=high, source=source,
        date_from=day, date_to=day, cumulative=cumulative, specificity=spec,
        published=published, position=position, **place)  # type: ignore[arg-type]


def grouping(incidents) -> list[list[str]]:
    return [incident.claim_ids for incident in incidents]


@pytest.mark.parametrize("claims, expected", [
    # two sources, same place and day: one incident
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 15, 15, position=9, **ALEPPO)], [["c1", "c2"]]),
    # nearby places (under 25 km) merge, distant ones do not
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 14, 14, **NEAR_ALEPPO)], [["c1", "c2"]]),
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 12, 12, **HOMS)], [["c1"], ["c2"]]),
    # different kinds never merge
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 30, 30, kind="wounded", **ALEPPO)],
     [["c1"], ["c2"]]),
    # a cumulative toll is never merged with an incident toll
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 300, None, cumulative=True, **ALEPPO)],
     [["c1"], ["c2"]]),
    # days more than max_gap_days apart are different incidents
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 12, 12, day=DAY + dt.timedelta(days=3), **ALEPPO)],
     [["c1"], ["c2"]]),
    # an unplaced claim merges within its own article only
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 15, 15, position=50)], [["c1", "c2"]]),
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 15, 15, article="b")], [["c1"], ["c2"]]),
    # a national figure and a local one merge in one story, not across stories
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 14, 14, **SYRIA)], [["c1", "c2"]]),
    ([claim("c1", 12, 12, **ALEPPO), claim("c2", 14, 14, article="b", **SYRIA)], [["c1"], ["c2"]]),
    # across articles: same place and day merge
    ([claim("a#c1", 12, 12, **ALEPPO), claim("b#c4", 13, 13, article="b", **ALEPPO)],
     [["a#c1", "b#c4"]]),
])
def test_grouping(claims, expected) -> None:
    assert grouping(reconcile(claims)) == expected


def test_complete_linkage_blocks_chains() -> None:
    """A claim near one member but far from another starts its own incident."""
    far = {"lat": 36.45, "lon": 37.0, "place": "Azaz", "place_feature": "city", "country": "SY"}
    assert distance_km(36.25, 37.10, 36.45, 37.0) < 25 < distance_km(36.20, 37.16, 36.45, 37.0)
    incidents = reconcile([claim("c1", 1, 1, **ALEPPO), claim("c2", 1, 1, **NEAR_ALEPPO),
                           claim("c3", 1, 1, **far)])
    assert grouping(incidents) == [["c1", "c2"], ["c3"]]


@pytest.mark.parametrize("claims, low, best, high, best_id", [
    # the most specific report gives best, whatever its size
    ([claim("c1", 40, 40, spec=1), claim("c2", 32, 32, spec=6, position=5)], 32, 32, 40, "c2"),
    # equal specificity: the later mention (the toll rose) wins
    ([claim("c1", 12, 12, spec=3), claim("c2", 15, 15, spec=3, position=90)], 12, 15, 15, "c2"),
    # equal specificity: the later report (publication date) wins over position
    ([claim("a#c1", 12, 12, spec=3, position=500),
      claim("b#c1", 20, 20, article="b", spec=3, published=DAY + dt.timedelta(days=1))],
     12, 20, 20, "b#c1"),
    # open and vague bounds: "at least 40" counts 40; "dozens" counts 12 low, 99 high
    ([claim("c1", 40, None, spec=2), claim("c2", 12, 99, spec=1, position=4)], 12, 40, 99, "c1"),
    # "nearly 50": its high bound is its figure
    ([claim("c1", None, 50, spec=2)], 50, 50, 50, "c1"),
])
def test_figures(claims, low, best, high, best_id) -> None:
    for claim_ in claims:  # the same place, so that each case is one incident
        object.__setattr__(claim_, "place", "Kabul")
    (incident,) = reconcile(claims)
    assert (incident.low, incident.best, incident.high) == (low, best, high)
    assert incident.best_claim_id == best_id


def test_incident_fields_across_articles() -> None:
    incidents = reconcile([claim("a#c1", 12, 12, source="police", **ALEPPO),
                           claim("b#c2", 14, 14, article="b", source="SANA", **ALEPPO)])
    (incident,) = incidents
    assert incident.article_ids == ["a", "b"]
    assert incident.sources == ["police", "SANA"]
    assert incident.place == "Aleppo" and incident.place_id is None
    assert (incident.date.date_from, incident.date.date_to) == (DAY, DAY)


def test_stage_on_an_article(run) -> None:
    text = ("Gunmen attacked a market in the northern Nigerian town of Kaduna on Saturday, killing "
            "12 people, police said. Hospital officials later said the death toll had risen to 15. "
            "Separately, the conflict has killed more than 30,000 people since 2009, according to "
            "the United Nations.")
    article = run(text, published="2026-03-15", until="reconcile_incidents")
    killed = [(c.low, c.cumulative) for c in article.casualties]
    assert (12, False) in killed and (15, False) in killed and (30000, True) in killed
    incident = next(i for i in article.incidents if 12 in (article_claim.low for article_claim in
                    article.casualties if article_claim.id in i.claim_ids))
    assert incident.low == 12 and incident.high == 15 and incident.best == 15
    cumulative = [i for i in article.incidents if i.cumulative]
    assert len(cumulative) == 1 and cumulative[0].low == 30000
    assert sorted(c for i in article.incidents for c in i.claim_ids) == sorted(
        c.id for c in article.casualties)
    assert validate_document(article.to_dict()) == []


@pytest.mark.parametrize("weapons, expected", [
    # an air strike and a shelling in one city on one day are two incidents (two articles)
    (("air strikes", "shelling"), [["c1"], ["c2"]]),
    # rocket fire and shelling are one class; one weapon unknown merges as before
    (("rocket fire", "shelling"), [["c1", "c2"]]),
    ((None, "air strike"), [["c1", "c2"]]),
])
def test_different_weapon_classes_are_different_incidents(weapons, expected):
    first, second = weapons
    claims = [ClaimForReconciliation(claim_id="c1", article_id="a", kind="killed", low=12, high=12,
                                     date_from=DAY, date_to=DAY, published=DAY, weapon=first, **ALEPPO),
              ClaimForReconciliation(claim_id="c2", article_id="b", kind="killed", low=15, high=15,
                                     date_from=DAY, date_to=DAY, published=DAY, weapon=second, **ALEPPO)]
    assert grouping(reconcile(claims)) == expected
