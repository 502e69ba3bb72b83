"""Deterministic red-flag triage: emergencies in patient/nurse chats, stop-work hazards for technicians."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEGATION = re.compile(
    r"\b(no|not|never|without|denies|denied|deny|negative for|free of|isn'?t|wasn'?t|don'?t|doesn'?t|didn'?t|"
    r"haven'?t|hasn'?t|no longer|ruled out)\b[^.;!?]*$",
    re.IGNORECASE,
)
# A negation only covers the clause it sits in; "but", "however" and sentence ends close it.
_CLAUSE_BREAK = re.compile(r"\b(but|however|although|though|yet|except|now)\b|[.;!?]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RedFlag:
    """One emergency category with the words that signal it and what to do first."""

    key: str
    label: str
    patterns: tuple[str, ...]
    guidance: str
    # Concept pairs: a body part or thing and what is wrong with it, in the same sentence, in any order and wording.
    pairs: tuple[tuple[str, str], ...] = ()


CLINICAL: tuple[RedFlag, ...] = (
    RedFlag(
        "chest_pain",
        "Chest pain or pressure",
        (
            r"chest (pain|pressure|tightness|discomfort|hurts?|is hurting|feels? tight|feels? heavy)",
            r"(pain|pressure|tightness|heaviness|squeezing) (in|on|across) (my|the|his|her) chest",
            r"crushing (pain|chest)",
            r"heart attack",
            r"ch[ea]st pian",
            r"pain (spreading|radiating) (to|down) (my|the|his|her) (left )?arm",
        ),
        "Call emergency services (911/112/999) now. Do not drive yourself. If not allergic, chew 300 mg aspirin only if a clinician or dispatcher advises it.",
        pairs=(
            (
                r"\b(chest|breastbone|sternum)\b",
                r"pain|pressure|tight|heavy|heaviness|squeez|crush|sitting on|weight on|ache|aching|burning|hurts?\b|discomfort|elephant",
            ),
        ),
    ),
    RedFlag(
        "stroke",
        "Stroke signs",
        (
            r"face (is )?(drooping|droop)",
            r"drooping face",
            r"slurred speech",
            r"(speech|talking) (is )?slurred",
            r"can'?t (speak|talk|move (my|his|her) (arm|leg|side))",
            r"sudden(ly)? (weakness|numbness|confusion|blindness|vision loss)",
            r"(one|left|right) side (of (my|his|her) (body|face) )?(is )?(numb|weak|paralysed|paralyzed)",
            r"stroke(?! volume| patients?| unit| ward| risk| prevention| nurse| team)",
            r"worst headache (of|in) (my|his|her) life",
            r"thunderclap headache",
        ),
        "Call emergency services now: note the time symptoms started. Think FAST: Face, Arms, Speech, Time.",
        pairs=(
            (r"\b(face|mouth|smile|speech|words|talking)\b", r"droop|slurr|lopsided|garbled|twisted|jumbled"),
            (
                r"\b(arm|leg|hand)\b",
                r"can'?t (lift|raise|move)|won'?t (lift|move)|suddenly (weak|numb|heavy)|(gone|went) (weak|numb|dead|limp)|\blimp\b",
            ),
        ),
    ),
    RedFlag(
        "anaphylaxis",
        "Severe allergic reaction",
        (
            r"anaphyla\w*",
            r"(throat|tongue|lips?|face) (is |are )?(swelling|swollen|closing)",
            r"swollen (throat|tongue|lips?)",
            r"throat (is )?closing",
            r"epi-?pen",
            r"hives? (and|with) (trouble|difficulty) breathing",
        ),
        "Use an adrenaline (epinephrine) auto-injector if one is prescribed, then call emergency services now.",
        pairs=((r"\b(tongue|throat|lips?|mouth|face|eyes)\b", r"swell|swollen|bigger|puff|closing|tight"),),
    ),
    RedFlag(
        "bleeding",
        "Severe bleeding",
        (
            r"(severe|heavy|uncontrolled|won'?t stop|non-?stop|profuse|massive) bleed\w*",
            r"bleed\w* (heavily|a lot|badly|profusely|won'?t stop|that won'?t stop|everywhere)",
            r"(vomiting|coughing (up)?|throwing up) blood",
            r"blood in (my|his|her) vomit",
            r"spurting blood|blood (is )?spurting",
            r"black,? tarry stools?",
            r"bleeding (will not|won'?t|doesn'?t|does not) stop",
        ),
        "Press firmly on the wound and call emergency services now. For vomiting blood or black stools, seek emergency care.",
        pairs=(
            (
                r"\b(bleed\w*|blood)\b",
                r"soak\w*|through (the |my |three |two |several )?(dressings?|bandages?|pads?|towels?)|pouring|gushing|won'?t stop|can'?t stop|everywhere|pints?|pool of",
            ),
        ),
    ),
    RedFlag(
        "breathing",
        "Difficulty breathing",
        (
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
        "Call emergency services now. Sit upright; use a prescribed reliever inhaler if you have one.",
        pairs=(
            (
                r"\b(breath\w*|air)\b",
                r"can'?t|cannot|barely|hardly|struggl\w*|gasp\w*|labou?red|fighting for|\bfast\b|rapid",
            ),
        ),
    ),
    RedFlag(
        "suicide",
        "Thoughts of suicide or self-harm",
        (
            r"suicid\w*",
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
        ),
        "You are not alone. Call or text a crisis line now (988 in the US, 116 123 Samaritans in the UK) or emergency services if you are in danger.",
        pairs=(),
    ),
    RedFlag(
        "overdose",
        "Overdose or poisoning",
        (
            r"overdos\w*",
            r"took (too many|too much|a whole bottle|the whole bottle|all (my|the|of the))",
            r"poison\w*(?! ivy| oak)",
            r"swallowed (bleach|detergent|a battery|batteries|cleaner|antifreeze|pills)",
            r"swallowed (some|a lot|all|most|a handful) (of )?(my|the|his|her|their) (pills|tablets|medicine|medication)",
            r"swallowed (a |some )?(button |coin )?batter(y|ies)",
            r"drank (bleach|antifreeze|cleaner)",
            r"(double|triple|extra) (dose|doses) by mistake",
        ),
        "Call emergency services or a poison control centre now (US 1-800-222-1222). Keep the packaging to hand.",
        pairs=(
            (
                r"\b(ate|swallowed|took|taken|got into|drank|chewed)\b",
                r"(bunch|handful|lots|a lot|several|many|whole|entire|all) [\w' ]{0,30}(pills|tablets|capsules|medicine|medication|gummies)|bleach|detergent|laundry pods?|cleaner|chemicals?|weed killer|rat poison|dishwasher|washing[- ]up liquid|antifreeze|thinners?|lamp oil",
            ),
        ),
    ),
    RedFlag(
        "sepsis",
        "Possible sepsis",
        (
            r"sepsis(?! screening| bundle| protocol| policy| training)|septic(?! tank)",
            r"(high )?fever (and|with) (confusion|shaking|rigors|chills and confusion|very fast heart)",
            r"(mottled|blotchy|blue) skin",
            r"rash that (doesn'?t|does not) fade",
            r"(confused|drowsy) (and|with) (a )?(high )?fever",
        ),
        "Seek emergency care now and say you are worried about sepsis.",
        pairs=(
            (
                r"\b(fever|temperature|temp|febrile|burning up)\b",
                r"confus\w*|drowsy|not making sense|breathing (very )?fast|fast breathing|shivering|rigou?rs|mottled|floppy|very unwell",
            ),
        ),
    ),
    RedFlag(
        "unconscious",
        "Unresponsive or seizure",
        (
            r"unconscious",
            r"unresponsive",
            r"passed out",
            r"(won'?t|will not|can'?t) wake (up)?",
            r"seizur\w*",
            r"convuls\w*",
            r"fitting|had a fit\b",
            r"\bfloppy\b",
            r"collapsed",
            r"(isn'?t|is not|not|won'?t) (responding|respond|waking)",
            r"blacked out",
            r"unrousable",
        ),
        "Call emergency services now. Place the person on their side; do not put anything in their mouth.",
        pairs=(),
    ),
)

WORKPLACE: tuple[RedFlag, ...] = (
    RedFlag(
        "gas_leak",
        "Gas or refrigerant leak",
        (
            r"gas leak",
            r"smell(s)? (of )?gas",
            r"(refrigerant|ammonia|oxygen|nitrous|o2|co2|propane|hydrogen) (leak|leaking)",
            r"leak(ing)? (refrigerant|gas|ammonia|oxygen)",
            r"hissing\b[^.;]{0,30}\b(line|valve|cylinder|pipe|hose|regulator)",
            r"gas (odou?r|smell)",
            r"(odou?r|whiff) of gas",
            r"rotten[- ]egg (smell|odou?r)",
            r"(nitrogen|argon|helium|co2|oxygen|gas|refrigerant|ammonia|propane|hydrogen|chlorine)( line| cylinder| pipe| supply| bottle)? (is |was )?leak\w*",
            r"(oxygen depletion|gas) alarm",
        ),
        "STOP WORK. Do not operate switches or create sparks. Evacuate the area, ventilate if safe, and call the facility emergency line.",
        pairs=(),
    ),
    RedFlag(
        "smoke_fire",
        "Smoke, fire or burning smell",
        (
            r"smok(e|ing)",
            r"burning smell",
            r"smell(s|ing)? (like |of )?(burning|burnt)",
            r"burnt smell",
            r"on fire",
            r"flames?",
            r"scorch\w*",
            r"melted (insulation|wire|plastic)",
        ),
        "STOP WORK. Isolate power if it is safe to do so, evacuate if there is fire, and raise the alarm.",
    ),
    RedFlag(
        "electrical",
        "Electrical arcing or shock",
        (
            r"arc(ing|ed)?\b",
            r"spark(s|ing)",
            r"(got|received|felt) (a |an )?(electric(al)? )?shock",
            r"electrocut\w*",
            r"live (wire|conductor|terminal)s?",
            r"exposed (wire|wiring|conductor)s?",
            r"tingl\w* (when|from) touching",
            r"zapped",
            r"(got|received) a (jolt|belt)",
            r"\bshocked\b",
            r"(casing|chassis|frame|enclosure|panel|door|metal) (is |was |feels )?live",
            r"tingl\w*",
        ),
        "STOP WORK. Do not touch the equipment. Isolate the supply at the breaker, apply lockout/tagout, and check for injuries.",
        pairs=(),
    ),
    RedFlag(
        "pressure",
        "Pressure vessel or hydraulic failure",
        (
            r"(hydraulic|pneumatic) (line |hose |system )?(failure|burst|leak|failed)",
            r"burst (hose|pipe|line)",
            r"pressure vessel",
            r"relief valve (keeps |is |started )?(lifting|blowing|venting)",
            r"(cylinder|tank|vessel|receiver) (is )?(bulging|cracked|ruptur\w*)",
            r"over-?pressur\w*",
        ),
        "STOP WORK. Keep clear of the line of fire, depressurise through the approved procedure, and apply lockout/tagout.",
        pairs=(
            (
                r"\b(ram|cylinder|hose|line|fitting|coupling|pipe)\b",
                r"let go|blew|burst|whipp\w*|ruptur\w*|failed under pressure",
            ),
        ),
    ),
    RedFlag(
        "lockout",
        "Work that needs lockout/tagout",
        (
            r"lock-?out",
            r"tag-?out",
            r"\bloto\b",
            r"(open|opening|remove|removing) (the )?(panel|guard|cover) (while|when) (it'?s )?(running|live|energi[sz]ed)",
            r"work(ing)? on (it|the \w+) (while|when) (it'?s )?(live|energi[sz]ed|running)",
            r"bypass(ing)? (the )?(interlock|guard|safety)",
            r"reach(ing)? (into|inside) [\w ]{0,30}(while|when|as) (it'?s |it is )?(still )?(running|spinning|moving|live|on)",
        ),
        "Apply lockout/tagout before this work: isolate every energy source, lock and tag it, and verify zero energy.",
    ),
)


# A condition in the past ("a heart attack five years ago", "history of seizures") is history, not an emergency.
_HISTORY = re.compile(
    r"\b((\d+|a few|a couple of|several|many|two|three|four|five|six|ten) )?(years?|months?|decades?) ago\b|"
    r"\bhistory of\b|\bin (19|20)\d\d\b|\bas a (child|kid|teenager)\b",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> str:
    before = _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]
    after = _CLAUSE_BREAK.split(text[end : end + 80])[0]
    return before + text[start:end] + after


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start]
    # Only the clause the match sits in counts.
    parts = _CLAUSE_BREAK.split(window)
    clause = parts[-1] if parts else window
    return bool(_NEGATION.search(clause))


# A general question about a condition ("what is the difference between a heart attack and ...") is not an event.
_INFORMATIONAL = re.compile(r"^\s*(what|what'?s|how|why|which|define|explain|difference)\b", re.IGNORECASE)
_PERSONAL = re.compile(
    r"\b(i|i'?m|i'?ve|me|my|we|our|he|she|his|her|him|they|their|patient|pt|bed \d+|someone|somebody|child|son|"
    r"daughter|baby|mum|mom|dad|wife|husband|colleague)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.;!?\n]+")


def _counts(text: str, start: int, end: int, clinical: bool) -> bool:
    """Whether a match at start..end describes something happening now to someone."""
    if _negated(text, start) or _HISTORY.search(_clause(text, start, end)):
        return False
    if not clinical:  # a technician asking how to do lockout needs the guidance all the same
        return True
    sentence_start = max(text.rfind(ch, 0, start) for ch in ".;!?\n") + 1
    sentence = text[sentence_start : end + 80].split("?")[0]
    return not (_INFORMATIONAL.search(sentence) and not _PERSONAL.search(sentence))


def _pair_hit(text: str, first: str, second: str, clinical: bool) -> bool:
    for sentence in _SENTENCE.finditer(text):
        a = re.search(first, sentence.group(0))
        b = re.search(second, sentence.group(0))
        if a and b and (a.start(), a.end()) != (b.start(), b.end()):
            offset = sentence.start()
            # Both halves must stand: "pain in my knee, not in my chest" negates the chest.
            if all(_counts(text, offset + m.start(), offset + m.end(), clinical) for m in (a, b)):
                return True
    return False


def detect_red_flags(text: str, domain: str) -> list[RedFlag]:
    """Red flags present (not negated) in the text for the given domain ("clinical" or "workplace")."""
    clinical = domain == "clinical"
    catalogue = CLINICAL if clinical else WORKPLACE
    lowered = text[:20_000].lower()
    hits: list[RedFlag] = []
    for flag in catalogue:
        for pattern in flag.patterns:
            if any(_counts(lowered, m.start(), m.end(), clinical) for m in re.finditer(pattern, lowered)):
                hits.append(flag)
                break
        else:
            if any(_pair_hit(lowered, first, second, clinical) for first, second in flag.pairs):
                hits.append(flag)
    return hits
