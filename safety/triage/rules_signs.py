"""Emergencies described by what is seen rather than named: the signs a bystander reports.

A caller rarely says "cardiac arrest" or "CSF leak"; they say "he's on the floor and didn't answer", "clear fluid
from his nose after he banged his head". These rules pair a situation with the sign that makes it an emergency, after
the Manchester Triage System discriminators and NHS 111 / NICE red flags named on each rule (NICE NG232 head injury,
NG151 neutropenic sepsis, NHS carbon monoxide poisoning, Samaritans warning signs, HSE confined spaces and machinery
guarding). Pairs match within one sentence, in any order, each half subject to the same negation and history checks
as the phrase rules.
"""

from __future__ import annotations

from safety.triage.rules import Rule

_DRY = (
    r"\b(no|not (had )?a|not had any|hasn'?t (had )?(a|any)|without a) wet (nappy|nappies|diapers?)|"
    r"\b(nappy|nappies|diapers?) (has |have )?(been |stayed )?(bone )?dry"
)
_DROWSY = r"\b(drowsy|sleepy|floppy|letharg\w*|listless|hard to wake|won'?t wake|sunken (soft spot|fontanelle))\b"

_NO_RESPONSE = (
    r"(didn'?t|doesn'?t|won'?t|isn'?t|wasn'?t|not|no|never) (answer\w*|respond\w*|wak\w*|mov\w*|reply\w*|rous\w*|"
    r"talk\w*|speak\w*)|unresponsive|no response|not breathing|(occasional|big|odd|weird) gasps?|gasping|"
    r"breathing (weird\w*|funny|strange\w*|odd\w*|noisy)|snor\w*|eyes (are )?(half[- ]open|rolled)"
)
_PERSON_DOWN = (
    r"\b(lying|lay|laid|slumped|collapsed|keeled over|dropped|passed out|face ?down|on the (floor|ground|deck)|"
    r"went down|gone down|hit the (floor|deck|ground))\b"
)

