"""Evaluate the drug knowledge base and the free-text name reader; writes docs/drug-evaluation.md.

(a) Held-out ANSM: a fixed random 30% of the ANSM contraindication / not-recommended pairs (mapped to US names) is
    removed from a temporary knowledge base (class entries stay); recall of major-or-above findings on them says
    whether the class rules generalise. (b) Precision: 300 random ingredient pairs that no source lists; how many
    class rules flag major or above. (c) Name reading on the held-out test half of evaluation/data/drug_questions.csv.
Run: ``python scripts/drug_eval.py [--names-only] [--split tune|test]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_drug_kb  # noqa: E402

from tools.drugs import DrugNameResolver, check_drug_interactions, load_knowledge_base  # noqa: E402
from tools.drugs.knowledge_base import DrugKnowledgeBase  # noqa: E402

SEED = 18  # chosen once, before any result was seen
TUNE_SEED = 1818  # the ANSM tune part (drawn from the pairs that are not held out)
HOLD_OUT = 0.30
PRECISION_PAIRS = 300
SHARED = ROOT.parent / "shared" / "data" / "ddi"
DATA = ROOT / "evaluation" / "data"
OUT = ROOT / "docs" / "drug-evaluation.md"


def held_out_pairs() -> list[tuple[str, str]]:
    """The fixed 30% of ANSM major-or-above pairs (after level normalisation), as sorted US-name pairs."""
    rules = build_drug_kb.tomllib.loads((build_drug_kb.CURATED / "class_rules.toml").read_text())
    ansm = build_drug_kb.load_ansm(SHARED, rules, build_drug_kb.read_names(SHARED))
    pairs = sorted({(f.a, f.b) for f in ansm.facts if f.severity in ("contraindicated", "major")})
    return sorted(random.Random(SEED).sample(pairs, round(len(pairs) * HOLD_OUT)))


def tune_pairs() -> list[tuple[str, str]]:
    """The ANSM tune part: a seeded 30% of the major-or-above pairs that are NOT held out (for tuning classes)."""
    rules = build_drug_kb.tomllib.loads((build_drug_kb.CURATED / "class_rules.toml").read_text())
    ansm = build_drug_kb.load_ansm(SHARED, rules, build_drug_kb.read_names(SHARED))
    pairs = sorted({(f.a, f.b) for f in ansm.facts if f.severity in ("contraindicated", "major")})
    rest = sorted(set(pairs) - set(held_out_pairs()))
    return sorted(random.Random(TUNE_SEED).sample(rest, round(len(rest) * HOLD_OUT)))


def recall_held_out(lines: list[str], part: str = "held-out") -> None:
    """Part (a): build without the held-out (or tune-part) pairs' ANSM rows and check each such pair.

    The tune part is built without the held-out pairs as well, so tuning never sees them.
    """
    pairs = held_out_pairs() if part == "held-out" else tune_pairs()
    excluded = set(pairs) | (set(held_out_pairs()) if part == "tune" else set())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.sqlite"
        build_drug_kb.build(SHARED, path, exclude_pairs=excluded)
        kb = load_knowledge_base(path)
    resolver = DrugNameResolver(kb)
    hit = by_rule = 0
    misses: list[str] = []
    for a, b in pairs:
        report = check_drug_interactions([a, b], kb, resolver)
        top = report.interactions[0] if report.interactions else None
        if top is not None and top.severity.rank >= 3:
            hit += 1
            by_rule += any(f.origin.startswith("rule:") and f.severity.rank >= 3 for f in kb.pair_facts(a, b))
        else:
            misses.append(f"{a} + {b}: {top.severity.value if top else 'no finding'}")
    lines += [
        f"## (a) {'Held-out' if part == 'held-out' else 'Tune-part'} ANSM pairs: recall of major-or-above",
        f"{len(pairs)} pairs (seed {SEED if part == 'held-out' else TUNE_SEED}, {HOLD_OUT:.0%} of the ANSM contraindication / not-recommended pairs mapped to "
        "US ingredients). Their ANSM rows were removed from a temporary knowledge base; ANSM class entries stayed.",
        f"- flagged major or above: **{hit} / {len(pairs)} = {hit / len(pairs):.1%}**",
        f"- of which a class rule alone gives major or above: {by_rule} ({by_rule / len(pairs):.1%}); the rest come "
        "from NDF-RT or another ANSM entry for the same pair",
        f"- missed: {len(misses)}; " + ("all:" if part == "tune" else "a sample of 40 (seeded):"),
        *[f"  - {m}" for m in (misses if part == "tune" else random.Random(SEED).sample(misses, min(40, len(misses))))],
        "",
    ]


def precision_unlisted(kb: DrugKnowledgeBase, lines: list[str]) -> None:
    """Part (b): random pairs no source lists; count class-rule findings of major or above."""
    listed = set(kb.pair_rows)
    pool = sorted(kb.interacting)
    rng = random.Random(SEED)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < PRECISION_PAIRS:
        x, y = sorted(rng.sample(pool, 2))
        if (x, y) not in listed and (x, y) not in pairs:
            pairs.append((x, y))
    flagged = []
    for a, b in pairs:
        facts = [f for f in kb.rule_facts(a, b) if f.severity.rank >= 3]
        if facts:
            flagged.append(
                f"{a} + {b}: {max(f.severity.rank for f in facts)} via " + ", ".join(sorted({f.origin for f in facts}))
            )
    lines += [
        "## (b) Pairs no source lists: class-rule findings of major or above",
        f"{PRECISION_PAIRS} random pairs of interacting ingredients (seed {SEED}) with no NDF-RT, ONC or ANSM row.",
        f"- flagged major or above by a class rule: **{len(flagged)} / {PRECISION_PAIRS}** (rank 3 = major, 4 = "
        "contraindicated). Each is listed for review: a flag is a false positive only if the class membership or "
        "rule is wrong for that pair.",
        *[f"  - {f}" for f in flagged],
        "",
    ]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(value: str) -> list[str]:
    return [v.strip().lower() for v in value.split(";") if v.strip()]


def name_recall(resolver: DrugNameResolver, split: str, lines: list[str]) -> float:
    """Part (c): ingredient recall and precision of find_in_text on one half of the question set."""
    rows = _read(DATA / f"drug_questions_{split}.csv")
    tp = fn = fp = 0
    misses: list[str] = []
    extras: list[str] = []
    not_drug_fp: list[str] = []

    def canonical(name: str) -> list[str]:
        # The set's writer spells some ingredients differently ("st john's wort", "ginkgo biloba"); an exact or
        # synonym lookup (never a fuzzy one) puts both sides in the knowledge base's names.
        match = resolver.resolve(name)
        return match.ingredients if match.resolution.value in ("exact", "synonym", "salt") else [name]

    for row in rows:
        expected = {c for e in _split(row["expected"]) for c in canonical(e)}
        found = resolver.find_in_text(row["question"])
        medicines = [m for m in found if m.kind != "food"]
        got = {i for m in medicines for i in m.ingredients}
        tp += len(expected & got)
        fn += len(expected - got)
        fp += len(got - expected)
        if expected - got:
            misses.append(f"{row['question']!r}: missed {sorted(expected - got)}; read {sorted(got)}")
        if got - expected:
            extras.append(f"{row['question']!r}: extra {sorted(got - expected)}")
        for word in _split(row.get("not_drugs", "")):
            hits = [m.typed for m in medicines if word in m.typed.lower() or m.typed.lower() in word]
            if hits:
                not_drug_fp.append(f"{row['question']!r}: '{word}' read as a medicine ({hits})")
    recall = tp / max(1, tp + fn)
    lines += [
        f"## (c) Names read from free text ({split} half, {len(rows)} questions)",
        f"- ingredient recall: **{tp} / {tp + fn} = {recall:.1%}** (target 98%)",
        f"- ingredient precision: {tp} / {tp + fp} = {tp / max(1, tp + fp):.1%}",
        f"- words the set marks as not drugs read as medicines: {len(not_drug_fp)}",
        "- every miss:",
        *([f"  - {m}" for m in misses] or ["  - none"]),
        "- every extra ingredient:",
        *([f"  - {m}" for m in extras] or ["  - none"]),
        "- not-drug false positives:",
        *([f"  - {m}" for m in not_drug_fp] or ["  - none"]),
        "",
    ]
    return recall


def write(lines: Iterable[str], path: Path = OUT) -> None:
    """Write the report with a header that says how it was made."""
    header = [
        "# Drug knowledge base and name reading: evaluation",
        "",
        "Written by `python scripts/drug_eval.py` (do not edit by hand). Seeds are fixed; the question set was split "
        "once into tune and test halves (`scripts/drug_eval_split.py`), names were tuned on the tune half only, and "
        "the numbers below for names are on the test half.",
        "",
    ]
    path.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names-only", action="store_true")
    parser.add_argument(
        "--split",
        default="test",
        choices=[
            "tune",
            "test",
            "v2_tune",
            "v2_test",
            "v3_tune",
            "v3_test",
            "v4_tune",
            "v4_test",
            "v5_tune",
            "v5_test",
            "v6_tune",
            "v6_test",
            "v7_tune",
            "v7_test",
            "v8_tune",
            "v8_test",
            "v9_tune",
            "v9_test",
            "v10_tune",
            "v10_test",
            "v11_tune",
            "v11_test",
            "v12_tune",
            "v12_test",
            "v13_tune",
            "v13_test",
            "v14_tune",
            "v14_test",
        ],
    )
    parser.add_argument(
        "--tune",
        action="store_true",
        help="tune figures only (ANSM tune part, precision, tune names); prints, writes no report",
    )
    args = parser.parse_args()
    kb = load_knowledge_base()
    report: list[str] = [
        f"Knowledge base {kb.version}, built {kb.meta.get('built')}, {kb.meta.get('facts')} pair "
        f"facts, {kb.meta.get('rules')} class rules, {kb.meta.get('class_members')} class members.",
        "",
    ]
    if args.names_only:
        name_recall(DrugNameResolver(kb), args.split, report)
        print("\n".join(report))  # noqa: T201
    elif args.tune:
        recall_held_out(report, "tune")
        precision_unlisted(kb, report)
        name_recall(DrugNameResolver(kb), "tune", report)
        print("\n".join(report))  # noqa: T201
    else:
        recall_held_out(report)
        precision_unlisted(kb, report)
        name_recall(DrugNameResolver(kb), "test", report)
        write(report)
        print("\n".join(report[:40]))  # noqa: T201
