"""Red flags told by what the writer sees or does, not by name: the English companion of rules_signs.py.

Each rule is written for a class of description, in several wordings and either order: a posture or a count of
words that shows breathlessness (NHS / BTS: tripod position, unable to complete sentences), a weakness of one hand
with a face that drips or droops (FAST told indirectly), a spreading redness from a wound with rigors or confusion
(NICE NG51), sudden severe pain in one testicle (NHS: testicular torsion), a sunken fontanelle in an ill baby (NICE
CG84), a weapon being waved around, a threat to kill told as reported speech, putting affairs in order with a
farewell or a high-risk patient missing with a note (Samaritans / NICE NG225 warning signs), a medical-gas supply
failing with patients on oxygen (HTM 02-01), and a regulator failed with the gauge at full scale (pressure).
They go through the same negation, history, question and drill checks as every other rule.
"""

from __future__ import annotations

from safety.triage.rules import Rule

_BREATH = r"(breath\w*|air|oxygen)\b(?! back)"
# out of breath after running or climbing is exertion, not illness: "hands on my knees after the 10k"
_EXERTION = (
    r"(?![^?]{0,80}\b(after|from) (the |a |my |his |her )?(run|running|jog|race|sprint|\d+k|match|game|workout|gym|"
    r"climb|stairs|training|session|football|hike)\b)"
)
_TRIPOD = (
    r"\b(sit\w*|sat|lean\w*|hunch\w*|bent|bend\w*|prop\w*) (right )?(forward|over)\b[^.;?]{0,60}\b(hands|arms|elbows) "
    r"(on|against) (my|his|her|their|the) (knees|thighs|table|chair)"
)
_ONE_LIMB = (
    r"\b(left|right|one) (hand|arm|leg|side)( of (my|his|her) body)?\b[^.;?]{0,20}\b(won'?t|will not|doesn'?t want to|"
    r"can'?t|isn'?t|is not|has gone|went|gone|just) ?(do what (i|he|she) (tell|tells|told|want)|move|grip|obey|"
    r"listen|work\w*|lift|dead|weak|limp|floppy|useless|heavy)"
)
_FACE = (
    r"\b(dribbl\w*|drool\w*|spill\w*|leak\w*|runn\w*)\b[^.;?]{0,30}\b(down|out of|from) (the (side|corner) of )?"
    r"(my|his|her|the) (chin|mouth|lips?)|\b(mouth|face|smile|lip)\b[^.;?]{0,15}\b(lopsided|crooked|wonky|slack|"
    r"droop\w*|dropp\w*|sagg\w*|pulled to one side)|\b(words|speech)\b[^.;?]{0,15}\b(slurr\w*|jumbled|won'?t come out)"
)
_SPREAD = (
    r"\b(red\w*|streak\w*|line|swelling|infection)\b[^?]{0,60}\b(spread\w*|track\w*|creep\w*|mov\w* up|climb\w*)\b"
)
_SYSTEMIC = (
    r"\b(shak\w*|shiver\w*|rigou?rs|teeth (are )?chatter\w*|spaced out|confus\w*|muddled|out of it|delirious|"
    r"not making sense|can'?t think straight|mottled|blotchy)\b"
)
_TESTIS = r"\b(testicle|testis|testes|bollock|scrotum|ball)s?\b"
_SEVERE = r"\b(sudden\w*|severe\w*|agonis\w*|agoniz\w*|excruciating|terrible|awful|intense|unbearable|worst)\b"
_FONTANELLE = r"\bsunken (soft spot|fontanel\w*|eyes)\b"
_ILL_BABY = r"\b(letharg\w*|floppy|listless|drowsy|hard to wake|not (feeding|drinking|weeing)|diarrh\w*|vomit\w*)\b"
_WEAPON = r"\b(knife|knives|gun|machete|blade|firearm|weapon)\b"
_WIELD = r"\b(wav\w*|swing\w*|brandish\w*|pointing|lung\w*|slash\w*|jabb\w*|threaten\w*)\b"
# a knife shown in a cookery class or used on food is no threat
_COOKING = (
    r"(?![^.;?]{0,40}\b((while|to) (explain|show|demonstrat|teach)\w*|chop\w*|slic\w*|dic(e|ing)|carv\w*|fillet\w*))"
)
_PANIC = r"\b(every(one|body)|people|staff|they)('?s| is| are)? (running|fleeing|hiding|screaming|scattering)\b"
_VICTIM = (
    r"(him|her|them|you|us|me|someone|somebody|everyone|every(one|body) here|people|(my|his|her|their|our|your|the) "
    r"(wife|husband|partner|girlfriend|boyfriend|ex|mum|mom|mother|dad|father|son|daughter|baby|kids?|children|"
    r"brother|sister|family|neighbou?r|boss|manager|colleague|teacher|nurse|doctor))"
)
# a third party at risk ("going to kill his wife"); "my mum's gonna kill me" is a figure of speech
_THIRD = (
    r"(him|her|them|someone|somebody|everyone|people|(his|her|their) (wife|husband|partner|girlfriend|boyfriend|ex|"
    r"mum|mom|mother|dad|father|son|daughter|baby|kids?|children|family|neighbou?r|boss|manager|colleague))\b"
)
# "... when she sees my grades", "... if I'm late again": the everyday hyperbole
_TEASE = r"(?![^.;?]{0,25}\b(when|once|if) (s?he|they|i|i'?m) (sees?|finds? out|hears?|gets? home|late|forget\w*)\b)"
_AFFAIRS = (
    r"\b(cancel+ed|returned|paid off|cleared|gave away|given away|giving away|rehomed|wrote (my|a) (will|letters?)|"
    r"written (my|a) (will|letters?)|deleted|closed (my|the)|sorted (out )?(my|the)|settled (my|the)|"
    r"(gave|given|giving) (the|my|our) (dog|cat|pets?|budgie|rabbit|horse) (away|to)|"
    r"(sort\w*|decid\w*|work\w*) out who (gets|will get|can have|takes) my|(wrote|written|writing) (goodbye )?letters to)\b"
)
_FAREWELL = (
    r"\b((tidy|clean|neat|quiet|peaceful|proper) (ending|end|exit|finish)|"
    r"this is (my )?goodbye|(my )?last (message|chat)|won'?t (need|be needing) (it|them|this|any of it)|"
    r"(all|everything)('?s| is) (in order|sorted|taken care of|tied up) now|loose ends|"
    # Samaritans: a sudden calm after despair, and a will wanted in a hurry
    r"calm(er)? for the first time in (weeks|months|years|ages|a long time)|(make|write|do) a will\b[^.?]{0,40}"
    r"\b(quickly|quick|today|tonight|fast|asap|this week)|"
    # "won't need any more reminders after this weekend": a service cancelled from a date on
    r"won'?t (need|be needing|want) (any ?more|my|the|these|those) [a-z ]{0,20}(after|from|past|beyond) (this|next|"
    r"tonight|tomorrow|today|the weekend|friday|saturday|sunday|monday|tuesday|wednesday|thursday))\b"
)
_HIGH_RISK = (
    r"\b(left (a )?(note|letter)|roof|stairwell|bridge|1:1|one to one|constant obs|level \d obs|high[- ]risk|"
    r"sectioned|detained|suicid\w*|ligature)\b"
)

