"""Turn what people type (brands, salts, misspellings, free text) into knowledge-base ingredients."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from tools.drugs.knowledge_base import DrugKnowledgeBase
from tools.drugs.models import NameMatch, Resolution

# Salt, ester and release-form words that do not change the interacting ingredient.
_FORM_WORDS = frozenset(
    "sodium potassium calcium magnesium hydrochloride hcl hydrobromide sulfate sulphate succinate tartrate "
    "besylate maleate mesylate fumarate citrate acetate phosphate bromide chloride dihydrate monohydrate "
    "trihydrate hyclate disodium dipropionate propionate valerate er xl xr sr cr la dr ec odt ir extended "
    "delayed release tablet tablets tab tabs capsule capsules cap caps oral injection solution suspension "
    "mg mcg g ml units iu".split()
)
_DOSE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml|iu|units?|%)?\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-.]*[a-z0-9]|[a-z]", re.IGNORECASE)
# Drug names that are also everyday words: recognised when asked for by name, not spotted in free text.
_NOT_IN_PROSE = frozenset(
    {
        "thyroid",
        "bayer",
        "oxygen",
        "water",
        "alcohol",
        "ethanol",
        "caffeine",
        "iron",
        "zinc",
        "calcium",
        "magnesium",
        "potassium",
        "sodium",
        "sugar",
        "salt",
        "grapefruit",
        "tobacco",
        "nicotine",
        "soma",
        "tums",
    }
)
FUZZY_CUTOFF = 82.0  # typed drug lists
PROSE_FUZZY_CUTOFF = 90.0  # free text is noisier, so demand more
AMBIGUITY_MARGIN = 3.0


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


class DrugNameResolver:
    """Resolves typed names against one knowledge base; build once, reuse."""

    def __init__(self, kb: DrugKnowledgeBase) -> None:
        """Index the knowledge base's names for exact and fuzzy lookup."""
        self.kb = kb
        # Fuzzy targets: ingredients that take part in interactions, and brand names.
        self._targets: dict[str, list[str]] = {n: [n] for n in self.kb.interacting}
        self._targets.update(self.kb.brands)
        self._choices = sorted(self._targets)
        self._max_words = max(len(c.split()) for c in self._choices)

    def resolve(self, typed: str) -> NameMatch:
        """Resolve one typed name; never guesses between close candidates."""
        text = _squash(typed)
        if not text or len(text) > 200:
            return NameMatch(typed=typed, resolution=Resolution.UNKNOWN)
        stripped = _squash(" ".join(w for w in _DOSE.sub(" ", text).split() if w not in _FORM_WORDS))
        # Prefer the form that takes part in interactions: "warfarin sodium" is an FDA ingredient name too,
        # but the interaction facts are filed under "warfarin".
        for candidate, kind in ((text, Resolution.EXACT), (stripped, Resolution.SALT)):
            if candidate in self.kb.brands:
                return NameMatch(typed=typed, resolution=Resolution.BRAND, ingredients=list(self.kb.brands[candidate]))
            if candidate in self.kb.interacting:
                return NameMatch(typed=typed, resolution=kind, ingredients=[candidate])
        for candidate, kind in ((text, Resolution.EXACT), (stripped, Resolution.SALT)):
            if candidate in self.kb.ingredients:
                return NameMatch(typed=typed, resolution=kind, ingredients=[candidate])
        return self._fuzzy(typed, stripped or text, FUZZY_CUTOFF)

    def _fuzzy(self, typed: str, text: str, cutoff: float) -> NameMatch:
        if len(text) < 4:
            return NameMatch(typed=typed, resolution=Resolution.UNKNOWN)
        hits = process.extract(text, self._choices, scorer=fuzz.ratio, limit=5, score_cutoff=cutoff)
        if not hits:
            return NameMatch(typed=typed, resolution=Resolution.UNKNOWN)
        best_name, best_score, _ = hits[0]
        best = self._targets[best_name]
        rivals = [
            name
            for name, score, _ in hits[1:]
            if best_score - score <= AMBIGUITY_MARGIN and self._targets[name] != best
        ]
        if rivals:
            return NameMatch(
                typed=typed, resolution=Resolution.AMBIGUOUS, candidates=[best_name, *rivals], score=best_score
            )
        return NameMatch(typed=typed, resolution=Resolution.FUZZY, ingredients=list(best), score=best_score)

    def find_in_text(self, text: str) -> list[NameMatch]:
        """Drug names mentioned in free text (longest exact match first, then careful fuzzy matching)."""
        words = [w.strip(".'-").lower() for w in _WORD.findall(text[:20_000])]
        found: list[NameMatch] = []
        i = 0
        while i < len(words):
            for n in range(min(self._max_words, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                if phrase in self._targets and phrase not in _NOT_IN_PROSE:
                    kind = Resolution.BRAND if phrase in self.kb.brands else Resolution.EXACT
                    found.append(NameMatch(typed=phrase, resolution=kind, ingredients=list(self._targets[phrase])))
                    i += n
                    break
            else:
                word = words[i]
                if len(word) >= 6 and word.isalpha() and word not in _NOT_IN_PROSE:
                    match = self._fuzzy(word, word, PROSE_FUZZY_CUTOFF)
                    if match.resolution in (Resolution.FUZZY, Resolution.AMBIGUOUS):
                        found.append(match)
                i += 1
        return found
