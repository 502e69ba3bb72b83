"""Redaction evaluation: recall per identifier kind and over-redaction, written to docs/privacy-evaluation.md.

The set (``evaluation/data/redaction_set.jsonl``, written blind to the code) is split once, by a fixed seed and
stratified by style, into a tune part (rules were adjusted on it) and a test part (looked at only through this
report). ``--split`` makes the split and refuses to make it again.

An identifier counts as redacted when its value no longer appears in the output (case- and spacing-insensitive);
a keep item counts as destroyed when it no longer appears.

    .venv/bin/python scripts/redaction_eval.py --split            # once
    .venv/bin/python scripts/redaction_eval.py --part tune        # while tuning: prints misses
    .venv/bin/python scripts/redaction_eval.py --set evaluation/data/redaction_own.jsonl   # any set of this schema
    .venv/bin/python scripts/redaction_eval.py                    # test part -> docs/privacy-evaluation.md
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import safety.redaction.names as names_module  # noqa: E402
from app.privacy import redact  # noqa: E402
from safety.redaction.lexicon import listed, name_lists  # noqa: E402

DATA = ROOT / "evaluation" / "data"
SET = DATA / "redaction_set.jsonl"
SEED = 19  # the number; fixed so the split never moves
TUNE_SHARE = 0.4
# The one blind run on the test part, before anything was changed after seeing it. Over-redaction bugs it showed
# were fixed afterwards (a date followed by a time read as a phone number, "2024-11-02 08:14" -> "[PHONE]:14"; a
# firmware version read as an IP address); the numbers this script computes now are therefore no longer blind.
BLIND_RUN = """Blind run (the first run on test, before any fix): 432/454 identifiers (95.2%):
address 24/28, date_of_birth 48/49, email 24/24, insurance_id 7/7, ip_address 3/4, mrn 24/25, name 187/198,
nhs_number 16/16, phone 47/47, postcode 19/19, ssn 12/14, zip 21/23; 17 of 578 keep items destroyed (2.9%)."""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def split() -> None:
    """Split the set into tune and test files, stratified by style; never overwrites an existing split."""
    tune_path, test_path = DATA / "redaction_set_tune.jsonl", DATA / "redaction_set_test.jsonl"
    if tune_path.exists() or test_path.exists():
        raise SystemExit("the split exists already; it is made once")
    by_style: dict[str, list[str]] = defaultdict(list)
    for line in SET.read_text().splitlines():
        if line.strip():
            by_style[json.loads(line)["style"]].append(line)
    rng, tune, test = random.Random(SEED), [], []
    for style in sorted(by_style):
        lines = by_style[style]
        rng.shuffle(lines)
        cut = round(len(lines) * TUNE_SHARE)
        tune += lines[:cut]
        test += lines[cut:]
    tune_path.write_text("\n".join(tune) + "\n")
    test_path.write_text("\n".join(test) + "\n")
    print(f"tune {len(tune)} rows, test {len(test)} rows (seed {SEED})")


def outcome(row: dict[str, Any], out: str) -> tuple[list[bool], list[bool]]:
    """For one redacted text: whether each identifier is gone and each keep item survived (case and spacing aside).

    Shared with ``fit_name_model``, which scores its held-out writers the same way.
    """
    low = _norm(out)
    # "90" is inside the placeholder "[AGE-90+]": an age counts as found only when it is gone from the rest.
    bare = _norm(out.replace("[AGE-90+]", "[AGE]"))
    gone = [_norm(ident["value"]) not in bare for ident in row["identifiers"]]
    return gone, [_norm(item) in low for item in row.get("keep", [])]


def evaluate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall per kind, destroyed keep items, misses, timing."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kept, misses, destroyed, elapsed = [0, 0], [], [], 0.0
    for row in rows:
        start = time.perf_counter()
        out = redact(row["text"])
        elapsed += time.perf_counter() - start
        gone_flags, survived_flags = outcome(row, out)
        for ident, gone in zip(row["identifiers"], gone_flags, strict=True):
            found[ident["kind"]][0] += gone
            found[ident["kind"]][1] += 1
            if not gone:
                misses.append({"kind": ident["kind"], "value": ident["value"], "style": row["style"], "output": out})
        for item, survived in zip(row.get("keep", []), survived_flags, strict=True):
            kept[0] += survived
            kept[1] += 1
            if not survived:
                destroyed.append({"keep": item, "style": row["style"], "output": out})
    return {
        "rows": len(rows),
        "found": dict(found),
        "kept": kept,
        "misses": misses,
        "destroyed": destroyed,
        "ms_per_row": 1000 * elapsed / max(1, len(rows)),
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def name_list_coverage(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """How many name words of the set the Census lists hold: (on a list, all name words)."""
    first, last = name_lists()
    words = [
        w.lower()
        for r in rows
        for i in r["identifiers"]
        if i["kind"] == "name"
        for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", i["value"])
        if len(w) > 1
    ]
    return sum(listed(w, first) or listed(w, last) for w in words), len(words)


def without_name_lists(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The same evaluation with empty name lists: what the lists add (cues and the dictionary remain)."""
    empty: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    original = names_module.__dict__["name_lists"]
    setattr(names_module, "name_lists", lambda: empty)  # noqa: B010  (a test seam, not an API)
    try:
        return evaluate(rows)
    finally:
        setattr(names_module, "name_lists", original)  # noqa: B010


