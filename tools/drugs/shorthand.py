"""Clipped ward names and abbreviations that everyday or clinical phrases share: the neighbouring words decide."""

from __future__ import annotations

import re

# The word after that makes a clipping something else: "hep B" is hepatitis (CDC viral hepatitis abbreviations),
# "ROC curve" a statistic, "tac score" a scoring tool; the clippings are in aliases.csv.
CLIPPED_NOT_BEFORE: dict[str, frozenset[str]] = {
    "hep": frozenset("a b c d e panel serology screen virus vaccine vaccination".split()),
    "roc": frozenset("curve curves auc analysis".split()),
    "tac": frozenset("score regimen chemo chemotherapy".split()),
    "metro": frozenset("station line area".split()),
}
# Abbreviations read only when typed in capitals ("ASS 100", German aspirin; "EMB" of TB regimens), never as
# the English word or another field's abbreviation.
CAPITALS_ONLY = frozenset({"ass", "emb", "epo", "ns", "des", "dim", "msm", "hmb", "bcaa", "bcaas"})
# Names read only as typed in this case: "SAMe" (NCCIH S-adenosyl-L-methionine) is never the word "same".
EXACT_CASE = {"same": "SAMe"}


def shorthand_fits(name: str, typed: str, following: str) -> bool:
    """Whether a clipped name or abbreviation stands for its medicine here."""
    if name in CAPITALS_ONLY and not typed.isupper():
        return False
    if name in EXACT_CASE and typed != EXACT_CASE[name]:
        return False
    return following not in CLIPPED_NOT_BEFORE.get(name, frozenset())


_PRESSOR = r"vaso|pressors?|titrat\w*|map|norepi|levophed|phenylephrine|shock|mcg/min|inotropes?"
_ANTIBIOTIC = r"abx|antibiotics?|sepsis|septic|neonat\w*|meningitis|pneumonia|cap|uti|pyelo\w*|azithro\w*|doxy|vanc\w*"
_FLUIDS = r"bolus|fluids?|saline|lr|kvo|maintenance|ml|mls|cc|infusion|drip|ns|d5|d10|d5w|hypoglyc\w*"
_SEDATION = r"sedat\w*|rass|intubat\w*|vent|ventilated|precedex|fent|midaz|propofol|mcg/kg/hr"
# A clipping two or three medicines share is read only where the same text says which ward it comes from; with no
# cue, or cues for two, it stays unread. "levo" is Levophed among pressors (Levophed FDA label; ICU shorthand),
# levofloxacin among antibiotics, levothyroxine beside thyroid words; "dex" dexmedetomidine in sedation,
# dexamethasone beside steroid uses; "prop" propofol and "neo"/"phenyl" phenylephrine (Neo-Synephrine) likewise.
CONTEXT_CLIPPINGS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "levo": (
        ("norepinephrine", re.compile(rf"\b(?:{_PRESSOR}|gtt|drip)\b")),
        ("levofloxacin", re.compile(r"\b(?:pneumonia|cap|uti|cipro|antibiotics?|abx|tendon\w*|750)\b")),
        ("levothyroxine", re.compile(r"\b(?:tsh|thyroid\w*|hypothyroid\w*|t4|thyroxine)\b")),
    ),
    "dex": (
        ("dexmedetomidine", re.compile(rf"\b(?:{_SEDATION}|delirium)\b")),
        (
            "dexamethasone",
            re.compile(
                r"\b(?:croup|steroids?|ponv|oedema|edema|covid|antiemetic|chemo|meningitis|taxol|paclitaxel|premed\w*)\b"
            ),
        ),
    ),
    "prop": (("propofol", re.compile(rf"\b(?:{_SEDATION}|gtt|drip|infusion)\b")),),
    "neo": (("phenylephrine", re.compile(rf"\b(?:{_PRESSOR}|gtt|drip|push)\b")),),
    "phenyl": (("phenylephrine", re.compile(rf"\b(?:{_PRESSOR}|gtt|drip|push)\b")),),
    # Neonatal and ward antibiotic pairs: "amp and gent" (ampicillin and gentamicin, BNF for Children; WHO
    # Pocket Book of Hospital Care for Children); "CTX" ceftriaxone among antibiotics, cyclophosphamide in chemo.
    # "amp" is an ampoule too ("an amp of adrenaline in sepsis"): only beside gentamicin or neonatal antibiotic words.
    "amp": (("ampicillin", re.compile(r"\b(?:gent|gentamicin|cefotaxime|neonat\w*|listeria|abx|antibiotics?)\b")),),
    "gent": (("gentamicin", re.compile(rf"\b(?:amp|ampicillin|trough|{_ANTIBIOTIC})\b")),),
    "ctx": (
        ("ceftriaxone", re.compile(rf"\b(?:{_ANTIBIOTIC}|gonorrh\w*)\b")),
        ("cyclophosphamide", re.compile(r"\b(?:chemo\w*|lupus|vasculitis|mesna|cycles?|nephritis)\b")),
    ),
    # "dig" (digoxin: Lanoxin label; ward shorthand) only beside a level, toxicity or rate-control word.
    "dig": (("digoxin", re.compile(r"\b(?:level|levels|toxicity|toxic|amio|afib|af|lanoxin|digibind|bradycardia)\b")),),
    # IV fluids (ISMP: NS normal saline, D5 dextrose 5%) beside fluid words; "NS" in capitals only.
    "ns": (("sodium chloride", re.compile(rf"\b(?:{_FLUIDS}|iv|at)\b")),),
    "d5": (("dextrose", re.compile(rf"\b(?:{_FLUIDS}|iv)\b")),),
    # "pred" (prednisone) beside a steroid course; "mag" (magnesium sulfate, BTS/SIGN) beside IV replacement.
    "pred": (("prednisone", re.compile(r"\b(?:taper|tapering|burst|steroids?|solumedrol|solu|methylpred|medrol)\b")),),
    "mag": (
        ("magnesium sulfate", re.compile(r"\b(?:iv|rider|replacement|replace|replete|repletion|eclampsia|torsades)\b")),
    ),
    # "DES" (diethylstilbestrol: CDC DES Update; NCI) in capitals beside pregnancy words, never a drug-eluting stent.
    "des": (("diethylstilbestrol", re.compile(r"\b(?:pregnan\w*|daughters?|in utero|miscarriage\w*|mother|mom)\b")),),
}


def clipping_in_context(word: str, text: str, typed: str = "") -> str | None:
    """The medicine a context-decided clipping names in this text, if exactly one reading has a cue there."""
    readings = CONTEXT_CLIPPINGS.get(word)
    if readings is None or (word in CAPITALS_ONLY and not typed.isupper()):
        return None
    lowered = re.sub(rf"\b{re.escape(word)}\b", " ", text.lower())  # a clipping is no cue for itself ("NS")
    cued = [name for name, cue in readings if cue.search(lowered)]
    return cued[0] if len(cued) == 1 else None
