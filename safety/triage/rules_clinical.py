"""Clinical red-flag rules: phrases and concept pairs per category (the rule detector's tables)."""

from __future__ import annotations

from safety.triage.rules import Rule
from safety.triage.rules_described import DESCRIBED_RULES

CLINICAL_RULES: tuple[Rule, ...] = (
    Rule(
        "chest_pain",
        (
            r"chest (pain|pressure|tightness|discomfort|hurts?|is hurting|feels? tight|feels? heavy)",
            r"(pain|pressure|tightness|heaviness|squeezing) (in|on|across) (my|the|his|her) chest",
            r"crushing (pain|chest)",
            r"heart attack",
            r"\bcp\b[^.;]{0,40}(radiat\w*|l arm|left arm|jaw|sweat\w*|diaphore\w*)",
            r"\bstemi\b|st[- ]elevation",
            r"ch[ea]st pian",
            r"pain (spreading|radiating) (to|down) (my|the|his|her) (left )?arm",
        ),
        pairs=(
            (
                r"\b(chest|breastbone|sternum)\b",
                r"pain|pressure|tight|heavy|heaviness|squeez|crush|sitting on|weight on|ache|aching|burning|hurts?\b|discomfort|elephant",
            ),
        ),
    ),
    Rule(
        "stroke",
        (
            r"face (is )?(drooping|droop)",
            r"drooping face",
            r"slurred speech",
            r"(facial|face) (droop|weakness|palsy)|aphasi\w*|dysphasi\w*|word[- ]finding",
            r"sudden(ly)? (lost|loss of|can'?t see|blind|double vision)",
            r"(speech|talking) (is )?slurred",
            r"can'?t (speak|talk|move (my|his|her) (arm|leg|side))",
            r"sudden(ly)? (weakness|numbness|confusion|blindness|vision loss)",
            r"(one|left|right) side (of (my|his|her) (body|face) )?(is )?(numb|weak|paralysed|paralyzed)",
            r"stroke(?! volume| patients?| unit| ward| risk| prevention| nurse| team| rehab\w*| survivors?| clinic| pathway| of (genius|luck|midnight|the pen|brilliance))",
            r"worst headache (of|in) (my|his|her) life",
            r"thunderclap headache",
        ),
        pairs=(
            (r"\b(face|mouth|smile|speech|words|talking)\b", r"droop|slurr|lopsided|garbled|twisted|jumbled"),
            (
                r"\b(arm|leg|hand)\b",
                r"can'?t (lift|raise|move)|won'?t (lift|move)|suddenly (weak|numb|heavy)|(gone|went) (weak|numb|dead|limp)|\blimp\b",
            ),
        ),
    ),
    Rule(
        "anaphylaxis",
        (
            r"anaphyla\w*",
            r"(throat|tongue|lips?|face) (is |are )?(swelling|swollen|closing)",
            r"swollen (throat|tongue|lips?)",
            r"throat (is )?closing",
            r"epi-?pen(?![^.;]{0,60}\b(expir\w*|store|storing|storage|travel\w*|prescri\w*|renew\w*|trainer|practi[sc]e|"
            r"run(s|ning)? out|out of date|spare|case|pouch)\b)",
            r"(stridor|wheez\w*|throat tight\w*)[^.;]{0,60}(hives|urticaria|rash|infusion|antibiotic|allerg\w*|sting|peanut|nut)",
            r"(hives|urticaria|rash)[^.;]{0,60}(faint\w*|dizzy|light-?headed|stridor|wheez\w*|can'?t breath\w*|throat|bp (dropped|low))",
            r"hives? (and|with) (trouble|difficulty) breathing",
        ),
        pairs=((r"\b(tongue|throat|lips?|mouth|face|eyes)\b", r"swell|swollen|bigger|puff|closing|tight"),),
    ),
    Rule(
        "bleeding",
        (
            r"(severe|heavy|uncontrolled|won'?t stop|non-?stop|profuse|massive) bleed\w*",
            r"bleed\w* (heavily|a lot|badly|profusely|won'?t stop|that won'?t stop|everywhere)",
            r"(vomiting|coughing (up)?|throwing up|puking) (up )?blood",
            r"coffee[- ]ground",
            r"blood in (my|his|her) vomit",
            r"spurting blood|blood (is )?spurting",
            r"black,? tarry stools?",
            r"bleeding (will not|won'?t|doesn'?t|does not) stop",
        ),
        pairs=(
            (
                r"\b(bleed\w*|blood|nose ?bleeds?)\b",  # NHS: a nosebleed that will not stop needs A&E
                r"soak\w*|through (the |my |three |two |several )?(dressings?|bandages?|pads?|towels?)|pouring|gushing|won'?t stop|can'?t stop|everywhere|pints?|pool of|"
                r"(not|isn'?t|won'?t|doesn'?t) stopping|(hasn'?t|has not|haven'?t|not) stopped",
            ),
        ),
    ),
    Rule(
        "breathing",
        (
            r"\bsats?\b[^.;]{0,20}\b([5-8]\d)\s*%|\bspo2\b[^.;]{0,20}\b([5-8]\d)\s*%",
            r"accessory muscles?|tripod(ing)?|cyanos\w*|cyanotic",
            r"stridor|can'?t (speak|talk) in (full )?sentences|(one|single)[- ]word (answers|sentences)",
            r"(can'?t|cannot|unable to|struggling to|hard to|trouble|difficulty|hard time) (breath|breathe|breathing|catch (my|his|her) breath)",
            r"short(ness)? of breath",
            r"gasping( for air)?",
            r"choking",
            r"(lips|face|skin) (are |is )?(turning |going )?(blue|grey|gray)",
            r"not breathing",
            r"stopped breathing",
            r"difficult(y)? breath\w*",
            r"breathless at rest",
            r"(chest|ribs|skin between (the )?ribs) (is |are )?(sucking|pulling) in",
        ),
        pairs=(
            (
                r"\b(breath\w*|air)\b",
                r"can'?t|cannot|barely|hardly|struggl\w*|gasp\w*|labou?red|fighting for|\bfast\b|rapid",
            ),
        ),
    ),
    Rule(
        "suicide",
        (
            # "suicide" naming a course, a module or an audit is a topic, not a person's intent; "want to die" and the
            # rest still count in the same message.
            r"(?<!zero )suicid\w*\b(?! (awareness|prevention|intervention|pathway|audit|module|course|training|policy|"
            r"rates?|statistics|stats|risk assessment tool|screening tool|helpline number))",
            r"\bligature(?![ -](point|risk|audit|assessment|free|cutter|check))|found hanging|\bnoose\b"
            r"|(rope|cord|belt|scarf|sheet) (around|round) (his|her|my|their) neck",
            r"\bkms\b|\bkys\b|\bunaliv\w*",
            r"(hang|hanging|shoot|overdose on|drown) (myself|himself|herself|self\b)",
            r"(don'?t|do not) want to (exist|go on|carry on)",
            r"(everyone|everybody|they|family|kids|world|people)[^.;]{0,30}better off (if i|without me|when i|once i|with me gone)",
            r"(giving|gave) (away )?(my|all my) (things|stuff|belongings) away",
            r"(plan|planning|planned) to (end|kill|take my)",
            r"(can'?t|cannot) (go on|do this anymore|keep going)",
            r"kill (myself|himself|herself)",
            r"end(ing)? (my|his|her) (own )?life",
            r"(want|going) to die",
            r"self[- ]?harm",
            r"hurt(ing)? (myself|himself|herself)",
            r"cut(ting)? (myself|himself|herself)",
            r"no reason to live",
            r"better off (if i (was|were) )?dead|better off without me",
            r"take all (my|of my) (pills|tablets|medicine)",
            r"(don'?t|do not) want to (be alive|live|wake up|be here)",
            r"(end|finish) it all",
            r"no point (in )?(living|going on|being alive)",
            r"want to disappear (forever|for good)",
            r"goodbye (letters?|notes?|messages?)|suicide note",
            # Warning signs from the Samaritans', 988 Lifeline's and Zero Suicide's public lists: saying goodbye,
            # putting affairs in order, being no loss to anyone, having the means at hand with intent.
            r"(nobody|no one|no-one)('?ll| will| would)? (even )?(miss|notice|care about) me",
            r"(done|finished) with (life|living|it all|everything)|tired of (living|being alive)",
            r"(written|wrote|writing|left) (goodbye )?(letters?|notes?) (to|for) (everyone|everybody|my (family|kids|wife|husband|partner|mum|mom|parents))",
            r"(sorting|sorted|putting|put|got|getting) (out |all )?(my )?affairs (in order|sorted|out)",
            r"(my )?(last|final) goodbye|(last|final) (message|time) (i'?ll (ever )?(send|write)|you'?ll (ever )?hear from me)",
            r"(won'?t|will not) be (here|around) (much longer|tomorrow|any ?more|for long)",
            r"(finish|end) it (properly|tonight|for good|today)",
            r"(bought|got|have|found|holding|sat with|sitting with|with) (a |the |some |my )?(rope|blade|razor|knife|gun|ligature)"
            r"[^.]{0,50}(myself|my life|nobody|no one|miss me|tonight|done|end it|on me)",
            r"(all )?my (meds|pills|tablets|medication) (are )?(in front of me|lined up|counted out)",
            r"(use|using) it on myself",
            # Bereaved and wishing to follow (Samaritans: talking about joining someone who has died).
            r"(thinking|think|thought|dream\w*) (about|of) joining (him|her|them|my)\b",
            r"(sleep|go to sleep) (forever|and never wake up)|never wake up again",
            r"won'?t (be )?need(ing)? (them|it|these|those|any of (it|this|them))[^.]{0,25}(where i'?m going|after (tonight|today))",
            r"(doesn'?t|won'?t|does not|will not|none of (this|it) will|nothing will) (really )?matter (after|by) tonight",
        ),
    ),
    Rule(
        "overdose",
        (
            r"overdos\w*",
            r"took (too many|too much|a whole bottle|the whole bottle|all (my|the|of the))",
            r"poison\w*(?! ivy| oak)",
            r"swallowed (bleach|detergent|a battery|batteries|cleaner|antifreeze|pills)",
            r"swallowed (some|a lot|all|most|a handful) (of )?(my|the|his|her|their) (pills|tablets|medicine|medication)",
            r"swallowed (a |some )?(button |coin )?batter(y|ies)",
            r"drank (bleach|antifreeze|cleaner)",
            r"(double|triple|extra) (dose|doses) by mistake",
            # A count of tablets taken at once (NHS: a paracetamol overdose needs A&E even when the person feels well).
            r"\b(took|taken|swallowed|had|ate|downed|necked) (about |around |like |over |maybe )?([1-9]\d|one hundred|"
            r"(twenty|thirty|forty|fifty|sixty)[\w-]*) (?!(mg|mcg|g|ml|minutes?|mins?|hours?|hrs?|days?|weeks?|years?"
            r"|seconds?|secs?|times?|percent|%)\b)[\w' ]{0,20}(pills|tablets|tabs|capsules|paracetamol|"
            r"acetaminophen|tylenol|ibuprofen|aspirin|co-?codamol|sleeping|antidepressants?)",
        ),
        pairs=(
            (
                r"\b(ate|swallowed|took|taken|got into|drank|chewed)\b",
                r"(bunch|handful|lots|a lot|several|many|whole|entire|all) [\w' ]{0,30}(pills|tablets|capsules|medicine|medication|gummies)|bleach|detergent|laundry pods?|cleaner|chemicals?|weed killer|rat poison|dishwasher|washing[- ]up liquid|antifreeze|thinners?|lamp oil",
            ),
        ),
    ),
    Rule(
        "sepsis",
        (
            r"(?<!post-)(?<!post )sepsis(?! screen\w*| bundle| protocol| policy| training| six| trolley| audit)|\bseptic(?! tank)",
            r"(temp\w*|fever)[^.;]{0,30}(3[45]\.\d|39\.[5-9]|4[01](\.\d)?)\b[^.;]{0,60}(confus|drowsy|hr|heart|pulse|rigou?rs|mottl)",
            r"(wound|cut|incision|site|leg|foot|line)[^.;]{0,60}(red|hot|swollen|pus|infected)[^.;]{0,80}(?<!no )(?<!not )(?<!without )(fever|temp\w*|confus\w*|racing heart|heart (is )?racing|shiver\w*)",
            r"(high )?fever (and|with) (confusion|shaking|rigors|chills and confusion|very fast heart)",
            r"(mottled|blotchy|blue) skin",
            r"rash that (doesn'?t|does not) fade",
            r"(confused|drowsy) (and|with) (a )?(high )?fever",
            # NICE CG151: a fever during chemotherapy is neutropenic sepsis until shown otherwise
            r"(fever|temp\w*|febrile|pyrexi\w*)[^;?]{0,40}\bon chemo\w*|\bon chemo\w*[^;?]{0,40}(fever|febrile|pyrexi\w*|temp\w* (of )?(3[89]|4[01]))",
        ),
        pairs=(
            (
                r"\b(?<!hay )(?<!cabin )(fever|temperature|temp|febrile|burning up)\b",  # hay fever is an allergy
                r"confus\w*|drowsy|not making sense|breathing (very )?fast|fast breathing|shivering|rigou?rs|mottled|floppy|very unwell",
            ),
        ),
    ),
    Rule(
        "unconscious",
        (
            r"unconscious",
            r"unresponsive",
            r"passed out",
            r"(won'?t|will not|can'?t) wake (up)?",
            r"collapsed",
            r"(isn'?t|is not|not|won'?t) (responding|respond|waking)",
            r"blacked out",
            r"unrousable",
            r"(no|not got a|can'?t (find|feel) a) pulse",
            r"(started|doing|giving|performing|commenced) (cpr|compressions|chest compressions)",
            r"cardiac arrest|crash call|code blue",
            r"(fell|fallen) [\w ]{0,40}(not moving|isn'?t moving|won'?t move)",
            r"\bgcs (of )?[3-8]\b",
        ),
    ),
    Rule(
        "seizure",
        (
            r"(?<!absence )seizur\w*+(?![- ]free)",
            r"convuls\w*",
            r"(?<!\ba )(?<!the )(?<!loose )(?<!pipe )(?<!gas )(?<!brass )\bfitting\b(?!s| (room|a|an|the|new|leak)\b)|(had|having) a fit\b",
            r"(shaking|jerking|twitching) (and|&) (unresponsive|not responding)",
            r"status epilepticus",
        ),
        pairs=(
            (r"\b(shaking|jerking|stiff)\b", r"unresponsive|not responding|eyes rolled|foam\w*"),
            # NICE CG137: a convulsion past five minutes is status epilepticus; "collapsed and shaking" is a seizure.
            (
                r"\b(shak\w* all over|jerk\w*|fitting|seizing|convulsing)",
                r"\b([5-9]|[1-5]\d|five|six|seven|eight|ten) ?(min\w*|mins?)\b",
            ),
            (r"\bcollaps\w* and (is |was |started |keeps )?(shak\w*|jerk\w*|twitch\w*|fitting)", r"."),
        ),
    ),
    Rule(
        "glucose",
        (
            r"(blood )?(sugar|glucose|bm|bg|cbg) (is |of |at |was |reading )?(1\.\d|2\.\d|[1-3]\d)\b(?! ?mmol/l? ?(is|was) normal)",
            r"(sugar|glucose|bg|bm)\w* (reads? |is |says )?(lo|low|hi|high)\b[^.;]{0,40}(confus|drowsy|shak|sweat|unrespons|vomit|breath)",
            r"\bdka\b|diabetic ketoacidosis|\bhhs\b",
            r"(hypo|hypoglyc\w*)[^.;]{0,40}(confus|drowsy|can'?t swallow|unrespons|not making sense|fitting|seiz)",
            r"(very |dangerously )?low (blood )?sugar[^.;]{0,40}(confus|drowsy|can'?t swallow|unrespons|not making sense|passing out)",
        ),
    ),
    Rule(
        "obstetric",
        (
            r"pregnan\w*[^.;]{0,80}(bleed\w*|severe (pain|headache)|fit|seizure|waters broke|baby (isn'?t|is not|not) moving|moving less|blurred vision|flashing lights|swelling)",
            r"(baby|bump) (has )?(stopped|isn'?t|is not|not) moving|(fewer|reduced|less) (fetal |foetal |baby )?movements?",
            r"cord (prolapse|is (coming|hanging) out)",
            r"(post-?partum|after (giving )?birth|after delivery)[^.;]{0,40}(bleed\w*|haemorrhag\w*|hemorrhag\w*|soak)",
            r"(pph|pre-?eclampsia|eclampsia|placental abruption|ectopic)",
            r"(\d+|twenty|thirty)\s*weeks?[^.;]{0,60}(bleed\w*|severe pain|headache|waters)",
        ),
    ),
    Rule(
        "paediatric",
        (
            r"rash[^.;]{0,40}(doesn'?t|does not|won'?t|didn'?t|did not) (fade|go away|disappear) (under|with|when)",
            r"(glass|tumbler) test",
            r"non-?blanching",
            r"(floppy|limp|unresponsive|blue|grey) (baby|infant|newborn|toddler|child)",
            r"(baby|infant|newborn|toddler|child)[^.;]{0,40}(floppy|limp|won'?t wake|hard to wake|high[- ]pitched cry|bulging)",
            r"bulging (soft spot|fontanel\w*)",
            r"(\d|six|eight|ten)\s*(week|wk)s?[- ]old[^.;]{0,60}(fever|temp\w*|38)",
        ),
    ),
    Rule(
        "head_injury",
        (
            r"(hit|banged|bumped|knocked|struck) (his|her|my|their|the) head[^.;]{0,80}(drowsy|sleepy|vomit\w*|confus\w*|blood thinner|warfarin|apixaban|rivaroxaban|eliquis|xarelto|unconscious|knocked out|seiz)",
            r"(fell|fall|fallen)[^.;]{0,60}(warfarin|apixaban|rivaroxaban|anticoagula\w*|blood thinner|eliquis|xarelto)[^.;]{0,80}(drowsy|sleepy|vomit\w*|confus\w*|headache)",
            r"head (injury|wound|trauma)[^.;]{0,60}(drowsy|vomit\w*|confus\w*|unconscious|seiz\w*|clear fluid)",
        ),
    ),
    Rule(
        "harm_others",
        (
            r"(going|want|gonna|about) to (kill|hurt|stab|shoot|strangle) (him|her|them|someone|somebody|my (wife|husband|partner|son|daughter|boss|neighbou?r|baby|kids?))",
            r"(threaten\w*|threat) (to (kill|stab|shoot|hurt))",
            r"(has|got|with) a (knife|gun|weapon)[^.;]{0,40}(threaten|kill|hurt|stab|shoot)",
            r"\b(man|woman|guy|someone|somebody|person|patient|pt|visitor|relative|bloke|lad|intruder)( is)? (with|has|"
            r"holding|waving|brandishing|wielding|carrying|pulled) (a |an )?(knife|gun|weapon|machete|blade|axe|firearm)",
            r"threatening (to (kill|stab|shoot|hurt) )?(staff|people|us|nurses|the nurses?|everyone|the doctors?|patients)",
        ),
    ),
) + DESCRIBED_RULES
