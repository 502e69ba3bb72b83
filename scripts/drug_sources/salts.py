"""Salt and acid forms that name the same active ingredient ("divalproex sodium", "alendronic acid").

Follows the USP Salt Policy and the WHO INN naming of radicals: the counter-ion does not change the active moiety,
and an -ic acid and its -ate salts share it. Only names whose base is a known ingredient are linked, and a base
that is itself a salt word or an anion ("chloride", "carbonate") never is, so "potassium chloride" stays whole.
"""

from __future__ import annotations

import re
from collections import Counter

SALT_WORDS = frozenset(
    "sodium potassium calcium magnesium disodium dipotassium hydrochloride hcl dihydrochloride hydrobromide "
    "sulfate sulphate succinate tartrate bitartrate besylate besilate maleate mesylate mesilate fumarate citrate "
    "acetate phosphate bromide chloride dihydrate monohydrate trihydrate hemihydrate anhydrous hyclate "
    "dipropionate propionate valerate pamoate embonate lactate gluconate carbonate".split()
    # Esters and acetonides of steroids and depot medicines: the same active moiety (WHO INN radicals and groups).
    + "acetonide furoate decanoate enanthate cypionate undecanoate palmitate xinafoate trifenatate hemisuccinate".split()
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
        # A base the tables name alone is the active moiety too ("sevelamer carbonate" -> "sevelamer").
        if base in interacting or base in names:
            out[name] = base
    return out


QUALIFIER_SOURCE = (
    "the ingredient's name with a bracketed qualifier (FDA UNII preferred terms add one, as in 'drotrecogin alfa "
    "(activated)' or 'albumin (human)'); labels and prescribers write the name alone, which the tables also give"
)
_QUALIFIED = re.compile(r"^([a-z][a-z -]+[a-z]) \([a-z ]+\)$")


def unqualified(names: set[str]) -> dict[str, str]:
    """Qualified name -> the same name without its bracketed qualifier, where the tables give that name too.

    "(as carbonate)"-style qualifiers name a salt of an element, which stays whole.
    """
    out: dict[str, str] = {}
    for name in sorted(names):
        if (m := _QUALIFIED.match(name)) and not name.split("(")[1].startswith("as ") and m[1] in names:
            out[name] = m[1]
    return out


SALT_SOURCE = (
    "salt or acid form of the ingredient (USP Salt Policy; WHO INN 'Names for radicals and groups': "
    "an -ic acid and its -ate salts share one active moiety)"
)
Row = tuple[str, str, str]


def salt_rows(names: set[str], brands: list[Row], known: set[str], prefix: str) -> tuple[list[Row], list[Row]]:
    """Salt synonym rows: (those read like any synonym, those of fact-less ingredients read exactly, added last).

    A salt of a synonym names the synonym's ingredient ("aciclovir sodium" -> "acyclovir"). A salt whose name and
    base both lack facts ("sevelamer carbonate") is never a fuzzy target nor in the way of a generated name.
    """
    given = {b for b, _, _ in brands}
    count = Counter(b for b, _, _ in brands)
    single = {b: i for b, i, src in brands if src.startswith(prefix) and count[b] == 1}
    rows = [
        (salt, single.get(base, base), prefix + SALT_SOURCE)
        for salt, base in salt_synonyms(names, known).items()
        if salt not in given
    ]
    plain = [row for row in rows if row[0] not in known and row[1] not in known]
    return [row for row in rows if row not in plain], plain


def late_rows(plain: list[Row], names: set[str], taken: set[str], prefix: str) -> list[Row]:
    """The exactly-read salt rows and qualified names (``unqualified``) that no other table gave."""
    rows = plain + [(q, n, prefix + QUALIFIER_SOURCE) for q, n in unqualified(names).items()]
    return [row for row in rows if row[0] not in taken]
