"""Combination products written as one ingredient's name and a cue: an acetaminophen strength, a thiazide suffix."""

from __future__ import annotations

import re

# An opioid written with two strengths, one of them an acetaminophen strength ("oxycodone 5/325", "Norco 10/325"):
# the combination product (FDA labels of Percocet, Norco, Tylenol with Codeine, Ultracet; FDA 2014 limit of 325 mg
# acetaminophen per prescription combination unit).
APAP_OPIOIDS = frozenset({"oxycodone", "hydrocodone", "codeine", "tramadol", "propoxyphene", "dihydrocodeine"})
APAP_DOSE = re.compile(
    r"\s*(?:\d+(?:\.\d+)?\s*(?:mg)?\s*/\s*(?:300|325|500|650|750)|(?:300|325|500|650|750)\s*(?:mg)?\s*/\s*\d+)\b"
)
# ACE inhibitors and ARBs with hydrochlorothiazide (WHO ATC C09BA, C09DA) take the brand's name with "Plus", "Comp",
# "HCT" or "H", or a "Co" prefix (EMA EPARs CoAprovel, MicardisPlus; SmPCs of Atacand Plus, Cozaar Comp, Co-Diovan).
_THIAZIDE_SUFFIXES = frozenset("plus comp hct hctz h".split())


def adds_thiazide(ingredients: list[str], previous: str, following: str, co_prefixed: bool) -> bool:
    """Whether a single ACE inhibitor or ARB name is written as its hydrochlorothiazide combination."""
    renin = len(ingredients) == 1 and ingredients[0].endswith(("sartan", "pril"))
    return renin and (following in _THIAZIDE_SUFFIXES or previous == "co" or co_prefixed)
