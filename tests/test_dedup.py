"""Near-duplicate detection and story clustering (newsevents.corpus.dedup, .stories)."""

from __future__ import annotations

import random

import pytest

from newsevents.corpus.dedup import (ClusterMember, DedupSettings, DuplicateIndex, Point,
                                     canonical, clusters, find_duplicates, normalise)
from newsevents.corpus.stories import StoryIndex
from newsevents.evaluation.dedup import apply_operations, split_sentences

# Our own wire-style stories: FLOOD and its rewrite are one story; FLOOD_OTHER is another
# report on the same floods (same topic, same places) and must not be linked as a duplicate.
FLOOD = (
    "Floodwaters swept through low-lying districts of Beira on Monday after two days of torrential "
    "rain, killing at least 14 people and forcing thousands from their homes, officials said. "
    "The National Institute for Disaster Management said rescue teams in boats were still searching "
    "for residents trapped on rooftops in the Munhava and Chaimite neighborhoods. "
    "\"The water rose faster than anyone expected,\" provincial governor Lourenco Bulha told reporters "
    "at a makeshift shelter in a school. "
    "Aid agencies warned that the flooding had cut the main road linking the port city to the interior, "
    "slowing deliveries of food and clean water. "
    "The World Food Program said it had pre-positioned supplies in Chimoio but could not reach the "
    "worst-hit areas until the water receded. "
    "Health workers fear an outbreak of cholera in crowded camps where latrines are scarce. "
    "Meteorologists expect more rain later this week as a tropical depression moves across the Mozambique Channel. "
    "The government has appealed for international help to shelter some 20,000 displaced people."
)
FLOOD_REWRITE = (
    "At least 14 people died in Beira on Monday when floods driven by two days of heavy rain tore "
    "through the city's poorest districts, according to officials. "
    "The National Institute for Disaster Management said rescue teams in boats were still searching "
    "for residents trapped on rooftops in the Munhava and Chaimite neighborhoods. "
    "\"The water rose faster than anyone expected,\" provincial governor Lourenco Bulha told reporters "
    "at a makeshift shelter in a school. "
    "The World Food Program said it had pre-positioned supplies in Chimoio but could not reach the "
    "worst-hit areas until the water receded. "
    "Aid agencies warned that the flooding had cut the main road linking the port city to the interior, "
    "slowing deliveries of food and clean water. "
    "Forecasters say further downpours are likely later in the week."
)
FLOOD_OTHER = (
    "Residents of Beira began returning to waterlogged homes on Tuesday as the floods that struck the "
    "Mozambican port city receded, leaving streets covered in mud and debris. "
    "In the Munhava neighborhood, families salvaged mattresses and cooking pots while volunteers cleared "
    "blocked drains with shovels. "
    "Officials raised the death toll from Monday's torrential rain to 17 and said several people "
    "were still missing, while rescue teams kept searching flooded neighborhoods by boat. "
    "Aid agencies said deliveries of food and clean water to the worst-hit areas remained slow because "
    "floodwaters had damaged the main road to the interior. "
    "The disaster management agency said 20,000 people remained in temporary shelters across Sofala province. "
    "Doctors at the central hospital reported a rise in cases of diarrhea and urged residents to boil "
    "drinking water. "
    "The floods revived criticism of drainage projects that were promised after Cyclone Idai in 2019 "
    "but never completed."
)
UNRELATED = (
    "Lawmakers in Lima approved a bill on Thursday that raises the minimum wage by 8 percent, "
    "the first increase in three years, after a heated debate that lasted through the night. "
    "Supporters said the measure would help millions of workers cope with rising food prices, "
    "while business groups warned that small firms could cut jobs. "
    "The president is expected to sign the bill into law next week."
)


def _index(**overrides) -> DuplicateIndex:
    return DuplicateIndex(DedupSettings(**overrides))


