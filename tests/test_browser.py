"""The dashboard driven in headless Chromium (Debian's chromium + chromedriver, via Selenium)
over a live server and a database ingested from stories written for the tests
(tests/data/corpus_stories.jsonl and tests/data/browser_stories.jsonl: Aleppo, Kabul,
Maiduguri, a car bomb in Mogadishu reported by two outlets with different tolls, a march in
Santiago, a protest in Dhaka).

Every test ends with the page clean: no console error (CSP violations and failed loads are
errors) and no request to any host but the test server. Screenshots of each step go to
$NEWSEVENTS_SCREENSHOTS (default build/screenshots). Without /usr/bin/chromium the tests
skip, except in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from browser_support import (build_store, chromium, console_errors, foreign, missing_browser,
                             requested_urls, screenshot_dir, serve, wait_for, wait_loaded)

from newsevents.api import create_app

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


# -- fixtures ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def driver(tmp_path_factory):
    """One headless Chromium for the session, with a fresh profile."""
    reason = missing_browser()
    if reason:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as browser:
        yield browser


@pytest.fixture(scope="session")
def base_url(tmp_path_factory, resources):
    """The test stories ingested into SQLite, served by uvicorn on a free 127.0.0.1 port."""
    store = build_store(tmp_path_factory.mktemp("browser-db") / "corpus.db", resources)
    with serve(create_app(store=store, resources=resources)) as base:
        yield base
    store.close()


@pytest.fixture(scope="session")
def api(base_url):
    """GET a JSON answer from the test server (to compare the page with the API)."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield lambda path: client.get(path).raise_for_status().json()


@pytest.fixture(scope="session")
def shot():
    """shot(driver, name): save a screenshot of the current window as <name>.png."""
    folder = screenshot_dir(ROOT / "build" / "screenshots")

    def _shot(driver, name: str) -> Path:
        path = folder / f"{name}.png"
        assert driver.save_screenshot(str(path)), f"no screenshot for {name}"
        return path

    return _shot


@pytest.fixture()
def page(driver, base_url):
    """The dashboard freshly loaded at 1366x768, first load finished; checked clean afterwards."""
    console_errors(driver), requested_urls(driver)  # drop what earlier tests left in the logs
    driver.get(base_url + "/")
    wait_loaded(driver)
    yield driver
    assert_clean(driver, base_url)


def assert_clean(driver, base: str) -> None:
    errors = console_errors(driver)
    assert not errors, f"console errors: {errors}"
    elsewhere = foreign(requested_urls(driver), base)
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


# -- page helpers ------------------------------------------------------------------------------

ROWS = """
const heads = [...document.querySelectorAll(arguments[0] + ' thead th')].map((th) => th.textContent.trim());
return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map((tr) => Object.assign(
  Object.fromEntries([...tr.cells].map((td, i) => [heads[i], td.textContent.trim()])),
  {_event: tr.dataset.event || null, _selected: tr.classList.contains('selected')}));
"""


def rows(driver, table: str = "#events") -> list[dict[str, Any]]:
    """The table's rows as {header: cell text} (plus _event id and _selected)."""
    return driver.execute_script(ROWS, table)


def visible(driver, selector: str) -> bool:
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]);"
        "return !!e && !e.closest('[hidden]') && e.getClientRects().length > 0;", selector)


def timeline_titles(driver) -> list[str]:
    """The tooltips of the timeline's bars: 'DAY: N events, M killed (reconciled incidents)'."""
    return driver.execute_script(
        "return [...document.querySelectorAll('#timeline .bar title')].map((t) => t.textContent)")


def timeline_events(driver) -> int:
    """Events counted by the timeline's bars."""
    return sum(int(re.search(r": (\d+) events", t).group(1)) for t in timeline_titles(driver))


def timeline_deaths(driver) -> dict[str, int]:
    """Deaths per day on the timeline's line (days with deaths only)."""
    found = {t.split(":")[0]: int(re.search(r", (\d+) killed", t).group(1)) for t in timeline_titles(driver)}
    return {day: n for day, n in found.items() if n}


