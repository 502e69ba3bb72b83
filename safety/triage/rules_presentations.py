"""Common emergencies as a patient or a carer tells them: the pairs a triage nurse listens for.

Each rule pairs what happened with the sign that makes it urgent, after the public red flags named on it: BTS/SIGN 158
asthma (a reliever that does nothing, too breathless to talk, exhaustion), RCOG Green-top 52 postpartum haemorrhage,
NHS and TOXBASE poisoning in children (a child into an adult's medicines or a household chemical), NHS stroke (FAST
signs that went away are a TIA: call 999 anyway), Resuscitation Council UK anaphylaxis (an allergen, then a skin rash
with a throat or breathing problem), the Samaritans' warning signs (giving possessions away because they will not
be needed) and threats to a named person with a weapon to hand. Pairs match within one sentence, each half under
the phrase rules' negation, history and question checks.
"""

from __future__ import annotations

from safety.triage.rules import Rule

_RELIEVER = r"(blue |reliever |ventolin |salbutamol |albuterol )?(inhaler|pump|puffer|neb\w*)"
_CHILD = (
    r"\b(kid|kids|child|toddler|baby|son|daughter|grandson|granddaughter|little one|(\d{1,2}|one|two|three|four|five)[- ]"
    r"?(yo|y/o|year[- ]old|month[- ]old))\b"
)
_INGESTED = r"\b(ate|eaten|swallowed|drank|drunk|chewed|chewing|sucked|sucking|got into|licked|had some of|ingested)\b"
# Medicines that are dangerous in one or two doses to a small child (TOXBASE "one pill can kill" list and NHS).
_ADULT_MEDICINE = (
    r"\b(methadone|buprenorphine|subutex|suboxone|oxycodone|oxy|morphine|fentanyl|tramadol|codeine|co-codamol|"
    r"amitriptyline|nortriptyline|antidepressants?|iron (tablets|pills)|ferrous|clonidine|amlodipine|verapamil|"
    r"diltiazem|propranolol|metoprolol|beta[- ]blockers?|glipizide|gliclazide|glibenclamide|sulfonylureas?|"
    r"(blood pressure|bp|heart|diabetes|sleeping|sleep|pain|seizure) (pills|tablets|meds|medicine|medication)|"
    r"(my|her|his|grandma'?s|nan'?s|granny'?s|mum'?s|mom'?s|dad'?s) (pills|tablets|meds|medicine|medication|prescription))\b"
)
_HOUSEHOLD_POISON = (
    r"\b(bleach|drain cleaner|oven cleaner|caustic|lye|dishwasher (tablet|pod|capsule)s?|laundry (pod|capsule|tablet)s?|"
    r"washing (pod|capsule|tablet)s?|antifreeze|screenwash|weed ?killer|paraquat|rat poison|lamp oil|paraffin|"
    r"white spirit|e-?liquid|vape (juice|liquid)|nicotine (liquid|pouch)|button batter(y|ies)|magnets?|liquitabs?)\b"
)

