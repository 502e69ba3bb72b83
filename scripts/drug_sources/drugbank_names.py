"""Brand and other names of a medicine, from the DrugBank open vocabulary as packaged by drug-named-entity-recognition.

No bundled table knows recent brands (Keytruda, Repatha, Xofluza, Ibrance, Rinvoq, Dupixent): the FDA UNII table
of the shared data predates them. The ``drug-named-entity-recognition`` package (MIT) ships a dictionary of
lower-case variant names -> canonical medicine, built from the DrugBank open vocabulary (CC0) and augmented by
MeSH, MedlinePlus, the NHS and Wikipedia ("keytruda" -> "pembrolizumab", "entresto" -> "valsartan and
sacubitril"). It is read at build time only; the product never imports it.

A canonical name is split into its ingredients (", and", " and ", ",", "/"), an FDA biologic suffix is dropped
when the name is otherwise unknown ("erenumab-aooe" -> "erenumab"), and each ingredient is mapped onto
the knowledge base as ``unii.py`` does (directly, as a salt, through a curated synonym), else onto a knowledge-base
ingredient without facts. An ingredient the knowledge base lacks altogether is added as a known medicine without
facts when DrugBank lists it ("pembrolizumab"), so free text names it. Noise is kept out as in ``unii.py``: MeSH-only
entries (proteins, genes, drug classes), systematic and code names, extracts, names of more than four words,
single words under six letters (except five-letter brands a consumer drug page vouches for), everyday English words, names the tables already give (never overridden), and names that
reach different ingredients. The reader matches these names exactly, never fuzzily.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from drug_sources.salts import SALT_WORDS
from drug_sources.unii import _EXTRACT_WORDS, plausible_name

PACKAGE = "drug-named-entity-recognition"
# The mark the product's reader uses to match these names exactly only (tools/drugs/knowledge_base.py).
EXACT_ONLY_MARK = "via drug-named-entity-recognition"
SOURCE = "brand or other name of {canonical}, {origin} via drug-named-entity-recognition {version} (MIT), {ref}"
# Which part of the dictionary vouches for a canonical entry; MeSH-only entries (proteins, genes, drug classes)
# are left out, as are entries without any of these.
_ORIGINS = (
    ("drugbank_id", "DrugBank open data (CC0)", "DrugBank id {}"),
    ("medline_plus_id", "MedlinePlus", "MedlinePlus {}"),
    ("nhs_url", "NHS medicines A-Z", "{}"),
    ("wikipedia_url", "Wikipedia", "{}"),
)
_SPLIT = re.compile(r",\s*and\s+|\s+and\s+|\s*[,/]\s*")
_PARENS = re.compile(r"\s*\([^)]*\)")
# Forms and routes that name a product of the ingredient, not another ingredient ("salbutamol inhalers").
_FORM_WORDS = frozenset(
    "inhaler inhalers eye ear drops nasal spray patch otic vaginal capsules tablets injection injections cream gel "
    "topical oral buccal intramuscular sublingual low-dose extended-release".split()
)
# Unii.py's extract words, plus the animal, plant and food sources of DrugBank's allergen and botanical entries
# ("salmo gairdneri flesh", "agaricus hortensis fruiting body").
_EXTRA_EXTRACT_WORDS = frozenset(
    "flesh meat egg milk skin epithelium epithelia dust protein food fruiting body mycelium mushroom herb top stem "
    "pepper tea".split()
)
# One-word names shorter than this are too often abbreviations, slang or other languages' words in free text
# ("vals", "zide", "vitae", "talco").
MIN_SINGLE_WORD = 6
# Five-letter brand names ("Taltz", "Ajovy", "Xgeva") are kept when a consumer drug page vouches for the medicine
# (MedlinePlus or NHS medicines A-Z, which list its brand names) or the package marks the name a brand, and the word
# has a vowel (not an abbreviation such as "cbdca"); the reader takes them in free text only when capitalised.
SHORT_BRAND = 5
_VOWEL = re.compile(r"[aeiouy]")
# Five-letter names the test above lets through that are abbreviations, classes or other languages' words.
_NOT_SHORT_BRANDS = frozenset(
    "modus theon banan penem cbdca dnase budnj icdmt norqd bleph dadps cafda ddino tstat siran cinna sebar".split()
)
# FDA four-letter suffix of biological products ("erenumab-aooe"; FDA guidance "Nonproprietary Naming of Biological
# Products", 2017): the core name is the medicine DrugBank lists.
_FDA_SUFFIX = re.compile(r"(?<=[a-z]{4})-[a-z]{4}$")
# A one-letter locant or isomer prefix ("p-benzenediol", "l-lysine"): a chemical name, which unii.py's test misses
# when only one hyphen follows.
_LOCANT = re.compile(r"(?:^|\s)[a-z]-")
# WHO INN radicals of esters and prodrugs: the medicine is filed under its active moiety, as with salts
# ("baloxavir marboxil" -> "baloxavir", as "olmesartan medoxomil" -> "olmesartan").
_PRODRUG_WORDS = frozenset("marboxil medoxomil axetil pivoxil proxetil cilexetil mofetil etexilate".split())


@dataclass(slots=True)
class DrugbankNames:
    """Synonym rows, and the ingredients they name that the knowledge base did not hold (-> DrugBank id)."""

    rows: list[tuple[str, str, str]] = field(default_factory=list)
    new_ingredients: dict[str, str] = field(default_factory=dict)


def ingredient_parts(canonical: str) -> list[str]:
    """The ingredients a canonical name lists: "abacavir, dolutegravir, and lamivudine" -> three names."""
    text = _PARENS.sub("", canonical).strip()
    parts = []
    for part in _SPLIT.split(text):
        words = [w for w in part.split() if w not in _FORM_WORDS]
        if words:
            parts.append(" ".join(words))
    return parts


def citation(canonical: str, data: Mapping[str, Any], version: str) -> str | None:
    """The row's source: the most specific origin the dictionary records for the canonical entry, or None."""
    for key, origin, ref in _ORIGINS:
        if value := data.get(key):
            if key == "nhs_url" and "/medicines/" in str(value):  # the package joins two hosts; cite the page
                value = "https://www.nhs.uk/medicines/" + str(value).split("/medicines/", 1)[1]
            return SOURCE.format(canonical=canonical, origin=origin, version=version, ref=ref.format(value))
    return None


