"""Actor lexicons: titles, sector keywords, known organisations, armed groups, generic actors.

Pure data and small lookups used by the entities stage (and free for other stages to import).
Country codes are ISO 3166-1 alpha-2; sectors are the values listed in `SECTORS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SECTORS = ("government", "military", "police", "rebels", "insurgents", "igo", "ngo", "media",
           "business", "civilians", "political party", "religious", "other")

# Words that head a person's title ("Foreign Minister", "army spokesman", "rebel commander").
TITLE_HEADS = frozenset("""
minister president secretary secretary-general spokesman spokeswoman spokesperson leader
commander chief general ambassador envoy king queen prince princess emir sheikh governor mayor
senator chancellor premier director head chairman chairwoman chair official officer colonel
major captain lieutenant sergeant admiral brigadier marshal pope cardinal bishop archbishop imam
ayatollah cleric rabbi mufti representative lawmaker legislator deputy negotiator coordinator
commissioner administrator adviser advisor attorney judge prosecutor justice ceo founder
diplomat speaker monarch sultan crown vice-president chief-of-staff gen. col. lt. maj. capt.
analyst researcher professor expert lawyer activist journalist correspondent fellow scholar
economist co-founder executive manager strategist historian
sgt. adm. brig. rep. sen. gov.
""".split())

# Words that may modify a title head ("Foreign", "Deputy", "Prime", "opposition").
TITLE_MODIFIERS = frozenset("""
foreign defence defense interior finance prime deputy vice acting former senior top chief
state affairs justice health information economy trade energy oil home general military army
police rebel opposition militia regional provincial national security intelligence
humanitarian special supreme high un u.n. spokesman-for lieutenant first assistant executive
presidential government ministry navy naval air force supreme human rights relief emergency
refugees refugee migration education agriculture environment labour labor transport culture
religious peace external attorney commanding field
""".split())

HONORIFICS = frozenset({"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dr.", "Dr"})
FEMALE_WORDS = frozenset({"mrs.", "mrs", "ms.", "ms", "miss", "spokeswoman", "chairwoman",
                          "queen", "princess", "madam", "congresswoman", "businesswoman"})
MALE_WORDS = frozenset({"mr.", "mr", "spokesman", "chairman", "king", "prince", "sheikh",
                        "emir", "sultan", "congressman", "businessman"})

# Sector by keyword, checked in this order: the first rule whose word occurs wins, so
# "rebel commander" is rebels and "army spokesman" is military before the generic "spokesman".
_SECTOR_RULES: tuple[tuple[str, str], ...] = (
    ("rebels", r"rebels?|opposition fighters?|armed opposition|free syrian army"),
    ("insurgents", r"militants?|militias?|jihadists?|insurgents?|insurgency|extremists?|"
                   r"terrorists?|gunmen|armed group|islamists?"),
    ("igo", r"u\.?n\.?|united nations|unhcr|unicef|who|wfp|nato|european union|eu|african union|"
            r"arab league|world bank|imf|iaea|international criminal court|icc|osce|"
            r"security council|peacekeep\w*|secretary-general|unrwa|ocha|unesco|asean|opec"),
    ("media", r"news|agency|television|tv|broadcaster|newspaper|radio|press|reporters?|"
              r"journalists?|editor|media|channel|daily|gazette|times|post"),
    ("ngo", r"observatory|monitor\w*|human rights|red cross|red crescent|charity|charities|"
            r"ngos?|aid (?:group|agency|organi[sz]ation|workers?)|relief|doctors without borders|"
            r"msf|amnesty|foundation|watchdog|activists?|rights group|white helmets|rescuers?|"
            r"civil defen[cs]e|humanitarian"),
    ("political party", r"party|opposition|parliamentary bloc|coalition|movement|front"),
    ("religious", r"church|mosque|cleric|imam|pope|vatican|bishop|archbishop|ayatollah|rabbi|"
                  r"mufti|patriarch|clergy|religious|islamic affairs"),
    ("police", r"police\w*|gendarm\w*|security forces|security services|"
               r"border guards?|riot"),
    ("military", r"army|military|troops|soldiers?|forces|navy|naval|air force|warplanes?|jets?|"
                 r"generals?|colonel|commander|brigade|battalion|division|marines?|admiral|"
                 r"defen[cs]e forces|armed forces|pentagon|brigadier|officers?|artillery|"
                 r"regiment|guard|command|gen\.|col\."),
    ("business", r"company|companies|firm|corporation|corp\.?|inc\.?|ltd\.?|plc|bank|ceo|"
                 r"group ltd|holdings|airlines?|oil company"),
    ("civilians", r"civilians?|residents?|protesters?|demonstrators?|villagers?|witness(?:es)?|"
                  r"students?|farmers?|workers?|refugees?|families|people"),
    ("government", r"minist\w*|government|regime|president\w*|prime|secretary|ambassador|"
                   r"embassy|envoy|governor|mayor|senat\w*|parliament|congress|official|"
                   r"spokes\w*|king|queen|emir|chancellor|premier|diplomat\w*|cabinet|"
                   r"authorit\w*|administration|state department|foreign office|kremlin|"
                   r"white house|council|commission|lawmakers?|legislat\w*|crown prince|"
                   r"sheikh|sultan|monarch|committee|state"),
)
_SECTOR_RES = tuple((sector, re.compile(rf"\b(?:{words})(?=\W|$)", re.IGNORECASE))
                    for sector, words in _SECTOR_RULES)


# Words that make a named organisation an armed group ("Baloch Liberation Army", "X Brigades").
ARMED_GROUP_NAME = re.compile(r"\b(?:Liberation|Brigades?|Militias?|Martyrs|Mujahideen|Jihad|"
                              r"Resistance|Battalions?|Insurgents?|Rebels?)\b")


def sector_of(text: str | None) -> str | None:
    """The sector a name, title or description points to ("army spokesman" -> military)."""
    if not text:
        return None
    for sector, pattern in _SECTOR_RES:
        if pattern.search(text):
            return sector
    return None


@dataclass(frozen=True)
class KnownActor:
    """A named organisation or armed group written into the lexicon by hand."""

    name: str
    type: str  # ORG or GROUP
    sector: str
    country: str | None
    aliases: tuple[str, ...]


# name | type | sector | country | aliases (matched case-sensitively, whole words).
_KNOWN = """
United Nations | ORG | igo | - | UN, U.N., the UN
UN Security Council | ORG | igo | - | Security Council, U.N. Security Council, United Nations Security Council
UNHCR | ORG | igo | - | UN refugee agency, U.N. refugee agency, United Nations High Commissioner for Refugees
UNICEF | ORG | igo | - | United Nations Children's Fund
World Food Programme | ORG | igo | - | WFP, World Food Program
World Health Organization | ORG | igo | - | WHO, World Health Organisation
OCHA | ORG | igo | - | UN Office for the Coordination of Humanitarian Affairs
UNRWA | ORG | igo | - | UN agency for Palestinian refugees
International Atomic Energy Agency | ORG | igo | - | IAEA
International Criminal Court | ORG | igo | - | ICC
International Monetary Fund | ORG | igo | - | IMF
World Bank | ORG | igo | - |
European Union | ORG | igo | - | EU, E.U.
NATO | ORG | igo | - | Nato, North Atlantic Treaty Organization
African Union | ORG | igo | - | AU
Arab League | ORG | igo | - | League of Arab States
OSCE | ORG | igo | - | Organization for Security and Co-operation in Europe
ECOWAS | ORG | igo | - | Economic Community of West African States
International Committee of the Red Cross | ORG | ngo | - | ICRC, Red Cross
Red Crescent | ORG | ngo | - | Syrian Arab Red Crescent, SARC
Doctors Without Borders | ORG | ngo | - | MSF, Medecins Sans Frontieres, Médecins Sans Frontières
Amnesty International | ORG | ngo | - | Amnesty
Human Rights Watch | ORG | ngo | - | HRW
White Helmets | ORG | ngo | SY | Syria Civil Defence, Syrian Civil Defence
Syrian Observatory for Human Rights | ORG | ngo | SY | SOHR
SANA | ORG | media | SY | Syrian Arab News Agency
IRNA | ORG | media | IR | Islamic Republic News Agency
TASS | ORG | media | RU | Tass
RIA Novosti | ORG | media | RU | RIA
Interfax | ORG | media | RU |
Xinhua | ORG | media | CN | Xinhua News Agency
KCNA | ORG | media | KP | Korean Central News Agency
Anadolu | ORG | media | TR | Anadolu Agency, Anadolu news agency
Reuters | ORG | media | GB |
Associated Press | ORG | media | US | AP
Agence France-Presse | ORG | media | FR | AFP
Al Jazeera | ORG | media | QA | Al-Jazeera, Aljazeera
BBC | ORG | media | GB | British Broadcasting Corporation
Voice of America | ORG | media | US | VOA
CNN | ORG | media | US |
Bloomberg | ORG | media | US | Bloomberg News
New York Times | ORG | media | US | The New York Times
Washington Post | ORG | media | US | The Washington Post
Al Arabiya | ORG | media | SA | Al-Arabiya
Kurdish Regional Government | ORG | government | IQ | Kurdistan Regional Government, KRG
Islamic State | GROUP | insurgents | - | IS, ISIS, ISIL, Daesh, Islamic State group, Islamic State of Iraq and the Levant, Islamic State of Iraq and Syria
al-Qaeda | GROUP | insurgents | - | al-Qaida, Al-Qaeda, Al-Qaida, al Qaeda, Al Qaeda, al Qaida, Al Qaida, al-Qaeda in the Arabian Peninsula, AQAP, AQIM
Hamas | GROUP | insurgents | PS |
Palestinian Islamic Jihad | GROUP | insurgents | PS | Islamic Jihad
Hezbollah | GROUP | insurgents | LB | Hizbollah, Hizballah
Taliban | GROUP | insurgents | AF | the Taliban
Pakistani Taliban | GROUP | insurgents | PK | Tehreek-e-Taliban Pakistan, Tehrik-i-Taliban Pakistan, TTP
al-Shabab | GROUP | insurgents | SO | al-Shabaab, Al-Shabab, Al-Shabaab, al Shabab, Shabab
Boko Haram | GROUP | insurgents | NG |
ISWAP | GROUP | insurgents | NG | Islamic State West Africa Province
JNIM | GROUP | insurgents | ML | Jama'at Nusrat al-Islam wal-Muslimin
Houthis | GROUP | rebels | YE | Houthi, Houthi rebels, Houthi movement, Ansar Allah, Ansarallah
Wagner | GROUP | military | RU | Wagner Group, Wagner group, Africa Corps
M23 | GROUP | rebels | CD | M23 rebels, March 23 Movement
Allied Democratic Forces | GROUP | insurgents | CD | ADF
Rapid Support Forces | GROUP | rebels | SD | RSF
Hayat Tahrir al-Sham | GROUP | rebels | SY | HTS, Hayat Tahrir al-Sham, Tahrir al-Sham
Nusra Front | GROUP | insurgents | SY | al-Nusra Front, al-Nusra, Nusra, Jabhat al-Nusra, Jabhat Fateh al-Sham
Free Syrian Army | GROUP | rebels | SY | FSA
Syrian National Army | GROUP | rebels | SY | SNA
Syrian Democratic Forces | GROUP | rebels | SY | SDF
YPG | GROUP | rebels | SY | People's Protection Units
PKK | GROUP | rebels | TR | Kurdistan Workers' Party, Kurdistan Workers Party
FARC | GROUP | rebels | CO | Revolutionary Armed Forces of Colombia
ELN | GROUP | rebels | CO | National Liberation Army
Lashkar-e-Taiba | GROUP | insurgents | PK | LeT, Lashkar-e-Tayyiba
Jaish-e-Mohammed | GROUP | insurgents | PK | Jaish-e-Muhammad
Tigray People's Liberation Front | GROUP | rebels | ET | TPLF, Tigrayan forces
Fano | GROUP | rebels | ET | Fano militia
Arakan Army | GROUP | rebels | MM |
Baloch Liberation Army | GROUP | rebels | PK | BLA
"""


@lru_cache(maxsize=1)
def known_actors() -> tuple[KnownActor, ...]:
    """The hand-written organisations and armed groups, parsed once."""
    actors = []
    for line in _KNOWN.strip().splitlines():
        name, kind, sector, country, aliases = (cell.strip() for cell in line.split("|"))
        forms = tuple(a.strip() for a in aliases.split(",") if a.strip())
        actors.append(KnownActor(name, kind, sector, None if country == "-" else country,
                                 (name, *forms)))
    return tuple(actors)


@lru_cache(maxsize=1)
def known_actor_pattern() -> tuple[re.Pattern[str], dict[str, KnownActor]]:
    """One case-sensitive regex over every alias (longest first) and the alias -> actor map."""
    by_alias: dict[str, KnownActor] = {}
    for actor in known_actors():
        for alias in actor.aliases:
            by_alias.setdefault(alias, actor)
    alternation = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    # Not inside a longer word, and not the first half of a hyphenated word ("IS-held" is fine
    # but "UN-" in "UNHCR" is excluded by the \w lookahead).
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])"), by_alias


@dataclass(frozen=True)
class GenericActor:
    """An unnamed collective actor ("rebels", "security forces") and how to file it."""

    name: str  # canonical name of the entity
    sector: str
    state: bool  # a state institution: with a demonym it becomes an ORG ("Syrian army")


# Canonical name | sector | state? | surface phrases (plural or collective nouns only, so the
# modifier in "rebel-held" or "rebel shelling" never counts as an actor mention).
_GENERIC = """
rebels | rebels | n | rebels, rebel fighters, rebel forces, rebel groups, opposition fighters, opposition forces, armed opposition, opposition groups, anti-government fighters, rebel group
militants | insurgents | n | militants, militant group, militant groups, militia, militias, militiamen, armed groups, armed men
insurgents | insurgents | n | insurgents
jihadists | insurgents | n | jihadists, jihadist fighters, jihadist groups
extremists | insurgents | n | extremists, extremist groups
terrorists | insurgents | n | terrorists, terrorist groups
gunmen | insurgents | n | gunmen, assailants, attackers
fighters | rebels | n | fighters
government | government | y | government, regime, authorities, administration, officials, government officials
military | military | y | army, military, armed forces, troops, soldiers, forces, government forces, regime forces, pro-government forces, government troops, warplanes, jets, air force, navy, artillery
security forces | police | y | security forces, police, police officers, policemen, riot police, security services
protesters | civilians | n | protesters, demonstrators, crowds
residents | civilians | n | residents, witnesses, villagers, locals
activists | ngo | n | activists
aid workers | ngo | n | aid workers, rescuers, rescue workers, medics, aid agencies, aid groups
"""


@lru_cache(maxsize=1)
def generic_actors() -> dict[str, GenericActor]:
    """Surface phrase (lowercase) -> generic actor."""
    table: dict[str, GenericActor] = {}
    for line in _GENERIC.strip().splitlines():
        name, sector, state, phrases = (cell.strip() for cell in line.split("|"))
        actor = GenericActor(name, sector, state == "y")
        for phrase in phrases.split(","):
            table[phrase.strip()] = actor
    return table
