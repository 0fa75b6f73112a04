"""The event ontology as pure data: PLOVER types and modes, the trigger lexicon, and the
PLOVER -> CAMEO root and PLOVER -> ACLED tables used by the events stage.

Mode names follow the PLOVER manual (openeventdata/PLOVER, draft 0.7b1, the text that PLOVER
1.0 grew from). Where the manual has no mode for a distinction we need, we add one and mark it
"(ext)" below:

  ASSAULT   abduct, beat, torture, execute, sexual, assassinate, destroy, primitive, firearms,
            explosives, suicide-attack, heavy-weapons (crew-served: artillery, shelling, rockets,
            mortars, missiles), aerial (ext: air and drone strikes), chemical (ext: CBRN weapons),
            territory (ext: taking or retaking ground by force)
  PROTEST   demo, riot, strike-gen, strike-lim, strike-hun, boycott, obstruct
  CONSULT   visit, third-party, multilateral, phone
  REQUEST   assist, change, yield, meet    (shared with REJECT, as in the manual's DEMAND)
  REJECT    assist, change, yield, meet
  ACCUSE    disapprove, accuse, investigate, sue   (ext: the manual merges these four old
            CAMEO/PLOVER categories into ACCUSE but lists no modes; we keep them apart)
  THREATEN  restrict, ban, arrest, relations, expel, territory, violence
  SANCTION  convict, cancel, expel, withdraw, sever
  MOBILIZE  troops, weapons, police
  COERCE    confiscate, restrict, ban, censor, curfew, martial-law, arrest, deport, withhold
  AID       economic, military, humanitarian, asylum
  RETREAT   withdraw, release, return, disarm, ceasefire, access, resign
  AGREE, SUPPORT, CONCEDE, COOPERATE: no modes.

Decisions worth knowing: "warn of a catastrophe" is not coded (a warning about consequences
the speaker does not control is a comment, not a PLOVER THREATEN); signing or reaching an
agreement is AGREE (the manual's SUPPORT reading is not followed, so that ACLED "Agreement"
lines up); the actual release of prisoners is RETREAT, an announced easing is CONCEDE.
"""

from __future__ import annotations

# --- CAMEO root codes -------------------------------------------------------------------
# One root per PLOVER type; CAMEO_BY_MODE overrides it where CAMEO splits what PLOVER joins.
CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03",      # EXPRESS INTENT TO COOPERATE (agree, offer, promise)
    "CONSULT": "04",    # CONSULT
    "SUPPORT": "05",    # ENGAGE IN DIPLOMATIC COOPERATION (praise, endorse, back)
    "COOPERATE": "06",  # ENGAGE IN MATERIAL COOPERATION
    "AID": "07",        # PROVIDE AID
    "CONCEDE": "08",    # YIELD (verbal: ease, lift, pardon)
    "RETREAT": "08",    # YIELD (material: withdraw, release, allow access)
    "REQUEST": "02",    # APPEAL (urge, call for, ask); "demand" verbs override to 10
    "ACCUSE": "11",     # DISAPPROVE (accuse, condemn); mode investigate overrides to 09
    "REJECT": "12",     # REJECT
    "THREATEN": "13",   # THREATEN
    "PROTEST": "14",    # PROTEST
    "MOBILIZE": "15",   # EXHIBIT FORCE POSTURE
    "SANCTION": "16",   # REDUCE RELATIONS
    "COERCE": "17",     # COERCE
    "ASSAULT": "18",    # ASSAULT (unconventional, one-sided violence)
}
CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",          # INVESTIGATE
    ("ASSAULT", "heavy-weapons"): "19",       # FIGHT: artillery and tanks (194)
    ("ASSAULT", "aerial"): "19",              # FIGHT: aerial weapons (195)
    ("ASSAULT", "firearms"): "19",            # FIGHT: small arms (193)
    ("ASSAULT", "territory"): "19",           # FIGHT: occupy territory (192)
    ("ASSAULT", "chemical"): "20",            # MASS VIOLENCE: weapons of mass destruction (204)
}
# Trigger lemmas that move an event to another CAMEO root than its type's default.
CAMEO_BY_LEMMA: dict[tuple[str, str], str] = {
    ("REQUEST", "demand"): "10", ("REQUEST", "insist"): "10", ("REQUEST", "order"): "10",
    ("ASSAULT", "clash"): "19", ("ASSAULT", "fight"): "19", ("ASSAULT", "fighting"): "19",
    ("ASSAULT", "battle"): "19", ("ASSAULT", "massacre"): "20",
    ("ASSAULT", "genocide"): "20",
}

