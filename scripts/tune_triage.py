"""Fit the semantic triage probe on the TUNE split and the curated bank; write safety/triage/data/probe.npz.

Training data: the curated exemplars (emergency 1, look-alike 0), the tune split and the team's own set (a message is
1 if it is an emergency; every segment of a look-alike is 0). The probability threshold is chosen by 5-fold
cross-validation inside tune: the highest one whose recall, together with the rules, reaches TARGET_RECALL. The
category bank is the curated exemplars plus the tune emergencies. The test split is never read here.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.cases import CASES  # noqa: E402
from evaluation.triage import DATA, TUNE, Case, load_cases  # noqa: E402
from retrieval import default_embedder  # noqa: E402
from safety.triage import Triage  # noqa: E402
from safety.triage.normalise import normalise  # noqa: E402
from safety.triage.semantic import PROBE, features, load_exemplars, segments  # noqa: E402

C = 4.0  # chosen by cross-validation on tune among 1, 2, 4, 8, 16 (and against a 64-unit MLP: no better)
TARGET_RECALL = 0.95


def routine_questions() -> list[Case]:
    """Ordinary product questions as look-alikes: the tune half of the blind medication questions and the
    end-to-end cases that are not emergencies. Without them the probe took "tramadol with sertraline?" for a crisis.
    """
    with (DATA / "drug_questions_tune.csv").open(newline="", encoding="utf-8") as handle:
        drug = [Case(r["persona"], frozenset({"none"}), "routine", r["question"]) for r in csv.DictReader(handle)]
    product = [Case(c.persona, frozenset({"none"}), "routine", c.text) for c in CASES if c.category != "emergency"]
    return drug + product


def main() -> None:
    embedder = default_embedder()
    cases = load_cases(TUNE) + load_cases(DATA / "triage_own.csv") + routine_questions()
    y = np.array([c.emergency for c in cases])
    rules = Triage(None)
    rule_hit = np.array([bool(rules.assess(c.message).flags) for c in cases])
    texts = [normalise(c.message) for c in cases]
    segs = [segments(t) or [t] for t in texts]
    seg_x = [features(embedder.embed(s), s) for s in segs]
    wholes = [" ".join(t.split()[:80]) for t in texts]
    whole_x = features(embedder.embed(wholes), wholes)
    emergencies, lookalikes = load_exemplars()
    ex_texts = [t.lower() for _, t in emergencies]
    lk_texts = [t.lower() for t in lookalikes]
    ex_x = features(embedder.embed(ex_texts), ex_texts)
    lk_x = features(embedder.embed(lk_texts), lk_texts)

    def training(idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        xs, ys = [ex_x, lk_x], [np.ones(len(ex_x)), np.zeros(len(lk_x))]
        for i in idx:
            xs.append(whole_x[i : i + 1])
            ys.append(np.array([float(y[i])]))
            if not y[i]:  # no part of a look-alike is an emergency; an emergency's other sentences may be benign
                xs.append(seg_x[i])
                ys.append(np.zeros(len(seg_x[i])))
        return np.vstack(xs), np.concatenate(ys)

    def fit(idx: np.ndarray) -> LogisticRegression:
        x, labels = training(idx)
        return LogisticRegression(C=C, max_iter=4000, class_weight="balanced").fit(x, labels)

    prob = np.zeros(len(cases))
    for train, held in StratifiedKFold(5, shuffle=True, random_state=0).split(whole_x, y):
        model = fit(train)
        for i in held:
            prob[i] = model.predict_proba(np.vstack([seg_x[i], whole_x[i : i + 1]]))[:, 1].max()
    grid = np.round(np.arange(0.05, 0.95, 0.01), 2)
    recall = {t: float(((prob >= t) | rule_hit)[y].mean()) for t in grid}
    threshold = max((t for t in grid if recall[t] >= TARGET_RECALL), default=float(grid[0]))
    flagged = (prob >= threshold) | rule_hit
    model = fit(np.arange(len(cases)))
    bank_texts = ex_texts + [t for t, c in zip(texts, cases, strict=True) if c.emergency]
    bank_keys = [k for k, _ in emergencies] + [sorted(c.categories)[0] for c in cases if c.emergency]
    np.savez_compressed(
        PROBE,
        coef=model.coef_[0].astype(np.float32),
        intercept=np.float32(model.intercept_[0]),
        threshold=np.float32(threshold),
        bank=embedder.embed(bank_texts).astype(np.float32),
        bank_keys=np.array(bank_keys),
        bank_texts=np.array(bank_texts),
    )
    report = {
        "threshold": float(threshold),
        "C": C,
        "tuned_on": f"{TUNE.name} + triage_own.csv + routine questions ({len(cases)} messages) + "
        f"{len(ex_texts) + len(lk_texts)} exemplars",
        "cv_recall_with_rules": round(float(flagged[y].mean()), 4),
        "cv_false_positive_rate_with_rules": round(float(flagged[~y].mean()), 4),
        "cv_recall_probe_alone": round(float((prob >= threshold)[y].mean()), 4),
        "cv_false_positive_rate_probe_alone": round(float((prob >= threshold)[~y].mean()), 4),
    }
    (PROBE.parent / "probe.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
