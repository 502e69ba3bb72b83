"""Instruction-like text detector: fit the embedding probe and the word model, choose thresholds, score a set.

Both are fitted on the exemplar bank (``safety/injection_data/exemplars.jsonl``) plus every writer's passages
(writers 1-9 whole, writer 10's tune half; its test half is held out). Thresholds are chosen on out-of-writer scores
(each writer scored by models fitted without it): the embedding probe's is the lowest that keeps benign passages
flagged (by patterns, or by meaning in text addressed to a reader: ``safety.injection.addressed``) at or under
``--max-fp``; the word model's the lowest that keeps all layers together within the same budget. Sets are JSON lines
``{"text", "label": "injection"|"benign", "style"}``.

    .venv/bin/python scripts/injection_eval.py --fit                      # writes probe.npz and wording.npz
    .venv/bin/python scripts/injection_eval.py                            # tune set: figures, misses, false alarms
    .venv/bin/python scripts/injection_eval.py --set evaluation/data/injection_set_v2.jsonl --quiet   # held out
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval import DEFAULT_CACHE, default_embedder  # noqa: E402
from retrieval.embeddings import MiniLMEmbedder  # noqa: E402
from safety.injection import EXEMPLARS, PROBE, InjectionDetector, addressed, pattern_cues  # noqa: E402
from safety.injection_wording import WORDING  # noqa: E402
from safety.word_model import fit as fit_words  # noqa: E402
from safety.word_model import save  # noqa: E402

TUNE = ROOT / "evaluation" / "data" / "injection_tune.jsonl"


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _writers() -> list[list[dict[str, Any]]]:
    """Every writer's passages the probe may learn from: each set whole, or its tune half while its test half is held out."""
    names = [
        "injection_tune.jsonl",
        *(f"injection_set_v{v}.jsonl" for v in range(2, 13)),
        "injection_set_v13_tune.jsonl",  # writer 13's test half stays held out
    ]
    return [_load(ROOT / "evaluation" / "data" / n) for n in names]


def fit(max_fp: float, c: float) -> None:
    """Fit the probe on the bank and every writer; choose the threshold on scores no model saw; write the probe file.

    Each writer is scored by a probe fitted on the bank and the other writers, so the threshold (the lowest that keeps
    benign passages flagged, by patterns or by meaning in text addressed to a reader, within ``max_fp``) is chosen on
    out-of-writer scores, as a new writer's passages will be scored.
    """
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    embedder = default_embedder()
    bank, writers = _load(EXEMPLARS), _writers()

    def probe_on(rows: list[dict[str, Any]]) -> tuple[Any, float]:
        x = embedder.embed([r["text"][:600] for r in rows])
        y = np.array([r["label"] == "injection" for r in rows])
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
        return model.coef_[0].astype(np.float32), float(model.intercept_[0])

    held_scores, held = [], []
    for i, rows in enumerate(writers):
        coef, intercept = probe_on(bank + [r for j, w in enumerate(writers) if j != i for r in w])
        np.savez(PROBE, coef=coef, intercept=intercept, threshold=np.inf, embedder=embedder.name)
        held_scores += [s for s, _ in InjectionDetector(embedder).scores([r["text"] for r in rows])]
        held += rows
    scores = np.array(held_scores)
    benign = np.array([r["label"] == "benign" for r in held])
    patterned = np.array([bool(pattern_cues(r["text"])) for r in held])
    scores = np.where(np.array([addressed(r["text"]) for r in held]), scores, -np.inf)  # the meaning layer's gate
    allowed = int(max_fp * benign.sum())
    threshold = float("inf")
    # Lower it while false alarms stay within budget.
    for t in sorted(set(scores[benign & np.isfinite(scores)].tolist()), reverse=True):
        if int((benign & (patterned | (scores >= t))).sum()) > allowed:
            break
        threshold = t
    threshold = float(np.nextafter(np.float32(threshold), np.float32(np.inf))) if np.isfinite(threshold) else 3.0
    coef, intercept = probe_on(bank + [r for w in writers for r in w])
    np.savez(PROBE, coef=coef, intercept=intercept, threshold=threshold, embedder=embedder.name)
    flagged = benign & (patterned | (scores >= threshold))
    print(
        f"probe on {len(bank)} exemplars + {len(held)} writer passages (C={c}); threshold {threshold:.3f} "
        f"(out-of-writer benign flagged <= {allowed} of {int(benign.sum())})"
    )
    fit_wording(bank, writers, flagged, allowed)