DESCRIBED_RULES: tuple[Rule, ...] = (
    Rule(
        "breathing",
        (
            rf"{_TRIPOD}{_EXERTION}[^?]{{0,80}}\b(get|catch|grab|suck|pull|drag) ?(\w+ )?{_BREATH}",
            rf"\b(get|catch|grab|suck|pull|drag) ?(\w+ )?{_BREATH}[^?]{{0,80}}{_TRIPOD}{_EXERTION}",
            r"\bevery (single )?(word|sentence) (takes|needs|costs) (a|another) breath\w*",
            r"\b(a )?breath\w* (between|after|for) (every|each) (word|couple of words|few words)\b",
            r"\b(can'?t|cannot|couldn'?t|unable to) (finish|complete|get (out|through)) (a |my |his |her |the )?"
            r"(full )?(sentences?|words?)\b[^.;?]{0,30}\b(breath\w*|air)\b",
        ),
    ),
    Rule("stroke", (rf"{_ONE_LIMB}[^?]{{0,80}}(?:{_FACE})", rf"(?:{_FACE})[^?]{{0,80}}{_ONE_LIMB}")),
    Rule(
        "sepsis",
        (
            rf"\b(cut|wound|bite|graze|scratch|incision|stitches|blister|ulcer)\b[^?]{{0,60}}{_SPREAD}[^?]{{0,120}}"
            rf"{_SYSTEMIC}",
            rf"{_SYSTEMIC}[^?]{{0,120}}\b(cut|wound|bite|graze|scratch|incision|stitches)\b[^?]{{0,60}}{_SPREAD}",
        ),
    ),
    Rule(
        "paediatric",
        (
            rf"{_SEVERE}[^.;?]{{0,30}}\bpain\b[^.;?]{{0,20}}{_TESTIS}",
            rf"{_TESTIS}[^.;?]{{0,30}}\b(swollen|swelling|agony|twist\w*|torsion)\b|{_TESTIS}[^.;?]{{0,40}}{_SEVERE}",
            rf"{_FONTANELLE}[^?]{{0,60}}{_ILL_BABY}|{_ILL_BABY}[^?]{{0,60}}{_FONTANELLE}",
        ),
    ),
    Rule(
        "harm_others",
        (
            rf"(?:{_WEAPON}[^.;?]{{0,30}}{_WIELD}[^.;?]{{0,20}}\b(it|them|around|about|at)\b|{_WIELD} (a |an |the |his |"
            rf"her )?{_WEAPON})" + _COOKING,
            rf"{_WEAPON}[^.;?]{{0,60}}{_PANIC}",
            rf"\b(says?|said|keeps saying|saying|told (me|us|her|him)|swears?|swore|threaten\w*) (that )?(he|she|they)"
            rf"('?s| is| are|'?re|'?ll| will| was| were)? (going to|gonna|about to|want(s)? to|will) (kill|stab|shoot|"
            rf"strangle|hurt|murder|beat) {_VICTIM}" + _TEASE,
            rf"\b(going|want|wants|gonna|about) to (kill|stab|shoot|strangle|murder) {_THIRD}" + _TEASE,
        ),
    ),
    Rule(
        "suicide",
        (
            rf"{_AFFAIRS}[^?]{{0,80}}{_AFFAIRS}[^?]{{0,160}}{_FAREWELL}",
            rf"\b(pt|patient|resident|service user|client|young person)\b[^.;?]{{0,40}}\b(missing|absconded|awol|gone|"
            rf"not on the ward|can'?t be found|unaccounted)\b[^?]{{0,80}}{_HIGH_RISK}",
            # Asking where the highest drop is, then gone (Samaritans / NICE NG225: researching a method and place)
            r"\b(asked|asking|wanted to know)\b[^.?]{0,40}\b(tallest|highest) (car park|multi-?storey|building|bridge|"
            r"point|block)\b[^?]{0,120}\b(hasn'?t|has not|not|never|didn'?t|did not) (come|came|been) back\b",
        ),
    ),
    Rule(
        "bleeding",
        # NHS heavy-bleeding red flag: soaking a pad or more an hour (and faster) is haemorrhage, not a heavy period
        (
            r"\bsoak\w* (right )?(through )?(a |one |my |her )?(maxi ?|sanitary |night |super )?(pad|tampon|towel)s?"
            r"( and (a |one )?(super )?(pad|tampon))?( or more)? (every|each|in (under|less than)) (an? |one |half an? )?"
            r"(hour|\d+ ?(to|-) ?\d+ ?min\w*|\d+ ?min\w*|few min\w*|\w+ min\w*)",
        ),
    ),
    Rule(
        "gas_leak",
        (
            r"\b(o2|oxygen|medical gas|piped gas|vie)\b[^.;?]{0,20}\b(pipeline|supply|manifold|line|plant)\b[^.;?]{0,30}"
            r"\b(alarm\w*|low|fail\w*|lost|loss|drop\w*|down|cut)\b[^?]{0,60}\b(pts|patients|on (o2|oxygen|vents?|"
            r"ventilators?|cpap|niv|hfno))\b",
        ),
    ),
    Rule(
        "pressure",
        (
            r"\b(regulator|reducer|relief valve|prv)\b[^.;?]{0,30}\b(failed|failing|stuck|jammed|let go|gone)\b"
            r"[^?]{0,60}\b(gauge|pressure|hose|line)\b[^.;?]{0,30}\b(full[- ]scale|off (the )?scale|maxed|pegged|"
            r"bulg\w*|about to (burst|blow|go)|swelling)",
        ),
    ),
    # Found on writer 14's test half after its scoring (disclosed, not counted): what Samaritans list as warning
    # signs (being a burden from a set time, choosing when no one will find them), chest pain unrelieved by GTN with a
    # raised troponin (NICE CG95), a lock pulled off while someone is in the machine (HSE HSG253), a relief valve
    # that stopped lifting, drowsiness with cold peripheries (NICE NG51), an itchy mouth after an allergen with
    # vomiting and faintness (Resus Council UK), hydrofluoric acid on skin (NPIS: delayed deep pain), organophosphate
    # signs (NPIS: sweating, frothing, pinpoint pupils, twitching).
    Rule(
        "suicide",
        (
            r"\b(won'?t|wont|will not|shan'?t) be (a )?(problem|burden|bother|nuisance|trouble) (for|to) (anyone|anybody|"
            r"you|them|everyone|my \w+)\b[^.?]{0,12}\b(after|by|from|past) (tonight|today|tomorrow|this weekend|sunday|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|next week)\b|\b(won'?t|wont) be (a )?(problem|burden) "
            r"(for|to) (anyone|anybody) (much longer|for long|anymore|any more)",
            r"\b(no ?one|nobody|no-one) (would|will|'?d|'?ll|could|can) (be around to |ever )?find me\b",
        ),
    ),
    Rule(
        "chest_pain",
        (
            r"\b(cp|chest pain)\b[^.;?]{0,20}\b\d{1,2}/10\b[^.;?]{0,30}\b(despite|after|post|even with) (gtn|nitro\w*|"
            r"morphine)",
        ),
    ),
    Rule(
        "lockout",
        (
            r"\b(pulled|took|cut|removed|ripped|yanked)( \w+)? (the |his |her |their |my |a )?(lock|padlock|loto|tag)s? "
            r"off\b[^?]{0,80}\b(arm|hand|leg|fingers?|someone|he|she|head)('?s| is)? (still )?(in|inside|under|caught)\b",
        ),
    ),
    Rule("pressure", (r"\b(relief|safety) valve\b[^.;?]{0,30}\b(stopped|stuck|not lifting|won'?t lift|jammed)\b",)),
    Rule(
        "sepsis",
        (
            r"\b(drowsier|drowsy|more confused|confused|not rousable|hard to rouse)\b[^?]{0,80}\b(cold|mottled) "
            r"(peripheries|hands|feet|skin|legs)\b",
        ),
    ),
    Rule(
        "anaphylaxis",
        (
            r"\b((itchy|tingling|tingly|swollen|swelling) (mouth|lips|tongue|throat)|(mouth|lips|tongue|throat) (is |are |"
            r"feels? )?(itchy|tingling|tingly|swollen))\b[^?]{0,100}\b(pass(ing)? out|faint\w*|collaps\w*|wheez\w*|"
            r"can'?t breathe)",
        ),
    ),
    Rule(
        "chemical",
        (
            r"\b(hf|hydrofluoric( acid)?)\b[^.?]{0,40}\b(on|onto|in) (my |his |her |the )?(skin|fingers?|hands?|arms?|"
            r"face|eyes?)\b",
        ),
    ),
    Rule(
        "overdose",
        (
            r"\b(pesticide|insecticide|organophosphate|weedkiller|paraquat|keetnashak)\b[^?]{0,80}\b(jhaag|foam\w*|"
            r"froth\w*|pupils? (chhote|small|pinpoint|tiny)|twitch\w*)",
        ),
    ),
    # Found on writer 15 after its scoring (disclosed, not counted): diabetic ketoacidosis told by its numbers (JBDS:
    # ketones 3 mmol/L or more with a pH under 7.3), smoke from wiring or a panel in Hinglish.
    Rule(
        "glucose",
        (
            r"\bketones?\b[^.;?]{0,12}\b([3-9](\.\d+)?|[1-9]\d)\b[^?]{0,60}\bph\b[^.;?\d]{0,5}7\.[0-2]\d?\b|"
            r"\bph\b[^.;?\d]{0,5}7\.[0-2]\d?\b[^?]{0,60}\bketones?\b[^.;?]{0,12}\b([3-9](\.\d+)?|[1-9]\d)\b",
        ),
    ),
    Rule(
        "smoke_fire",
        (
            r"\b(panel|insulation|wire|wiring|motor|socket|switchboard|db board)\b[^?]{0,40}\b(dhuaan|dhuan|dhua|dhuaa)\b|"
            r"\b(dhuaan|dhuan|dhua|dhuaa)\b[^?]{0,40}\b(panel|insulation|wire|wiring|motor|socket|switchboard)\b",
        ),
    ),
)
