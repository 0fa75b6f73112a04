"""Cue words and patterns for the casualties stage: which words tie a count to a harm.

Lexicons and regular expressions only (no logic), split out of stages/casualties.py to keep
that module small. The kinds and their cues are documented in docs/casualty-conventions.md.
"""

from __future__ import annotations

import re

# Cue phrases after the amount: words -> (kind, transitive). A transitive participle with no
# auxiliary before it and an object after it is active voice ("12 gunmen killed 3 soldiers"):
# then the amount is the attacker, not the victim. Kind None: a harm we deliberately do not count.
FORWARD_CUES: dict[tuple[str, ...], tuple[str | None, bool]] = {
    ("killed", "or", "wounded"): (None, False), ("killed", "or", "injured"): (None, False),
    ("dead", "or", "wounded"): (None, False), ("dead", "or", "injured"): (None, False),
    ("killed", "and", "wounded"): (None, False), ("killed", "and", "injured"): (None, False),
    ("killed",): ("killed", True), ("dead",): ("killed", False), ("died",): ("killed", False),
    ("die",): ("killed", False), ("lost", "their", "lives"): ("killed", False),
    ("perished",): ("killed", False), ("slain",): ("killed", False),
    ("shot", "dead"): ("killed", False), ("massacred",): ("killed", True),
    ("murdered",): ("killed", True), ("executed",): ("killed", True),
    ("beheaded",): ("killed", True), ("drowned",): ("killed", False),
    ("wounded",): ("wounded", True), ("injured",): ("wounded", True), ("hurt",): ("wounded", True),
    ("maimed",): ("wounded", True),
    ("succumbed", "to"): ("killed", False), ("among", "the", "dead"): ("killed", False),
    ("among", "those", "killed"): ("killed", False), ("among", "the", "victims"): ("killed", False),
    ("among", "the", "fatalities"): ("killed", False),
    ("among", "the", "injured"): ("wounded", False), ("among", "the", "wounded"): ("wounded", False),
    ("among", "those", "injured"): ("wounded", False), ("among", "those", "wounded"): ("wounded", False),
    ("among", "the", "missing"): ("missing", False),
    ("hospitalized",): ("wounded", False), ("hospitalised",): ("wounded", False),
    ("rushed", "to", "hospital"): ("wounded", False), ("taken", "to", "hospital"): ("wounded", False),
    ("sustained", "injuries"): ("wounded", False), ("suffered", "injuries"): ("wounded", False),
    ("sustained", "wounds"): ("wounded", False), ("suffered", "wounds"): ("wounded", False),
    ("treated", "for", "injuries"): ("wounded", False),
    ("missing",): ("missing", False), ("unaccounted", "for"): ("missing", False),
    ("disappeared",): ("missing", False),
    ("kidnapped",): ("kidnapped", True), ("abducted",): ("kidnapped", True),
    ("taken", "hostage"): ("kidnapped", False), ("held", "hostage"): ("kidnapped", False),
    ("taken", "captive"): ("kidnapped", False), ("held", "captive"): ("kidnapped", False),
    ("arrested",): ("arrested", True), ("detained",): ("arrested", True),
    ("taken", "into", "custody"): ("arrested", False), ("rounded", "up"): ("arrested", True),
    ("jailed",): ("arrested", True), ("imprisoned",): ("arrested", True),
    ("interned",): ("arrested", True), ("incarcerated",): ("arrested", True),
    ("confined", "in"): ("arrested", False), ("in", "custody"): ("arrested", False),
    ("in", "detention"): ("arrested", False), ("held", "in", "custody"): ("arrested", False),
    ("held", "in", "detention"): ("arrested", False), ("held", "in", "prison"): ("arrested", False),
    ("held", "in", "jail"): ("arrested", False), ("held", "in", "solitary"): ("arrested", False),
    ("held", "incommunicado"): ("arrested", False), ("held",): ("arrested", True),
    ("behind", "bars"): ("arrested", False),
    ("displaced",): ("displaced", True), ("fled",): ("displaced", False),
    ("fled", "their", "homes"): ("displaced", False), ("flee",): ("displaced", False),
    ("forced", "from", "their", "homes"): ("displaced", False),
    ("forced", "out", "of", "their", "homes"): ("displaced", False),
    ("driven", "from", "their", "homes"): ("displaced", False),
    ("forced", "to", "flee"): ("displaced", False), ("uprooted",): ("displaced", True),
    ("evacuated",): ("displaced", True), ("homeless",): ("displaced", False),
    ("trapped",): ("trapped", True), ("besieged",): ("trapped", True),
    ("stranded",): ("trapped", False), ("under", "siege"): ("trapped", False),
    ("affected",): ("affected", True),
    ("in", "need"): ("affected", False), ("in", "desperate", "need"): ("affected", False),
    ("in", "urgent", "need"): ("affected", False), ("need", "humanitarian"): ("affected", False),
    ("need", "aid"): ("affected", False), ("need", "assistance"): ("affected", False),
    ("beyond", "the", "reach"): ("affected", False), ("cut", "off", "from", "aid"): ("affected", False),
}
# Nouns that carry the harm themselves: "31 deaths", "12 bodies", "3 million refugees".
HARM_NOUNS = {
    "deaths": "killed", "dead": "killed", "bodies": "killed", "fatalities": "killed",
    "corpses": "killed", "injuries": "wounded", "injured": "wounded", "wounded": "wounded",
    "hostages": "kidnapped", "captives": "kidnapped", "abductees": "kidnapped",
    "hostage": "kidnapped", "detainees": "arrested",
    "arrests": "arrested", "refugees": "displaced", "evacuees": "displaced", "idps": "displaced",
}
# Active verbs (and nominals) right before the amount: "killing 12", "the bodies of 12".
BACKWARD_CUES: dict[str, str] = {
    "killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed",
    "executed": "killed", "massacred": "killed", "murdered": "killed", "slaughtered": "killed",
    "wounding": "wounded", "wounded": "wounded", "injuring": "wounded", "injured": "wounded",
    "wounds": "wounded", "injures": "wounded",
    "kidnapping": "kidnapped", "kidnapped": "kidnapped", "abducting": "kidnapped",
    "abducted": "kidnapped", "arresting": "arrested", "arrested": "arrested",
    "detaining": "arrested", "detained": "arrested", "jailing": "arrested", "jailed": "arrested",
    "imprisoning": "arrested", "imprisoned": "arrested",
    "displacing": "displaced", "displaced": "displaced", "uprooting": "displaced",
    "evacuated": "displaced", "evacuating": "displaced",
    "trapping": "trapped", "trapped": "trapped", "besieging": "trapped",
    "affecting": "affected", "affected": "affected", "affects": "affected",
    "reimprison": "arrested", "reimprisoned": "arrested", "rearrested": "arrested",
    "re-arrested": "arrested",
}
# Backward cues that kill only people in a violent scene: "eliminated the rebel commander"
# (not "eliminated 300 jobs"; HARM_CONTEXT must match the sentence and the victims be people).
VIOLENT_BACKWARD = {"eliminated": "killed", "eliminating": "killed", "assassinated": "killed",
                    "seized": "kidnapped", "seizing": "kidnapped"}
