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
CAPITALS_ONLY = frozenset({"ass", "emb", "epo"})


def shorthand_fits(name: str, typed: str, following: str) -> bool:
    """Whether a clipped name or abbreviation stands for its medicine here."""
    if name in CAPITALS_ONLY and not typed.isupper():
        return False
    return following not in CLIPPED_NOT_BEFORE.get(name, frozenset())


_PRESSOR = r"vaso|pressors?|titrat\w*|map|norepi|levophed|phenylephrine|shock|mcg/min|inotropes?"
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
        ("dexamethasone", re.compile(r"\b(?:croup|steroids?|ponv|oedema|edema|covid|antiemetic|chemo|meningitis)\b")),
    ),
    "prop": (("propofol", re.compile(rf"\b(?:{_SEDATION}|gtt|drip|infusion)\b")),),
    "neo": (("phenylephrine", re.compile(rf"\b(?:{_PRESSOR}|gtt|drip|push)\b")),),
    "phenyl": (("phenylephrine", re.compile(rf"\b(?:{_PRESSOR}|gtt|drip|push)\b")),),
}


def clipping_in_context(word: str, text: str) -> str | None:
    """The medicine a context-decided clipping names in this text, if exactly one reading has a cue there."""
    readings = CONTEXT_CLIPPINGS.get(word)
    if readings is None:
        return None
    lowered = text.lower()
    cued = [name for name, cue in readings if cue.search(lowered)]
    return cued[0] if len(cued) == 1 else None
