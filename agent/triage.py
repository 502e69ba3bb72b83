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
            r"stroke",
            r"worst headache (of|in) (my|his|her) life",
            r"thunderclap headache",
        ),
        "Call emergency services now: note the time symptoms started. Think FAST: Face, Arms, Speech, Time.",
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
    ),
    RedFlag(
        "bleeding",
        "Severe bleeding",
        (
            r"(severe|heavy|uncontrolled|won'?t stop|non-?stop|profuse|massive) bleed\w*",
            r"bleed\w* (heavily|a lot|badly|profusely|won'?t stop|that won'?t stop|everywhere)",
            r"(vomiting|coughing (up)?|throwing up) blood",
            r"blood in (my|his|her) vomit",
            r"spurting blood",
            r"black,? tarry stools?",
            r"bleeding (will not|won'?t|doesn'?t|does not) stop",
        ),
        "Press firmly on the wound and call emergency services now. For vomiting blood or black stools, seek emergency care.",
    ),
    RedFlag(
        "breathing",
        "Difficulty breathing",
        (
            r"(can'?t|cannot|unable to|struggling to|hard to|trouble|difficulty|hard time) (breath|breathe|breathing|catch (my|his|her) breath)",
            r"short(ness)? of breath",
            r"gasping( for air)?",
            r"choking",
            r"(lips|face) (are |is |turning )?(blue|grey|gray)",
            r"not breathing",
            r"stopped breathing",
            r"difficult(y)? breath\w*",
            r"breathless at rest",
        ),
        "Call emergency services now. Sit upright; use a prescribed reliever inhaler if you have one.",
    ),
    RedFlag(
        "suicide",
        "Thoughts of suicide or self-harm",
        (
            r"suicid\w*",
            r"kill (myself|himself|herself)",
            r"end (my|his|her) life",
            r"(want|going) to die",
            r"self[- ]?harm",
            r"hurt(ing)? (myself|himself|herself)",
            r"cut(ting)? (myself|himself|herself)",
            r"no reason to live",
            r"better off dead",
            r"take all (my|of my) (pills|tablets|medicine)",
        ),
        "You are not alone. Call or text a crisis line now (988 in the US, 116 123 Samaritans in the UK) or emergency services if you are in danger.",
    ),
    RedFlag(
        "overdose",
        "Overdose or poisoning",
        (
            r"overdos\w*",
            r"took (too many|too much|a whole bottle|the whole bottle|all (my|the|of the))",
            r"poison\w*",
            r"swallowed (bleach|detergent|a battery|batteries|cleaner|antifreeze|pills)",
            r"drank (bleach|antifreeze|cleaner)",
            r"(double|triple|extra) (dose|doses) by mistake",
        ),
        "Call emergency services or a poison control centre now (US 1-800-222-1222). Keep the packaging to hand.",
    ),
    RedFlag(
        "sepsis",
        "Possible sepsis",
        (
            r"sepsis|septic",
            r"(high )?fever (and|with) (confusion|shaking|rigors|chills and confusion|very fast heart)",
            r"(mottled|blotchy|blue) skin",
            r"rash that (doesn'?t|does not) fade",
            r"(confused|drowsy) (and|with) (a )?(high )?fever",
        ),
        "Seek emergency care now and say you are worried about sepsis.",
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
            r"fitting",
        ),
        "Call emergency services now. Place the person on their side; do not put anything in their mouth.",
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
            r"hissing (sound|noise)? ?(from the )?(line|valve|cylinder)",
        ),
        "STOP WORK. Do not operate switches or create sparks. Evacuate the area, ventilate if safe, and call the facility emergency line.",
    ),
    RedFlag(
        "smoke_fire",
        "Smoke, fire or burning smell",
        (
            r"smok(e|ing)",
            r"burning smell",
            r"smell(s|ing)? (of )?burning",
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
        ),
        "STOP WORK. Do not touch the equipment. Isolate the supply at the breaker, apply lockout/tagout, and check for injuries.",
    ),
    RedFlag(
        "pressure",
        "Pressure vessel or hydraulic failure",
        (
            r"(hydraulic|pneumatic) (failure|burst|leak|hose (burst|failure))",
            r"burst (hose|pipe|line)",
            r"pressure vessel",
            r"relief valve (lifting|blowing|venting)",
            r"(cylinder|tank|vessel) (bulging|cracked|rupture\w*)",
            r"over-?pressur\w*",
        ),
        "STOP WORK. Keep clear of the line of fire, depressurise through the approved procedure, and apply lockout/tagout.",
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
        ),
        "Apply lockout/tagout before this work: isolate every energy source, lock and tag it, and verify zero energy.",
    ),
)


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start]
    # Only the clause the match sits in counts.
    parts = _CLAUSE_BREAK.split(window)
    clause = parts[-1] if parts else window
    return bool(_NEGATION.search(clause))


def detect_red_flags(text: str, domain: str) -> list[RedFlag]:
    """Red flags present (not negated) in the text for the given domain ("clinical" or "workplace")."""
    catalogue = CLINICAL if domain == "clinical" else WORKPLACE
    lowered = text[:20_000].lower()
    hits: list[RedFlag] = []
    for flag in catalogue:
        for pattern in flag.patterns:
            if any(not _negated(lowered, m.start()) for m in re.finditer(pattern, lowered)):
                hits.append(flag)
                break
    return hits