# "claimed 40 lives", "cost at least 12 lives": the verb before the amount, "lives" after it.
LIVES_VERBS = {"claimed", "claiming", "claim", "claims", "cost", "costing", "costs", "took",
               "taking", "take"}
# Nouns before "to <verb>" that report a decision already taken: "the decision to reimprison X".
DECIDED = {"decision", "ruling", "move", "verdict"}
# A return to or a stretch in custody after the victim: "ordered X back to prison",
# "X returned to the city's main prison", "X spent more than 500 days in jail".
CUSTODY_AFTER = re.compile(
    r"(?:(?:was|were|has\s+been|had\s+been|been)\s+)?"
    r"(?:(?:sent|ordered|taken|returned|went|brought)\s+)?"
    r"(?:back\s+(?:to|in|into|behind)|returned\s+to|spent\s+(?:[\w,.-]+\s+){1,5}?(?:in|behind))"
    r"\s+(?:[\w'\u2019.-]+\s+){0,4}?(?:prison|jail|custody|detention|bars)\b")
# "X and Y ... at the time of their deaths": a plural possessive nominal naming both victims.
THEIR_HARM = re.compile(r"\btheir\s+(?P<noun>deaths|killings|murders|arrests|detention|"
                        r"abductions|kidnapping|executions|assassinations)\b", re.IGNORECASE)
