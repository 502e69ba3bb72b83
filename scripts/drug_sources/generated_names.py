"""Generated name sources for the knowledge-base build: UNII name groups, the DrugBank vocabulary, UNII products.

Each asks the same two questions of a candidate name (what it already stands for, and whether it is an everyday
English word) through ``_mappers``, and returns synonym rows that never override a name an earlier table gives.
Split out of build_drug_kb.py, which keeps the sources of interaction facts.
"""

from __future__ import annotations

import bz2
import csv
import pickle
import re
from collections import Counter
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from drug_sources.drugbank_names import PACKAGE, DrugbankNames, drugbank_synonyms
from drug_sources.unii import unii_groups, unii_synonyms
from drug_sources.unii_products import product_rows

from safety.redaction.lexicon import name_lists
from tools.drugs.prose import is_everyday_word

SYNONYM_PREFIX = "synonym: "


def clean(name: str) -> str:
    """Canonical ingredient key: lower case, single spaces, no NDF-RT/RxNorm suffixes."""
    name = re.sub(r"\[.*?\]", "", name).replace("_", " ")
    return re.sub(r"\s+", " ", name.strip().lower())


def _english() -> set[str]:
    try:
        from english_words import get_english_words_set
    except ImportError:
        return set()
    return set(get_english_words_set(["web2"], lower=True))


def _mappers(
    brands: list[tuple[str, str, str]], interacting: set[str]
) -> tuple[Callable[[str], str | None], Callable[[str], bool]]:
    """What a name already stands for (a unique table name or an interacting ingredient), and whether a word is an
    everyday English word: the two questions every generated name source asks."""
    count = Counter(b for b, _, _ in brands)
    known = {b: i for b, i, _ in brands if count[b] == 1}
    english = _english()

    def to_ingredient(name: str) -> str | None:
        return known.get(name) or (name if name in interacting else None)

    def is_english(word: str) -> bool:
        return word in english or is_everyday_word(word)

    return to_ingredient, is_english


def unii_brands(shared: Path, brands: list[tuple[str, str, str]], interacting: set[str]) -> list[tuple[str, str, str]]:
    """Synonym rows for the other names of each FDA UNII group that reaches one ingredient (drug_sources/unii.py)."""
    to_ingredient, is_english = _mappers(brands, interacting)

    with (shared / "ndfrt_rxnorm_names.csv").open(encoding="utf-8-sig") as fh:
        chemicals = frozenset(
            clean(r["drugname"])
            for r in csv.DictReader(fh, delimiter=";")
            if r["drugname"].endswith("[Chemical/Ingredient]")
        )
    groups = unii_groups(shared / "fda_rxnorm_drugbank_names.tsv")
    rows = unii_synonyms(groups, to_ingredient, {b for b, _, _ in brands}, is_english, chemicals)
    return [(name, ing, SYNONYM_PREFIX + source) for name, ing, source in rows]


def read_drug_ner() -> tuple[dict[str, list[str]], dict[str, dict[str, Any]], str, dict[str, dict[str, Any]]]:
    """The drug-named-entity-recognition dictionary (variant -> canonicals, canonical -> data) and its version.

    A build-time dependency (the ``build`` extra); the product never imports it.
    """
    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError as exc:
        raise SystemExit(f"{PACKAGE} is needed to build the knowledge base: pip install -e '.[build]'") from exc
    path = resources.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with path.open("rb") as fh, bz2.open(fh) as raw:
        data = pickle.load(raw)  # noqa: S301 - the installed package's own data file
    flags = data.get("drug_variant_to_variant_data", {})
    return data["drug_variant_to_canonical"], data["drug_canonical_to_data"], version, flags


def drugbank_brands(brands: list[tuple[str, str, str]], interacting: set[str], ingredients: set[str]) -> DrugbankNames:
    """Synonym rows for the DrugBank-vocabulary names of medicines (drug_sources/drugbank_names.py).

    Names any earlier table gives (curated, salt or UNII rows) are never overridden.
    """
    to_ingredient, is_english = _mappers(brands, interacting)

    first, last = name_lists()

    def is_person(word: str) -> bool:
        return word in first or word in last

    variants, canonical_data, version, flags = read_drug_ner()
    found = drugbank_synonyms(
        variants,
        canonical_data,
        to_ingredient,
        ingredients,
        {b for b, _, _ in brands},
        is_english,
        version,
        is_person,
        flags,
    )
    found.rows = [(name, ing, SYNONYM_PREFIX + source) for name, ing, source in found.rows]
    return found


def unii_product_brands(
    brands: list[tuple[str, str, str]], interacting: set[str], ingredients: set[str], new: bool = False
) -> list[tuple[str, str, str]]:
    """Synonym rows for the FDA UNII Names list's brand and combination-product names (drug_sources/unii_products.py).

    Read exactly only, as the other generated names; names any earlier table gives are never overridden. ``new``
    lets a substance no table names name itself (see product_rows).
    """
    to_ingredient, is_english = _mappers(brands, interacting)
    first, last = name_lists()
    rows = product_rows(
        to_ingredient, ingredients, {b for b, _, _ in brands}, is_english, lambda w: w in first or w in last, new=new
    )
    return [(name, ing, SYNONYM_PREFIX + source) for name, ing, source in rows]
