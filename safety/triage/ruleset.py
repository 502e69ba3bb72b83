"""The rule detector as one call: English phrase rules, other languages' phrases, and observations (NEWS2)."""

from __future__ import annotations

from safety.triage.rules import match_rules
from safety.triage.rules_clinical import CLINICAL_RULES
from safety.triage.rules_multilingual import MULTILINGUAL_RULES, fold, general
from safety.triage.rules_vitals import match_vitals
from safety.triage.rules_workplace import WORKPLACE_RULES

ENGLISH_RULES = CLINICAL_RULES + WORKPLACE_RULES


def rule_keys(lowered: str) -> list[str]:
    """Categories the rules raise for a lower-cased, normalised text, each once, in a stable order."""
    found = match_rules(lowered, ENGLISH_RULES)
    folded = fold(lowered)
    if not general(folded):
        found += match_rules(folded, MULTILINGUAL_RULES)
    found += match_vitals(lowered)
    return list(dict.fromkeys(found))
