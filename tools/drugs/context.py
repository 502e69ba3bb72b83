"""Words around a name that say it is taken: a dose after it, or a list of medicines it ends."""

from __future__ import annotations

import re

from tools.drugs.misspell import Words
from tools.drugs.prose import DUAL_FOODS, SUPPLEMENT_FORMS

# A dose taken, not a lab value: "calcium 600 mg", "soma 350mg", never "calcium 9.5 mg/dL" or "2.1 mmol/L".
_TAKEN_DOSE = re.compile(r"\s*\d[\d,.]*\s*(?:mg|mcg|µg|g|iu|units?)\b(?!\s*/)", re.IGNORECASE)
# Between a medicine read and the next name: only doses and one list join ("oxy 30s and soma", "oxy, soma").
_LIST_GAP = re.compile(
    r"(?:\s*\d[\w.]*(?:\s*(?:mg|mcg|g|ml|iu))?)*\s*(?:,|;|/|&|\+|\band\b|\bor\b|\bplus\b)\s*", re.IGNORECASE
)


def dose_follows(rest: str) -> bool:
    """Whether the text right after a name starts with a dose taken."""
    return _TAKEN_DOSE.match(rest[:40]) is not None


def listed_after(gap: str) -> bool:
    """Whether the text between a medicine read and a name only joins them as items of one list."""
    return len(gap) <= 40 and _LIST_GAP.fullmatch(gap) is not None


def form_after(words: Words, j: int) -> str:
    """The word after a name, or the form word that ends a pair of dual foods ("garlic and ginger supplements")."""
    after = words[j][0] if j < len(words) else ""
    if after in ("and", "or") and j + 2 < len(words) and words[j + 1][0] in DUAL_FOODS:
        if words[j + 2][0] in SUPPLEMENT_FORMS:
            return words[j + 2][0]
    return after