@pytest.mark.parametrize("variant", [
    FLOOD,
    f"BEIRA, Mozambique (Wire) — {FLOOD}",
    f"{FLOOD} Reporting by the Wire's Maputo bureau; editing by the world desk.",
    f"MAPUTO — {FLOOD}\nCopyright 2026 Daily Courier. All rights reserved.",
    " ".join(split_sentences(FLOOD)[:5]),  # trimmed from the bottom, as papers do
    FLOOD.replace("officials said", "authorities said"),
])
def test_copies_are_syndicated(variant: str) -> None:
    index = _index()
    index.add("wire", FLOOD, "2026-03-02T08:00:00Z")
    links = index.add("paper", variant, "2026-03-02T15:00:00Z")
    assert [(link.key, link.duplicate_of, link.kind) for link in links] == [("paper", "wire", "syndicated")]
    assert links[0].containment >= 0.9


def test_light_rewrite_is_a_rewrite() -> None:
    index = _index()
    index.add("wire", FLOOD, "2026-03-02")
    [link] = index.add("paper", FLOOD_REWRITE, "2026-03-03")
    assert link.kind == "rewrite" and link.duplicate_of == "wire"
    assert 0.3 <= link.containment < 0.9


@pytest.mark.parametrize("other", [FLOOD_OTHER, UNRELATED])
def test_different_stories_are_not_linked(other: str) -> None:
    links = find_duplicates([("a", FLOOD, "2026-03-02"), ("b", other, "2026-03-03")])
    assert links == []


@pytest.mark.parametrize("published, window, linked", [
    ("2026-03-03T07:00:00Z", 2.0, True),   # one day later
    ("2026-03-04T07:59:00Z", 2.0, True),   # just inside two days
    ("2026-03-05T08:00:00Z", 2.0, False),  # three days later
    ("2026-03-05T08:00:00Z", 3.5, True),   # a wider window, stated in the settings
    (None, 2.0, True),                     # no date: no window can be applied
])
def test_time_window(published, window: float, linked: bool) -> None:
    index = _index(window_days=window)
    index.add("wire", FLOOD, "2026-03-02T08:00:00Z")
    assert bool(index.add("late", FLOOD, published)) is linked


def test_places_far_apart_rule_out_a_templated_copy() -> None:
    index = _index()
    index.add("beira", FLOOD, "2026-03-02", places=[(-19.84, 34.84, "city")])
    assert index.add("far", FLOOD, "2026-03-02", places=[(-25.97, 32.57, "city")]) == []  # Maputo
    assert index.add("near", FLOOD, "2026-03-02", places=[Point(-19.83, 34.85)])


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Short.", "Floods hit Beira.", "—", "1 2 3"])
def test_empty_and_short_texts_never_crash(text: str) -> None:
    index = _index()
    assert index.add("x", text, "2026-03-02") == []
    assert index.add("y", text, None) == []
    assert index.query(text) == []
    assert len(index) == 0
    assert StoryIndex().add("z", text, "2026-03-02") == []


def test_query_leaves_the_index_unchanged_and_prune_forgets_old_articles() -> None:
    index = _index()
    index.add("old", FLOOD, "2026-01-01")
    index.add("new", UNRELATED, "2026-03-02")
    assert index.query(FLOOD, "2026-01-02")[0].duplicate_of == "old"
    assert len(index) == 2
    assert index.prune("2026-02-01") == 1 and "old" not in index and "new" in index
    assert index.query(FLOOD, "2026-01-02") == []


def test_readding_a_key_replaces_it() -> None:
    index = _index()
    index.add("a", FLOOD, "2026-03-02")
    index.add("a", UNRELATED, "2026-03-02")
    assert len(index) == 1 and index.query(FLOOD, "2026-03-02") == []


def test_normalise_removes_dateline_and_furniture() -> None:
    text = "KARACHI, Pakistan (Wire) -- Rescuers pulled 12 people from the rubble. Reporting by A. Writer."
    assert normalise(text) == "Rescuers pulled 12 people from the rubble."
    assert normalise("U.S. officials said talks would resume.") == "U.S. officials said talks would resume."