# --- ACLED ------------------------------------------------------------------------------
ACLED_BATTLES = "Battles"
ACLED_REMOTE = "Explosions/Remote violence"
ACLED_VAC = "Violence against civilians"
ACLED_PROTESTS = "Protests"
ACLED_RIOTS = "Riots"
ACLED_STRATEGIC = "Strategic developments"

# (PLOVER type, mode) -> (event_type, sub_event_type). The events stage refines a few of
# these with the actors (armed clash vs attack on civilians; who took the territory).
ACLED_BY_MODE: dict[tuple[str, str | None], tuple[str, str]] = {
    ("ASSAULT", "heavy-weapons"): (ACLED_REMOTE, "Shelling/artillery/missile attack"),
    ("ASSAULT", "aerial"): (ACLED_REMOTE, "Air/drone strike"),
    ("ASSAULT", "explosives"): (ACLED_REMOTE, "Remote explosive/landmine/IED"),
    ("ASSAULT", "grenade"): (ACLED_REMOTE, "Grenade"),
    ("ASSAULT", "suicide-attack"): (ACLED_REMOTE, "Suicide bomb"),
    ("ASSAULT", "chemical"): (ACLED_REMOTE, "Chemical weapon"),
    ("ASSAULT", "abduct"): (ACLED_VAC, "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): (ACLED_VAC, "Sexual violence"),
    ("ASSAULT", "destroy"): (ACLED_STRATEGIC, "Looting/property destruction"),
    ("COERCE", "confiscate"): (ACLED_STRATEGIC, "Looting/property destruction"),
    ("COERCE", "arrest"): (ACLED_STRATEGIC, "Arrests"),
    ("COERCE", "curfew"): (ACLED_STRATEGIC, "Change to group/activity"),
    ("COERCE", "martial-law"): (ACLED_STRATEGIC, "Change to group/activity"),
    ("PROTEST", "riot"): (ACLED_RIOTS, "Violent demonstration"),
    ("AGREE", None): (ACLED_STRATEGIC, "Agreement"),
    ("RETREAT", "withdraw"): (ACLED_STRATEGIC, "Non-violent transfer of territory"),
    # ACLED files troop movements and deployments under "Change to group/activity".
    ("MOBILIZE", "troops"): (ACLED_STRATEGIC, "Change to group/activity"),
    ("MOBILIZE", "weapons"): (ACLED_STRATEGIC, "Change to group/activity"),
    ("MOBILIZE", "police"): (ACLED_STRATEGIC, "Change to group/activity"),
    ("MOBILIZE", "base"): (ACLED_STRATEGIC, "Headquarters or base established"),
}
# Defaults by type when no mode row applies; None means "not political violence".
ACLED_BY_TYPE: dict[str, tuple[str, str] | None] = {
    "ASSAULT": (ACLED_VAC, "Attack"),  # refined to Battles/Armed clash for armed-on-armed
    "PROTEST": (ACLED_PROTESTS, "Peaceful protest"),
    "MOBILIZE": (ACLED_STRATEGIC, "Change to group/activity"),
}
ACLED_GOV_TERRITORY = (ACLED_BATTLES, "Government regains territory")
ACLED_NSA_TERRITORY = (ACLED_BATTLES, "Non-state actor overtakes territory")
ACLED_ARMED_CLASH = (ACLED_BATTLES, "Armed clash")
ACLED_PROTEST_INTERVENTION = (ACLED_PROTESTS, "Protest with intervention")
ACLED_PROTEST_FORCE = (ACLED_PROTESTS, "Excessive force against protesters")
ACLED_MOB = (ACLED_RIOTS, "Mob violence")
ACLED_DISRUPTED = (ACLED_STRATEGIC, "Disrupted weapons use")

# --- word classes used by lexicon rules -------------------------------------------------
WORD_CLASSES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "sanction": "sanction embargo boycott tariff penalty restriction",
    "curfew": "curfew",
    "martial": "emergency martial",
    "ban": "ban prohibition",
    "agreement": "agreement deal accord treaty pact ceasefire truce armistice memorandum "
                 "settlement protocol",
    "aid": "aid assistance supply food medicine relief convoy help loan grant fund funding "
           "money shelter asylum",
    "troops": "troop soldier force army battalion unit brigade warship ship tank reinforcement "
              "personnel police officer jet fighter division",
    "weapon": "weapon arm ammunition missile rocket explosive bomb mine device ied drug "
              "drone grenade",
    "territory": "village town city area territory district region control base hill airport "
                 "neighbourhood neighborhood province border crossing position stronghold "
                 "outpost enclave ground stronghold",
    "person": "people person man woman child civilian protester activist journalist suspect "
              "member leader official soldier fighter militant student worker resident "
              "villager opposition dissident",
    "delegation": "delegation envoy team mission representative diplomat negotiator",
    "talks": "talk negotiation meeting summit dialogue conference",
    "ties": "tie relation contact",
    "diplomat": "ambassador diplomat envoy embassy inspector observer peacekeeper monitor "
                "mission peacekeeping",
    "prisoner": "prisoner hostage detainee captive",
    "border": "border crossing airspace port",
    "fire": "fire",
    "protest": "protest demonstration rally march sit-in strike",
    "intelligence": "intelligence information expertise technology data",
    "demand": "demand condition request proposal",
    "base": "base headquarters camp",
}.items()}