def _salt_base(name: str) -> str:
    return " ".join(w for w in name.split() if w not in SALT_WORDS and w not in _PRODRUG_WORDS)


def _short_brand(name: str, data: Mapping[str, Any], is_brand: bool) -> bool:
    """A five-letter single-word brand that a consumer drug page vouches for (see SHORT_BRAND)."""
    vouched = is_brand or bool(data.get("medline_plus_id") or data.get("nhs_url"))
    plain = len(name) == SHORT_BRAND and name.isalpha() and name not in _NOT_SHORT_BRANDS
    return plain and bool(_VOWEL.search(name)) and vouched


def _noise(name: str, english: Callable[[str], bool], person: Callable[[str], bool], short_brand: bool = False) -> bool:
    """Not a name to read as a medicine: unii.py's noise, a short single word, a food or a person's name's word.

    A word of a person's name ("Heumann" in "terfenadin heumann", "Rayos") is left out so that the redaction of
    names, which never takes a knowledge-base word for a name, is not weakened.
    """
    words = name.split()

    def plain(word: str) -> bool:  # an English word or its plural ("cashews")
        return english(word) or (
            word.endswith("s") and (english(word[:-1]) or (word.endswith("es") and english(word[:-2])))
        )

    short = len(words) == 1 and len(name) < MIN_SINGLE_WORD and not short_brand
    if not plausible_name(name, plain) or _LOCANT.search(name) or short:
        return True
    # Every letter run counts for a person's name: redaction splits "nitren-lich" into "nitren" and "lich" too.
    return any(w in _EXTRA_EXTRACT_WORDS for w in words) or any(person(w) for w in re.findall(r"[a-z]+", name))


