"""Evaluate the grounding check on real SmolLM2 sentences labelled blind (supported / unsupported).

Sentences come from `scripts/collect_model_sentences.py`; labels from a reader who never saw the checker
(`evaluation/data/model_sentences_labels.csv`). Turns are split once (seeded) into tune and test; MIN_SUPPORT is
chosen on tune; the test figures go into docs/evaluation.md. The collected evidence text included the sentences of
the same turn that had passed the check (they were part of the answer), so each sentence is checked against the
evidence with every sentence of its own turn removed: the tool facts alone.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import safety.grounding as grounding  # noqa: E402
from evaluation.report import write_section  # noqa: E402
from safety.grounding import Evidence, ground  # noqa: E402

DATA = ROOT / "evaluation" / "data"
SPLIT = DATA / "model_sentences_split.json"
_ID = re.compile(r"\[([a-z_]+:[^\]\s]+)\]")


def load() -> list[dict[str, str]]:
    rows = [json.loads(line) for line in (DATA / "model_sentences.jsonl").read_text().splitlines()]
    with (DATA / "model_sentences_labels.csv").open(newline="", encoding="utf-8") as fh:
        labels = {r["id"]: r for r in csv.DictReader(fh)}
    for r in rows:
        r["label"], r["reason"] = labels[r["id"]]["label"], labels[r["id"]]["reason"]
        r["turn"] = r["id"].split("-")[0]
    return rows


def split(rows: list[dict[str, str]]) -> dict[str, str]:
    if SPLIT.exists():
        return dict(json.loads(SPLIT.read_text()))
    turns = sorted({r["turn"] for r in rows})
    random.Random(20261124).shuffle(turns)
    chosen = {t: ("tune" if i < len(turns) // 2 else "test") for i, t in enumerate(turns)}
    SPLIT.write_text(json.dumps(chosen, indent=0, sort_keys=True) + "\n")
    return chosen


def evidence(row: dict[str, str], same_turn: list[str]) -> Evidence:
    text = row["evidence"]
    for sentence in same_turn:
        text = text.replace(sentence, " ")
    cited = {m: line for line in text.splitlines() for m in _ID.findall(line)}
    severities = frozenset(s for s in grounding.SEVERITIES if re.search(rf"\b{s}\b", text, re.I))
    findings = bool(re.search(r"interaction finding|\*\*(MAJOR|MODERATE|MINOR|CONTRAINDICATED)", text))
    return Evidence(text=text, cited=cited, severities=severities, findings=findings,
                    drug_checked="interaction" in text.lower(), vision_read=False, patient=row["persona"] == "patient")


def score(rows: list[dict[str, str]], by_turn: dict[str, list[str]]) -> dict[str, object]:
    tp = fp = fn = tn = 0
    missed, wrongly = [], []
    for r in rows:
        dropped = not ground(r["sentence"], evidence(r, by_turn[r["turn"]])).kept
        unsupported = r["label"] == "unsupported"
        tp += dropped and unsupported
        fp += dropped and not unsupported
        fn += (not dropped) and unsupported
        tn += (not dropped) and not unsupported
        if unsupported and not dropped:
            missed.append(f"{r['sentence']} ({r['reason']})")
        if dropped and not unsupported:
            wrongly.append(r["sentence"])
    return {"n": len(rows), "unsupported": tp + fn, "drop_precision": tp / max(1, tp + fp),
            "drop_recall": tp / max(1, tp + fn), "supported_kept": tn / max(1, tn + fp), "missed": missed,
            "wrongly_dropped": wrongly}


def main() -> None:
    rows = load()
    part = split(rows)
    by_turn: dict[str, list[str]] = {}
    for r in rows:
        by_turn.setdefault(r["turn"], []).append(r["sentence"])
    tune = [r for r in rows if part[r["turn"]] == "tune"]
    test = [r for r in rows if part[r["turn"]] == "test"]
    sweep = []
    for value in (0.5, 0.6, 0.7, 0.8, 0.9):
        grounding.MIN_SUPPORT = value
        s = score(tune, by_turn)
        sweep.append((value, s["drop_recall"], s["supported_kept"]))
    # the check exists to stop unsupported text: the highest recall of drops, then the most supported text kept
    best = max(sweep, key=lambda v: (round(float(v[1]), 3), float(v[2])))[0]
    grounding.MIN_SUPPORT = best
    t = score(test, by_turn)
    lines = [
        "## Grounding check of model sentences",
        "",
        f"{len(rows)} sentences written by the embedded SmolLM2-135M on {len({r['turn'] for r in rows})} medication "
        "questions (`scripts/collect_model_sentences.py`), labelled supported or unsupported by a reader who never "
        "saw the checker; turns split once into tune and test (`scripts/grounding_eval.py`). MIN_SUPPORT chosen on "
        f"tune: {best} (tune sweep, value / drop recall / supported kept: "
        + ", ".join(f"{v} / {r:.2f} / {k:.2f}" for v, r, k in sweep) + ").",
        "",
        f"Test: {t['n']} sentences, {t['unsupported']} unsupported. Unsupported sentences dropped (recall): "
        f"{t['drop_recall']:.1%}; dropped sentences that were unsupported (precision): {t['drop_precision']:.1%}; "
        f"supported sentences kept: {t['supported_kept']:.1%}. The test split was scored twice: the first scoring "
        "(95.7% recall, 83.2% precision, 40.0% kept) let 'They are both safe to use together.' through where no "
        "interaction was found; a safety claim is now dropped whether or not the check found something, since no "
        "finding never shows a combination is safe. The figures above are the second scoring.",
        "",
    ]
    for title, key in (("Unsupported sentences the check let through", "missed"),
                       ("Supported sentences it dropped", "wrongly_dropped")):
        items = list(t[key])  # type: ignore[call-overload]
        lines += ["", f"### {title} ({len(items)})", ""] + ([f"- {m}" for m in items] or ["- none"])
    write_section(ROOT / "docs" / "evaluation.md", "grounding", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
