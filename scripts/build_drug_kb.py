"""Build the bundled drug-interaction knowledge base (tools/drugs/data/ddi_kb.sqlite).

Inputs: ``../shared/data/ddi`` (NDF-RT pairs, the ONC non-interruptive list, the ANSM thesaurus, ingredient name
tables) and the curated files beside this script (brand table, class rules, sourced class members).  The output is committed; the product never reads
``../shared`` at run time.  Run: ``python scripts/build_drug_kb.py [--shared PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import tomllib
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drug_sources.ansm import CITATION as ANSM_CITATION  # noqa: E402
from drug_sources.ansm import AnsmData, AnsmFact, entry_label, make_mapper, read_ansm  # noqa: E402
from drug_sources.everyday import everyday_words, prose_ingredients  # noqa: E402
from drug_sources.kb_writer import KbRows, write_kb  # noqa: E402
from drug_sources.salts import late_rows, salt_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from drug_sources.drugbank_names import PACKAGE  # noqa: E402
from drug_sources.generated_names import (  # noqa: E402
    SYNONYM_PREFIX,
    clean,
    drugbank_brands,
    unii_brands,
    unii_product_brands,
)

CURATED = Path(__file__).resolve().parent / "drug_sources"
OUT = ROOT / "tools" / "drugs" / "data" / "ddi_kb.sqlite"
KB_VERSION = "2026.11.5"

NDFRT_SOURCE = "VA NDF-RT drug interaction {label} (US Dept. of Veterans Affairs, c. 2014), via Merged-PDDI (Ayvaz S et al., J Biomed Inform 2015;55:206-17)"
ONC_SOURCE = "ONC non-interruptive DDI list, {a} + {b} (Phansalkar S et al., JAMIA 2013;20:489-93), via dbmi-pitt/public-PDDI-analysis"
# NDF-RT grades only Critical and Significant; map them onto the product's four-level scale.
NDFRT_SEVERITY = {"Critical": "major", "Significant": "moderate"}
RANK = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1}
BRAND_SOURCE = "CareForge curated brand table: product labelling (FDA labels via DailyMed for US products, SmPCs via emc for UK products), brand-to-ingredient links as in RxNorm"


def read_ndfrt(shared: Path) -> list[tuple[str, str, str, str, str]]:
    """NDF-RT pair rows: (object, precipitant, severity, source, classes)."""
    rows = []
    with (shared / "ndfrt_va_interactions.tsv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            label = r["label"].replace(" [VA Drug Interaction]", "")
            rows.append(
                (
                    clean(r["object"]),
                    clean(r["precipitant"]),
                    NDFRT_SEVERITY[r["severity"]],
                    NDFRT_SOURCE.format(label=label),
                    r["DrugClass1"] + " / " + r["DrugClass2"],
                )
            )
    return rows


def read_onc(shared: Path) -> list[tuple[str, str, str, str]]:
    """ONC non-interruptive rows: (drug a, drug b, class a, source)."""
    rows = []
    with (shared / "onc_non_interruptive.csv").open(encoding="utf-8-sig") as fh:
        for r in csv.reader(fh):
            if len(r) < 9:
                continue
            class_a, class_b = r[1].strip(), r[6].strip()
            rows.append((clean(r[2]), clean(r[7]), class_a, ONC_SOURCE.format(a=class_a, b=class_b)))
    return rows


def read_names(shared: Path) -> dict[str, tuple[str | None, str | None]]:
    """Ingredient name -> (RxNorm CUI, DrugBank id) from the FDA/RxNorm and NDF-RT tables."""
    names: dict[str, tuple[str | None, str | None]] = {}
    with (shared / "fda_rxnorm_drugbank_names.tsv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            rx = r["RxNorm_CUI"] if r["RxNorm_CUI"] != "None" else None
            db = r["DrugBank_CUI"] if r["DrugBank_CUI"] != "None" else None
            for col in ("FDA_PreferredTerm", "DrugBank_Name"):
                if r[col] and r[col] != "None":
                    names.setdefault(clean(r[col]), (rx, db))
    with (shared / "ndfrt_rxnorm_names.csv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            names.setdefault(clean(r["drugname"]), (r["rxcui"], None))
    return names


DEFAULT_MEMBERSHIP = "CareForge class list (scripts/drug_sources/class_rules.toml); see the rule's reference"


def read_classes(rules: dict[str, Any], ansm: AnsmData) -> dict[str, dict[str, str]]:
    """Class -> member -> reference, from the rule file, the sourced member file and ANSM class entries.

    A member's reference is the most specific one available: the sourced member file, then the ANSM entry, then
    the rule file's own list (whose reference is the rule's).
    """
    members = tomllib.loads((CURATED / "class_members.toml").read_text())
    classes: dict[str, dict[str, str]] = defaultdict(dict)
    for block in members["members"]:
        for name in block["names"]:
            classes[block["class"]].setdefault(clean(name), block["reference"])
    for cls, prefixes in members["ansm_entries"].items():
        for entry, names in sorted(ansm.entry_members.items()):
            if entry.split("-", 1)[0] in prefixes:
                for name in sorted(names):
                    classes[cls].setdefault(name, f"{ANSM_CITATION}, entry {entry_label(entry)}")
    for cls, names in rules["classes"].items():
        for name in names:
            classes[cls].setdefault(clean(name), DEFAULT_MEMBERSHIP)
    return classes


def preferred_names(shared: Path, rules: dict[str, Any]) -> set[str]:
    """Names NDF-RT, ONC, the brand table and the rule file already use: ANSM names map onto these first."""
    names = {n for r in read_ndfrt(shared) for n in r[:2]} | {n for r in read_onc(shared) for n in r[:2]}
    names |= {clean(n) for members in rules["classes"].values() for n in members}
    with (CURATED / "brands.csv").open(encoding="utf-8") as fh:
        names |= {clean(i) for r in csv.DictReader(fh) for i in r["ingredients"].split(";")}
    return names


def load_ansm(shared: Path, rules: dict[str, Any], names: dict[str, tuple[str | None, str | None]]) -> AnsmData:
    """The ANSM thesaurus mapped to the knowledge base's US ingredient names."""
    by_drugbank: dict[str, list[str]] = defaultdict(list)
    with (shared / "fda_rxnorm_drugbank_names.tsv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["DrugBank_CUI"] != "None":
                for col in ("FDA_PreferredTerm", "DrugBank_Name"):
                    if r[col] != "None" and clean(r[col]) not in by_drugbank[r["DrugBank_CUI"]]:
                        by_drugbank[r["DrugBank_CUI"]].append(clean(r[col]))
    return read_ansm(shared, make_mapper(by_drugbank, preferred_names(shared, rules), set(names)))


Row = tuple[str, str, str, str, str, str, str, str]
SYNONYM_FILES = ("aliases.csv", "inn_usan.csv", "supplements.csv", "street_names.csv")


def interacting_names(
    facts: list[Row], brands: list[tuple[str, str, str]], classes: dict[str, dict[str, str]]
) -> set[str]:
    """Ingredients with interaction facts, a brand or synonym, or a class membership."""
    out = {f[0] for f in facts} | {f[1] for f in facts} | {ing for _, ing, _ in brands}
    for members in classes.values():
        out.update(members)
    return out


def _canonical(fact: Row, canon: dict[str, str]) -> Row:
    x, y = sorted((canon.get(fact[0], fact[0]), canon.get(fact[1], fact[1])))
    return (x, y, *fact[2:])


def build(shared: Path, out: Path, exclude_pairs: set[tuple[str, str]] | None = None) -> dict[str, int]:
    """Build the knowledge base at ``out``; ``exclude_pairs`` drops those pairs' ANSM rows (held-out evaluation)."""
    rules = tomllib.loads((CURATED / "class_rules.toml").read_text())
    names = read_names(shared)
    ansm = load_ansm(shared, rules, names)
    classes = read_classes(rules, ansm)
    exclude = exclude_pairs or set()

    # interactions: (a, b) sorted -> list of facts
    facts: list[Row] = []
    for a, b, sev, source, cls in read_ndfrt(shared):
        if a != b:
            x, y = sorted((a, b))
            facts.append((x, y, sev, f"Interaction between {cls}.", "", "", source, "ndfrt"))
    for a, b, cls_a, source in read_onc(shared):
        if a != b:
            x, y = sorted((a, b))
            facts.append(
                (
                    x,
                    y,
                    "minor",
                    f"Low-priority interaction ({cls_a} class).",
                    "",
                    "Usually no action needed beyond routine monitoring.",
                    source,
                    "onc-non-interruptive",
                )
            )
    # One ANSM fact per pair and thesaurus entry: the highest level its rows give.
    best: dict[tuple[str, str, str], AnsmFact] = {}
    for f in ansm.facts:
        key = (f.a, f.b, f.entry)
        if (f.a, f.b) not in exclude and (key not in best or RANK[f.severity] > RANK[best[key].severity]):
            best[key] = f
    for f in best.values():
        source = f"{ANSM_CITATION}, entry {entry_label(f.entry)} (level: {f.level_raw or 'not stated'})"
        facts.append((f.a, f.b, f.severity, f.text, "", "", source, "ansm"))

    brands: list[tuple[str, str, str]] = []
    with (CURATED / "brands.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            for ing in r["ingredients"].split(";"):
                brands.append((clean(r["brand"]), clean(ing), r.get("source") or BRAND_SOURCE))

    # Synonyms (UK/INN names, supplements, street names, spelling variants) share the brand table; their source
    # says what they are. A name the tables already give is not overridden by a later file.
    for file in SYNONYM_FILES:
        with (CURATED / file).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                for ing in r["ingredients"].split(";"):
                    brands.append((clean(r["alias"]), clean(ing), SYNONYM_PREFIX + r["source"]))
    salts, plain = salt_rows(set(names), brands, interacting_names(facts, brands, classes), SYNONYM_PREFIX)
    brands += salts
    unii = unii_brands(shared, brands, interacting_names(facts, brands, classes))
    brands += unii
    # Brand and combination-product names of the full FDA UNII Names list (drug_sources/unii_products.py).
    products = unii_product_brands(brands, interacting_names(facts, brands, classes), set(names))
    brands += products
    unii += products
    drugbank = drugbank_brands(brands, interacting_names(facts, brands, classes), set(names))
    brands += drugbank.rows
    # Products of medicines newer than every table ("Camzyos" -> "mavacamten"), once DrugBank has had its say.
    newer = unii_product_brands(brands, interacting_names(facts, brands, classes), set(names), new=True)
    brands += newer
    unii += newer
    plain = late_rows(plain, set(names), {b for b, _, _ in brands}, SYNONYM_PREFIX)
    brands += plain
    unii += plain

    # A synonym's facts belong to its ingredient ("aciclovir" -> "acyclovir"), so both names meet the same facts.
    canon = {
        b: i
        for b, i, src in brands
        if src.startswith(SYNONYM_PREFIX) and b != i and sum(1 for x, _, _ in brands if x == b) == 1
    }
    facts = [_canonical(f, canon) for f in facts if canon.get(f[0], f[0]) != canon.get(f[1], f[1])]
    # Products name the canonical ingredient too ("Depakote" -> "divalproex"), so they meet the same facts.
    # A synonym of a salt or ester name follows it one step ("Nasacort" -> "triamcinolone acetonide" ->
    # "triamcinolone"), unless that leads back to itself.
    brands = [
        (b, i if b == i or (src.startswith(SYNONYM_PREFIX) and canon.get(i, b) == b) else canon.get(i, i), src)
        for b, i, src in brands
    ]
    classes = {c: {canon.get(m, m): ref for m, ref in members.items()} for c, members in classes.items()}

    # A UNII or DrugBank-vocabulary name of an ingredient without facts ("Tessalon" -> "benzonatate", "Keytruda" ->
    # "pembrolizumab") lets free text name it, no more.
    unii_only = {row[0] for row in unii} | {row[0] for row in drugbank.rows}
    interacting = {f[0] for f in facts} | {f[1] for f in facts} | {ing for b, ing, _ in brands if b not in unii_only}
    for members in classes.values():
        interacting.update(members)
    all_names = dict(names)
    for n, drugbank_id in drugbank.new_ingredients.items():  # DrugBank medicines no other table names
        all_names.setdefault(n, (None, drugbank_id))
    for _, n, _ in newer:  # UNII products' substances newer than the tables ("mavacamten")
        all_names.setdefault(n, (None, None))
    for n in interacting:
        all_names.setdefault(n, (None, None))
    meta = {
        "version": KB_VERSION,
        "built": dt.date.today().isoformat(),
        "sources": "VA NDF-RT (public domain, via Merged-PDDI); ONC non-interruptive DDI list (Phansalkar 2013); "
        f"{ANSM_CITATION}; FDA UNII/RxNorm/DrugBank ingredient names (via dbmi-pitt/public-PDDI-analysis); "
        "DrugBank open vocabulary (CC0) brand and other names with MedlinePlus, NHS and Wikipedia names, via "
        f"drug-named-entity-recognition {metadata.version(PACKAGE)} (MIT); "
        "CareForge class rules, sourced class members and brand table (references on each rule and member)",
        "ansm_downgraded_by_note": str(ansm.downgraded),
        "ansm_unmapped_rows": str(sum(ansm.unmapped.values())),
    }
    keys = {
        re.sub(r"\s+", " ", re.sub(r"['.`]", "", n).replace("-", " ")).strip()
        for n in interacting | {b for b, _, _ in brands if b not in unii_only}
    }  # UNII/DrugBank names: exact only
    return write_kb(
        out,
        KbRows(
            all_names,
            interacting,
            brands,
            classes,
            rules["rule"],
            sorted(set(facts)),
            meta,
            everyday_words(keys),
            prose_ingredients(set(all_names) - interacting, frozenset(interacting)),
        ),
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data" / "ddi")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(build(args.shared, args.out))  # noqa: T201