def reconciled_deaths_per_day(incidents: list[dict[str, Any]]) -> dict[str, int]:
    """Deaths per day from GET /incidents (killed, not running tolls): each incident's best once."""
    days: dict[str, int] = {}
    for i in incidents:
        if i["kind"] == "killed" and not i["cumulative"] and i["best"] is not None and i["date_from"]:
            days[i["date_from"]] = days.get(i["date_from"], 0) + i["best"]
    return days


def markers(driver) -> list[str]:
    """data-place of every map marker on the page."""
    return driver.execute_script(
        "return [...document.querySelectorAll('#map .event-marker')].map((m) => m.dataset.place)")


def apply_filters(driver, **values: str) -> None:
    """Fill the filter form (values set as a user would leave them) and submit it."""
    before = driver.execute_script("return document.querySelector('#page-info').textContent")
    for name, value in values.items():
        box = driver.find_element("css selector", f"#filters [name='{name}']")
        if box.get_attribute("type") == "date":  # typed dates depend on the locale
            driver.execute_script("arguments[0].value = arguments[1]", box, value)
        else:
            box.clear()
            box.send_keys(value)
    driver.find_element("css selector", "#filters button[type='submit']").click()
    wait_for(driver, "return document.querySelector('#page-info').textContent !== arguments[0]",
             before, what="the table to follow the filters")
    wait_for(driver, "return document.querySelector('#status').textContent === ''",
             what="the page to finish loading")


def open_article_from_row(driver, outlet: str) -> dict[str, Any]:
    row = next(r for r in rows(driver) if r["Outlet"] == outlet)
    driver.find_element("css selector", f"#events tbody tr[data-event='{row['_event']}']").click()
    wait_for(driver, "return !document.querySelector('#article-view').hidden"
             " && document.querySelectorAll('#article-text mark').length > 0",
             what="the article view")
    return row


def marks(driver, kind: str) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#article-text mark.' + arguments[0])]"
        ".map((m) => m.textContent)", kind)


# -- the page as a whole -----------------------------------------------------------------------

def test_page_loads_clean_from_this_server_only(page, base_url, api, shot):
    shot(page, "01-dashboard-loaded")
    total = api("/events?limit=1")["total_count"]
    assert len(rows(page)) == total, "the events table should list every event (one page)"
    assert timeline_events(page) == total
    assert len(markers(page)) == len(api("/events/points")["data"])
    # the offline base map: country shapes drawn from the vendored TopoJSON, no tiles
    shapes = page.execute_script("return document.querySelectorAll('#map path').length")
    assert shapes > 100 + len(markers(page))
    assert not page.find_elements("css selector", "#map img.leaflet-tile")
    assert "boundaries:" not in page.find_element("css selector", "#map-info").text
    assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), \
        "the page should fit a 1366px laptop screen without scrolling sideways"
    resources = page.execute_script(
        "return performance.getEntriesByType('resource').map((e) => e.name)")
    assert any("/events?" in url for url in resources)
    assert not foreign([page.current_url, *resources], base_url)
    # the network log sees what the page asked for, so the cleanliness check below is real
    urls = requested_urls(page)
    assert any(url.startswith(base_url + "/static/") for url in urls)
    assert not foreign(urls, base_url), f"requests to other hosts: {foreign(urls, base_url)}"


def test_an_offsite_request_would_be_caught(page, base_url):
    """The check is not vacuous: a request to another host is seen, and refused by the proxy."""
    page.execute_script("const i = new Image(); i.src = 'http' + '://example.org/x.png';"
                        " document.body.append(i);")
    wait_for(page, "return performance.getEntriesByType('resource')"
             ".some((e) => e.name.includes('example.org'))", what="the blocked image")
    assert foreign(requested_urls(page), base_url) == ["http://example.org/x.png"]
    errors: list[str] = []
    wait_for(page, lambda: errors.extend(console_errors(page)) or any("example.org" in e for e in errors),
             what="the refused image in the console")


# -- filters -----------------------------------------------------------------------------------

FILTERS = [
    ({"country": "SO"}, "country=SO", lambda r: r["Country"] == "SO"),
    ({"country": "Nigeria"}, "country=Nigeria", lambda r: r["Country"] == "NG"),
    ({"event_type": "Protests"}, "event_type=Protests", lambda r: r["ACLED type"] == "Protests"),
    ({"event_type": "ASSAULT"}, "event_type=ASSAULT", lambda r: r["Type"] == "ASSAULT"),
    ({"since": "2026-03-01", "country": "Syria"},
     "event_date=2026-03-01&event_date_where=>=&country=Syria",
     lambda r: r["Date"] >= "2026-03-01" and r["Country"] == "SY"),
]


