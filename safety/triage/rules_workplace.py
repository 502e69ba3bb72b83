"""Workplace stop-work rules: phrases and concept pairs per hazard (the rule detector's tables)."""

from __future__ import annotations

from safety.triage.rules import Rule

WORKPLACE_RULES: tuple[Rule, ...] = (
    Rule(
        "gas_leak",
        (
            r"gas leak",
            r"\bco (alarm|detector)\b|carbon monoxide",
            r"(o2|oxygen)[^.;]{0,30}(hiss\w*|leak\w*)|(hiss\w*|leak\w*)[^.;]{0,30}(o2|oxygen)",
            r"smell(s)? (of )?gas",
            r"(refrigerant|ammonia|oxygen|nitrous|o2|co2|propane|hydrogen) (leak|leaking)",
            r"leak(ing)? (refrigerant|gas|ammonia|oxygen)",
            r"hissing\b[^.;]{0,30}\b(line|valve|cylinder|pipe|hose|regulator)",
            r"gas (odou?r|smell)",
            r"(odou?r|whiff) of gas",
            r"(stinks?|stinking|reeks?|reeking|stench) (of )?gas\b",
            r"rotten[- ]egg (smell|odou?r)",
            r"(nitrogen|argon|helium|co2|oxygen|gas|refrigerant|ammonia|propane|hydrogen|chlorine)( line| cylinder| pipe| supply| bottle)? (is |was )?leak\w*",
            r"(oxygen depletion|gas) alarm",
        ),
        pairs=(),
    ),
    Rule(
        "smoke_fire",
        (
            r"(?<!stop )(?<!quit )(?<!sometimes )(?<!still )(?<!often )(?<!usually )(?<!who )smok(e|ing)(?! cessation| detector test)(?!r)",
            r"burning smell",
            r"smell(s|ing)? (like |of )?(burning|burnt)",
            r"burnt smell",
            r"on fire",
            r"caught fire|catching fire|(fire|flames) (is |are )?spreading|\bablaze\b|there'?s a fire|a fire in (the|our|my)",
            # a hob, boiler or candle flame is a thing being asked about, not a fire
            r"flames?(?! (on|of|from|in) (my |the |a |our )?(gas )?(hob|cooker|stove|burner|boiler|pilot|candle|lighter"
            r"|heater|fire ?place))",
            r"scorch\w*",
            r"melted (insulation|wire|plastic)",
        ),
    ),
    Rule(
        "unconscious",
        # HSE machinery guarding: a person trapped by a machine is a casualty whatever else is said
        (
            r"\b(pinned|trapped|crushed|caught) (under|by|between|in) (the |a )?(\w+ )?(press|machine|ram|rollers?|"
            r"conveyor|forklift|vehicle|load|beam|rubble|guillotine|mixer)\b|\bpinned at the (shoulder|chest|waist|arm|leg|hip|neck)",
        ),
    ),
    Rule(
        "electrical",
        (
            r"arc(ing|ed)?\b",
            r"spark(s|ing)",
            r"(got|received|felt) (a |an )?(electric(al)? )?shock",
            r"electrocut\w*",
            # an electrical injury told by its signs: "high voltage injury", "entry wound R palm, exit L heel"
            r"high[- ]voltage (injury|burn|shock|contact)|entry (wound|burn)[^.;]{0,40}\bexit\b",
            r"live (wire|conductor|terminal)s?",
            r"exposed (wire|wiring|conductor)s?",
            r"tingl\w* (when|from) touching",
            r"zapped",
            r"(got|received) a (jolt|belt)",
            r"\bshocked\b",
            r"(casing|chassis|frame|enclosure|panel|door|metal) (is |was |feels )?live",
            r"tingl\w*",
        ),
        pairs=(),
    ),
    Rule(
        "pressure",
        (
            r"(hydraulic|pneumatic) (line |hose |system )?(failure|burst|leak|failed)",
            r"burst (hose|pipe|line)",
            r"pressure vessel",
            r"relief valve (keeps |is |started )?(lifting|blowing|venting)",
            r"(cylinder|tank|vessel|receiver) (is )?(bulging|cracked|ruptur\w*)",
            r"over-?pressur\w*",
            r"(past|over|above|into|beyond) the red( line| zone| mark)?",
            r"\b(relief|safety|prv|psv|sv)( valve)?[^.;]{0,40}(not|isn'?t|hasn'?t|didn'?t|won'?t|failed to) (lift\w*|open\w*"
            r"|reliev\w*|pop\w*)",
            r"(pressure|gauge)[^.;]{0,40}(climbing|rising|still going up|keeps going up|pegged|maxed)",
            r"\b(pres+ure|gauge)[^.;,]{0,20}\b(over|above|past) (the )?(limit|max\w*|rating|mawp)\b[^.;]{0,40}"
            r"(wo?n'?t|not|can'?t|cannot|isn'?t|doesn'?t) (vent|relieve|release|lift)",
        ),
        pairs=(
            (
                r"\b(ram|cylinder|hose|line|fitting|coupling|pipe)\b",
                r"let go|blew|burst|whipp\w*|ruptur\w*|failed under pressure",
            ),
        ),
    ),
    Rule(
        "lockout",
        (
            # an isolation reported as applied is the control itself (HSE HSG253 safe isolation), not a failure of it
            r"lock-?out(?!(/?\s*tag-?out)?\s+(applied|in place|fitted|verified|confirmed|completed?)\b)",
            r"tag-?out(?!\s+(applied|in place|fitted|verified|confirmed|completed?)\b)",
            r"\bloto\b(?!\s+(applied|in place|fitted|verified|confirmed|completed?)\b)",
            r"(open|opening|remove|removing) (the )?(panel|guard|cover) (while|when) (it'?s )?(running|live|energi[sz]ed)",
            r"work(ing)? on (it|the \w+) (while|when) (it'?s )?(live|energi[sz]ed|running)",
            r"bypass(ing)? (the )?(interlock|guard|safety)",
            r"reach(ing)? (into|inside) [\w ]{0,30}(while|when|as) (it'?s |it is )?(still )?(running|spinning|moving|live|on)",
        ),
    ),
    Rule(
        "confined_space",
        (
            r"confined space",
            r"(inside|into|in|entering|enter|down) (the |a )?(tank|vessel|pit|sump|manhole|silo|sewer|vault|duct|boiler drum|hopper)[^.;]{0,60}(no (permit|gas test|standby|attendant)|without (a )?(permit|gas test|standby|harness)|collapsed|passed out|dizzy|not responding|fumes|can'?t get out)",
            r"(collapsed|passed out|unconscious|not responding)[^.;]{0,40}(in|inside) (the |a )?(tank|vessel|pit|sump|manhole|silo|sewer|vault)",
            r"\bh2s\b(?!\s*(?:[:=]|is|at|of|reading)?\s*0(?:\.0+)?(?:\s*ppm)?\b)|hydrogen sulfide|hydrogen sulphide|low oxygen (reading|level)|o2 (reading )?(at |is )?(1[0-8](\.\d)?|19(\.[0-4])?)\s*%",
        ),
        pairs=(),
    ),
    Rule(
        "chemical",
        (
            r"(chemical|acid|caustic|alkali|bleach|solvent|glutaraldehyde|formaldehyde|formalin|ethylene oxide|chlorine|ammonia|mercury|cidex)[^.;]{0,40}(splash\w*|spill\w*|in (my|his|her) eyes?|on (my|his|her) skin|burn\w*|fumes|exposure|exposed|inhaled|breathed)",
            r"(splash\w*|spill\w*|sprayed)[^.;]{0,30}(in|into) (my|his|her|their) (eye|eyes|face)",
            r"(mixed|mixing) (bleach|chlorine)[^.;]{0,30}(acid|ammonia|cleaner)",
            r"(eyes?|throat|skin) (burning|stinging)[^.;]{0,40}(fumes|chemical|vapou?r|spill)",
        ),
        pairs=(),
    ),
)