# --- the trigger lexicon ----------------------------------------------------------------
# lemma -> ordered rules (type, mode, object class or None). The first rule whose object
# class matches a complement of the trigger wins; a rule with class None always matches.
# A lemma whose rules all need a class and none matches is not an event ("impose a fee").
Rule = tuple[str, "str | None", "str | None"]

def _rules(spec: str) -> dict[str, list[Rule]]:
    """Parse 'lemma lemma: TYPE/mode@class; TYPE' lines into the lexicon."""
    table: dict[str, list[Rule]] = {}
    for line in spec.strip().splitlines():
        lemmas, _, rules = line.partition(":")
        parsed: list[Rule] = []
        for rule in rules.split(";"):
            head, _, cls = rule.strip().partition("@")
            etype, _, mode = head.partition("/")
            parsed.append((etype.strip(), mode.strip() or None, cls.strip() or None))
        for lemma in lemmas.split(","):
            table[lemma.strip()] = parsed
    return table


VERB_LEXICON: dict[str, list[Rule]] = _rules("""
meet, confer, negotiate, discuss, mediate, talk: CONSULT
visit, travel: CONSULT/visit
host: CONSULT/visit
phone, call up: CONSULT/phone
hold: CONSULT@talks; PROTEST/demo@protest
send, dispatch: CONSULT/visit@delegation; AID/humanitarian@aid; MOBILIZE/troops@troops; AID/military@weapon
urge, appeal, ask, request, press, plead, call on, call for, push for: REQUEST
demand, insist, order: REQUEST
accuse, blame, allege, charge: ACCUSE/accuse
condemn, criticize, criticise, denounce, decry, slam, censure, deplore: ACCUSE/disapprove
investigate, probe: ACCUSE/investigate
sue: ACCUSE/sue
reject, refuse, veto, rebuff, dismiss, decline, deny: REJECT
threaten: THREATEN
warn: THREATEN
protest, rally, demonstrate, march: PROTEST/demo
riot: PROTEST/riot
boycott: PROTEST/boycott
impose: SANCTION@sanction; COERCE/curfew@curfew; COERCE/martial-law@martial; COERCE/ban@ban
sanction: SANCTION
expel: SANCTION/expel@diplomat; COERCE/deport
deport: COERCE/deport
sever, cut, break, suspend: SANCTION/sever@ties; SANCTION/cancel@talks; SANCTION/sever@aid
halt, reduce, stop, end, withhold, freeze: SANCTION/sever@aid; SANCTION/cancel@talks
prevent, disperse, break up, suppress, crush, ban: COERCE/restrict@protest; COERCE/ban
call off: CONCEDE
reinforce: MOBILIZE/troops
strengthen, boost, bolster, increase, build up: MOBILIZE/troops@troops
indict, prosecute: ACCUSE/sue
complain: ACCUSE/disapprove
accept: CONCEDE@demand; AGREE
contribute: AID/military@troops; AID/humanitarian@aid
gain: ASSAULT/territory@territory
recall: SANCTION/withdraw@diplomat
cancel, postpone: SANCTION/cancel@talks
deploy, mobilize, mobilise, mass: MOBILIZE/troops
establish, set up: MOBILIZE/base@base; SUPPORT@ties
restore, resume, upgrade: SUPPORT@ties; CONSULT@talks
arrest, detain, jail, imprison, round up, apprehend: COERCE/arrest
seize: ASSAULT/territory@territory; COERCE/confiscate@weapon; COERCE/arrest@person; COERCE/confiscate
capture, take over, take control, gain control: COERCE/confiscate@weapon; COERCE/arrest@person; ASSAULT/territory
recapture, retake, overrun: ASSAULT/territory
confiscate: COERCE/confiscate
block, blockade, besiege: COERCE/restrict
outlaw: COERCE/ban
censor: COERCE/censor
defuse, dismantle, intercept: COERCE/confiscate
attack, assault, hit, target, raid: ASSAULT
strike: AGREE@agreement; ASSAULT
blow up, detonate: ASSAULT/explosives
loot, plunder, pillage, ransack: ASSAULT/destroy
kill, wound, injure, murder, slaughter: ASSAULT
shell, bombard, pound: ASSAULT/heavy-weapons
bomb: ASSAULT/aerial
fire: ASSAULT/firearms
open fire: ASSAULT/firearms
shoot, gun down: ASSAULT/firearms
clash, fight, battle, ambush, storm: ASSAULT
abduct, kidnap, hijack: ASSAULT/abduct
torture: ASSAULT/torture
execute, behead: ASSAULT/execute
assassinate: ASSAULT/assassinate
rape: ASSAULT/sexual
beat: ASSAULT/beat
stab, hack, burn: ASSAULT/primitive
destroy, demolish, torch, raze: ASSAULT/destroy
agree, pledge, promise, offer, commit, vow, swear: AGREE
sign, reach, conclude, broker, ink: AGREE@agreement
praise, endorse, back, support, welcome, commend, recognise, recognize, hail, applaud: SUPPORT
cooperate, coordinate, collaborate: COOPERATE
share: COOPERATE@intelligence
extradite: COOPERATE
aid, donate, fund, supply: AID/humanitarian
deliver, provide: AID/humanitarian@aid; AID/military@weapon
grant: AID/asylum@aid; CONCEDE
withdraw: SANCTION/withdraw@diplomat; RETREAT/withdraw
retreat, evacuate, pull out, pull back: RETREAT/withdraw
release, free, exchange: RETREAT/release
return: RETREAT/return@prisoner
disarm, demobilize: RETREAT/disarm
resign, quit, step down: RETREAT/resign
lift, ease, relax, shorten: CONCEDE@sanction; CONCEDE@curfew; CONCEDE@ban; CONCEDE@martial
allow, let, permit: RETREAT/access
pardon, concede, yield: CONCEDE
apologize, apologise: SUPPORT
renege, violate, defy, flout: REJECT
open: AID/asylum@border
""")

