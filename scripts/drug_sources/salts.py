"""Salt and acid forms that name the same active ingredient ("divalproex sodium", "alendronic acid").

Follows the USP Salt Policy and the WHO INN naming of radicals: the counter-ion does not change the active moiety,
and an -ic acid and its -ate salts share it. Only names whose base is a known ingredient are linked, and a base
that is itself a salt word or an anion ("chloride", "carbonate") never is, so "potassium chloride" stays whole.
"""

from __future__ import annotations

import re

SALT_WORDS = frozenset(
    "sodium potassium calcium magnesium disodium dipotassium hydrochloride hcl dihydrochloride hydrobromide "
    "sulfate sulphate succinate tartrate bitartrate besylate besilate maleate mesylate mesilate fumarate citrate "
    "acetate phosphate bromide chloride dihydrate monohydrate trihydrate hemihydrate anhydrous hyclate "
    "dipropionate propionate valerate pamoate embonate lactate gluconate".split()
    # Esters and acetonides of steroids and depot medicines: the same active moiety (WHO INN radicals and groups).
    + "acetonide furoate decanoate enanthate cypionate undecanoate palmitate xinafoate trifenatate".split()
)
_ANION = re.compile(r"(?:ate|ide|ite)$")


def _base(name: str) -> str:
    return " ".join(w for w in name.split() if w not in SALT_WORDS)


def salt_synonyms(names: set[str], interacting: set[str]) -> dict[str, str]:
    """Salt or acid name -> the base ingredient it stands for, for names the knowledge base holds."""
    out: dict[str, str] = {}
    for name in sorted(names):
        words = name.split()
        if len(words) < 2 or not all(w.isalpha() for w in words):
            continue
        if len(words) == 2 and words[1] == "acid" and words[0].endswith("ic") and name not in interacting:
            salt = words[0][:-2] + "ate"
            if salt in interacting:
                out[name] = salt
            continue
        base = _base(name)
        if not base or base == name or base in SALT_WORDS or _ANION.search(base.split()[-1]) or len(base) < 5:
            continue
        if base in interacting or (name in interacting and base in names):
            out[name] = base
    return out