THEIR_KINDS = {"deaths": "killed", "killings": "killed", "murders": "killed",
               "executions": "killed", "assassinations": "killed", "arrests": "arrested",
               "detention": "arrested", "abductions": "kidnapped", "kidnapping": "kidnapped"}
NOMINAL_BEFORE = re.compile(
    r"(?:\b(?P<toll>(?:death|casualty|fatality)\s+)?toll\b"
    # "the death toll from the collapse rose to 41": a short "from/in X" before the verb
    r"(?:\s+(?:from|in|after)\s+(?:the\s+|this\s+|last\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?"
    r"(?=\s+(?:has|had|have|was|is|now|rose|risen|climbed|jumped|reached|stood|stands|hit|"
    r"increased|rises|climbs|surged|soared|mounted)\b))?"
    r"(?:\s+(?:has|had|have|was|is|now))?"
    r"(?:\s+(?:rose|risen|climbed|jumped|reached|stood|stands|hit|increased|rises|climbs|surged|"
    r"soared|mounted))?(?:\s+(?:at|to|of|from))?"
    r"|\b(?P<noun>lives|deaths|death|killing|killings|bodies|remains|abduction|abductions|"
    r"kidnapping|kidnappings|arrest|arrests|detention|displacement|evacuation|murder|"
    r"assassination|execution|imprisonment|jailing)\s+of"
    r"|\b(?P<hurt>injuries|injury|wounds)\s+to)"
    r"(?:\s+(?:another|a\s+further|an\s+additional|further|additional))?\s*$", re.IGNORECASE)
NOMINAL_KINDS = {
    "lives": "killed", "deaths": "killed", "death": "killed", "killing": "killed",
    "killings": "killed", "bodies": "killed", "remains": "killed", "abduction": "kidnapped",
    "abductions": "kidnapped", "kidnapping": "kidnapped", "kidnappings": "kidnapped",
    "arrest": "arrested", "arrests": "arrested", "detention": "arrested",
    "displacement": "displaced", "evacuation": "displaced", "murder": "killed",
    "assassination": "killed", "execution": "killed", "imprisonment": "arrested",
    "jailing": "arrested",
}
# A trend of yearly or period tolls: "Deaths surged from 88 in 2023 to 388 in 2024".
TREND_BEFORE = re.compile(
    r"\b(?:deaths|fatalities|killings)\b(?:\s+[\w'\u2019-]+){0,6}?\s+(?:rose|risen|surged|soared|"
    r"climbed|jumped|increased|fell|dropped|declined|decreased|doubled)\s+"
    r"(?:from\s+[\d,]+(?:\s+(?:in|during)\s+\d{4})?\s+to|from)\s*$", re.IGNORECASE)
# People out of reach of aid: "no access at all to the 1.2 million people living in ...".
ACCESS_BEFORE = re.compile(r"\b(?:access|reach)\s+(?:at\s+all\s+)?to(?:\s+the)?\s*$"
                            r"|\b(?:reach|assist|help|feed)(?:\s+the)?\s*$", re.IGNORECASE)
HUMANITARIAN = re.compile(r"\bhumanitarian|\baid\b|\brelief\b|\bagencies\b", re.IGNORECASE)
# "Mhlanga's arrest", "his client's killing": a possessive naming the victim of a nominal harm.
POSSESSIVE_HARM = {"arrest": "arrested", "detention": "arrested", "imprisonment": "arrested",
                    "jailing": "arrested", "killing": "killed", "murder": "killed",
                    "death": "killed", "assassination": "killed", "execution": "killed",
                    "abduction": "kidnapped", "kidnapping": "kidnapped",
                    "disappearance": "missing"}
# Attributive participles before a name: "jailed former Prime Minister Imran Khan".
ATTRIBUTIVE_HARM = {"jailed": "arrested", "imprisoned": "arrested", "detained": "arrested",
                     "slain": "killed", "murdered": "killed", "assassinated": "killed",
                     "kidnapped": "kidnapped", "abducted": "kidnapped"}
# Kinds a single person can have: "affected" and "displaced" are only ever counted groups.
SINGLE_KINDS = {"killed", "wounded", "missing", "kidnapped", "arrested"}
# Verbs before an infinitive cue that make the harm unrealised: "tried to kill", "plans to".
INFINITIVE = {"to"}
UNREALISED_LEMMAS = {"plan", "plot", "attempt", "try", "order", "organize", "organise",
                      "orchestrate", "prevent", "avoid", "foil", "thwart", "demand", "seek",
                      "threaten", "fear", "risk"}