# Nouns that name an event on their own ("air strikes on X", "talks in Geneva"). The
# modifiers in NOUN_MODE_CUES refine the mode ("air strike", "hunger strike").
NOUN_LEXICON: dict[str, list[Rule]] = _rules("""
attack, assault, offensive, raid, ambush, killing, massacre, airstrike, bombardment: ASSAULT
clash, fighting, battle, skirmish, gunfight, firefight: ASSAULT
shelling, artillery, mortar, rocket, missile: ASSAULT/heavy-weapons
fire: ASSAULT/firearms
bombing, bombings, explosion, blast: ASSAULT/explosives
gunfire, shooting: ASSAULT/firearms
kidnapping, abduction: ASSAULT/abduct
strike: ASSAULT
talk, negotiation, summit, consultation: CONSULT
mediation: CONSULT/third-party
investigation, probe, inquiry: ACCUSE/investigate
indictment, lawsuit: ACCUSE/sue
torture: ASSAULT/torture
execution: ASSAULT/execute
assassination: ASSAULT/assassinate
rape: ASSAULT/sexual
demand, appeal, plea: REQUEST
ultimatum, threat: THREATEN
blockade, siege: COERCE/restrict
exercise, drill, maneuver, manoeuvre: MOBILIZE/troops
visit: CONSULT/visit
protest, demonstration, rally, march, sit-in: PROTEST/demo
riot, unrest: PROTEST/riot
arrest, detention, crackdown: COERCE/arrest
curfew: COERCE/curfew
sanction, embargo: SANCTION
withdrawal, pullout: RETREAT/withdraw
deployment: MOBILIZE/troops
alert: MOBILIZE/troops
""")