@pytest.mark.parametrize("values, query, check", FILTERS, ids=[q for _, q, _ in FILTERS])
def test_filters_drive_table_and_timeline(page, api, shot, values, query, check):
    everything = rows(page)
    expected = api(f"/events?{query}&limit=500")
    apply_filters(page, **values)
    # the timeline is redrawn by its own requests: it must come to count the filtered events
    wait_for(page, lambda: timeline_events(page) == expected["total_count"],
             what=f"the timeline to count {expected['total_count']} events")
    shot(page, "02-filtered-" + "-".join(values.values()).replace(" ", "_"))
    shown = rows(page)
    assert shown and all(check(r) for r in shown), shown
    assert len(shown) < len(everything)
    # the same events as the API answers for the same filters
    assert sorted(int(r["_event"]) for r in shown) == sorted(e["event_id"] for e in expected["data"])


@pytest.mark.parametrize("values, query", [
    ({"country": "SO"}, "country=SO"),
    ({"event_type": "Protests"}, "event_type=Protests"),
])
def test_filters_drive_the_map(page, api, values, query):
    everywhere = markers(page)
    assert everywhere, "the map should show markers"
    apply_filters(page, **values)
    wait_for(page, "return document.querySelectorAll('#map .event-marker').length !== arguments[0]",
             len(everywhere), what="the map to follow the filters")
    places = markers(page)
    assert places and len(places) < len(everywhere)
    assert len(places) == len(set(places)), "one marker per place"
    kept = {e["place"] for e in api(f"/events?{query}&limit=500")["data"]}
    assert set(places) <= kept


# -- deaths counted once per incident ----------------------------------------------------------

@pytest.mark.parametrize("values, query", [({}, ""), ({"country": "SO"}, "country=SO")])
def test_timeline_counts_each_incidents_deaths_once(page, api, shot, values, query):
    """Two outlets report the Mogadishu car bomb (20 and 25 killed): the line shows 25 that day."""
    if values:
        apply_filters(page, **values)
    incidents = api(f"/incidents?{query}&limit=500")["data"]
    expected = reconciled_deaths_per_day(incidents)
    wait_for(page, lambda: timeline_deaths(page) == expected, what=f"the deaths line to be {expected}")
    shot(page, "02b-timeline-deaths" + ("-" + "-".join(values.values()) if values else ""))
    info = page.find_element("css selector", "#timeline-info").text
    assert f"most killed in a day: {max(expected.values())}" in info
    bombing = next(i for i in incidents if i["place"] == "Mogadishu")
    assert timeline_deaths(page)[bombing["date_from"]] == bombing["best"] == 25  # not 20 + 25
    caption = page.find_element("css selector", "#timeline-box figcaption").text
    assert "deaths per day: reconciled incidents, best estimate" in caption
    if values:  # only Mogadishu left: the deadliest day is the bombing's reconciled best
        assert max(timeline_deaths(page).values()) == bombing["best"]


@pytest.mark.parametrize("values, query", [
    ({"event_type": "Protests"}, "event_type=Protests"),  # Dhaka: 40 wounded, no deaths
    ({"source": "Horn Daily"}, "source=Horn Daily"),  # one of the bombing's two reports
    ({"event_type": "Explosions/Remote violence", "country": "SY"},
     "event_type=Explosions/Remote violence&country=SY"),
])
def test_under_event_filters_the_line_keeps_the_incidents_of_the_events_shown(page, api, values, query):
    linked = {e["incident_id"] for e in api(f"/events?{query}&limit=500&fields=incident_id")["data"]}
    country = f"country={values['country']}" if "country" in values else ""
    expected = reconciled_deaths_per_day([i for i in api(f"/incidents?{country}&limit=500")["data"]
                                          if i["incident_id"] in linked])
    apply_filters(page, **values)
    wait_for(page, lambda: timeline_deaths(page) == expected
             and "the incidents of the events shown" in page.find_element("css selector", "#timeline-info").text,
             what=f"the deaths line to be {expected}")
    info = page.find_element("css selector", "#timeline-info").text
    assert f"most killed in a day: {max(expected.values(), default=0)}" in info
    if values.get("source") == "Horn Daily":  # one outlet's report still counts the incident's best
        assert list(expected.values()) == [25]