# Capacities are not counts of people held: "the prison can hold only 130 detainees".
CAPACITY_BEFORE = re.compile(
    r"\b(?:can|could|would|will|able\s+to|designed\s+to|built\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:hold|house|accommodate|take|host|fit|receive)\b(?:\s+\w+){0,2}\s*$"
    r"|\bcapacity\s+(?:of|for)\s*$",
    re.IGNORECASE)
# Words allowed between the victims and the cue: auxiliaries, hedging verbs, adverbs.
BRIDGE = {
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "reportedly", "also",
    "later", "all", "both", "each", "now", "still", "already", "confirmed", "believed", "feared",
    "thought", "presumed", "reported", "said", "known", "to", "allegedly", "apparently",
    "subsequently", "initially", "remain", "remained", "remains", "left", "found", "so", "far",
    "who", "that", "which", "then", "just", "recently", "officially", "were", "later", "either",
    "likely", "probably", "will", "would", "may", "might", "could", "got", "get", "being",
    "aboard", "onboard", "inside", "there", "nearby", "too", "overall", "altogether",
}
NEGATIONS = {"not", "n't", "never", "no"}
SUBSET_BEFORE = {"including", "among", "incl"}  # "including nine children": a subset, not a claim
AFTER_AMOUNT = {"more", "others", "other", "additional", "further", "people"}
BEFORE_SKIP = {"another", "a", "further", "additional", "an", "the", "some", "at", "least"}
GENERIC_VICTIMS = {"people", "persons", "person", "individuals", "others", "other", "more"}
# A single person "died": a casualty only when the sentence tells of violence, custody or a
# disaster, not in an obituary ("the musician died at 80").
HARM_CONTEXT = re.compile(
    r"\b(?:attack\w*|kill\w*|clash\w*|fight\w*|violen\w*|custody|prison\w*|jail\w*|detain\w*|"
    r"detention|tortur\w*|shot|shoot\w*|strike\w*|airstrike\w*|explo\w*|bomb\w*|blast\w*|"
    r"shell\w*|gun\w*|wound\w*|injur\w*|raid\w*|ambush\w*|massacre\w*|war|conflict|crash\w*|"
    r"collapse\w*|flood\w*|earthquake|quake|storm|fire|drown\w*|accident|riot\w*|protest\w*|"
    r"hostage\w*|kidnap\w*|abduct\w*|execut\w*|murder\w*|assassinat\w*|militant\w*|troops|"
    r"soldiers|police|operation|insurgen\w*|terror\w*)\b", re.IGNORECASE)
# Words after "held" that make it no detention: "held responsible", "held talks".
HELD_NOT_DETAINED = {"responsible", "accountable", "liable", "talks", "meetings", "up", "back",
                     "office", "power", "elections", "a", "an", "the", "his", "her", "their"}

# Verbs of a speaker after a noun phrase: "..., the governor said" (the governor is no victim).
SPEECH_LEMMAS = {"say", "tell", "report", "add", "state", "announce", "confirm", "claim"}
# A death after a detention also reports the detention ("died after being detained"): the
# victim gets an arrested claim too (two kinds, one mention). "died in custody" stays killed
# only: the detention is the death's setting, not a reported harm of its own.
CUSTODY_DEATH = re.compile(
    r"^[^,;.]{0,40}?\bafter\s+(?:[\w'\u2019]+\s+){0,4}?being\s+(?:detained|held|arrested|"
    r"jailed|imprisoned)\b", re.IGNORECASE)
# A possessive naming a stay in custody: "X's two years in prison", "her time behind bars".
STAY_NOUNS = {"time", "years", "months", "weeks", "days", "year", "stint", "spell", "term"}
CUSTODY_NOUNS = {"prison", "jail", "custody", "detention", "bars", "captivity"}
# A harm to "all" of a group counted in the sentence before: "... , killing all the civilians
# except one", "abducting all of them".
ALL_HARMED = re.compile(
    r"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|kidnapping|kidnapped|"
    r"abducting|abducted)\s+(?:all|each)\s+(?:(?:of\s+)?the\s+(?P<noun>[a-z]+)|of\s+them\b|"
    r"but\b|except\b)", re.IGNORECASE)