PRESENTATION_RULES: tuple[Rule, ...] = (
    Rule(
        "suicide",
        # a stated plan with a place (Samaritans, Zero Suicide: plan, means, time): "plan to jump from multistorey"
        (
            r"\b(plan\w*|intend\w*|threaten\w*) to (jump|throw (my|him|her|them)sel(f|ves)) (off|from|in front"
            r"|out)\b[^.;]{0,30}\b(multi-?storey|car park|bridge|roof|cliff|balcony|window|tower|building|train|platform)",
        ),
    ),
    Rule(
        "seizure",
        # NICE CG137: repeated convulsions without recovery between are status epilepticus ("3rd GTC in 40 min")
        (
            r"\b(gtcs?|tonic[- ]clonic)\b|(not|hasn'?t|without|no) (regain\w*|recover\w*) (consciousness|awareness)"
            r"[^.;]{0,10}\bbetween",
        ),
    ),
    Rule(
        "chest_pain",
        # Resuscitation Council UK tachycardia algorithm: a broad-complex tachycardia, or any arrhythmia with shock
        # (an unrecordable blood pressure, grey and clammy), is peri-arrest
        (
            r"\b(broad[- ]complex|wide[- ]complex|ventricular) tach\w*|\bpulseless (vt|electrical)\b|"
            r"\b(bp|blood pressure) (is )?(not |un)recordable\b|\bunrecordable (bp|blood pressure)\b",
        ),
    ),
    Rule(
        "unconscious",
        (),
        # NICE NG41 / major trauma triage: a fall from height with a spinal sign or no response
        pairs=(
            (
                r"\b(fell|fall|fallen)\b[^.;]{0,30}\b(from|off)\b[^.;]{0,30}\b(height|roof|ladder|scaffold\w*|balcony|"
                r"\d+ ?(m|metres?|meters?|ft|feet)|(two|three|four|\d) (storeys?|floors?))\b",
                r"not moving (his |her |their )?legs|can'?t (move|feel) (his |her |my |their )?legs|unconscious|not "
                r"(responding|breathing)|c-?spine|neck (held|collar)|spin(e|al)",
            ),
        ),
    ),
    Rule(
        "unconscious",
        # a lightning strike on a person (NHS, Met Office): call 999 whatever they say
        (
            r"\b(struck|hit) by lightning\b|\blightning\b[^.;]{0,90}\b(unconscious|not breathing|collapsed|burns?|confused|"
            r"gcs|entry wound|exit wound|irreg\w*|arrhythm\w*)\b|\b(post|after (a |being )?)[- ]?lightning strike\b",
        ),
    ),
    Rule(
        "gas_leak",
        # HSE: a flammable gas reading of 10% LEL or more means evacuate; "25% LEL rising"
        # (LEL is DGW in Polish, UEG in German, LIE in French, Spanish and Italian)
        (
            r"\b([1-9]\d|100)\s*%\s*(of\s+)?(the\s+)?(lel|dgw|ueg|lie)\b|\b(lel|dgw|ueg)\b[^.;]{0,15}\b([1-9]\d|100)\s*%",
        ),
    ),
    Rule(
        "electrical",
        (),
        # HSE electric shock: palpitations, burns at entry and exit, chest pain after a shock need hospital
        pairs=(
            (
                r"electric(al)? shock|electrocut\w*|\bshocked\b",
                r"palpitation\w*|entry|exit|burns?|chest pain|irregular",
            ),
        ),
    ),
    Rule(
        "gas_leak",
        (),
        # HSE / National Gas: a struck gas main venting is an emergency (call the gas emergency line, clear the area)
        pairs=(
            (
                r"\b(mains?|gas (main|pipe|line|service))\b[^.;]{0,40}\b(clipped|struck|hit|cut|damaged|ruptured|split)\b|"
                r"\b(clipped|struck|hit|cut through|damaged|ruptured)\b[^.;]{0,20}\bgas (main|pipe|line|service)\b",
                r"\b(roar\w*|hiss\w*|stink\w*|smell\w*|venting|blowing)\b",
            ),
        ),
    ),
    Rule(
        "obstetric",
        (
            # RCOG Green-top 57: reduced or absent fetal movements are reported to the maternity unit at once
            r"(baby'?s? |fetal |foetal )movements? (have |has )?(gone |are |is |been )?(really |very |much )?(quiet\w*|"
            r"reduced|less|slow\w*|stopped)|baby (hasn'?t|has not|hasn'?t been|has not been|isn'?t) mov\w*|(can'?t|cannot|"
            r"haven'?t) felt? (the )?baby mov\w*",
        ),
    ),
    Rule(
        "paediatric",
        (
            # NICE NG143: under 3 months with a temperature of 38 °C or more is a red flag
            r"\b(([1-9]|1[0-2])[- ]weeks?|([1-3]|one|two|three)[- ]months?)[- ]old\b[^.;]{0,60}\b(temp\w*|fever|"
            r"temperature)\b[^.;]{0,20}\b(3[89]|4[0-2])([.,]\d)?\b",
        ),
    ),
    Rule(
        "breathing",
        (
            # BTS/SIGN 158: a reliever used again and again without relief is a severe attack.
            rf"{_RELIEVER}[^.;]{{0,40}}(not (working|helping|doing anything)|nothing'?s? (is )?(happening|working|"
            r"helping)|no (help|difference|effect|relief)|isn'?t (working|helping)|doesn'?t (work|help))",
            rf"(used|taken|had|puffed|done) (the |my |his |her )?{_RELIEVER} (like |about |over )?(\d{{2}}|\d+ times|"
            r"ten|twenty|loads of times|again and again|non ?stop)",
        ),
        pairs=(
            # too breathless to talk, or tiring, with asthma or a reliever in the same sentence
            (
                rf"\b(asthma\w*|asmtha|wheez\w*|{_RELIEVER})\b",
                r"can (barely|hardly|only just) (talk|speak|breathe|get (a )?words? out)|barely able to (talk|speak)|"
                r"can'?t (talk|speak) in (full )?sentences|(getting|so|really) (tired|exhausted|drowsy)|lips (are )?"
                r"(going )?(blue|grey)",
            ),
        ),
    ),
    Rule(
        "obstetric",
        (),
        pairs=(
            # RCOG Green-top 52: bleeding that will not stop after a birth, or a placenta not delivered with bleeding.
            (
                r"\b(gave birth|given birth|delivered|had (the|my|our) baby|after (the )?(birth|delivery)|post-?partum|"
                r"placenta|just had a baby)\b",
                r"bleeding (won'?t|will not|doesn'?t|does not|isn'?t|not) (stop\w*|slow\w*|easing)|(heavy|lots of|so much|"
                r"pouring|gushing|pints of) (bleeding|blood)|soak\w* (through )?(a |the |my )?(pad|pads|towel|towels|sheets?)"
                r"|(big|huge|large|massive) clots|placenta (is )?(not|hasn'?t|still not|still hasn'?t) (out|come|delivered)",
            ),
        ),
    ),
    Rule(
        "overdose",
        (
            rf"{_INGESTED}[^.;]{{0,30}}{_HOUSEHOLD_POISON}",
            # a poison decanted into a drinks bottle, named after the drinking (NPIS: wrong-container ingestion)
            rf"\b(drank|drunk|swallowed|sipped|gulped)\b[^?]{{0,60}}\b(was|were|turned out to be|actually|contained|"
            rf"had)\b[^.;?]{{0,12}}{_HOUSEHOLD_POISON}",
            # grams of an over-the-counter painkiller (TOXBASE: paracetamol from 75 mg/kg, about 5 g in an adult)
            r"\b(ingested|took|taken|swallowed|had)\s+(about |around |over )?([5-9]|\d{2,3})\s*(g|grams?)\b[^.;]{0,15}"
            r"\b(paracetamol|acetaminophen|tylenol|aspirin|ibuprofen)\b",
        ),
        pairs=((_CHILD, rf"{_INGESTED}[^.;]{{0,30}}{_ADULT_MEDICINE}"),),
    ),
    Rule(
        "stroke",
        (),
        pairs=(
            # FAST: a weak or numb arm or face with speech gone wrong, even for minutes (TIA).
            (
                r"\b(arm|leg|hand|face|side|mouth)\b[^.;]{0,25}\b(numb\w*|weak\w*|dead|heavy|droop\w*|tingl\w*|"
                r"useless)|(numb\w*|weak\w*|droop\w*)[^.;]{0,15}\b(arm|leg|hand|face|side)\b",
                r"\b(speech|words|talking|voice)\b[^.;]{0,20}(funny|weird|strange|slurr\w*|garbl\w*|muddl\w*|jumbl\w*|"
                r"wrong|nonsense)|couldn'?t (get|find) (the |my )?words( out)?",
            ),
        ),
    ),
    Rule(
        "suicide",
        (
            # 988 Lifeline / Samaritans: gathering the means and choosing a time
            r"(saved|saving|stockpil\w*|hoard\w*|collect\w*|kept) (up )?(all )?(my |the |enough )?(\w+ )?(tablets|pills|meds|"
            r"medication|painkillers)[^.;]{0,60}\b(tonight|right time|the time|ready|end it|for good)\b",
            # self-harm gone further than before, a note, a method disguised as an accident, a set time
            r"\bcut (my|his|her) (wrists?|arms?|thighs?|legs?)\b[^.;]{0,60}(won'?t stop|deeper|too deep|bleed\w*|blood)",
            r"\bgood[- ]?by(e)? (notes?|letters?|messages?)\b",
            r"\b(make it|it'?ll|it will|so it|that it) looks? like an accident\b",
            r"\b(nothing|nothin|no point|no reason|goodby\w*|note)\b[^\n]{0,80}\b(gonna|gona|going to) (do it|end it)\b",
            # a date chosen, a goodbye with possessions given away, the means in hand for "doing it properly"
            r"\b(set|picked|chose|chosen) (a|the) (date|day)\b[^\n]{0,60}\b(don'?t want to (see|make it to|reach) (\d+|my next|"
            r"another|next|christmas|new year)|won'?t (see|make it to) (\d+|my next|another|next|christmas)|won'?t be (here|around))",
            r"\b(gave|given|giving) away\b[^\n]{0,80}\b(say|said|saying) (bye|goodbye)",
            # a farewell sent to a group (Samaritans: saying goodbye), past tense as if already gone
            r"\b(it'?s|it has) been (good|nice|great|lovely|a pleasure|an honou?r) knowing (you|y'?all|everyone|"
            r"everybody|all of you)\b",
            r"\b(razor ?blades?|blades|rope|noose)\b[^\n]{0,60}\b(going to|gonna) do it\b",
            # a farewell across sentences: love passed on with an apology ("Please tell my sister I loved her. I'm sorry.")
            r"\btell (my|him|her|them|\w+) (\w+ )?(that )?i (loved|always loved) (her|him|them|you)\b[^\n]{0,40}"
            r"\b((i'?m|i am) (so )?sorry|goodbye|forgive me)\b",
            # affairs put in order for a time after which nothing will be needed
            r"\b(gave|given|giving|handed|rehomed|re-homed|sorted|sorting)\b[^\n]{0,80}(won'?t|will not) need (any of )?"
            r"(it|them|this|that|anything) (after|beyond|past) (this|tonight|tomorrow|today|the weekend|friday|saturday|"
            r"sunday)",
        ),
        pairs=(
            (
                r"\b(giv\w* away|gave away|given away|handing out|passing on)\b[^.;]{0,30}\b(my|all my|all of my)\b",
                r"(won'?t|will not|not (going to|gonna)) (be )?need\w* (them|it|this|that|any of (it|them|this))\b"
                r"(?! (in|at|on|for|when|until|till|because|as|since|after (the|my|our|we|i|moving))\b)|no use (to|for) me|"
                r"where i'?m going|(after|when|once) i'?m gone|won'?t be (here|around)|not be (here|around)",
            ),
        ),
    ),
    Rule(
        "harm_others",
        # a stated intent against whoever comes next (NaCTSO, Royal College of Psychiatrists' risk guidance)
        (
            r"\b(will|'ll|gonna|going to|(said|says|saying|stated|states) (he|she|they) (will|would|'ll))( \w+)? "
            r"(stab|kill|shoot|attack|hurt|knife) (the next|anyone|anybody|whoever|everyone|everybody|the first)\b",
        ),
        pairs=(
            (
                r"\b(knife|gun|weapon|blade|machete|axe|hammer|bat|crowbar)\b",
                r"(he|she|they) deserves? (it|this|what'?s coming)|know where (he|she|they) lives?|make (him|her|them) pay|"
                r"teach (him|her|them) a lesson|get (him|her|them) back|going (after|round to|over to) (him|her|them|his|"
                r"hers|their)|every(one|body) (pays|will pay|is going to pay|dies|will die)|you'?ll all (pay|see|regret)|"
                r"(tagged|tagging|named|naming) the (school|college|office|workplace|church|mosque|synagogue)",
            ),
        ),
    ),
    Rule(
        "anaphylaxis",
        (),
        pairs=(
            # Resuscitation Council UK: after an allergen, a rash with a throat or breathing problem.
            (
                r"\b(peanuts?|peanut butter|nuts?|sesame|shellfish|prawns?|fish|eggs?|milk|bee|wasp|sting|stung|"
                r"allerg\w*|penicillin|antibiotic)\b",
                r"throat[^.;]{0,15}(itchy|itch\w*|scratchy|tight\w*|closing|swell\w*)|voice (is )?(hoarse|croaky|changed)|"
                r"(lips?|tongue) (is |are )?swell\w*",
            ),
            (
                r"(covered in|all over)[^.;]{0,20}\b(hives|blotches|welts|rash|red)\b",
                r"\b(throat|cough\w*|wheez\w*|breath\w*|lips?|tongue|faint\w*|dizzy)\b",
            ),
        ),
    ),
)
