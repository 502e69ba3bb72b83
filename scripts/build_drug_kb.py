"""Build the bundled drug-interaction knowledge base (tools/drugs/data/ddi_kb.sqlite).

Inputs: ``../shared/data/ddi`` (NDF-RT pairs, the ONC non-interruptive list, ingredient name tables) and the
curated files beside this script (brand table, class rules).  The output is committed; the product never reads
``../shared`` at run time.  Run: ``python scripts/build_drug_kb.py [--shared PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import re
import sqlite3
import tomllib
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CURATED = Path(__file__).resolve().parent / "drug_sources"
OUT = ROOT / "tools" / "drugs" / "data" / "ddi_kb.sqlite"
KB_VERSION = "2026.11.1"

NDFRT_SOURCE = "VA NDF-RT drug interaction {label} (US Dept. of Veterans Affairs, c. 2014), via Merged-PDDI (Ayvaz S et al., J Biomed Inform 2015;55:206-17)"
ONC_SOURCE = "ONC non-interruptive DDI list, {a} + {b} (Phansalkar S et al., JAMIA 2013;20:489-93), via dbmi-pitt/public-PDDI-analysis"
# NDF-RT grades only Critical and Significant; map them onto the product's four-level scale.
NDFRT_SEVERITY = {"Critical": "major", "Significant": "moderate"}
SEVERITY_RANK = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1}


def clean(name: str) -> str:
    """Canonical ingredient key: lower case, single spaces, no NDF-RT/RxNorm suffixes."""
    name = re.sub(r"\[.*?\]", "", name)
    return re.sub(r"\s+", " ", name.strip().lower())


def read_ndfrt(shared: Path) -> list[tuple[str, str, str, str, str]]:
    rows = []
    with (shared / "ndfrt_va_interactions.tsv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            label = r["label"].replace(" [VA Drug Interaction]", "")
            rows.append(
                (clean(r["object"]), clean(r["precipitant"]), NDFRT_SEVERITY[r["severity"]],
                 NDFRT_SOURCE.format(label=label), r["DrugClass1"] + " / " + r["DrugClass2"])
            )
    return rows


def read_onc(shared: Path) -> list[tuple[str, str, str, str]]:
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


def build(shared: Path, out: Path) -> dict[str, int]:
    rules = tomllib.loads((CURATED / "class_rules.toml").read_text())
    classes: dict[str, list[str]] = {k: [clean(x) for x in v] for k, v in rules["classes"].items()}
    names = read_names(shared)
    ndfrt = read_ndfrt(shared)
    onc = read_onc(shared)

    # interactions: (a, b) sorted -> list of facts
    facts: list[tuple[str, str, str, str, str, str, str, str]] = []
    for a, b, sev, source, cls in ndfrt:
        if a != b:
            x, y = sorted((a, b))
            facts.append((x, y, sev, f"Interaction between {cls}.", "", "", source, "ndfrt"))
    for a, b, cls_a, source in onc:
        if a != b:
            x, y = sorted((a, b))
            facts.append((x, y, "minor", f"Low-priority interaction ({cls_a} class).", "",
                          "Usually no action needed beyond routine monitoring.", source, "onc-non-interruptive"))
    for rule in rules["rule"]:
        members_a, members_b = classes[rule["a"]], classes[rule["b"]]
        pairs = (combinations(sorted(set(members_a)), 2) if rule["a"] == rule["b"]
                 else ((m, n) for m in members_a for n in members_b if m != n))
        for m, n in pairs:
            x, y = sorted((m, n))
            facts.append((x, y, rule["severity"], rule["effect"], rule["mechanism"], rule["management"],
                          rule["reference"], "rule:" + rule["id"]))

    brands: list[tuple[str, str]] = []
    with (CURATED / "brands.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            for ing in r["ingredients"].split(";"):
                brands.append((clean(r["brand"]), clean(ing)))

    interacting = {f[0] for f in facts} | {f[1] for f in facts} | {ing for _, ing in brands}
    for members in classes.values():
        interacting.update(members)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE ingredient (name TEXT PRIMARY KEY, rxcui TEXT, drugbank_id TEXT, interacting INTEGER NOT NULL);
        CREATE TABLE brand (brand TEXT NOT NULL, ingredient TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (brand, ingredient));
        CREATE TABLE drug_class (class TEXT NOT NULL, ingredient TEXT NOT NULL, PRIMARY KEY (class, ingredient));
        CREATE TABLE interaction (a TEXT NOT NULL, b TEXT NOT NULL, severity TEXT NOT NULL, effect TEXT NOT NULL,
            mechanism TEXT NOT NULL, management TEXT NOT NULL, source TEXT NOT NULL, origin TEXT NOT NULL);
        CREATE INDEX interaction_pair ON interaction (a, b);
        """
    )
    all_names = dict(names)
    for n in interacting:
        all_names.setdefault(n, (None, None))
    con.executemany(
        "INSERT INTO ingredient VALUES (?, ?, ?, ?)",
        [(n, rx, db, int(n in interacting)) for n, (rx, db) in sorted(all_names.items()) if n],
    )
    con.executemany(
        "INSERT OR IGNORE INTO brand VALUES (?, ?, ?)",
        [(b, i, "CareForge curated brand table (US product labelling)") for b, i in brands],
    )
    con.executemany(
        "INSERT OR IGNORE INTO drug_class VALUES (?, ?)",
        [(c, m) for c, members in classes.items() for m in members],
    )
    con.executemany("INSERT INTO interaction VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sorted(set(facts)))
    digest = hashlib.sha256()
    for row in con.execute("SELECT * FROM interaction ORDER BY a, b, origin, source"):
        digest.update(repr(row).encode())
    meta = {
        "version": KB_VERSION,
        "built": dt.date.today().isoformat(),
        "content_sha256": digest.hexdigest(),
        "sources": "VA NDF-RT (public domain, via Merged-PDDI); ONC non-interruptive DDI list (Phansalkar 2013); "
        "FDA UNII/RxNorm/DrugBank ingredient names (via dbmi-pitt/public-PDDI-analysis); "
        "CareForge class rules and brand table (references on each rule)",
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.commit()
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("ingredient", "brand", "drug_class", "interaction")}
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)
    return counts


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data" / "ddi")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(build(args.shared, args.out))  # noqa: T201
