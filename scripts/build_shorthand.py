"""Build retrieval/data/shorthand.json: technician shorthand -> expansion.

Sources: MaintNet's aviation abbreviation list and MaintNorm's raw -> normalised token pairs (../shared/data/maintenance).
Only pairs seen at least twice in MaintNorm, whose expansion differs from the token, are kept.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "maintenance"
OUT = ROOT / "retrieval" / "data" / "shorthand.json"


# Where MaintNet's aviation list reads shop-floor shorthand wrongly, or lacks common forms.
OVERRIDES = {
    "ops": "operational", "r&r": "remove and replace", "chk": "check", "chkd": "checked", "c/w": "complied with",
    "repl": "replace", "rpl": "replace", "replcd": "replaced", "insp": "inspection", "pm": "preventive maintenance",
    "cal": "calibration", "calib": "calibration", "s/n": "serial number", "p/n": "part number", "psu": "power supply",
    "pcb": "circuit board", "fw": "firmware", "sw": "software", "err": "error", "flt": "fault", "occl": "occlusion",
    "vent": "ventilator", "spo2": "oxygen saturation", "ecg": "electrocardiogram", "nibp": "blood pressure",
    "peep": "positive end expiratory pressure", "bp": "blood pressure", "batt": "battery", "u/s": "unserviceable",
}


def build() -> dict[str, object]:
    table: dict[str, str] = dict(OVERRIDES)
    with (SHARED / "maintnet_aviation" / "Aviation_Abbreviation_Dataset.csv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            short, full = r["Abbreviated"].strip().lower(), r["Standard_Description"].strip().lower()
            if short and full and short != full and len(short) <= 8:
                table.setdefault(short, full)
    pairs: Counter[tuple[str, str]] = Counter()
    kept_as_is: Counter[str] = Counter()
    for part in ("train", "val", "test"):
        for line in (SHARED / "maintnorm" / f"combined_{part}.norm").read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                raw, norm = line.split("\t", 1)
                raw, norm = raw.strip().lower(), norm.strip().lower()
                if raw and raw == norm:
                    kept_as_is[raw] += 1
                elif raw and norm and not norm.startswith("<"):
                    pairs[(raw, norm)] += 1
    for (raw, norm), n in pairs.most_common():
        # Bare numbers ("2" -> "two-way") and placeholders ("<num>") would corrupt fault descriptions.
        if n < 2 or raw.isdigit() or "<" in norm or not any(ch.isalpha() for ch in raw):
            continue
        # A real word normalised only in some contexts ("hand" -> "handrail", "timer" -> "tyre") is not shorthand:
        # expanding it everywhere puts wrong words into queries and the index.
        if n <= 2 * kept_as_is[raw]:
            continue
        if raw.replace("/", "").isalnum() or "/" in raw:
            table.setdefault(raw, norm)
    out = {
        "sources": "MaintNet aviation abbreviations (Akhbardeh et al., COLING 2020 demos); MaintNorm (nlp-tlp/maintnorm, MIT)",
        "entries": dict(sorted(table.items())),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=0, sort_keys=False))
    return {"entries": len(table)}


if __name__ == "__main__":
    print(build())
