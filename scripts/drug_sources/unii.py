"""Brand and other names of a knowledge-base ingredient, from FDA UNII groups.

The FDA UNII/SRS name table gives one Unique Ingredient Identifier to every name of one substance: the ingredient,
its salt, and the brand names listed under it (UNII 023Z5BR09K: ROCEPHIN, CEFTRIAXONE SODIUM). A group whose names
reach exactly one knowledge-base ingredient (directly, as a salt, or through a curated synonym) makes its other names
synonyms of that ingredient. Noise is kept out: chemical systematic names, allergenic and botanical extracts, names
of more than four words or fewer than four letters, everyday English words, groups reaching two ingredients, and
names that two groups give to different ingredients.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from drug_sources.salts import SALT_WORDS

SOURCE = (
    "brand or other name of the same substance, FDA UNII {unii} (FDA UNII/SRS names via dbmi-pitt/public-PDDI-analysis)"
)
# Systematic and code-like names: digits, commas, brackets, slashes, primes, locants ("n-hydroxy-n'-...").
_SYSTEMATIC = re.compile(r"[^a-z \-.]|-.*-|\b[a-z]-[a-z]+-")
# Allergenic extracts, botanicals and other mixtures a question never means as a medicine.
_EXTRACT_WORDS = frozenset(
    "allergenic extract pollen antigen venom dander hair feather mite mold smut leaf flower root seed bark fruit "
    "oil whole juice powder homeopathic".split()
)

_COUNTER_IONS = frozenset("tromethamine trometamol salt hydrate".split())


def _base(name: str, chemicals: frozenset[str]) -> str:
    """The chemical without its counter-ion when NDF-RT lists that too ("fosfomycin trometamol salt" -> "fosfomycin")."""
    base = " ".join(w for w in name.split() if w not in SALT_WORDS and w not in _COUNTER_IONS)
    return base if base in chemicals else name


def unii_groups(table: Path) -> dict[str, list[str]]:
    """UNII -> the distinct cleaned names the FDA table files under it (preferred terms and DrugBank names)."""
    groups: dict[str, list[str]] = defaultdict(list)
    with table.open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            unii = r["FDA_UNII"]
            if not unii or unii == "None":
                continue
            for col in ("FDA_PreferredTerm", "DrugBank_Name"):
                name = re.sub(r"\s+", " ", r[col].strip().lower())
                if name and name != "none" and name not in groups[unii]:
                    groups[unii].append(name)
    return groups


def plausible_name(name: str, english: Callable[[str], bool]) -> bool:
    """A name a person could type for a medicine: not systematic, not an extract, not an everyday word."""
    words = name.split()
    if _SYSTEMATIC.search(name) or len(words) > 4 or sum(c.isalpha() for c in name) < 4:
        return False
    if any(w in _EXTRACT_WORDS for w in words):
        return False
    # Every word English ("tenex" is not; "milk sugar" is): free text would read it in ordinary sentences.
    return not all(english(w) for w in words)


def unii_synonyms(
    groups: dict[str, list[str]],
    to_ingredient: Callable[[str], str | None],
    given: set[str],
    english: Callable[[str], bool],
    chemicals: frozenset[str] = frozenset(),
) -> list[tuple[str, str, str]]:
    """(name, ingredient, source) for each new name a UNII group ties to exactly one knowledge-base ingredient.

    ``to_ingredient`` maps a name to the knowledge-base ingredient it already stands for (or None); ``given`` holds
    names the curated tables and the ingredient list already resolve, which are never overridden. A group with no
    such name falls back on its one NDF-RT ``[Chemical/Ingredient]`` name (``chemicals``), without its counter-ion.
    """
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for unii, names in sorted(groups.items()):
        targets = {t for n in names if (t := to_ingredient(n)) is not None}
        if not targets:  # no interacting member: the group's NDF-RT chemical ingredient, as its base if listed
            targets = {_base(n, chemicals) for n in names if n in chemicals}
        if len(targets) != 1:
            continue
        (target,) = targets
        for name in names:
            if name != target and to_ingredient(name) is None and name not in given and plausible_name(name, english):
                found[name].setdefault(target, unii)
    return [
        (name, target, SOURCE.format(unii=unii))
        for name, by_target in sorted(found.items())
        if len(by_target) == 1
        for target, unii in by_target.items()
    ]