def fit_wording(bank: list[dict[str, Any]], writers: list[list[dict[str, Any]]], flagged: Any, allowed: int) -> None:
    """Fit the word model (``safety.injection_wording``) and choose its threshold on out-of-writer scores.

    ``flagged`` marks the benign passages (writers in order) the other layers already flag; the threshold is the
    lowest that keeps the union within ``allowed``. The model's settings are ``safety.word_model.fit``'s; scoring the
    whole passage beat its best sentence on eight writers.
    """

    def model_on(rows: list[dict[str, Any]]) -> tuple[Any, Any]:
        return fit_words([r["text"] for r in rows], np.array([r["label"] == "injection" for r in rows]))

    held: list[float] = []
    for i, rows in enumerate(writers):
        vectorizer, model = model_on(bank + [r for j, w in enumerate(writers) if j != i for r in w])
        held += model.decision_function(vectorizer.transform([r["text"] for r in rows])).tolist()
    labels = np.array([r["label"] == "benign" for w in writers for r in w])
    scores = np.array(held)
    threshold = float("inf")
    for t in sorted(set(scores[labels].tolist()), reverse=True):
        if int((labels & (flagged | (scores >= t))).sum()) > allowed:
            break
        threshold = t
    threshold = float(np.nextafter(threshold, np.inf)) if np.isfinite(threshold) else 3.0
    vectorizer, model = model_on(bank + [r for w in writers for r in w])
    save(WORDING, vectorizer, model.coef_[0], float(model.intercept_[0]), threshold)
    injections = ~labels
    print(
        f"word model on {len(vectorizer.idf_)} n-grams; threshold {threshold:.3f}; out-of-writer: injections "
        f"{int((injections & (scores >= threshold)).sum())}/{int(injections.sum())} by words alone, benign flagged "
        f"{int((labels & (flagged | (scores >= threshold))).sum())}/{int(labels.sum())} by any layer"
    )


def evaluate(path: Path, quiet: bool) -> dict[str, Any]:
    """Recall on injection passages, false alarms on benign ones, by layer and by style; time per passage."""
    rows = _load(path)
    # A fresh embedder that remembers nothing, so the time per passage includes embedding every window.
    detector = InjectionDetector(MiniLMEmbedder(cache_dir=DEFAULT_CACHE, memory=0))
    detector.check(["warm-up"])
    start = time.perf_counter()
    verdicts = detector.check([r["text"] for r in rows])
    per_passage = 1000 * (time.perf_counter() - start) / max(1, len(rows))
    out: dict[str, Any] = {"set": str(path), "threshold": detector.threshold, "ms_per_passage": round(per_passage, 2)}
    by_style: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    layers = {"patterns": [0, 0], "meaning": [0, 0], "wording": [0, 0], "combined": [0, 0]}
    counts = {"injection": 0, "benign": 0}
    misses, alarms = [], []
    for row, v in zip(rows, verdicts, strict=True):
        label = row["label"]
        counts[label] += 1
        col = 0 if label == "injection" else 1
        pattern, meaning = bool(set(v.cues) - {"meaning", "wording"}), "meaning" in v.cues
        layered = (("patterns", pattern), ("meaning", meaning), ("wording", "wording" in v.cues))
        for name, hit in (*layered, ("combined", v.suspicious)):
            layers[name][col] += hit
        key = f"{label}/{row.get('style', '?')}"
        by_style[key][0] += v.suspicious
        by_style[key][1] += 1
        if label == "injection" and not v.suspicious:
            misses.append(f"{v.score:+.2f} [{row.get('style')}] {row['text'][:140]}")
        if label == "benign" and v.suspicious:
            alarms.append(f"{v.score:+.2f} {v.cues} [{row.get('style')}] {row['text'][:140]}")
    n_inj, n_ben = counts["injection"], counts["benign"]
    for name, (tp, fp) in layers.items():
        out[name] = (
            f"recall {tp}/{n_inj} ({100 * tp / max(1, n_inj):.1f}%), benign flagged {fp}/{n_ben} "
            f"({100 * fp / max(1, n_ben):.1f}%)"
        )
    out["by_style"] = {k: f"{a}/{b} flagged" for k, (a, b) in sorted(by_style.items())}
    if not quiet:
        out["misses"], out["false_alarms"] = misses, alarms
    return out


def main() -> None:
    """Command line: --fit, or score a set (the tune set by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the probe and choose its threshold on the tune set")
    parser.add_argument("--max-fp", type=float, default=0.03, help="benign share the tune set may flag (--fit)")
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation of the probe (--fit)")
    parser.add_argument("--set", type=Path, default=TUNE, help="a labelled set to score")
    parser.add_argument("--quiet", action="store_true", help="figures only: no texts of misses or false alarms")
    args = parser.parse_args()
    if args.fit:
        fit(args.max_fp, args.c)
    print(json.dumps(evaluate(args.set, args.quiet), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