# Light verbs whose object noun carries the event ("launched air strikes", "held talks",
# "staged a protest"); their subject becomes the actor of the noun event.
LIGHT_VERBS = frozenset(
    "launch carry conduct stage stag hold mount begin start continue resume intensify escalate "
    "step make organise organize lead join unleash wage carry_out open file lodge issue".split())

# Compound/amod modifiers of a trigger noun, or words in a trigger's object -> mode.
NOUN_MODE_CUES: dict[str, tuple[str, str]] = {
    "air": ("ASSAULT", "aerial"), "drone": ("ASSAULT", "aerial"), "airstrike": ("ASSAULT", "aerial"),
    "aerial": ("ASSAULT", "aerial"), "warplane": ("ASSAULT", "aerial"), "jet": ("ASSAULT", "aerial"),
    "helicopter": ("ASSAULT", "aerial"), "aircraft": ("ASSAULT", "aerial"),
    "missile": ("ASSAULT", "heavy-weapons"), "rocket": ("ASSAULT", "heavy-weapons"),
    "artillery": ("ASSAULT", "heavy-weapons"), "mortar": ("ASSAULT", "heavy-weapons"),
    "shell": ("ASSAULT", "heavy-weapons"), "shelling": ("ASSAULT", "heavy-weapons"),
    "tank": ("ASSAULT", "heavy-weapons"),
    "suicide": ("ASSAULT", "suicide-attack"), "bomber": ("ASSAULT", "suicide-attack"),
    "bomb": ("ASSAULT", "explosives"), "ied": ("ASSAULT", "explosives"),
    "landmine": ("ASSAULT", "explosives"), "mine": ("ASSAULT", "explosives"),
    "explosive": ("ASSAULT", "explosives"), "car": ("ASSAULT", "explosives"),
    "roadside": ("ASSAULT", "explosives"), "blast": ("ASSAULT", "explosives"),
    "grenade": ("ASSAULT", "grenade"),
    "chemical": ("ASSAULT", "chemical"), "chlorine": ("ASSAULT", "chemical"),
    "sarin": ("ASSAULT", "chemical"), "gas": ("ASSAULT", "chemical"), "toxic": ("ASSAULT", "chemical"),
    "gun": ("ASSAULT", "firearms"), "gunman": ("ASSAULT", "firearms"),
    "gunfire": ("ASSAULT", "firearms"), "rifle": ("ASSAULT", "firearms"),
    "sniper": ("ASSAULT", "firearms"), "bullet": ("ASSAULT", "firearms"),
    "knife": ("ASSAULT", "primitive"), "machete": ("ASSAULT", "primitive"),
    "stone": ("ASSAULT", "primitive"), "stick": ("ASSAULT", "primitive"),
    "hunger": ("PROTEST", "strike-hun"), "general": ("PROTEST", "strike-gen"),
    "worker": ("PROTEST", "strike-lim"), "union": ("PROTEST", "strike-lim"),
    "teacher": ("PROTEST", "strike-lim"), "doctor": ("PROTEST", "strike-lim"),
    "phone": ("CONSULT", "phone"), "telephone": ("CONSULT", "phone"), "video": ("CONSULT", "phone"),
}
# Strike is a protest when it is gone on, called or held by workers; an attack otherwise.
# ("stag": spaCy's lemma of "staged".)
PROTEST_STRIKE_VERBS = frozenset("go call hold stage stag begin launch join declare end".split())

