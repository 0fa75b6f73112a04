"""ACLED sub-event types chosen from everything a sentence or snippet says, and a snippet-level
incident label in the CASE 2021 task 2 label set. Helpers of the events stage; not a stage.

Reads: an `Article` whose `events` are coded (types, modes, actor sectors) and its spaCy `doc`.
Gives: `incident_type(article)` — one label for a short report (the 25 ACLED sub-event types,
plus the CASE "unseen" types NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME, ATTRIB and DIPLO,
and OTHER); `refine_acled(article)` — re-chooses each violent or protest event's ACLED sub-type
from the cue words of its own sentence (a "clash" between protesters and police is a violent
demonstration; "chlorine" in the sentence makes an attack a chemical-weapon one).

Why a decision list: ACLED's codebook picks ONE sub-event per report by precedence — the most
specific form of violence wins (chemical > suicide bomb > grenade > air strike > shelling >
IED), a demonstration is typed by what happened at it (violence by demonstrators, lethal force,
intervention), and attacks split by who was hit (armed actors -> Battles, civilians ->
Violence against civilians). Events coded by the stage give the actors and the main action;
cue words give the weapon and the setting. Order below = precedence.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ontology as ont
from ..model import Article, Event

# CASE label -> (ACLED event type, ACLED sub-event type), for the ACLED ones.
CASE_TO_ACLED: dict[str, tuple[str, str]] = {
    "ABDUCT_DISSAP": (ont.ACLED_VAC, "Abduction/forced disappearance"),
    "AGREEMENT": (ont.ACLED_STRATEGIC, "Agreement"),
    "AIR_STRIKE": (ont.ACLED_REMOTE, "Air/drone strike"),
    "ARMED_CLASH": (ont.ACLED_BATTLES, "Armed clash"),
    "ARREST": (ont.ACLED_STRATEGIC, "Arrests"),
    "ART_MISS_ATTACK": (ont.ACLED_REMOTE, "Shelling/artillery/missile attack"),
    "ATTACK": (ont.ACLED_VAC, "Attack"),
    "CHANGE_TO_GROUP_ACT": (ont.ACLED_STRATEGIC, "Change to group/activity"),
    "CHEM_WEAP": (ont.ACLED_REMOTE, "Chemical weapon"),
    "DISR_WEAP": (ont.ACLED_STRATEGIC, "Disrupted weapons use"),
    "FORCE_AGAINST_PROTEST": (ont.ACLED_PROTESTS, "Excessive force against protesters"),
    "GOV_REGAINS_TERIT": (ont.ACLED_BATTLES, "Government regains territory"),
    "GRENADE": (ont.ACLED_REMOTE, "Grenade"),
    "HQ_ESTABLISHED": (ont.ACLED_STRATEGIC, "Headquarters or base established"),
    "MOB_VIOL": (ont.ACLED_RIOTS, "Mob violence"),
    "NON_STATE_ACTOR_OVERTAKES_TER": (ont.ACLED_BATTLES, "Non-state actor overtakes territory"),
    "NON_VIOL_TERRIT_TRANSFER": (ont.ACLED_STRATEGIC, "Non-violent transfer of territory"),
    "OTHER": (ont.ACLED_STRATEGIC, "Other"),
    "PEACE_PROTEST": (ont.ACLED_PROTESTS, "Peaceful protest"),
    "PROPERTY_DISTRUCT": (ont.ACLED_STRATEGIC, "Looting/property destruction"),
    "PROTEST_WITH_INTER": (ont.ACLED_PROTESTS, "Protest with intervention"),
    "REM_EXPLOS": (ont.ACLED_REMOTE, "Remote explosive/landmine/IED"),
    "SEX_VIOL": (ont.ACLED_VAC, "Sexual violence"),
    "SUIC_BOMB": (ont.ACLED_REMOTE, "Suicide bomb"),
    "VIOL_DEMONSTR": (ont.ACLED_RIOTS, "Violent demonstration"),
}
ACLED_TO_LABEL = {sub: label for label, (_, sub) in CASE_TO_ACLED.items()}


def _cue(words: str) -> re.Pattern[str]:
    """A case-insensitive whole-word regex over '|'-separated stems (a trailing * = any ending)."""
    alts = [re.escape(w.strip()).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
            for w in words.split("|") if w.strip()]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


# Cue words, grouped by what they tell a coder. Stems, not sentences from any corpus.
CUES: dict[str, re.Pattern[str]] = {k: _cue(v) for k, v in {
    "claim": "claim* responsibility|claim* credit|take* credit|took credit|taking credit|"
             "claim* the attack*|claim* the bombing*|claim* to have carried out|"
             "claimed by|responsible for the attack*|responsible for the bombing*|"
             "behind the attack*|behind the bombing*|responsibility for the attack*|"
             "responsibility for the bombing*|responsibility for the explosion*",
    "natural": "earthquake*|quake*|tremor*|flood*|flash flood*|cyclone*|hurricane*|typhoon*|"
               "tornado*|storm*|landslide*|mudslide*|drought*|volcan*|erupt*|eruption*|"
               "tsunami*|avalanche*|lightning|heatwave*|heat wave*|cold wave*|snowfall|blizzard*|"
               "covid*|coronavirus|virus*|outbreak*|pandemic|epidemic|cholera|ebola|dengue|"
               "malaria|measles|infection*|infected|wildfire*|bushfire*|forest fire*|"
               "locust*|monsoon|heavy rain*|rainfall|downpour*|inundat*|sandstorm*|"
               "hailstorm*|disease",
    "manmade": "fire broke out|blaze*|caught fire|gutted|inferno|crash*|accident*|collision|"
               "collided|derail*|capsiz*|sank|sinking|collaps*|spill*|leak*|gas cylinder|"
               "boiler|short circuit|short-circuit|stampede|drown*|poison*|toxic liquor|"
               "hooch|spurious liquor|food poisoning|chemical hazard|factory fire|"
               "building fire|plane crash|bus plunged|plunged into|fell into a gorge|"
               "mine explosion|gas explosion|explosion at a factory|industrial",
    "industrial": "plant|factory|factories|warehouse*|refinery|refineries|pipeline*|tanker*|"
                  "container*|depot*|oil company|gas station|petrol station|boiler*|"
                  "cylinder*|chemical plant|power station|coal mine|mine shaft|firework*",
    "attack_word": "attack*|bomber*|bombing*|militant*|gunmen|insurgent*|terrorist*|ied*|"
                   "jihadist*|rebels|assailant*",
    "crime": "smuggl*|traffick*|drug*|narcotic*|cocaine|heroin|methamphetamine|meth|"
             "cannabis|marijuana|ganja|opium|cartel*|counterfeit*|fake currency|fake notes|"
             "fraud*|robber*|robbed|burglar*|break and enter|stolen|theft|thie*|laundering|"
             "extortion|poach*|contraband|illegal migrants|human trafficking|organi?ed crime|"
             "crime syndicate|racket*|ransom|bribe*|embezzl*|scam*|gangster*|mafia|"
             "illegally|illicit",
    "sexual": "rape*|raping|sexual*|molest*|gang-rape*|sexually assault*",
    "chemical": "chemical weapon*|chemical attack*|chemical agent*|chlorine|sarin|mustard gas|"
                "nerve agent*|toxic gas|poison gas|poisonous gas|toxic chemical*|"
                "gas attack*|chemical munition*|chemical|asphyxia*|suffocat*|respiratory|"
                "breathing difficult*|poison* gas*|gas-filled",
    "suicide": "suicide bomb*|suicide attack*|suicide car|suicide vest*|suicide truck|"
               "blew himself up|blew herself up|blew themselves up|self-detonat*|suicide",
    "grenade": "grenade*|hand-grenade*",
    "air": "air strike*|airstrike*|air raid*|air-strike*|warplane*|fighter jet*|jets|"
           "drone strike*|drone attack*|helicopter gunship*|aerial bombardment|"
           "bombed from the air|air force|aircraft|helicopter*|barrel bomb*|drone*",
    "artillery": "shell*|artillery|mortar*|rocket*|missile*|howitzer*|katyusha*|"
                 "grad rocket*|projectile*|rpg*|bombard*",
    "explosive": "ied*|improvised explosive|roadside bomb*|landmine*|land mine*|mine blast|"
                 "car bomb*|bomb*|explosive device*|explosive*|blast*|explosion*|detonat*|"
                 "booby-trap*|sticky bomb*|vbied",
    "protest": "protest*|demonstrat*|rall*|march*|sit-in*|picket*|strike*|riot*|"
               "marchers|crowd*|mob*",
    "mob": "mob|mobs|lynch*|vigilante*|angry crowd*|irate crowd*|mob justice|jungle justice",
    "violent_demo": "riot*|rioters|violent|turned violent|clash*|stone*|rock*|"
                    "throwing|threw|petrol bomb*|molotov*|firecracker*|torch*|set fire|"
                    "set ablaze|set alight|vandali*|loot*|smash*|hurl*|pelt*|burn*|"
                    "attacked police|attack* the police|scuffl*|violence|damag*",
    "lethal_force": "shot dead|killed|killing|live ammunition|live fire|live rounds|"
                    "opened fire|fired on|fired at|shot and killed|deaths|dead|died|"
                    "fatally|bullets",
    "intervention": "tear gas|teargas|tear-gas|water cannon*|rubber bullet*|pepper spray*|"
                    "pepper-spray*|disperse*|dispersed|break up|broke up|baton*|"
                    "arrest*|detain*|detention|stun grenade*|rounded up|beat*|"
                    "halted|blocked|prevented|cordon*|kettl*|forcibly|removed",
    "disrupted": "defus*|seiz*|cache*|stash*|arms depot|intercept*|shot down|thwart*|"
                 "foil*|bomb disposal|controlled explosion|neutrali*|recover*|found|find|"
                 "finds|discover*|unearth*|confiscat*|suspicious package*|dismantl*|"
                 "unexploded|impound*|hidden",
    "weapon_object": "weapon*|arms|ammunition|explosive*|firearm*|gun|guns|pistol*|"
                     "rifle*|bomb*|grenade*|mines|landmine*|ied*|missile*|rocket*|drone*|"
                     "rounds|cartridge*|munition*|detonator*|ak-47*|kalashnikov*|"
                     "improvised explosive|suicide vest*|mortar*|shell*",
    "territory_take": "recaptur*|retak*|retook|regain*|liberat*|took control|taken control|"
                      "freed * villages|freed * towns|freed the town|freed the village|"
                      "take control|seized control|seiz* the town|seiz* the village|"
                      "seiz* the city|captur*|overr*|overran|gain* control|"
                      "control of|drove * out|drove back|pushed back|expelled|"
                      "drove * back|drove * * back|drove * * out|pushed * back|pushed * * back|"
                      "advanced into|took over|taken over|fell to|"
                      "under the control|in control",
    "territory_give": "handed over|hand over|handover|hand-over|handed control|"
                      "withdr* from|pulled out of|pull out of|without resistance|"
                      "without a fight|without fighting|evacuat*|transferr*|transfer of|"
                      "entered|enter",
    "hq": "set up * post*|set up * base*|set up * headquarters|established * post*|"
          "establish* * base*|establish* * headquarters|new * base*|new * post*|"
          "new headquarters|observation post*|military post*|barracks|outpost*|"
          "headquarters|set up * camp*|establish* * camp*|establish* * checkpoint*|"
          "set up * checkpoint*|new base|new post|base in|bases",
    "arrest": "arrest*|detain*|apprehend*|nabbed|custody|rounded up|held for questioning|"
              "taken in for questioning",
    "abduct": "abduct*|kidnap*|hostage*|went missing|disappear*|seized * hostage*|"
              "taken captive|held captive|captive*",
    "property": "loot*|set on fire|set fire|torch*|burn*|vandali*|destroy*|destruction|"
                "demolish*|raz*|ransack*|damag*|set ablaze|arson|plunder*|bulldoz*",
    "clash": "clash*|fighting|battle*|exchange of fire|exchanged fire|exchange fire|"
             "gunfight*|gun battle*|firefight*|skirmish*|engaged|fire exchange|"
             "confrontation*|ambush*|repuls*|repelled|counter-attack*|counterattack*|"
             "offensive",
    "armed_target": "soldier*|troop*|army|military|police*|security forces|security personnel|"
                    "checkpoint*|base|bases|outpost*|convoy*|patrol*|militant*|rebel*|"
                    "insurgent*|fighters|jihadist*|terrorist*|gunmen|guards|officers|"
                    "forces|militia*|commander*|servicemen|personnel|barracks|"
                    "positions|position",
    "civilian_target": "civilian*|villager*|residents|passenger*|worshipper*|women|"
                       "children|students|farmers|shoppers|pilgrims|mosque|church|market|"
                       "school|family|families|teacher*|people|man|woman|boy|girl|"
                       "journalist*|worker*|herders|traders",
    "agreement": "agree*|agreement*|deal|deals|ceasefire*|cease-fire*|truce*|accord|accords|"
                 "signed|sign|peace pact|pact|treaty|memorandum|negotiated settlement|"
                 "reconciliation|peace talks|accept* * proposal|handover deal|"
                 "surrender*|laid down * arms|lay down * arms|prisoner exchange|"
                 "exchange of prisoners|prisoner swap|swap",
    "change_group": "deploy*|redeploy*|dispatch*|reinforce*|reinforcement*|defect*|"
                    "merge*|merger|join* forces|new group|formed|split|"
                    "relocat*|withdr*|pull back|pulled back|pull* out|mobili*|"
                    "sent * troops|sent * forces|convoy*|arriv*|amass*|massing|"
                    "moved|moving|recruit*|training|trained|launch* * campaign|"
                    "military build-up|build-up|buildup|stationed|alert|waiting",
    "diplomatic": "sanction*|expel*|expuls*|diplomat*|ambassador*|embassy|talks|summit|"
                  "condemn*|visit*|meet*|met|summon*|accus*|urg*|call* on|call* for|"
                  "warn*|reject*|deny|denied|denies|allegation*|minister*|president|"
                  "announc*|statement|retaliat*",
}.items()}

_WEAPON_LABELS = ("CHEM_WEAP", "SUIC_BOMB", "GRENADE", "AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS")
_ARMED = ont.ARMED_SECTORS | {"insurgents"}
_STATE = ont.STATE_SECTORS


def _has(key: str, text: str) -> bool:
    return CUES[key].search(text) is not None


def _count(key: str, text: str) -> int:
    return len(CUES[key].findall(text))


def incident_type(article: Article) -> str:
    """One CASE 2021 task 2 label for a short report, from its events and cue words."""
    text = article.text or ""
    events = [e for e in article.events if not e.negated]
    return _choose(text, events)


def _choose(text: str, events: list[Event]) -> str:
    """The decision list (see the module docstring); the first rule that fires wins."""
    types = {e.type for e in events}
    subs = [ACLED_TO_LABEL.get((e.acled or {}).get("sub_event_type", "")) for e in events]
    subs = [s for s in subs if s]
    violent = bool(types & {"ASSAULT"}) or _has("clash", text)
    armed_actor = any(_sector(e.actor) in _ARMED for e in events if e.type == "ASSAULT")

    casualties = re.search(r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|death\w*)\b", text,
                           re.IGNORECASE) is not None

    if _has("claim", text) and (violent or _has("explosive", text)) \
            and not _NO_CLAIM.search(text) or _DISPUTED_BLAME.search(text):
        return "ATTRIB"
    if _has("natural", text) and not (armed_actor or _has("suicide", text)
                                      or _has("protest", text) and "PROTEST" in types):
        return "NATURAL_DISASTER"
    if _has("sexual", text):
        return "SEX_VIOL"
    if _has("chemical", text) and (violent or _has("artillery", text) or _has("air", text)
                                   or _CHEMICAL_USE.search(text)) \
            and not (_has("industrial", text) and not _has("attack_word", text)
                     and not _CHEMICAL_USE.search(text)):  # a chemical plant that blew up
        return "CHEM_WEAP"
    if ("PROTEST" in types or _protesters(text)) and not _MILITARY_MARCH.search(text):
        return _protest_label(text, events)
    if _has("manmade", text) and not (armed_actor or _has("suicide", text)
                                      or _has("grenade", text) or _has("air", text)):
        return "MAN_MADE_DISASTER"
    if _has("industrial", text) and re.search(r"\bexplo\w*|\bfire\b|\bblast", text, re.I) \
            and not _has("attack_word", text):
        return "MAN_MADE_DISASTER"  # a plant that exploded, not a bomb
    disrupted = _has("disrupted", text) and _has("weapon_object", text) \
        or _weapons_taken_out(text)
    if disrupted and not _casualties_from_attack(text, events):
        return "DISR_WEAP"
    if _has("crime", text) and not armed_actor:
        return "ORG_CRIME"
    weapon = _weapon_label(text) or next((s for s in subs if s in _WEAPON_LABELS), None)
    if weapon and (violent or casualties or _WEAPON_WENT_OFF.search(text)):
        return weapon
    territory = _territory_label(text, events, subs, casualties)
    if territory:
        return territory
    if _has("hq", text) and not violent:
        return "HQ_ESTABLISHED"
    if "ABDUCT_DISSAP" in subs or _has("abduct", text) and not violent:
        return "ABDUCT_DISSAP"
    if _has("property", text) and not casualties:
        return "PROPERTY_DISTRUCT"
    if violent:
        return next((s for s in subs if s in ("ARMED_CLASH", "ATTACK")), None) \
            if not text.strip() else _attack_label(text, events, subs)
    if "ARREST" in subs or _has("arrest", text):
        return "ARREST"
    if "PROPERTY_DISTRUCT" in subs or _has("property", text):
        return "PROPERTY_DISTRUCT"
    if _has("agreement", text):
        return "AGREEMENT"
    if "MOBILIZE" in types or "RETREAT" in types or _has("change_group", text):
        return "CHANGE_TO_GROUP_ACT"
    if types or _has("diplomatic", text):
        return "DIPLO"
    return "OTHER"


def _sector(actor: Any) -> str | None:
    return actor.sector if actor is not None else None


def _protesters(text: str) -> bool:
    """A demonstration is on stage: protesters, demonstrators, a rally or a march."""
    # "march" and "rally" in lower case only: "March 21", "Rally Point" are not protests.
    return re.search(r"\b(?:(?i:protest\w*|demonstrat\w*|riot\w*|sit-ins?)|[Rr]all(?:y|ies|ied)|"
                     r"march(?:es|ed|ers)?|mobs?)\b", text) is not None


# Troops that "marched into" a town advanced; they did not demonstrate. Only when nothing else
# in the report speaks of a protest.
_MILITARY_MARCH = re.compile(
    r"^(?!.*\b(?:protest|demonstrat|riot|sit-in|rall(?:y|ies|ied)|strike)).*\b(?:forces|troops|"
    r"soldiers|army|fighters|militants|rebels|units)\b[^.]{0,200}?\bmarch(?:ed|es|ing)?\s+"
    r"(?:deeper\s+|further\s+)?(?:into|on|towards?)\b", re.IGNORECASE | re.DOTALL)


def _protest_label(text: str, events: list[Event]) -> str:
    """Peaceful, with intervention, excessive force, violent demonstration or mob violence."""
    if _has("mob", text):
        return "MOB_VIOL"
    by_demonstrators = _has("violent_demo", text)
    lethal = re.search(r"\b(?:shot dead|killed|killing|live (?:ammunition|fire|rounds)|"
                       r"fatally|opened fire|died)\b", text, re.IGNORECASE) is not None \
        and re.search(r"\b(?:police\w*|security forces|troops|soldiers|army|military|"
                      r"guards|officers)\b", text, re.IGNORECASE) is not None
    if by_demonstrators and not (lethal and not _has("clash", text) and not
                                 re.search(r"\briot\w*|\bstone|\brock|\bpetrol|\bmolotov|"
                                           r"\bloot|\btorch|\bvandal", text, re.IGNORECASE)):
        return "VIOL_DEMONSTR"
    if lethal:
        return "FORCE_AGAINST_PROTEST"
    if _has("intervention", _GRIEVANCE.sub(" ", text)):
        return "PROTEST_WITH_INTER"
    return "PEACE_PROTEST"


# A claim is ATTRIB only when someone made it ("no group has claimed" is the attack itself);
# a denied or alleged responsibility is ATTRIB too (CASE's "who did it" reports).
_NO_CLAIM = re.compile(r"\b(?:no (?:group|one|organi[sz]ation)\w*|nobody)\s+(?:\w+\s+){0,2}?"
                       r"claim\w*|not (?:yet )?(?:\w+ )?(?:confirm\w*|claim\w*|know\w*|"
                       r"identif\w*) who", re.IGNORECASE)
_DISPUTED_BLAME = re.compile(r"\b(?:reject\w*|den(?:y|ied|ies)|dismiss\w*)\s+(?:\w+\s+){0,3}?"
                             r"(?:allegations?|accusations?|claims?|reports?)\s+(?:\w+\s+){0,8}?"
                             r"(?:responsib\w*|of (?:bombing|attacking|shelling|carrying out))",
                             re.IGNORECASE)
# A weapon that went off is an attack even when the parse codes no ASSAULT ("a grenade attack
# rocked the city", "hurled grenades at the court").
_WEAPON_WENT_OFF = re.compile(r"\b(?:attack\w*|hurl\w*|explo(?:ded|sion)\w*|detonat\w*|"
                              r"went off|struck|hit|hitting|rocked)\b", re.IGNORECASE)
# Ground that changed hands is the report's point even when people died taking it ("drove the
# militants back from a key village, killing several"): a take verb with a place as its object.
_GROUND_TAKEN = re.compile(
    r"\b(?:recaptur\w*|retook|retak\w*|regain\w*|liberat\w*|freed|seiz\w*|captur\w*|"
    r"occupied|took control of|taken control of|drove|driven|pushed)\s+(?:back\s+|out\s+)?"
    r"(?:[\w'-]+\s+){0,6}?(?:villages?|towns?|city|cities|areas?|district|region|strongholds?|"
    r"posts?|positions|hills?|heights|territory|neighbou?rhoods?|bases?|camps?|crossings?)\b",
    re.IGNORECASE)
# Ground taken after the other side withdrew, with no fighting named, changed hands without a
# battle ("seized the area following the withdrawal of the army", "after the forces pulled out").
_TAKEN_AFTER_WITHDRAWAL = re.compile(
    r"\b(?:after|following|when|as)\s+(?:the\s+)?(?:\w+\s+){0,5}?(?:withdr\w*|pull\w* out|"
    r"vacat\w*|abandon\w*|retreat\w*)|\b(?:not|no|without)\s+(?:encounter\w*\s+)?(?:any\s+)?"
    r"resistance", re.IGNORECASE)
# A poison gas report is a chemical attack when someone used, dropped or fired it, even where
# the parse codes no ASSAULT ("a suspected poison gas attack by rebels", "chlorine munitions
# were dropped on the city"); a chlorine leak at a plant has none of these words.
_CHEMICAL_USE = re.compile(r"\b(?:attack\w*|munition\w*|dropped|used by|weapon\w*|fired|"
                           r"rebels?|militants?|terrorists?|insurgents?|regime)\b", re.IGNORECASE)
# Security forces destroying, clearing or capturing weapons disrupt their use: the weapon is the
# object of the verb ("destroyed 300 mines", "pistols and bullets were captured"), not its
# subject ("a bomb destroyed the house"). Air and artillery strikes on a depot stay strikes.
_WEAPON_NOUNS = (r"(?:weapons?|arms|ammunition|mines|landmines|ieds?|improvised explosive "
                 r"devices?|explosive devices?|explosives|bombs|pistols|rifles|guns|bullets|"
                 r"grenades|rockets|missiles|munitions)")
_TAKE_OUT = r"(?:destroy|clear|remov|dismantl|captur|recover|neutrali[sz])\w*"
_WEAPONS_TAKEN_OUT = re.compile(
    rf"\b{_TAKE_OUT}\s+(?:[\w,.-]+\s+){{0,5}}?{_WEAPON_NOUNS}\b|"
    rf"\b{_WEAPON_NOUNS}\s+(?:[\w,.-]+\s+){{0,3}}?(?:were|was|have been|had been|being)\s+"
    rf"{_TAKE_OUT}", re.IGNORECASE)
# What a protest is ABOUT is not what happened at it: "over the detention of", "pictures of
# detainees", "against the arrest of" name the grievance, not an intervention.
_GRIEVANCE = re.compile(r"\b(?:over|against|about|at|protest\w*|demand\w*|denounc\w*|"
                        r"condemn\w*|call\w* for|for)\s+(?:the\s+)?(?:recent\s+)?"
                        r"(?:arrests?|detentions?|jailing|imprisonment)\s+of\b|\bdetainees\b",
                        re.IGNORECASE)


def _weapons_taken_out(text: str) -> bool:
    """Weapons destroyed, cleared or captured by someone, not used in a strike."""
    return _WEAPONS_TAKEN_OUT.search(text) is not None and not (
        _has("air", text) or _has("artillery", text))


def _weapon_label(text: str) -> str | None:
    """The most specific remote weapon named (ACLED's precedence)."""
    for key, label in (("suicide", "SUIC_BOMB"), ("grenade", "GRENADE"), ("air", "AIR_STRIKE"),
                       ("artillery", "ART_MISS_ATTACK"), ("explosive", "REM_EXPLOS")):
        if _has(key, text):
            return label
    return None


def _territory_label(text: str, events: list[Event], subs: list[str], casualties: bool
                     ) -> str | None:
    """Who took ground: the state (regains) or a non-state group (overtakes); or a handover.
    An attack that killed people and took ground on the way is still the attack."""
    first = next((e for e in events if e.type == "ASSAULT"), None)
    if casualties and first is not None and first.mode != "territory" \
            and not _GROUND_TAKEN.search(text):
        return None
    if _TAKEN_AFTER_WITHDRAWAL.search(text) and _has("territory_take", text) \
            and not (_has("clash", text) or _has("artillery", text) or _has("air", text)):
        return "NON_VIOL_TERRIT_TRANSFER"  # ground taken because the other side left it
    handover = re.search(r"handed over|hand over|handover|handed control|without (?:any )?"
                         r"resistance|without a fight|\bentered\b|took over|taken over",
                         text, re.IGNORECASE) is not None
    for label in ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER",
                  "NON_VIOL_TERRIT_TRANSFER"):
        if label == "NON_VIOL_TERRIT_TRANSFER" and label in subs and not handover:
            continue  # a withdrawal alone is a change in a group's activity
        if label in subs:
            if label != "NON_VIOL_TERRIT_TRANSFER" and _has("territory_give", text) \
                    and not _has("clash", text) and re.search(
                        r"without (?:any )?(?:resistance|a fight|fighting)|handed|handover",
                        text, re.IGNORECASE):
                return "NON_VIOL_TERRIT_TRANSFER"
            return label
    if re.search(r"handed over|hand over|handover|handed control|without (?:any )?resistance|"
                 r"without a fight", text, re.IGNORECASE):
        return "NON_VIOL_TERRIT_TRANSFER"
    if _has("territory_take", text) and re.search(
            r"\b(?:recaptur|retak|retook|regain|liberat|took control|taken control|"
            r"seized control|gain\w* control|captur|overr|drove|pushed back|took over|"
            r"fell to|freed)\w*", text, re.IGNORECASE):
        state = any(_sector(e.actor) in _STATE for e in events if e.type == "ASSAULT")
        nonstate = any(_sector(e.actor) in ("rebels", "insurgents") for e in events
                       if e.type == "ASSAULT")
        if not (state or nonstate):  # no coded actor: whoever the report names first
            first_state = _first(_STATE_WORDS, text)
            first_group = _first(_GROUP_WORDS, text)
            state = first_state is not None and (first_group is None or first_state < first_group)
            nonstate = not state and first_group is not None
        loser = _PUSHED_OUT.search(text)  # "the militants were pushed back": the other side took
        if loser:
            state, nonstate = bool(_GROUP_WORDS.fullmatch(loser.group(1))), \
                bool(_STATE_WORDS.fullmatch(loser.group(1)))
        if re.search(r"\b(?:recaptur|retak|retook|regain|liberat)\w*", text, re.IGNORECASE) \
                and not nonstate:
            return "GOV_REGAINS_TERIT"
        if state and not nonstate:
            return "GOV_REGAINS_TERIT"
        if nonstate or re.search(r"\b(?:militant|rebel|insurgent|jihadist|terrorist|islamic "
                                 r"state|isis|isil|daesh|al-shabaab|al-shabab|taliban|"
                                 r"boko haram)\w*", text, re.IGNORECASE):
            return "NON_STATE_ACTOR_OVERTAKES_TER"
        return "GOV_REGAINS_TERIT"
    return None