def markdown(test: dict[str, Any], tune: dict[str, Any], ablation: dict[str, Any], coverage: tuple[int, int]) -> str:
    """The report: headline on the test part, the tune part for comparison, every miss and destroyed keep item."""
    found, total = sum(v[0] for v in test["found"].values()), sum(v[1] for v in test["found"].values())
    lines = [
        "# Redaction evaluation",
        "",
        "Written by `scripts/redaction_eval.py` from `evaluation/data/redaction_set.jsonl` (written blind to the",
        f"redactor), split once with seed {SEED}, stratified by style: {tune['rows']} tune rows (rules were adjusted",
        f"on these) and {test['rows']} test rows (reported here, never tuned on). An identifier is redacted when its",
        "value no longer appears in the output; a keep item (a clinical fact) is destroyed when it no longer appears.",
        'Both checks ignore case, so a name that is also a word ("Will") counts as missed while "will" remains.',
        "",
        BLIND_RUN,
        "",
        "Next only over-redaction was fixed, never recall: two bugs that run revealed (a date followed by a time",
        "taken for a phone number, a firmware version taken for an IP address) and what the product's own texts showed",
        "(all-capitals maintenance logs, knowledge notes and drug facts lost words to [NAME]; month-name dates of record",
        "became [DATE]). Those fixes cost a little recall; the test part is no longer blind. It was scored again",
        "(95.4%) after a round tuned on this set's tune part and a self-written set, and a third time after two rounds",
        "tuned on two later writers' tune parts (96.7%), and a fourth (session 8) after a round tuned on a fourth writer's",
        "tune part. Since that round a full date (day, month, year) is a person's under HIPAA Safe Harbor and goes as",
        "[DATE]; this writer had listed 15 sample, scan and admission dates as clinical facts to keep, which now count",
        "as destroyed. In session 13 a day and month without a year became a person's date too; the 24 of this writer's",
        "kept ones that date a patient's episode were relabelled as identifiers and 6 that are no patient's left",
        "unscored (scripts/relabel_safe_harbor_dates.py). docs/evaluation.md has every scoring of every set:",
        "",
        f"**Test: {found}/{total} identifiers redacted ({_pct(found, total)}); "
        f"{test['kept'][1] - test['kept'][0]} of {test['kept'][1]} keep items destroyed "
        f"({_pct(test['kept'][1] - test['kept'][0], test['kept'][1])}); {test['ms_per_row']:.2f} ms per row.**",
        "",
        "| kind | test recall | tune recall |",
        "| --- | --- | --- |",
    ]
    for kind in sorted(set(test["found"]) | set(tune["found"])):
        t, u = test["found"].get(kind, [0, 0]), tune["found"].get(kind, [0, 0])
        lines.append(f"| {kind} | {t[0]}/{t[1]} ({_pct(*t)}) | {u[0]}/{u[1]} ({_pct(*u)}) |")
    tf, tt = sum(v[0] for v in tune["found"].values()), sum(v[1] for v in tune["found"].values())
    lines += [f"| **all** | {found}/{total} ({_pct(found, total)}) | {tf}/{tt} ({_pct(tf, tt)}) |", ""]
    named, ablated = test["found"].get("name", [0, 0]), ablation["found"].get("name", [0, 0])
    lines += [
        "## Names: what finds them",
        "",
        'Person names are found by titles and cue words ("Dr", "my neighbour", "Name:", a sign-off), by the',
        "1990 US Census name lists (5,163 first names, 88,799 surnames; public domain) from the `names` package (MIT),",
        "and by Webster's Second International word list (web2, public domain; 210,768 lower-case words) from the",
        '`english-words` package (MIT): a capitalised word that is no English word ("Okafor") stands where names',
        "stand. Drug names (the bundled interaction knowledge base), medical eponyms and institutions are excluded.",
        "No NER model: spaCy's models are not on PyPI, and a list plus context is fast (no model load) and explainable.",
        "",
        f"- The Census lists hold {coverage[0]} of the {coverage[1]} name words in the test part "
        f"({_pct(*coverage)}); the rest are found by cues and the dictionary.",
        f"- Name recall on test: {named[0]}/{named[1]} ({_pct(*named)}) with the lists, "
        f"{ablated[0]}/{ablated[1]} ({_pct(*ablated)}) without them (cues and dictionary alone); "
        f"keep items destroyed without the lists: {ablation['kept'][1] - ablation['kept'][0]}.",
        "",
        "## Missed identifiers (test)",
        "",
    ]
    lines += [f"- {m['kind']} `{m['value']}` ({m['style']}): `{m['output']}`" for m in test["misses"]] or ["None."]
    lines += ["", "## Over-redaction: keep items destroyed (test)", ""]
    lines += [f"- `{d['keep']}` ({d['style']}): `{d['output']}`" for d in test["destroyed"]] or ["None."]
    lines += [
        "",
        "By design, and not counted above: a full date 15 or more years old becomes `[DATE]` (usually a birth date,",
        "sometimes an old operation date); a capitalised word that is no English word, next to a name or after a cue,",
        "is taken for a name (a foreign place or a brand can go); a nine-digit or longer number goes whole.",
    ]
    return "\n".join(lines) + "\n"


