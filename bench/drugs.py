"""Drug-interaction benchmark: knowledge-base load and a 20-drug (190-pair) check with name normalisation."""

from __future__ import annotations

import time

from bench.machine import summary
from tools.drugs import DrugNameResolver, check_drug_interactions, load_knowledge_base

# Typed the way people type: brands, salts, case and one misspelling.
TWENTY = [
    "Coumadin",
    "advil",
    "Zocor",
    "clarithromycin",
    "lisinopril",
    "spironolactone",
    "metoprolol succinate",
    "Lasix",
    "sertraline",
    "tramadol",
    "omeprazole",
    "Plavix",
    "amiodarone",
    "digoxin",
    "levothyroxine",
    "calcium carbonate",
    "Glucophage",
    "atorvastatin",
    "aspirin",
    "allopurinl",
]


def run(repeats: int = 200, loads: int = 7) -> dict[str, object]:
    load_times = []
    for _ in range(loads):
        started = time.perf_counter()
        kb = load_knowledge_base()
        load_times.append(time.perf_counter() - started)
    resolver = DrugNameResolver(kb)
    report = check_drug_interactions(TWENTY, kb, resolver)
    assert report.pairs_checked == 190, report.pairs_checked
    checks = []
    for _ in range(repeats):
        started = time.perf_counter()
        check_drug_interactions(TWENTY, kb, resolver)
        checks.append(time.perf_counter() - started)
    return {
        "kb_load": summary(load_times),
        "check_20_drugs": summary(checks),
        "findings": len(report.interactions),
        "targets": "check median < 2 ms; load < 200 ms",
    }


if __name__ == "__main__":
    print(run())
