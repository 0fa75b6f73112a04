"""Countries: ISO 3166-1 alpha-2 codes with English names, aliases, demonyms and capitals.

Pure data and lookups, written by hand (no download). Other stages import the lookups:
`country_of_name("U.S.") -> "US"`, `country_of_demonym("Syrians") -> "SY"`,
`country_of_capital("Moscow") -> "RU"`, `country_name("GB") -> "United Kingdom"`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One country per line: ISO2 | common name | other names and aliases | demonyms and adjectives.
# The first demonym is the adjective; plurals in "-s" are derived automatically, irregular
# plurals ("Frenchmen") are listed. Aliases of 2-3 letters match only in exact case ("US", not "us").
_COUNTRIES = """
AF | Afghanistan | Islamic Republic of Afghanistan | Afghan, Afghani
AL | Albania | | Albanian
DZ | Algeria | | Algerian
AD | Andorra | | Andorran
AO | Angola | | Angolan
AG | Antigua and Barbuda | Antigua | Antiguan
AR | Argentina | | Argentine, Argentinian, Argentinean
AM | Armenia | | Armenian
AU | Australia | | Australian, Aussie
AT | Austria | | Austrian
AZ | Azerbaijan | | Azerbaijani, Azeri
BS | Bahamas | The Bahamas | Bahamian
BH | Bahrain | | Bahraini
BD | Bangladesh | | Bangladeshi
BB | Barbados | | Barbadian
BY | Belarus | Byelorussia | Belarusian, Belarussian
BE | Belgium | | Belgian
BZ | Belize | | Belizean
BJ | Benin | | Beninese
BT | Bhutan | | Bhutanese
BO | Bolivia | | Bolivian
BA | Bosnia and Herzegovina | Bosnia, Bosnia-Herzegovina | Bosnian
BW | Botswana | | Botswanan, Motswana, Batswana
BR | Brazil | | Brazilian
BN | Brunei | | Bruneian
BG | Bulgaria | | Bulgarian
BF | Burkina Faso | Burkina | Burkinabe, Burkinabè
BI | Burundi | | Burundian
CV | Cape Verde | Cabo Verde | Cape Verdean
KH | Cambodia | | Cambodian
CM | Cameroon | | Cameroonian
CA | Canada | | Canadian
CF | Central African Republic | CAR | Central African
TD | Chad | | Chadian
CL | Chile | | Chilean
CN | China | People's Republic of China, PRC, Mainland China | Chinese
CO | Colombia | | Colombian
KM | Comoros | | Comoran, Comorian
CG | Republic of the Congo | Congo-Brazzaville, Congo Republic | Congolese (Brazzaville)
CD | Democratic Republic of Congo | Democratic Republic of the Congo, DR Congo, DRC, Congo, Congo-Kinshasa, Zaire | Congolese
CR | Costa Rica | | Costa Rican
CI | Ivory Coast | Cote d'Ivoire, Côte d'Ivoire | Ivorian
HR | Croatia | | Croatian, Croat
CU | Cuba | | Cuban
CY | Cyprus | | Cypriot
CZ | Czech Republic | Czechia | Czech
DK | Denmark | | Danish, Dane
DJ | Djibouti | | Djiboutian
DM | Dominica | | Dominican (Dominica)
DO | Dominican Republic | | Dominican
EC | Ecuador | | Ecuadorian, Ecuadorean
EG | Egypt | | Egyptian
SV | El Salvador | | Salvadoran, Salvadorean
GQ | Equatorial Guinea | | Equatorial Guinean, Equatoguinean
ER | Eritrea | | Eritrean
EE | Estonia | | Estonian
SZ | Eswatini | Swaziland | Swazi
ET | Ethiopia | | Ethiopian
FJ | Fiji | | Fijian
FI | Finland | | Finnish, Finn
FR | France | French Republic | French, Frenchman, Frenchmen, Frenchwoman
GA | Gabon | | Gabonese
GM | Gambia | The Gambia | Gambian
GE | Georgia | | Georgian
DE | Germany | Federal Republic of Germany | German
GH | Ghana | | Ghanaian
GR | Greece | | Greek
GD | Grenada | | Grenadian
GT | Guatemala | | Guatemalan
GN | Guinea | Guinea-Conakry | Guinean
GW | Guinea-Bissau | | Bissau-Guinean
GY | Guyana | | Guyanese
HT | Haiti | | Haitian
HN | Honduras | | Honduran
HU | Hungary | | Hungarian
IS | Iceland | | Icelandic, Icelander
IN | India | | Indian
ID | Indonesia | | Indonesian
IR | Iran | Islamic Republic of Iran, Persia | Iranian, Persian
IQ | Iraq | | Iraqi
IE | Ireland | Republic of Ireland, Eire | Irish, Irishman, Irishmen
IL | Israel | | Israeli
IT | Italy | | Italian
JM | Jamaica | | Jamaican
JP | Japan | | Japanese
JO | Jordan | | Jordanian
KZ | Kazakhstan | | Kazakh, Kazakhstani
KE | Kenya | | Kenyan
KI | Kiribati | | I-Kiribati
KP | North Korea | Democratic People's Republic of Korea, DPRK | North Korean
KR | South Korea | Republic of Korea, Korea | South Korean, Korean
XK | Kosovo | | Kosovar, Kosovan
KW | Kuwait | | Kuwaiti
KG | Kyrgyzstan | Kyrgyz Republic | Kyrgyz, Kyrgyzstani
LA | Laos | Lao PDR | Laotian, Lao
LV | Latvia | | Latvian
LB | Lebanon | | Lebanese
LS | Lesotho | | Basotho, Mosotho
LR | Liberia | | Liberian
LY | Libya | | Libyan
LI | Liechtenstein | | Liechtensteiner
LT | Lithuania | | Lithuanian
LU | Luxembourg | | Luxembourgish, Luxembourger
MG | Madagascar | | Malagasy
MW | Malawi | | Malawian
MY | Malaysia | | Malaysian
MV | Maldives | The Maldives | Maldivian
ML | Mali | | Malian
MT | Malta | | Maltese
MH | Marshall Islands | | Marshallese
MR | Mauritania | | Mauritanian
MU | Mauritius | | Mauritian
MX | Mexico | | Mexican
FM | Micronesia | Federated States of Micronesia | Micronesian
MD | Moldova | | Moldovan
MC | Monaco | | Monegasque
MN | Mongolia | | Mongolian
ME | Montenegro | | Montenegrin
MA | Morocco | | Moroccan
MZ | Mozambique | | Mozambican
MM | Myanmar | Burma | Myanmarese, Burmese
NA | Namibia | | Namibian
NR | Nauru | | Nauruan
NP | Nepal | | Nepalese, Nepali
NL | Netherlands | The Netherlands, Holland | Dutch, Dutchman, Dutchmen
NZ | New Zealand | | New Zealander
NI | Nicaragua | | Nicaraguan
NE | Niger | | Nigerien
NG | Nigeria | | Nigerian
MK | North Macedonia | Macedonia | Macedonian
NO | Norway | | Norwegian
OM | Oman | | Omani
PK | Pakistan | | Pakistani
PW | Palau | | Palauan
PS | Palestine | Palestinian Territories, State of Palestine, Palestinian territories | Palestinian
PA | Panama | | Panamanian
PG | Papua New Guinea | | Papua New Guinean
PY | Paraguay | | Paraguayan
PE | Peru | | Peruvian
PH | Philippines | The Philippines | Filipino, Philippine, Filipina
PL | Poland | | Polish, Pole
PT | Portugal | | Portuguese
QA | Qatar | | Qatari
RO | Romania | | Romanian
RU | Russia | Russian Federation | Russian
RW | Rwanda | | Rwandan
KN | Saint Kitts and Nevis | St Kitts and Nevis | Kittitian
LC | Saint Lucia | St Lucia | Saint Lucian
VC | Saint Vincent and the Grenadines | St Vincent | Vincentian
WS | Samoa | | Samoan
SM | San Marino | | Sammarinese
ST | Sao Tome and Principe | São Tomé and Príncipe | Santomean
SA | Saudi Arabia | Kingdom of Saudi Arabia, KSA | Saudi, Saudi Arabian
SN | Senegal | | Senegalese
RS | Serbia | | Serbian, Serb
SC | Seychelles | | Seychellois
SL | Sierra Leone | | Sierra Leonean
SG | Singapore | | Singaporean
SK | Slovakia | | Slovak, Slovakian
SI | Slovenia | | Slovenian, Slovene
SB | Solomon Islands | | Solomon Islander
SO | Somalia | | Somali
ZA | South Africa | | South African
SS | South Sudan | | South Sudanese
ES | Spain | | Spanish, Spaniard
LK | Sri Lanka | | Sri Lankan
SD | Sudan | | Sudanese
SR | Suriname | | Surinamese
SE | Sweden | | Swedish, Swede
CH | Switzerland | | Swiss
SY | Syria | Syrian Arab Republic | Syrian
TW | Taiwan | Republic of China | Taiwanese
TJ | Tajikistan | | Tajik, Tajikistani
TZ | Tanzania | | Tanzanian
TH | Thailand | | Thai
TL | East Timor | Timor-Leste | Timorese
TG | Togo | | Togolese
TO | Tonga | | Tongan
TT | Trinidad and Tobago | Trinidad | Trinidadian
TN | Tunisia | | Tunisian
TR | Turkey | Turkiye, Türkiye | Turkish, Turk
TM | Turkmenistan | | Turkmen
TV | Tuvalu | | Tuvaluan
UG | Uganda | | Ugandan
UA | Ukraine | | Ukrainian
AE | United Arab Emirates | UAE, U.A.E., Emirates | Emirati
GB | United Kingdom | UK, U.K., Britain, Great Britain, England, Scotland, Wales, Northern Ireland | British, Briton, English, Scottish, Welsh, Scot
US | United States | United States of America, U.S., US, USA, U.S.A., America | American
UY | Uruguay | | Uruguayan
UZ | Uzbekistan | | Uzbek, Uzbekistani
VU | Vanuatu | | Ni-Vanuatu
VA | Vatican | Holy See, Vatican City | Vatican
VE | Venezuela | | Venezuelan
VN | Vietnam | Viet Nam | Vietnamese
YE | Yemen | | Yemeni
ZM | Zambia | | Zambian
ZW | Zimbabwe | | Zimbabwean
"""

# Capitals (and a few seats of government) that news copy uses for the government itself:
# "Damascus must let aid in", "Moscow rejected the plan". ISO2 | names.
_CAPITALS = """
AF | Kabul
DZ | Algiers
AM | Yerevan
AZ | Baku
BY | Minsk
BE | Brussels
BR | Brasilia, Brasília
CA | Ottawa
CN | Beijing, Peking
CD | Kinshasa
CU | Havana
EG | Cairo
ER | Asmara
ET | Addis Ababa
FR | Paris, Elysee, Élysée, Elysee Palace
DE | Berlin
GE | Tbilisi
IN | New Delhi, Delhi
ID | Jakarta
IR | Tehran, Teheran
IQ | Baghdad
IL | Jerusalem
IT | Rome
JP | Tokyo
JO | Amman
KE | Nairobi
KP | Pyongyang
KR | Seoul
LB | Beirut
LY | Tripoli
ML | Bamako
MX | Mexico City
MM | Naypyidaw, Naypyitaw
NE | Niamey
NG | Abuja
PK | Islamabad
PS | Ramallah
QA | Doha
RU | Moscow, Kremlin
RW | Kigali
SA | Riyadh
SO | Mogadishu
ZA | Pretoria
SS | Juba
SD | Khartoum
SY | Damascus
TW | Taipei
TR | Ankara
UA | Kyiv, Kiev
AE | Abu Dhabi
GB | London, Downing Street, Whitehall
US | Washington, White House, Pentagon
VE | Caracas
YE | Sanaa, Sana'a
"""

# Adjectives for peoples without a state of their own: they name a nationality but no country.
STATELESS_DEMONYMS: frozenset[str] = frozenset({
    "Kurdish", "Kurd", "Kurds", "Arab", "Arabs", "Baloch", "Pashtun", "Pashtuns", "Tamil",
    "Tamils", "Uighur", "Uighurs", "Uyghur", "Uyghurs", "Rohingya", "Berber", "Tuareg",
    "Yazidi", "Yazidis", "Druze", "Alawite", "Alawites", "Sunni", "Sunnis", "Shia", "Shiite",
    "Shiites", "Christian", "Christians", "Muslim", "Muslims", "Jewish", "Jews", "Hutu", "Tutsi",
    "Fulani", "Amhara", "Tigrayan", "Tigrayans", "Oromo", "European", "Europeans", "African",
    "Africans", "Western", "Latino",
})

# Adjectives that are also ordinary words or names we must not read as nationalities.
_AMBIGUOUS_NAMES = frozenset({"Georgia", "Jordan", "Chad", "Dominica", "Niger"})


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(",") if item.strip()]


def _plural(demonym: str) -> list[str]:
    """Plural forms a demonym takes as a noun: "Syrians", "Iraqis"; not "Frenchs"."""
    if demonym in ("French", "Dutch", "Welsh", "Malagasy", "Basotho", "Batswana", "Motswana"):
        return []
    if demonym.endswith(("ese", "ish", "ss", "men", "woman")):
        return []
    if demonym.endswith("man"):  # Frenchman -> Frenchmen
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(name->iso2, demonym->iso2, capital->iso2, iso2->name), built once from the text tables."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        iso2, name, aliases, adjectives = (cell.strip() for cell in line.split("|"))
        canonical[iso2] = name
        for alias in [name, *_split(aliases)]:
            names.setdefault(alias, iso2)
        for adjective in _split(adjectives):
            if "(" in adjective:  # a note like "Congolese (Brazzaville)": not a lookup key
                continue
            demonyms.setdefault(adjective, iso2)
            for plural in _plural(adjective):
                demonyms.setdefault(plural, iso2)
    capitals: dict[str, str] = {}
    for line in _CAPITALS.strip().splitlines():
        iso2, cities = (cell.strip() for cell in line.split("|"))
        for city in _split(cities):
            capitals[city] = iso2
    return names, demonyms, capitals, canonical


def _normalise(text: str) -> str:
    """Trim whitespace, a leading "the", a trailing possessive and surrounding punctuation."""
    text = re.sub(r"\s+", " ", text or "").strip().strip(",;:!?\"'()[]“”‘’")
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    return text.rstrip(".") if not re.search(r"\b[A-Z]\.[A-Z]\.$", text) else text


def _lookup(table: dict[str, str], text: str) -> str | None:
    """Exact lookup, then case-insensitive for words longer than 3 letters that look like names."""
    key = _normalise(text)
    if not key:
        return None
    if key in table:
        return table[key]
    if len(key) <= 3 or not key[0].isupper():
        return None
    return _folded(id(table), table).get(key.casefold())


_FOLDED: dict[int, dict[str, str]] = {}


def _folded(key: int, table: dict[str, str]) -> dict[str, str]:
    """The case-folded copy of a (cached, never mutated) table, built once."""
    if key not in _FOLDED:
        _FOLDED[key] = {k.casefold(): v for k, v in table.items() if len(k) > 3}
    return _FOLDED[key]


def country_of_name(text: str) -> str | None:
    """ISO2 of a country name or alias ("Syria", "the U.S.", "Britain"), else None."""
    return _lookup(_tables()[0], text)


def country_of_demonym(text: str) -> str | None:
    """ISO2 of a demonym or nationality adjective ("Syrian", "Iraqis", "French"), else None.

    Peoples without a state ("Kurdish", "Arab") return None; see `is_demonym` to tell them apart
    from words that are not demonyms at all.
    """
    key = _normalise(text)
    if key in STATELESS_DEMONYMS:
        return None
    return _lookup(_tables()[1], text)


def is_demonym(text: str) -> bool:
    """True for a nationality or people word, with or without a country ("Kurdish" too)."""
    key = _normalise(text)
    return key in STATELESS_DEMONYMS or country_of_demonym(key) is not None


def country_of_capital(text: str) -> str | None:
    """ISO2 of a capital or seat of government used for a government ("Moscow", "the Kremlin")."""
    return _lookup(_tables()[2], text)


def country_name(iso2: str | None) -> str:
    """The common English name of an ISO2 code, or "" when the code is unknown."""
    return _tables()[3].get((iso2 or "").upper(), "")


def demonym_of(iso2: str | None) -> str:
    """The adjective of a country ("SY" -> "Syrian"), or its name when it has none listed."""
    code = (iso2 or "").upper()
    return _adjectives().get(code) or country_name(code)


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """ISO2 -> the first (adjective) demonym of each line of the table."""
    adjectives = {}
    for line in _COUNTRIES.strip().splitlines():
        iso2, _name, _aliases, cells = (cell.strip() for cell in line.split("|"))
        first = _split(cells)[:1]
        if first:
            adjectives[iso2] = first[0]
    return adjectives


def country_of(text: str) -> str | None:
    """ISO2 of a country name, demonym or capital, whichever the text is, else None."""
    return country_of_name(text) or country_of_demonym(text) or country_of_capital(text)


def is_ambiguous_name(text: str) -> bool:
    """True for country names that are also common words or given names ("Jordan", "Chad")."""
    return _normalise(text) in _AMBIGUOUS_NAMES


def all_country_names() -> dict[str, str]:
    """Every name and alias with its ISO2 (a copy, safe to modify)."""
    return dict(_tables()[0])


def all_demonyms() -> dict[str, str]:
    """Every demonym form with its ISO2 (a copy)."""
    return dict(_tables()[1])


def all_capitals() -> dict[str, str]:
    """Every capital or seat of government with its ISO2 (a copy)."""
    return dict(_tables()[2])
