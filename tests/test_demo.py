"""Acceptance: the shipped demo article, end to end, against what a careful reader extracts."""

import pytest

from newsevents.validation import validate_document

pytestmark = pytest.mark.slow


def _by_text(records, text):
    return [r for r in records if r.text == text]


def test_document_is_valid(demo):
    assert validate_document(demo.to_dict()) == []


def test_boilerplate_is_removed_and_reported(demo):
    for line in ("Comments are closed.", "Advertisement", "Skip to main content",
                 "© 2026 Global Wire. All rights reserved."):
        assert line in demo.removed
        assert line not in demo.text
    assert demo.title == "Ministers press for Aleppo truce as rebel shelling kills dozens"
    assert demo.outlet == "Global Wire"


def test_direct_and_continuation_quotes_have_named_speakers(demo):
    speakers = {q.text[:30]: q.speaker for q in demo.quotes if q.kind == "direct"}
    assert speakers["What is happening in Aleppo is"] == "Claire Dumont"
    assert speakers["There is no military solution "] == "Claire Dumont"
    assert speakers["Turkey has opened its border t"] == "Mehmet Aydin"
    # The paragraph that continues Aydin's quote and the cue-less paragraph after it.
    assert speakers["Every day without a ceasefire "] == "Mehmet Aydin"
    assert speakers["We are ready to host a new rou"] == "Mehmet Aydin"
    assert all(q.speaker not in ("he", "she", "He", "She") for q in demo.quotes)


def test_partial_and_indirect_quotes(demo):
    [partial] = _by_text(demo.quotes, "humanitarian catastrophe")
    assert (partial.kind, partial.speaker) == ("partial", "Mehmet Aydin")
    [volkov] = _by_text(demo.quotes, "study any serious proposal")
    assert (volkov.kind, volkov.speaker) == ("partial", "Sergei Volkov")
    indirect = [q for q in demo.quotes if q.kind == "indirect" and q.text.startswith("Damascus must")]
    assert indirect and indirect[0].speaker == "Claire Dumont"


def test_quote_spans_are_the_content_without_marks(demo):
    for quote in demo.quotes:
        assert demo.text[quote.start:quote.end] == quote.text
        assert not quote.text.startswith(('"', "\u201c")) and not quote.text.endswith(",")


def _claim(demo, kind, text):
    matches = [c for c in demo.casualties if c.kind == kind and c.text == text]
    assert len(matches) == 1, f"expected one {kind} claim {text!r}, got {matches}"
    return matches[0]


def test_two_sources_two_tolls(demo):
    observatory = "Syrian Observatory for Human Rights"
    killed_31 = _claim(demo, "killed", "31")
    assert (killed_31.low, killed_31.high, killed_31.source) == (31, 31, observatory)
    assert killed_31.victims == "civilians"
    dozens = _claim(demo, "wounded", "dozens")
    assert (dozens.low, dozens.high, dozens.source) == (12, 99, observatory)
    killed_27 = _claim(demo, "killed", "27")
    wounded_140 = _claim(demo, "wounded", "140")
    assert (killed_27.low, killed_27.source) == (27, "SANA")
    assert (wounded_140.low, wounded_140.high, wounded_140.source) == (140, 140, "SANA")
    assert killed_27.weapon == "rocket fire"


def test_number_words_cumulative_tolls_and_non_deaths(demo):
    twenty_five = _claim(demo, "killed", "Twenty-five")
    assert (twenty_five.low, twenty_five.high) == (25, 25)
    assert twenty_five.source == "Syrian Observatory for Human Rights"
    assert demo.place(twenty_five.place_id).name == "Atareb"
    assert (str(twenty_five.date.date_from), str(twenty_five.date.date_to)) == ("2026-03-02", "2026-03-08")
    war_toll = _claim(demo, "killed", "more than 350,000")
    assert war_toll.cumulative and war_toll.source is None and war_toll.high is None
    trapped = _claim(demo, "trapped", "tens of thousands")
    assert (trapped.low, trapped.high, trapped.source) == (10_000, 99_999, "United Nations")
    missing = _claim(demo, "missing", "at least 40")
    assert (missing.low, missing.high) == (40, None)
    # "millions of people" given refuge, and the children among the 31, are no separate deaths.
    assert not [c for c in demo.casualties if "million" in c.text]
    assert sum(c.kind == "killed" for c in demo.casualties) == 4


def test_places_resolve_to_the_syrian_cities(demo):
    places = {p.name: p for p in demo.places}
    aleppo = places["Aleppo"]
    assert (aleppo.country, aleppo.geonameid) == ("SY", 170063)
    assert abs(aleppo.lat - 36.20) < 0.1 and abs(aleppo.lon - 37.16) < 0.1
    assert places["Geneva"].country == "CH"
    assert places["Istanbul"].country == "TR"
    assert places["Damascus"].country == "SY"
    assert places["Atareb"].country == "SY"
    assert places["Salaheddine"].feature == "district"
    assert "London" not in places  # it was only in a removed promo line


def test_dates_resolve_against_publication(demo):
    values = {(d.text, d.value, str(d.date_from), str(d.date_to)) for d in demo.dates}
    assert ("Saturday", "2026-03-14", "2026-03-14", "2026-03-14") in values
    assert ("Friday", "2026-03-13", "2026-03-13", "2026-03-13") in values
    assert ("since Friday evening", "2026-03-13TEV", "2026-03-13", "2026-03-15") in values
    assert ("last week", "2026-W10", "2026-03-02", "2026-03-08") in values
    assert ("Thursday", "2026-03-12", "2026-03-12", "2026-03-12") in values
    assert ("next month", "2026-04", "2026-04-01", "2026-04-30") in values


def test_actors_have_titles_and_countries(demo):
    people = {e.name: e for e in demo.entities if e.type == "PERSON"}
    assert set(people) == {"Claire Dumont", "Mehmet Aydin", "Sergei Volkov"}
    assert (people["Claire Dumont"].title, people["Claire Dumont"].country) == ("Foreign Minister", "FR")
    assert people["Mehmet Aydin"].country == "TR" and people["Sergei Volkov"].country == "RU"
    she = demo.text.index("She said Damascus")
    assert [she, she + 3] in [list(m) for m in people["Claire Dumont"].mentions]


def test_events_code_who_did_what_to_whom(demo):
    by_type = {}
    for event in demo.events:
        by_type.setdefault(event.type, []).append(event)
    accuse = by_type["ACCUSE"][0]
    assert accuse.actor.name == "Claire Dumont" and accuse.target.country == "SY"
    assert any(e.actor and e.actor.name == "Claire Dumont" for e in by_type["REQUEST"])
    shelling = [e for e in by_type["ASSAULT"] if e.actor and e.actor.name == "rebels"]
    assert shelling and shelling[0].acled["event_type"] == "Explosions/Remote violence"
    assert any(e.actor and e.actor.name == "Sergei Volkov" for e in by_type["REJECT"])
    meetings = by_type["CONSULT"]
    assert any(demo.place(e.place_id) and demo.place(e.place_id).name == "Geneva"
               and str(e.date.date_from) == "2026-03-14" for e in meetings)
    assert any(e.hypothetical and demo.place(e.place_id).name == "Brussels" for e in meetings
               if e.place_id)
    air_strike = [e for e in by_type["ASSAULT"] if e.mode == "aerial"]
    assert air_strike and any(demo.place(e.place_id).name == "Atareb" for e in air_strike)
    linked = {cid for e in demo.events for cid in e.casualty_ids}
    assert _claim(demo, "killed", "Twenty-five").id in linked