def test_clusters_are_transitive_and_deterministic() -> None:
    texts = [("a", FLOOD), ("b", FLOOD_REWRITE), ("c", f"BEIRA (Wire) — {FLOOD_REWRITE}"),
             ("d", UNRELATED), ("e", f"LIMA — {UNRELATED}"), ("f", FLOOD_OTHER)]
    results = set()
    for seed in range(4):
        order = texts[:]
        random.Random(seed).shuffle(order)
        links = find_duplicates((key, text, "2026-03-02") for key, text in order)
        shuffled = links[:]
        random.Random(seed).shuffle(shuffled)
        results.add(tuple(map(tuple, clusters([k for k, _ in texts], shuffled))))
    assert results == {(("a", "b", "c"), ("d", "e"))}


def test_clusters_join_chains() -> None:
    class Link:
        def __init__(self, key, duplicate_of):
            self.key, self.duplicate_of = key, duplicate_of
    assert clusters("abcdz", [Link("b", "a"), Link("d", "c"), Link("c", "b")]) == [["a", "b", "c", "d"]]


def test_canonical_is_the_earliest_then_longest_and_lists_every_source() -> None:
    summary = canonical([
        ClusterMember("p2", "2026-03-02T10:00:00Z", 900, "Daily Courier"),
        ClusterMember("w1", "2026-03-02T08:00:00Z", 700, "Wire"),
        ClusterMember("w2", "2026-03-02T08:00:00Z", 800, "Wire"),
        ClusterMember("p3", None, 1000, "Evening Post"),
    ])
    assert summary.canonical == "w2"
    assert summary.keys == ("p2", "p3", "w1", "w2")
    assert summary.sources == ("Wire", "Daily Courier", "Evening Post")
    with pytest.raises(ValueError):
        canonical([])


BEIRA = (-19.84, 34.84, "city")


@pytest.mark.parametrize("places_b, entities_b, reason", [
    ([BEIRA], [], "place"),                                        # same city
    ([(-19.80, 34.90, "district")], [], "place"),                 # a few km away
    ([(-25.97, 32.57, "city")], ["Beira", "World Food Program"], None),  # another city: another event
    ([], ["Beira", "National Institute for Disaster Management", "World Food Program"], "entities"),
    ([], ["Beira", "World Food Program", "officials"], None),      # two names (and a common noun) are not enough
])
def test_story_clustering_joins_reports_of_one_event(places_b, entities_b, reason) -> None:
    stories = StoryIndex()
    stories.add("a", FLOOD, "2026-03-02", places=[BEIRA],
                entities=["Beira", "National Institute for Disaster Management", "World Food Program"])
    links = stories.add("b", FLOOD_OTHER, "2026-03-03", places=places_b, entities=entities_b)
    assert [link.reason for link in links] == ([reason] if reason else [])


def test_story_clustering_respects_its_window_and_keeps_duplicates() -> None:
    stories = StoryIndex()
    stories.add("a", FLOOD, "2026-03-02", places=[BEIRA])
    assert stories.add("late", FLOOD_OTHER, "2026-03-09", places=[BEIRA]) == []
    [link] = stories.add("copy", f"BEIRA (Wire) — {FLOOD}", "2026-03-02", places=[BEIRA])
    assert (link.reason, link.other) == ("duplicate", "a")
    assert StoryIndex().add("u", UNRELATED, "2026-03-02") == []


def test_edit_operations_rebuild_a_variant() -> None:
    text = "First line here. Second line said this. Third line. Fourth line."
    ops = [{"op": "prepend", "text": "CITY —"}, {"op": "drop", "sentences": [2]},
           {"op": "sub", "old": "said", "new": "stated", "sentence": 1},
           {"op": "move", "sentence": 3, "after": -1}, {"op": "append", "text": "Copyright."}]
    assert apply_operations(text, ops) == "CITY — Fourth line. First line here. Second line stated this. Copyright."
    with pytest.raises(ValueError):
        apply_operations(text, [{"op": "sub", "old": "absent", "new": "x"}])
    assert split_sentences("U.S. officials met on Feb. 24 in Doha. Talks ended.") == [
        "U.S. officials met on Feb. 24 in Doha.", "Talks ended."]