def _load(part: str) -> list[dict[str, Any]]:
    path = DATA / f"redaction_set_{part}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run with --split once first")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def main() -> None:
    """Command line: --split, --part tune (prints misses), or the report on the test part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="store_true", help="make the tune/test split (once)")
    parser.add_argument("--part", choices=["tune", "test"], help="print one part's numbers and misses only")
    parser.add_argument("--set", type=Path, help="score another set of the same schema (e.g. a held-out one) and print")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "privacy-evaluation.md")
    args = parser.parse_args()
    if args.split:
        split()
        return
    if args.part or args.set:
        path = args.set or DATA / f"redaction_set_{args.part}.jsonl"
        result = evaluate([json.loads(line) for line in path.read_text().splitlines() if line.strip()])
        found = sum(v[0] for v in result["found"].values())
        total = sum(v[1] for v in result["found"].values())
        result["summary"] = {
            "identifiers": f"{found}/{total} ({_pct(found, total)})",
            "keep_destroyed": f"{result['kept'][1] - result['kept'][0]}/{result['kept'][1]}",
            "by_kind": {k: f"{a}/{b} ({_pct(a, b)})" for k, (a, b) in sorted(result["found"].items())},
        }
        print(json.dumps({k: v for k, v in result.items()}, indent=1, ensure_ascii=False))
        return
    test = _load("test")
    report = markdown(evaluate(test), evaluate(_load("tune")), without_name_lists(test), name_list_coverage(test))
    args.out.write_text(report)
    print(report)


if __name__ == "__main__":
    main()