# Reporting verbs: never events themselves, but their subject is the event's source.
REPORTING_VERBS = frozenset(
    "say tell report announce state add claim confirm note quote cite write tweet post "
    "explain insist estimate disclose reveal according declare reiterate conclude stress "
    "emphasize emphasise argue maintain assert".split())

# Governors that make an embedded event hypothetical or future ("plans to", "due to").
HYPOTHETICAL_GOVERNORS = frozenset(
    "plan intend threaten vow promise pledge expect hope want seek aim prepare offer ready "
    "due set likely able try attempt propose consider wish agree refuse decide going "
    "need would could might may".split())
MODALS = frozenset("could would may might will shall should must can 'll 'd wo ca".split())
NEGATING_GOVERNORS = frozenset("deny fail refuse decline".split())

# Request and reject modes from what is asked for or refused.
REQUEST_MODE_CUES: dict[str, frozenset[str]] = {
    "yield": frozenset("ceasefire truce release withdraw withdrawal lift halt end stop ease free "
                       "let allow access pullout hostage prisoner cessation".split()),
    "meet": frozenset("talk negotiation meet meeting dialogue negotiate summit".split()),
    "assist": frozenset("aid help assistance support supply loan fund protection".split()),
    "change": frozenset("resign reform election step change constitution law policy".split()),
}
THREATEN_MODE_CUES: dict[str, frozenset[str]] = {
    "violence": frozenset("attack strike retaliate retaliation force kill bomb war fight "
                          "respond response military".split()),
    "arrest": frozenset("arrest detain jail imprison prosecute".split()),
    "ban": frozenset("ban outlaw".split()),
    "expel": frozenset("expel deport".split()),
    "relations": frozenset("sever cut suspend break sanction tie relation talk".split()),
    "restrict": frozenset("blockade block boycott curfew close restrict".split()),
    "territory": frozenset("seize occupy annex capture invade".split()),
}
# Verbal event types that take an event as their content ("urged X to agree to a ceasefire"):
# triggers inside their complement are the content, not events of their own.
CONTENT_TAKING_TYPES = frozenset(
    "REQUEST THREATEN REJECT ACCUSE AGREE SUPPORT CONCEDE".split())

# Intent: a future or intended cooperative act is an AGREE (PLOVER: "all cooperative actions
# reported in future tense are taken to imply intentions"); an intended coercive act by a
# named actor is a THREATEN, with the threatened action as its mode.
INTENT_AGREE_TYPES = frozenset("AID RETREAT CONCEDE COOPERATE SUPPORT CONSULT".split())
# Things protesters block (a road blocked by the army is COERCE, by anyone else PROTEST).
OBSTRUCTED = frozenset("road roads highway street streets bridge traffic transport rail railway "
                       "port border crossing entrance access".split())
INTENT_THREATEN_MODES: dict[tuple[str, str | None], str] = {
    ("COERCE", "arrest"): "arrest", ("COERCE", "ban"): "ban", ("COERCE", "censor"): "ban",
    ("COERCE", "deport"): "expel", ("COERCE", "curfew"): "restrict",
    ("COERCE", "martial-law"): "restrict", ("COERCE", "restrict"): "restrict",
    ("SANCTION", "expel"): "expel", ("ASSAULT", "territory"): "territory",
}
INTENT_THREATEN_DEFAULTS = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict",
                            "PROTEST": "restrict", "MOBILIZE": "violence"}
INTENT_GOVERNORS = frozenset(
    "plan intend threaten vow promise pledge prepare ready willing prepared offer decide "
    "going".split())

# --- actors -----------------------------------------------------------------------------
# Subjects that are not actors ("the war has killed ..."): keep the event, drop the actor.
NON_ACTOR_NOUNS = frozenset(
    "war conflict fighting violence crisis blast explosion fire attack strike shelling "
    "bombing disease flood earthquake storm it this that which what".split())
# Munitions as a verb's subject ("A car bomb killed 25", "Shells hit a street"): the weapon,
# not the actor, so the attack stands with its actor unknown.
MUNITION_NOUNS = frozenset(
    "bomb shell missile rocket mortar grenade mine landmine ied device bullet shrapnel "
    "airstrike barrage round projectile".split())