def test_markers_and_table_count_the_bombing_once(page, api):
    marker = page.find_element("css selector", "#map .event-marker[data-place='Mogadishu']")
    assert marker.get_attribute("data-events") == "2"
    assert marker.get_attribute("data-fatalities") == "25"  # the incident's best, not 45
    shown = sorted((r["Outlet"], r["Deaths (reported)"], r["Deaths (reconciled)"]) for r in rows(page)
                   if r["Place"] == "Mogadishu")
    assert shown == [("Horn Daily", "25", "25"), ("Wire E", "20", "25")]


def test_the_map_view_box_is_worded_for_the_open_tab(page):
    label = lambda: page.find_element("css selector", "label:has(#map-bounds)").text  # noqa: E731
    assert label() == "Only events in map view"
    page.find_element("css selector", "#tabs [data-tab='incidents']").click()
    wait_for(page, "return document.querySelectorAll('#incidents tbody tr').length > 0", what="incidents")
    assert label() == "Only incidents in map view"


# -- map marker -> popup -> article --------------------------------------------------------------

def test_marker_popup_opens_the_article_with_its_evidence(page, shot):
    marker = page.find_element("css selector", "#map .event-marker[data-place='Mogadishu']")
    marker.click()
    wait_for(page, "const p = document.querySelector('.leaflet-popup');"
             " return !!p && !!p.querySelector('a.open-article') && getComputedStyle(p).opacity === '1'",
             what="the marker's popup, faded in")
    shot(page, "03-marker-popup")
    popup = page.find_element("css selector", ".leaflet-popup")
    assert "Mogadishu" in popup.text
    # the heading counts the bombing once; Wire E's line gives its own report and the incident's
    assert "2 events, 25 killed" in popup.text and "20 killed reported; incident best 25" in popup.text
    selected = [r for r in rows(page) if r["_selected"]]
    assert selected and all(r["Place"] == "Mogadishu" for r in selected)
    popup.find_element("css selector", "a.open-article").click()
    wait_for(page, "return !document.querySelector('#article-view').hidden"
             " && document.querySelectorAll('#article-text mark').length > 0", what="the article view")
    shot(page, "04-article-from-marker")
    assert "Mogadishu" in page.find_element("css selector", "#article-title").text
    for kind in ("quote", "casualty", "place"):
        assert marks(page, kind), f"no {kind} highlighted"
    assert "Mogadishu" in marks(page, "place")
    page.find_element("css selector", "#back").click()
    assert visible(page, "#map") and rows(page) == selected, "back to the same selection"
    page.find_element("css selector", "#clear-selection").click()
    wait_for(page, "return document.querySelectorAll('#events tbody tr').length > arguments[0]",
             len(selected), what="every place's events again")
    assert not any(r["_selected"] for r in rows(page))


def test_only_events_in_map_view(page, api, shot):
    everything = rows(page)
    page.find_element("css selector", "#map-bounds").click()
    # the user zooms in on the Horn of Africa (Leaflet's own API, as a scroll or drag would)
    page.execute_script("leafletMap.setView([2.0, 45.3], 6, {animate: false})")
    wait_for(page, "return document.querySelectorAll('#events tbody tr').length < arguments[0]",
             len(everything), what="the table to keep only the events in view")
    shot(page, "03b-map-view-only")
    box = page.execute_script("return mapViewBbox()")
    shown = rows(page)
    assert shown and {r["Place"] for r in shown} == {"Mogadishu"}
    assert sorted(int(r["_event"]) for r in shown) == sorted(
        e["event_id"] for e in api(f"/events?bbox={box}&limit=500")["data"])


# -- article view --------------------------------------------------------------------------------