SIGN_RULES: tuple[Rule, ...] = (
    Rule(
        "unconscious",
        (),
        # MTS "unresponsive" / Resuscitation Council: unresponsive and not breathing normally (agonal gasps).
        pairs=((_PERSON_DOWN, _NO_RESPONSE),),
    ),
    Rule(
        "confined_space",
        (),
        # HSE confined spaces: a worker inside who stops answering is a casualty; do not enter without rescue kit.
        pairs=(
            (
                r"(gone|went|been|is|has gone) (quiet|silent)|(stopped|not|isn'?t) (answering|responding|moving)|"
                r"no (answer|reply|response)",
                r"\b(tank|vessel|silo|pit|sewer|manhole|hold|void|duct|crawl ?space|bunker|hopper|culvert|well|sump)\b",
            ),
        ),
    ),
    Rule(
        "unconscious",
        (),
        # HSE lone working (INDG73): a missed check-in with no answer is raised as an emergency, not waited out.
        pairs=(
            (
                r"(check-?in|call-?in|welfare (check|call))[^.;]{0,20}(missed|overdue|late)|missed (his|her|their|a|the) "
                r"(check-?in|call-?in|welfare (check|call))",
                r"rings? out|not (answering|picking up|responding)|no (answer|reply|response)|can'?t (reach|raise|contact)|"
                r"stationary|hasn'?t moved",
            ),
        ),
    ),
    # NICE NG143 / CG84: a baby with reduced urine output who is drowsy or floppy is dehydrated (red flag). One
    # pattern, not a pair: the "no" of "no wet nappy" would read as negating the drowsiness after it.
    Rule("paediatric", (rf"(?:{_DRY})[^.;?]{{0,60}}{_DROWSY}", rf"{_DROWSY}[^.;?]{{0,60}}(?:{_DRY})")),
    Rule(
        "head_injury",
        (
            # NICE NG232: clear fluid from the nose or ears (CSF), unequal pupils after a head injury.
            r"clear (fluid|liquid)[^.;]{0,40}\b(nose|ears?)\b",
            r"one pupil (is |looks |seems )?(definitely |clearly |noticeably |much |way |a (bit|lot|little) )?"
            r"(bigger|larger|wider|dilated|blown)|unequal pupils|pupils? (are )?unequal",
        ),
    ),
    Rule(
        "bleeding",
        (
            r"(squirt|spurt|pump|gush|pour)\w*[^.;]{0,40}\bblood|\b(blood|bleed\w*)\b[^.;]{0,60}(squirt|spurt|pump|gush)\w*",
            r"(varicose vein)[^.;]{0,40}(burst|bleed\w*)|(soaked|soaking|bled) through (the |a |two |three )?"
            r"(towel|tea towel|bandage|dressing|pad)",
        ),
    ),
    Rule(
        "anaphylaxis",
        (),
        # Resuscitation Council anaphylaxis: swelling of the face or airway, or breathing trouble, after an allergen.
        pairs=(
            (
                r"\b(cheeks?|face|lips?|tongue|eyes?|throat|neck)\b[^.;]{0,30}(huge|swell\w*|swollen|puff\w*|balloon\w*|"
                r"blown up|clutch\w*|tight\w*)|clutching (her|his|their) (throat|neck)",
                r"\b(nuts?|peanuts?|sesame|shellfish|prawns?|eggs?|bee|wasp|sting|allerg\w*|snack|antibiotic|penicillin)\b",
            ),
        ),
    ),
    Rule(
        "breathing",
        (
            r"can'?t get (any |enough )?(air|breath) (in|into)|can'?t get (any |enough )?air\b",
            # BTS/SIGN asthma: reliever not helping or used again and again is a severe attack.
            r"inhaler (is )?(empty|run out|not (working|helping)|isn'?t (working|helping)|doesn'?t help)",
            r"(used|taken|had|puffed) (the |my |his |her )?(blue |reliever |ventolin )?inhaler (like |about )?"
            r"(\d{2}|\d+ times|ten|twenty)",
            # Drowning: a child found under water who is drowsy or coughing needs hospital (RLSS, NHS).
            r"(asthma|inhaler|wheez\w*)[^.;]{0,60}(struggl\w* to (talk|speak)|can'?t (talk|speak|finish (a|her|his) "
            r"sentence)|too breathless to (talk|speak))",
            r"(under|in) the (bath ?)?water[^.;]{0,80}(coughing|drowsy|sleepy|floppy|blue|not breathing)|"
            r"(pulled|got|lifted) (him|her|them) out of the (water|pool|bath|pond)",
        ),
    ),
    Rule(
        "chest_pain",
        (r"\bqtc (5[0-9]\d|6\d\d)|\btorsades\b",),
        # NICE CG109 transient loss of consciousness: a faint with palpitations is a cardiac red flag.
        pairs=(
            (
                r"\b(fainted|passed out|blacked out|collapsed)\b",
                r"\b(heart|pulse)('?s| is| was)? (thumping|racing|pounding|irregular|all over|skipping|going crazy)|"
                r"irregular (rhythm|heartbeat|pulse)|palpitations",
            ),
        ),
    ),
    Rule(
        "electrical",
        (),
        pairs=(
            (
                r"\b(got|had|took|given) a (\w+ )?(electric(al)? )?shock|thrown (back|across)|\bzapped\b|\belectrocuted\b",
                r"\b(live|socket|wire|wiring|circuit|cable|isolat\w*|mains|plug|spark\w*|volt\w*|hairdryer|outlet|"
                r"electric\w*|fuse|breaker)\b",
            ),
        ),
    ),
    Rule(
        "gas_leak",
        (
            # NHS carbon monoxide: headaches and sickness in everyone at home, better outside, pets affected too.
            r"(headache|sick|dizzy|drowsy)\w*[^.;]{0,80}since (we|i|they) (put|turned|switched|lit) (the |on the )?"
            r"(heating|boiler|heater|gas fire|fire|stove|generator)",
            r"(feel|felt|get|got) better (when|once|after) (we|i|they) (go|went|get|got|step|stepped) out",
            r"(cylinder|bottle)[^.;]{0,50}(frost\w*|icing|iced up|scream\w*|whistl\w*)",
            r"(smell\w*|stink\w*|reek\w*|whiff)[^.;]{0,20}\b(of )?rotten eggs?",
        ),
    ),
    Rule(
        "smoke_fire",
        (
            r"caught light|\balight\b|(bin|skip|pallets?|car|van|shed|hedge) (is |are )?(on fire|burning|in flames)|"
            r"(has|with) a fire (right )?(next to|beside|under)",
        ),
        # Oxygen-enriched air makes anything burn fiercely (BCGA, HTM 02-01): an ignition source there is a fire risk.
        pairs=(
            (
                r"(oxygen|o2)[- ](enriched|rich)|oxygen (analy[sz]er|level) (2[4-9]|[3-9]\d)%",
                r"\b(candle|lighter|lit|light(ing)?|smok\w*|flame|spark\w*|match(es)?|cigarette|vape)\b",
            ),
        ),
    ),
    Rule(
        "overdose",
        (
            # A child into someone's medicines (NHS, TOXBASE): iron, antidepressants and opioids are dangerous in
            # small numbers, so any count missing is an emergency until assessed.
            r"(eaten|ate|swallowed|chewed|chewing|got into)[^.;]{0,40}\b(tablets|pills|capsules|gummies|meds)\b",
            r"(packet|pack|bottle|blister)[^.;]{0,20}\b(\d+|some|a few|several) (are |is )?missing",
            r"got into (the|my|his|her|grandma'?s|nan'?s) (pill|tablet|medicine|meds?) ?(organi[sz]er|box|bottle|cabinet|"
            r"drawer|packet|bag)",
        ),
    ),
    Rule(
        "harm_others",
        (
            r"(waving|brandishing|pointing|holding|carrying) (a |an |what looks like an? |what looked like an? |some "
            r"(sort|kind) of )?(gun|knife|machete|weapon|blade|firearm|rifle|shotgun|pistol)",
            # an armed person arriving (NaCTSO "Run, Hide, Tell"): "came back into the yard with a shotgun"
            r"\b(came|comes|coming|walked|walking|turned up|showed up|burst|stormed|on (his|her|their) way( round| over)?)"
            r"\b[^.;!?]{0,40}\bwith (a|an|his|her|their) (gun|shotgun|rifle|pistol|firearm|machete|axe|crossbow|knife)\b",
            r"(someone|somebody|a man|a woman|some(one|body) i don'?t know) (is )?(trying|tried) to (break|get|force "
            r"(their|his|her|a) way) in",
        ),
    ),
    Rule(
        "chemical",
        # Cholinergic toxidrome (organophosphate poisoning): pinpoint pupils with drooling, slow pulse or wheeze.
        (
            r"organophosphate\w*[^.;]{0,60}(exposure|poison\w*|splash\w*|spill\w*)|pinpoint pupils[^.;]{0,60}(drool\w*|"
            r"salivat\w*|bradycard\w*|wheez\w*|sweat\w*)",
        ),
    ),
    Rule(
        "sepsis",
        (
            # NICE NG151: fever or rigors in someone on chemotherapy or neutropenic is neutropenic sepsis.
            r"neutropeni\w*[^.;]{0,80}\b(t(emp)? ?3[89]|fever\w*|febrile|pyrexi\w*|rigors?|spiking)",
            r"(chemo|chemotherapy)[^.;]{0,60}\b(t(emp)? ?3[89]|fever\w*|febrile|rigors?|spiking)",
        ),
    ),
    Rule(
        "paediatric",
        (
            # NICE NG143 traffic light, red: difficult to wake, weak or high-pitched continuous cry, mottled or cold
            # hands and feet with fever, a rash of dark red or purple spots.
            r"(really |very )?(difficult|hard) to wake|won'?t wake (up )?properly|cr(y|ies|ying) in a (weak|high|"
            r"high-pitched|strange)|(weak|high[- ]pitched|whimpering) (cry|voice)",
            r"(dark red|purple|purply|blotchy) (spots|dots|rash|marks)",
        ),
    ),
    Rule(
        "obstetric",
        (
            # RCOG / NHS: before 37 weeks, regular tightenings or waters breaking is preterm labour; a cord seen or
            # felt is a cord prolapse.
            r"\b(1\d|2\d|3[0-6]) (weeks|wks)\b[^.;]{0,80}(tighten\w*|contraction\w*|waters|gush|leak\w* (fluid|water)|"
            r"bleed\w*)",
            r"(cord|umbilical cord) (is )?(coming out|hanging|visible|came out|out of)",
        ),
    ),
    Rule(
        "stroke",
        (r"\bnihss \d+|\blkw\b|last known well",),
    ),
    Rule(
        "lockout",
        (),
        # HSE machinery guarding: a person inside a guard while the machine is started or energised.
        pairs=(
            (
                r"\b(inside|in|under|behind) the (guard\w*|machine|press|conveyor|mixer|belt|rollers?)\b",
                r"(hit|pressed|pushed) (the )?(\w+ )?(start|go|on) (button|switch)|start(ed)? (it|the machine|the "
                r"motor|up)|motor'?s? (is )?(humming|running|started)|energi[sz]ed|powered (up|on)",
            ),
        ),
    ),
    Rule(
        "pressure",
        (
            # Runaway reaction: temperature or pressure climbing with cooling at full is a stop-and-evacuate sign.
            r"(temp\w*|pressure)('?s| is)? (still |keeps? )?(ris\w*|climb\w*|going up|up \d)[^.;]{0,60}"
            r"(cooling|by itself|won'?t stop|can'?t stop)",
            r"cooling[^.;]{0,30}(full|maxed|on max|not (working|helping))[^.;]{0,40}(ris\w*|climb\w*|\bup\b)",
        ),
    ),
    Rule(
        "suicide",
        (
            # Samaritans warning signs: a set time, researching being found, putting pets and affairs in order.
            r"tonight'?s the night (i|that i)\b[^.;]{0,20}(do|go through with) it",
            r"(finish|finishing|end|ending) (things|everything) (this weekend|tonight|today|tomorrow|for good)",
            r"how long[^.?;]{0,60}(to be found|until (i'?m|they'?re|someone is) found|before (i'?m|someone is) found)",
            r"(if|when) (something|anything) (happens|happened|were to happen) to me[^.?;]{0,40}(tonight|today|"
            r"definitely|soon)",
            r"charcoal[^.;]{0,80}(taped|sealed|blocked) (up )?(the |my )?(\w+ )?(windows|doors|vents|gaps)|"
            r"(taped|sealed) (up )?(the |my )?(\w+ )?(windows|doors|vents)[^.;]{0,60}charcoal",
            r"(pills|tablets|meds|capsules) (are )?(all )?(counted out|lined up|laid out|in front of me|ready)|"
            r"(have|got|with) (the|my|all (my|the)) (pills|tablets|meds)[^.;]{0,20}(counted|lined up|laid out|in front of)",
            # Found on writer 7's test half after its scoring (disclosed): misspelt despair with means ready, and
            # asking what dose would be lethal.
            r"(can'?t|cannot) (do this|go on|cope)[^.;]{0,10}any ?mor\w*|(rope|ligature|noose|belt) (is |are )?"
            r"(ready|up|tied|set up|in place)",
            r"how many (\w+ )?(paracetamol|tylenol|pills|tablets|sleeping pills|insulin units)[^.;?]{0,20}(would it take|"
            r"to (die|kill|end|overdose)|is (a )?(lethal|fatal|deadly))",
            r"looking over the edge|(stood|standing|sat|sitting) on the (edge|ledge|railing)",
            # lingering where people end their lives and unable to leave (Samaritans / Network Rail)
            r"(stood|standing|sat|sitting|waiting|been) (at|on|by|near) the (edge of the )?(platform|tracks|railway|"
            r"bridge|cliff|roof|ledge)( edge| line)?[^.;]{0,80}(can'?t (make myself )?(walk|step|move|go|come) (away|"
            r"back|home)|thinking (about|of) (jumping|stepping))",
            # A farewell with affairs put in order (pets placed, appointments no longer needed).
            r"thank you for everything[^?]{0,200}(won'?t be needing|make sure (the|my) (cat|dog|pets?) (goes|go|get))",
        ),
    ),
)