# Head nouns that can be an actor or a target of a verbal event.
ACTOR_NOUNS = frozenset(
    "people person man woman child civilian side party government regime authority rebel "
    "insurgent militant fighter troop soldier force army police protester demonstrator "
    "representative official minister leader president delegation group opposition "
    "militia ally country nation state council court parliament union worker student "
    "member activist journalist resident villager refugee administration cabinet ministry "
    "coalition alliance organisation organization agency observer peacekeeper diplomat "
    "ambassador envoy monitor faction movement party gunman jihadist commander officer "
    "prisoner hostage detainee suspect".split())
# Words in a name -> sector (the entity stage's vocabulary).
SECTOR_WORDS: dict[str, str] = {
    **dict.fromkeys("government regime ministry minister president premier cabinet "
                    "administration authority authorities official officials state "
                    "chancellor parliament senate".split(), "government"),
    **dict.fromkeys("army military troops troop soldiers soldier forces force navy "
                    "commander officer".split(), "military"),
    **dict.fromkeys("rebel rebels insurgent insurgents militant militants jihadist jihadists "
                    "fighters militia militias gunmen gunman".split(), "rebels"),
    **dict.fromkeys("police policemen officers gendarmes".split(), "police"),
    **dict.fromkeys("protesters protester demonstrators demonstrator".split(), "protesters"),
    **dict.fromkeys("civilians civilian people residents villagers children women "
                    "refugees students workers farmers drivers traders".split(), "civilians"),
    **dict.fromkeys("opposition".split(), "opposition"),
}
# Sectors that fight (an ASSAULT between two of these is an armed clash).
ARMED_SECTORS = frozenset({"military", "rebels", "police"})
CIVILIAN_SECTORS = frozenset({"civilians", "protesters"})
STATE_SECTORS = frozenset({"government", "military", "police"})

# Country names, capitals used as metonyms, and demonyms -> ISO 3166-1 alpha-2. A fallback
# for when the entities stage has nothing for a name.
COUNTRY_WORDS: dict[str, str] = {}
for _code, _words in {
    "SY": "Syria Syrian Damascus", "IQ": "Iraq Iraqi Baghdad", "TR": "Turkey Turkish Ankara Türkiye",
    "RU": "Russia Russian Moscow Kremlin", "US": "American Washington U.S. US",
    "FR": "France French Paris", "GB": "Britain British UK London", "DE": "Germany German Berlin",
    "IR": "Iran Iranian Tehran", "IL": "Israel Israeli", "PS": "Palestinian Gaza",
    "LB": "Lebanon Lebanese Beirut", "JO": "Jordan Jordanian Amman", "EG": "Egypt Egyptian Cairo",
    "SA": "Saudi Riyadh", "YE": "Yemen Yemeni Sanaa", "AF": "Afghanistan Afghan Kabul",
    "PK": "Pakistan Pakistani Islamabad", "IN": "India Indian Delhi", "CN": "China Chinese Beijing",
    "UA": "Ukraine Ukrainian Kyiv Kiev", "NG": "Nigeria Nigerian Abuja", "SO": "Somalia Somali Mogadishu",
    "SD": "Sudan Sudanese Khartoum", "LY": "Libya Libyan Tripoli", "ML": "Mali Malian Bamako",
    "ET": "Ethiopia Ethiopian", "KE": "Kenya Kenyan Nairobi", "CD": "Congolese Kinshasa",
    "MM": "Myanmar Burmese", "JP": "Japan Japanese Tokyo", "KP": "Pyongyang",
    "KR": "Seoul", "IT": "Italy Italian Rome", "ES": "Spain Spanish Madrid",
    "MX": "Mexico Mexican", "CO": "Colombia Colombian Bogota", "VE": "Venezuela Venezuelan Caracas",
    "BR": "Brazil Brazilian", "PH": "Philippines Philippine Filipino Manila",
    "BE": "Belgium Belgian Brussels", "CH": "Switzerland Swiss", "QA": "Qatar Qatari Doha",
}.items():
    for _word in _words.split():
        COUNTRY_WORDS[_word] = _code
