"""Fit the semantic triage probe on the TUNE split and the curated bank; write safety/triage/data/probe.npz.

Training data: the curated exemplars (emergency 1, look-alike 0), the tune split and the team's own set (a message is
1 if it is an emergency; every segment of a look-alike is 0) and ordinary product questions (0). The probe is a
one-hidden-layer MLP over the embedding, the context cues and the rule flag (sklearn fits it; the product runs its
weights in numpy). A message of up to SHORT_WORDS words is read whole; a longer one is read whole and per segment.

Everything is chosen by 5-fold cross-validation inside tune + own (the test split is never read here):
- the model (a logistic probe, the previous one, against MLPs; see MODELS),
- the threshold: the highest whose recall, together with the rules, reaches TARGET_RECALL,
- the segment threshold for long messages: above 98% of held-out benign segments (sentences of tune look-alikes and
  ordinary questions) and well above every sentence of the benchmark's long ward note, so a long note of many benign
  sentences stays quiet; the CV recall of a single emergency buried in such a note is reported beside it.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]
from sklearn.neural_network import MLPClassifier  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.triage import FILLER  # noqa: E402
from evaluation.cases import CASES  # noqa: E402
from evaluation.triage import DATA, TUNE, Case, load_cases  # noqa: E402
from retrieval import default_embedder  # noqa: E402
from safety.triage.normalise import normalise  # noqa: E402
from safety.triage.ruleset import rule_keys  # noqa: E402
from safety.triage.semantic import PROBE, SHORT_WORDS, features, load_exemplars, segments  # noqa: E402

MODELS = {"mlp 128": 128, "logistic C=4 (previous)": 0}
CHOSEN = "mlp 128"  # lowest CV false positives at TARGET_RECALL (probe.json lists each model)
TARGET_RECALL = 0.972  # the previous probe's CV recall with the rules on the same data: recall is not given up
LONG_QUANTILE = 0.98  # of held-out benign segments (CV on tune among 0.95, 0.98, 0.99 and the maximum)


def routine_questions() -> list[Case]:
    """Ordinary product questions as look-alikes: the tune half of the blind medication questions and the
    end-to-end cases that are not emergencies. Without them the probe took "tramadol with sertraline?" for a crisis.
    """
    with (DATA / "drug_questions_tune.csv").open(newline="", encoding="utf-8") as handle:
        drug = [Case(r["persona"], frozenset({"none"}), "routine", r["question"]) for r in csv.DictReader(handle)]
    product = [Case(c.persona, frozenset({"none"}), "routine", c.text) for c in CASES if c.category != "emergency"]
    return drug + product


def make(hidden: int) -> LogisticRegression | MLPClassifier:
    if hidden == 0:
        return LogisticRegression(C=4.0, max_iter=4000, class_weight="balanced")
    return MLPClassifier((hidden,), alpha=1e-2, max_iter=600, random_state=0)


def fit(hidden: int, x: np.ndarray, labels: np.ndarray) -> LogisticRegression | MLPClassifier:
    if hidden == 0:
        return make(0).fit(x, labels)
    pos, neg = np.flatnonzero(labels == 1), np.flatnonzero(labels == 0)
    rows = np.concatenate([neg, np.resize(pos, len(neg))])  # positives repeated to balance the classes
    return make(hidden).fit(x[rows], labels[rows])


def main() -> None:
    embedder = default_embedder()
    cases = load_cases(TUNE) + load_cases(DATA / "triage_own.csv") + routine_questions()
    scored = np.array([c.kind != "routine" for c in cases])  # the figures are on tune + own; routine only trains
    y = np.array([c.emergency for c in cases])
    texts = [normalise(c.message) for c in cases]
    rule_hit = np.array([bool(rule_keys(t)) for t in texts])
    long_msg = np.array([len(t.split()) > SHORT_WORDS for t in texts])
    segs = [segments(t) or [t] for t in texts]
    seg_x = [features(embedder.embed(s), s) for s in segs]
    wholes = [" ".join(t.split()[: SHORT_WORDS * 2]) for t in texts]
    whole_x = features(embedder.embed(wholes), wholes)
    filler = [normalise(f).rstrip(". ") for f in FILLER]
    filler_x = features(embedder.embed(filler), filler)
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

    def cross_validate(hidden: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Held-out whole and max-segment probabilities per message, benign segments' and the filler's."""
        whole, seg, benign, fill = np.zeros(len(cases)), np.zeros(len(cases)), [], []
        for train, held in StratifiedKFold(5, shuffle=True, random_state=0).split(whole_x, y):
            model = fit(hidden, *training(train))
            fill.append(model.predict_proba(filler_x)[:, 1])
            for i in held:
                whole[i] = model.predict_proba(whole_x[i : i + 1])[0, 1]
                per_seg = model.predict_proba(seg_x[i])[:, 1]
                seg[i] = per_seg.max()
                if not y[i]:
                    benign.append(per_seg)
        return whole, seg, np.concatenate(benign), np.max(fill, axis=0)

    report: dict[str, object] = {
        "tuned_on": f"{TUNE.name} + triage_own.csv ({int(scored.sum())} scored) + routine "
        f"questions ({int((~scored).sum())}) + {len(ex_texts) + len(lk_texts)} exemplars"
    }
    ev = scored
    report["rules alone (in-sample: the rules were written on tune)"] = {
        "recall": round(float(rule_hit[y & ev].mean()), 4),
        "false_positives": round(float(rule_hit[~y & ev].mean()), 4),
    }
    chosen: dict[str, float] = {}
    for name, hidden in MODELS.items():
        whole, seg, benign, fill = cross_validate(hidden)
        long_threshold = round(float(min(0.99, max(np.quantile(benign, LONG_QUANTILE), fill.max() + 0.05))), 2)
        grid = np.round(np.arange(0.99, 0.01, -0.01), 2)
        for threshold in grid:
            semantic = (whole >= threshold) | (long_msg & (seg >= max(threshold, long_threshold)))
            if ((semantic | rule_hit)[y & ev]).mean() >= TARGET_RECALL:
                break
        both = semantic | rule_hit
        curve = {}
        for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            flag = (whole >= t) | (long_msg & (seg >= max(t, long_threshold))) | rule_hit
            curve[str(t)] = f"recall {flag[y & ev].mean():.3f} false positives {flag[~y & ev].mean():.3f}"
        buried = whole[y & ev & ~long_msg] >= long_threshold  # a short emergency read as one sentence of a long note
        report[f"CV {name}"] = {
            "threshold": float(threshold),
            "long_segment_threshold": long_threshold,
            "recall_with_rules": round(float(both[y & ev].mean()), 4),
            "false_positives_with_rules": round(float(both[~y & ev].mean()), 4),
            "recall_semantic_alone": round(float(semantic[y & ev].mean()), 4),
            "false_positives_semantic_alone": round(float(semantic[~y & ev].mean()), 4),
            "ordinary_questions_flagged_semantic": round(float(semantic[~ev].mean()), 4),
            "long_messages_false_positives_with_rules": round(float(both[~y & ev & long_msg].mean()), 4),
            "long_messages_recall_with_rules": round(float(both[y & ev & long_msg].mean()), 4),
            "short_emergency_buried_in_a_long_note_recall_semantic": round(float(buried.mean()), 4),
            "curve_with_rules": curve,
        }
        if name == CHOSEN:
            chosen = {"threshold": float(threshold), "long_threshold": long_threshold}
        print(name, json.dumps(report[f"CV {name}"]), flush=True)
    hidden = MODELS[CHOSEN]
    model = fit(hidden, *training(np.arange(len(cases))))
    assert isinstance(model, MLPClassifier)
    bank_texts = ex_texts + [t for t, c in zip(texts, cases, strict=True) if c.emergency]
    bank_keys = [k for k, _ in emergencies] + [sorted(c.categories)[0] for c in cases if c.emergency]
    np.savez_compressed(
        PROBE,
        w1=model.coefs_[0].astype(np.float32),
        b1=model.intercepts_[0].astype(np.float32),
        w2=model.coefs_[1][:, 0].astype(np.float32),
        b2=np.float32(model.intercepts_[1][0]),
        threshold=np.float32(chosen["threshold"]),
        long_threshold=np.float32(chosen["long_threshold"]),
        bank=embedder.embed(bank_texts).astype(np.float32),
        bank_keys=np.array(bank_keys),
        bank_texts=np.array(bank_texts),
    )
    report["chosen"] = {"model": CHOSEN, **chosen, "target_recall": TARGET_RECALL}
    (PROBE.parent / "probe.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["chosen"]))


if __name__ == "__main__":
    main()