_STATE_WORDS = re.compile(r"\b(?:army|troops|soldiers|government forces|regime forces|military|"
                          r"security forces|police|armed forces|marines|forces loyal to)\b",
                          re.IGNORECASE)
_GROUP_WORDS = re.compile(r"\b(?:militants?|rebels?|insurgents?|jihadists?|terrorists?|"
                          r"fighters|militias?|islamic state|isis|isil|daesh|al-shabaa?b|"
                          r"taliban|boko haram|al-qaeda|al-nusra|gunmen)\b", re.IGNORECASE)


# The side that lost ground, named as the subject of a passive push ("the terrorists were
# pushed back from their strongholds", "troops were driven out of the town").
_PUSHED_OUT = re.compile(
    r"\b(" + _STATE_WORDS.pattern[5:-3] + "|" + _GROUP_WORDS.pattern[5:-3] + r")\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:were|was|have been|had been|has been)\s+(?:\w+ly\s+)?"
    r"(?:pushed|driven|forced|expelled|routed|ousted|flushed)\b", re.IGNORECASE)


def _first(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return match.start() if match else None


def _attack_label(text: str, events: list[Event], subs: list[str]) -> str:
    """Armed clash (armed on armed, or an exchange of fire) or an attack on civilians."""
    if "ABDUCT_DISSAP" in subs:
        return "ABDUCT_DISSAP"
    if _has("clash", text):
        return "ARMED_CLASH"
    for event in events:
        if event.type != "ASSAULT":
            continue
        a, t = _sector(event.actor), _sector(event.target)
        if a in _ARMED and t in _ARMED:
            return "ARMED_CLASH"
        if t in ont.CIVILIAN_SECTORS or t == "civilians":
            return "ATTACK"
    armed = _count("armed_target", text)
    civil = _count("civilian_target", text)
    if armed > civil and armed >= 2:
        return "ARMED_CLASH"
    if "PROPERTY_DISTRUCT" in subs and not re.search(r"\bkill|\bwound|\binjur|\bdead\b",
                                                     text, re.IGNORECASE):
        return "PROPERTY_DISTRUCT"
    return "ATTACK"


def _casualties_from_attack(text: str, events: list[Event]) -> bool:
    """An attack that killed or wounded people is not a disrupted one."""
    return any(e.type == "ASSAULT" and e.casualty_ids for e in events) and not re.search(
        r"\bdefus|\bthwart|\bfoil|\bintercept|\bshot down", text, re.IGNORECASE)


def refine_acled(article: Article) -> None:
    """Re-choose the ACLED sub-type of violent and protest events from their sentence."""
    for event in article.events:
        if event.acled is None or event.type not in ("ASSAULT", "PROTEST", "COERCE"):
            continue
        sentence = article.text[event.start:event.end]
        peers = [e for e in article.events if e.start == event.start and not e.negated]
        label = _choose(sentence, peers)
        pair = CASE_TO_ACLED.get(label)
        if pair is None or label in ("OTHER", "AGREEMENT", "CHANGE_TO_GROUP_ACT"):
            continue
        if event.type == "PROTEST" and pair[0] not in (ont.ACLED_PROTESTS, ont.ACLED_RIOTS):
            continue
        if event.type == "COERCE" and label not in ("ARREST", "DISR_WEAP", "PROPERTY_DISTRUCT"):
            continue
        event.acled = {"event_type": pair[0], "sub_event_type": pair[1]}