def drugbank_synonyms(
    variants: Mapping[str, list[str]],
    canonical_data: Mapping[str, Mapping[str, Any]],
    to_ingredient: Callable[[str], str | None],
    ingredients: set[str],
    given: set[str],
    english: Callable[[str], bool],
    version: str,
    person: Callable[[str], bool] = lambda word: False,
    brand_flags: Mapping[str, Mapping[str, Any]] | None = None,
) -> DrugbankNames:
    """Rows (name, ingredient, source) for each new variant name whose canonical medicine reaches the knowledge base.

    ``to_ingredient`` maps a name to the knowledge-base ingredient it already stands for (interacting ingredient,
    brand, curated synonym, salt or UNII name); ``ingredients`` holds every ingredient name of the knowledge base
    (those without facts too); ``given`` holds names the tables already resolve, which are never overridden;
    ``english`` and ``person`` say whether a word is an everyday word or part of a person's name.
    """
    out = DrugbankNames()

    def brand_concept(name: str) -> bool:
        flag = (brand_flags or {}).get(name, {})
        return bool(flag.get("is_brand")) or name not in canonical_data

    new: dict[str, str] = {}

    def target(part: str) -> str | None:
        for name in (part, _salt_base(part)):
            if (t := to_ingredient(name)) is not None:
                return t
        for name in (part, _salt_base(part)):
            if name in ingredients:
                return name
        for name in (_salt_base(part), part):  # a DrugBank medicine the KB lacks, as its active moiety if listed
            data = canonical_data.get(name, {})
            if name and data.get("drugbank_id") and not _noise(name, english, person):
                new[name] = str(data["drugbank_id"])
                return name
        return None

    targets: dict[str, tuple[list[str], str] | None] = {}
    for canonical, data in canonical_data.items():
        source = citation(canonical, data, version)
        botanical = any(w in _EXTRA_EXTRACT_WORDS or w in _EXTRACT_WORDS for w in canonical.split())
        parts = ingredient_parts(canonical) if source and not botanical else []
        mapped = [target(p) or (target(_FDA_SUFFIX.sub("", p)) if _FDA_SUFFIX.search(p) else None) for p in parts]
        if mapped and all(mapped):
            targets[canonical] = (sorted({t for t in mapped if t}), source or "")
    found: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)  # name key -> ingredients -> source
    spellings: dict[str, set[str]] = defaultdict(set)
    named: set[str] = set()  # ingredients some plausible name of theirs reaches (their own name included)
    for variant, canonicals in sorted(variants.items()):
        name = re.sub(r"\s+", " ", variant.strip().lower())
        reached = [t for c in canonicals if (t := targets.get(c)) is not None]
        flagged = bool((brand_flags or {}).get(name, {}).get("is_brand"))
        short_brand = len(canonicals) == 1 and _short_brand(name, canonical_data.get(canonicals[0], {}), flagged)
        if len(reached) != 1 or len(canonicals) != 1 or _noise(name, english, person, short_brand):
            continue
        ((ings, source),) = reached
        named.update(ings)
        # An ingredient row without facts may be a brand concept that RxNorm files as a name of its own ("actemra",
        # "perjeta", "eylea"): DrugBank's mapping to the medicine wins there. A name that takes part in facts, or
        # that a curated table or UNII already resolves, is never overridden.
        if name in ings or name in given or to_ingredient(name) is not None:
            continue
        if name in ingredients and not brand_concept(name):
            continue
        found[_key(name)].setdefault(tuple(ings), source)
        spellings[_key(name)].add(name)
    for key, by_target in sorted(found.items()):
        if len(by_target) != 1:  # two canonical medicines for one name: leave it out
            continue
        ((names_of, source),) = by_target.items()
        out.rows += [(spelling, ing, source) for spelling in sorted(spellings[key]) for ing in names_of]
    out.new_ingredients = {n: db for n, db in sorted(new.items()) if n in named}
    return out


def _key(name: str) -> str:
    """The reader's comparison form (tools/drugs/names.py name_key): spellings that meet must agree."""
    return re.sub(r"\s+", " ", re.sub(r"['.`]", "", name).replace("-", " ")).strip()