@pytest.mark.parametrize("outlet, quote, number, place", [
    ("Wire E", "counted twenty bodies", "20", "Mogadishu"),
    ("Lagos Post", "motorcycles", "30", "Maiduguri"),
    ("Dhaka Courier", "shot at us", "40", "Dhaka"),
])
def test_table_row_opens_the_article_with_its_evidence(page, shot, outlet, quote, number, place):
    open_article_from_row(page, outlet)
    shot(page, f"05-article-{outlet.replace(' ', '_')}")
    assert visible(page, "#article-text") and not visible(page, "#events")
    assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), \
        "the article view should fit a 1366px laptop screen"
    assert outlet in page.find_element("css selector", "#article-meta").text
    quotes = marks(page, "quote")
    assert quotes and quote in "".join(quotes)
    assert any(number in text for text in marks(page, "casualty"))
    assert place in marks(page, "place")
    assert page.find_elements("css selector", "#article-text mark.flash"), \
        "the clicked event's evidence should be flashed"
    assert "Casualties (" in page.find_element("css selector", "#records").text
    page.find_element("css selector", "#back").click()
    assert visible(page, "#events") and not visible(page, "#article-view")


# -- incidents -----------------------------------------------------------------------------------

@pytest.mark.parametrize("opened_from", ["table", "map"])
def test_incidents_tab_shows_the_claims_behind_a_reconciled_toll(page, api, shot, opened_from):
    page.find_element("css selector", "#tabs [data-tab='incidents']").click()
    wait_for(page, "return document.querySelectorAll('#incidents tbody tr').length > 0"
             " && document.querySelectorAll('#map .incident-marker').length > 0",
             what="the incidents table and map")
    shot(page, "06-incidents")
    assert not page.find_elements("css selector", "#map .event-marker"), "the map shows incidents now"
    total = api("/incidents?limit=1")["total_count"]
    assert len(rows(page, "#incidents")) == total
    assert f"{total} incidents" in page.find_element("css selector", "#incident-info").text
    assert page.find_element("css selector", "#incident-next").get_attribute("disabled")
    row = next(r for r in rows(page, "#incidents") if r["Place"] == "Mogadishu")
    assert (row["Low"], row["High"], row["Claims"]) == ("20", "25", "2")  # 20 (police), 25 (hospital)
    incident = next(i for i in api("/incidents?country=SO")["data"] if i["place"] == "Mogadishu")
    assert row["Best"] == str(incident["best"])
    if opened_from == "table":
        page.find_element("css selector", "#incidents tbody tr:nth-child(%d)"
                          % (rows(page, "#incidents").index(row) + 1)).click()
    else:  # the place's marker, then the incident in its popup
        page.find_element("css selector", "#map .incident-marker[data-place='Mogadishu']").click()
        wait_for(page, "return document.querySelector('.leaflet-popup a.open-incident') !== null",
                 what="the incident marker's popup")
        assert [r["Place"] for r in rows(page, "#incidents")] == ["Mogadishu"]
        page.find_element("css selector", ".leaflet-popup a.open-incident").click()
    wait_for(page, "return !document.querySelector('#incident-detail').hidden", what="the claims")
    shot(page, f"07-incident-claims-from-{opened_from}")
    claims = [li.text for li in page.find_elements("css selector", "#claims li")]
    assert len(claims) == 2
    assert any(c.startswith("20") and "Wire E" in c for c in claims)
    assert any(c.startswith("25") and "Horn Daily" in c for c in claims)
    link = next(li for li in page.find_elements("css selector", "#claims li") if "Horn Daily" in li.text)
    link.find_element("css selector", "a").click()
    wait_for(page, "return !document.querySelector('#article-view').hidden"
             " && document.querySelectorAll('#article-text mark.flash').length > 0",
             what="the claim's article")
    shot(page, f"08-claim-article-from-{opened_from}")
    flashed = page.execute_script("return [...document.querySelectorAll('#article-text mark.flash')]"
                                  ".map((m) => m.textContent).join(' ')")
    assert "25" in flashed, "the claim's casualty figure should be the highlighted evidence"


def test_an_article_link_opens_the_article_view(driver, base_url, api):
    article = next(a for a in api("/articles?source=Horn Daily")["data"])
    console_errors(driver), requested_urls(driver)
    driver.get(f"{base_url}/#article/{article['article_id']}")
    wait_for(driver, "return !document.querySelector('#article-view').hidden"
             " && document.querySelectorAll('#article-text mark.casualty').length > 0",
             what="the linked article")
    assert driver.find_element("css selector", "#article-title").text == article["title"]
    assert_clean(driver, base_url)
