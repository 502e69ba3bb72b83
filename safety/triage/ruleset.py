"""The rule detector as one call: English phrase rules, other languages' phrases, and observations (NEWS2)."""

from __future__ import annotations

import re

from safety.triage.rules import match_rules
from safety.triage.rules_clinical import CLINICAL_RULES
from safety.triage.rules_lexicon import lexicon_keys, not_now, reads_as_english
from safety.triage.rules_multilingual import fold, general
from safety.triage.rules_multilingual_settled import settled, suicide_in_story
from safety.triage.rules_multilingual_work import phrase_keys
from safety.triage.rules_presentations import PRESENTATION_RULES
from safety.triage.rules_signs import SIGN_RULES
from safety.triage.rules_vitals import match_vitals
from safety.triage.rules_workplace import WORKPLACE_RULES

ENGLISH_RULES = CLINICAL_RULES + WORKPLACE_RULES + SIGN_RULES + PRESENTATION_RULES
# A laugh or joke marker turns "I literally cannot breathe 😂" or "that party was poison lol" into a figure of
# speech, unless the message also says it is urgent ("haha the toaster is on fire, no joke now"). Suicide and harm
# to others are never talked down this way ("i want to kms lol" still counts).
_LAUGH = r"\b(lol|lmao|lmfao|rofl|haha\w*)\b|😂|🤣|😅|😆"
_JOKE = re.compile(_LAUGH + r"|\b(jk|ngl)\b")
_LAUGHTER = re.compile(_LAUGH)  # for the probe, which reads slang itself ("ngl i feel like death" means it)
_URGENT = re.compile(r"\b(now|rn|asap|help|hurry|urgent|911|999|112|ambulance|no joke|not joking|seriously|for real)\b")
# A reading beside the laugh is no figure of speech: "CP 8/10 despite GTN x3, sats dropping ... lol??", "receiver's at
# 14 bar, should be 10 max ... lol" (writer 14, after its scoring): the laugh is nerves or disbelief.
_READING = re.compile(
    r"\b\d+(\.\d+)? ?(bar|psi|kpa|mmhg|bpm|ppm|mmol|/10)\b|\b\d+ ?%|\b(sats|spo2|trop|troponin|gtn|gcs|news2?)\b"
)
_CLAUSES = re.compile(r"[,.;!?\n]+")
NEVER_JOKED = frozenset({"suicide", "harm_others"})
USE_JOKE_FILTER = True
USE_LEXICON = True  # the per-language symptom lexicon (rules_lexicon.py); off only to measure it


def joking(lowered: str, laughter_only: bool = False) -> bool:
    """Whether a laugh (or, for the rules, a joke marker) makes the message a figure of speech, no urgency beside it."""
    marker = (_LAUGHTER if laughter_only else _JOKE).search(lowered)
    return USE_JOKE_FILTER and marker is not None and not _URGENT.search(lowered) and not _READING.search(lowered)


def _foreign_runs(folded: str) -> list[str]:
    """Adjacent clauses that do not read as English, joined: "e căzut jos, nu răspunde" is one report."""
    runs: list[list[str]] = [[]]
    for clause in _CLAUSES.split(folded):
        if clause.strip() and not reads_as_english(clause):
            runs[-1].append(clause)
        elif runs[-1]:
            runs.append([])
    return [joined for run in runs if len((joined := ", ".join(run)).split()) >= 3]


def rule_keys(lowered: str) -> list[str]:
    """Categories the rules raise for a lower-cased, normalised text, each once, in a stable order."""
    found = match_rules(lowered, ENGLISH_RULES)
    folded = fold(lowered)
    if not reads_as_english(folded):
        # The English filters do not read other languages: a general question, a past event or one since over is none.
        if general(folded) or not_now(folded) or settled(folded):
            return list(dict.fromkeys(match_vitals(lowered)))
        found += phrase_keys(folded)
        if USE_LEXICON:
            # the lexicon reads the bare word; a story's suicide is a topic (phrases of intent still count above)
            story = suicide_in_story(folded)
            found += [k for k in lexicon_keys(folded) if not (story and k == "suicide")]
    elif not found and not general(folded) and not not_now(folded):
        # A mixed message ("mera padosi apni biwi ko maar raha hai, she's screaming") reads as English, but its
        # other-language clause may hold the emergency: the phrase tables (not the looser lexicon) read the clauses
        # that do not read as English themselves ("brand" is fire in Dutch, not in "the brand name").
        for run in _foreign_runs(folded):
            found += phrase_keys(run)
    found += match_vitals(lowered)
    if joking(lowered):
        found = [k for k in found if k in NEVER_JOKED]
    return list(dict.fromkeys(found))
