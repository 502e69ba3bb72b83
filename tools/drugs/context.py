"""Words around a name that say it is taken: a dose after it, or a list of medicines it ends."""

from __future__ import annotations

import re
import unicodedata

from tools.drugs.misspell import Words
from tools.drugs.prose import (
    CONTEXT_BRANDS,
    DUAL_FOODS,
    LISTED_MINERALS,
    SUPPLEMENT_FORMS,
    is_everyday_word,
    readable_in_prose,
)

# A dose taken, not a lab value: "calcium 600 mg", "soma 350mg", never "calcium 9.5 mg/dL" or "2.1 mmol/L".
_TAKEN_DOSE = re.compile(r"\s*\d[\d,.]*\s*(?:mg|mcg|µg|g|iu|units?)\b(?!\s*/)", re.IGNORECASE)
# Between a medicine read and the next name: only doses and one list join ("oxy 30s and soma", "oxy, soma").
_JOINS = frozenset({"", "and", "or", "plus"})
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


def fold_accents(text: str) -> str:
    """Letters without their accents ("Losartán" -> "Losartan"): foreign spellings of the same name.

    Each letter keeps one character (its base letter), so spans found in the folded text index the typed text.
    """
    out = []
    for c in text:
        parts = unicodedata.normalize("NFKD", c) if not c.isascii() else c
        out.append(parts[0] if len(parts) > 1 and all(unicodedata.combining(p) for p in parts[1:]) else c)
    return "".join(out)


def plain_names(words: Words, phrases: dict[str, str], street: frozenset[str], everyday: frozenset[str]) -> set[str]:
    """One-word names in the text that are plainly medicines: no everyday word, street name or gated name.

    They make a medicine context for names that are also words ("mix with Moment", "subs safer than methadone").
    """
    out = set()
    for word, _, _ in words:
        name = phrases.get(word) if len(word) >= 5 else None
        if name is None or name in street or name in CONTEXT_BRANDS or is_everyday_word(word, everyday):
            continue
        if readable_in_prose(name, word, ""):
            out.add(word)
    return out


def _list_run_end(words: Words, j: int) -> int:
    """Index of the first word after a run of list joins and minerals starting at j."""
    k = j
    while k < len(words) and k - j < 6 and (words[k][0] in _JOINS or words[k][0] in LISTED_MINERALS):
        k += 1
    return k


def list_end_word(words: Words, j: int) -> str:
    """The word a list of minerals leads to.

    A lab word there makes them all lab values ("potassium and magnesium were low").
    """
    k = _list_run_end(words, j)
    return words[k][0] if k < len(words) else ""


def listed_before(words: Words, j: int, named: set[str]) -> bool:
    """Whether a mineral heads a list that goes on to a medicine ("iron, calcium and levothyroxine")."""
    k = _list_run_end(words, j)
    return j < k < len(words) and words[k][0] in named
