"""Fit the semantic triage probe on every writer's sets and the curated bank; write safety/triage/data/probe.npz.

Training data: the curated exemplars (emergency 1, look-alike 0), twelve writers' messages (``WRITERS``: ours, and
writers 2-11 whole, their test halves having been scored and spent; writer 12's tune half only) and ordinary product
questions (0). A message is 1 if it is an emergency; every segment of a look-alike is 0. The probe is a one-hidden-layer
MLP over the embedding, the context cues and the rule flag (sklearn fits it; the product runs its weights in numpy),
its whole-message probability averaged with a word model's (TF-IDF uni- and bigrams, ``data/words.npz``). A
message of up to SHORT_WORDS words is read whole; a longer one is read whole and per segment.

What failed before was another writer's phrasing, so everything is chosen by leave-one-WRITER-out validation: fit on
the other writers (plus the bank and the routine questions), score the one left out, for each writer (writer 12's test
half is never read here). Within-writer 5-fold CV is reported beside it. Chosen there:
- the model (MODELS) and the threshold: the highest whose pooled held-out recall on English messages, with the
  rules, reaches TARGET_RECALL;
- the veto: the highest whole-message probability below which the probe overrules the rules' weaker categories
  (not suicide, harm to others or overdose) with no held-out emergency lost;
- the segment threshold for long messages: above LONG_QUANTILE of held-out benign segments and well above every
  sentence of the benchmark's long ward note, so a note of many benign sentences stays quiet.
Figures are per style too (long, non_english, indirect, slang, ...). Usage: python scripts/tune_triage.py
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]
from sklearn.neural_network import MLPClassifier  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.triage import FILLER  # noqa: E402
from evaluation.cases import CASES  # noqa: E402
from evaluation.triage import DATA, Case, load_cases  # noqa: E402
from retrieval import default_embedder  # noqa: E402
from safety.triage.detector import DEFEAT, NEVER_VETOED  # noqa: E402
from safety.triage.normalise import normalise  # noqa: E402
from safety.triage.ruleset import rule_keys  # noqa: E402
from safety.triage.semantic import PROBE, SHORT_WORDS, WORDS, features, load_exemplars, segments  # noqa: E402
from safety.word_model import fit as fit_words_model  # noqa: E402
from safety.word_model import save  # noqa: E402

Array = npt.NDArray[np.float64]
# hidden units (0: logistic) and the weight of a nearest-neighbour vote blended into the whole-message probability
MODELS = {"mlp 128": (128, 0.0)}  # a 10-NN vote blended in (0.5) did not help cross-writer; see git history
KNN = 10
CHOSEN = "mlp 128"
# Pooled leave-one-writer-out recall with the rules; the threshold is the highest that reaches it. Messages in other
# languages are left out of the target: the probe reads English only and the lexicon that flags them was written
# with two writers' misses in view, so their held-out recall is not what this fold would show (reported apart).
# A missed emergency costs more than a false alarm. With the veto taking back rule false alarms, 0.99 was the knee
# of the held-out curve (session 12, leave-one-writer-out: 0.61 -> 0.45 gave +1.4 recall for +1.2 false alarms; 0.40
# would add +0.3 recall for +1.1 more).
TARGET_RECALL = 0.99
BANK_PER_KEY = 40  # writer emergencies kept per category in the nearest-exemplar bank (beside the curated ones)
LONG_QUANTILE = 0.98  # of held-out benign segments
# Every writer's messages the probe may learn from: whole sets whose test halves have been scored (and so are spent),
# and only the tune half of the newest writer, whose test half stays held out for the figures in docs/evaluation.md.
WRITERS = {
    "old": ("triage_tune.csv", "triage_own.csv"),
    **{f"v{n}": (f"triage_v{n}_tune.csv", f"triage_v{n}_test.csv") for n in range(2, 14)},
    "v14": ("triage_v14_tune.csv",),
}
STYLES = ("long", "non_english", "indirect", "slang", "misspelt", "terse", "nurse_shorthand", "lay", "mixed")


def routine_questions() -> list[Case]:
    """Ordinary product questions as look-alikes: the tune half of the blind medication questions and the
    end-to-end cases that are not emergencies. Without them the probe took "tramadol with sertraline?" for a crisis.
    """
    with (DATA / "drug_questions_tune.csv").open(newline="", encoding="utf-8") as handle:
        drug = [Case(r["persona"], frozenset({"none"}), "routine", r["question"]) for r in csv.DictReader(handle)]
    product = [Case(c.persona, frozenset({"none"}), "routine", c.text) for c in CASES if c.category != "emergency"]
    return drug + product


def capped(keys: list[str], per_key: int = BANK_PER_KEY) -> list[int]:
    """The first ``per_key`` writer emergencies of each category: enough to name a flag's category, and a bank small
    enough to stay in cache beside the embedding model (3,000 rows cost about 2.5 ms a message on these machines)."""
    seen: dict[str, int] = {}
    out = []
    for i, key in enumerate(keys):
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= per_key:
            out.append(i)
    return out


def make(hidden: int) -> LogisticRegression | MLPClassifier:
    if hidden == 0:
        return LogisticRegression(C=4.0, max_iter=4000, class_weight="balanced")
    return MLPClassifier((hidden,), alpha=1e-2, max_iter=600, random_state=0)


def fit(hidden: int, x: Array, labels: Array) -> LogisticRegression | MLPClassifier:
    model = make(hidden)
    if hidden == 0:
        return model.fit(x, labels)
    pos, neg = np.flatnonzero(labels == 1), np.flatnonzero(labels == 0)
    rows = np.concatenate([neg, np.resize(pos, len(neg))])  # positives repeated to balance the classes
    return model.fit(x[rows], labels[rows])


def main() -> None:
    embedder = default_embedder()
    by_writer = {name: [c for f in files for c in load_cases(DATA / f)] for name, files in WRITERS.items()}
    cases = [c for group in by_writer.values() for c in group] + routine_questions()
    n_routine = len(cases) - sum(len(g) for g in by_writer.values())
    source = np.array([name for name, group in by_writer.items() for _ in group] + ["routine"] * n_routine)
    scored = source != "routine"  # the figures are on the two tune sets; routine questions only train
    style = np.array([c.style for c in cases])
    y = np.array([c.emergency for c in cases])
    texts = [normalise(c.message) for c in cases]
    rule_sets = [set(rule_keys(t)) for t in texts]
    rule_hit = np.array([bool(k) for k in rule_sets])
    vetoable = rule_hit & np.array(
        [not k & NEVER_VETOED and not DEFEAT.search(t) for k, t in zip(rule_sets, texts, strict=True)]
    )
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

    def training(idx: npt.NDArray[np.int64]) -> tuple[Array, Array]:
        xs, ys = [ex_x, lk_x], [np.ones(len(ex_x)), np.zeros(len(lk_x))]
        for i in idx:
            xs.append(whole_x[i : i + 1])
            ys.append(np.array([float(y[i])]))
            if not y[i]:  # no part of a look-alike is an emergency; an emergency's other sentences may be benign
                xs.append(seg_x[i])
                ys.append(np.zeros(len(seg_x[i])))
        return np.vstack(xs), np.concatenate(ys)

    Splits = list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]

    emb = whole_x[:, :384] / np.linalg.norm(whole_x[:, :384], axis=1, keepdims=True)
    bank_emb = np.vstack([ex_x[:, :384], lk_x[:, :384]])
    bank_emb /= np.linalg.norm(bank_emb, axis=1, keepdims=True)
    bank_y = np.concatenate([np.ones(len(ex_x)), np.zeros(len(lk_x))])
    word_bank = ex_texts + lk_texts

    def knn_vote(train: npt.NDArray[np.int64], held: npt.NDArray[np.int64]) -> Array:
        ref, ref_y = np.vstack([bank_emb, emb[train]]), np.concatenate([bank_y, y[train]])
        sims = emb[held] @ ref.T
        top = np.argsort(-sims, axis=1)[:, :KNN]
        weights = np.take_along_axis(sims, top, axis=1).clip(0.01)
        return np.asarray((ref_y[top] * weights).sum(axis=1) / weights.sum(axis=1))

    def held_out(spec: tuple[int, float], splits: Splits) -> tuple[Array, Array, float]:
        """Held-out whole and max-segment probabilities per message, and the long-segment threshold."""
        whole, seg, benign, fill = np.full(len(cases), np.nan), np.zeros(len(cases)), [], []
        hidden, knn_weight = spec
        for train, held in splits:
            model = fit(hidden, *training(train))
            fill.append(model.predict_proba(filler_x)[:, 1].max())
            vectorizer, words = fit_words_model(
                word_bank + [wholes[i] for i in train], np.concatenate([bank_y, y[train]])
            )
            by_words = words.predict_proba(vectorizer.transform([wholes[i] for i in held]))[:, 1]
            whole[held] = (model.predict_proba(whole_x[held])[:, 1] + by_words) / 2
            if knn_weight:
                whole[held] = (1 - knn_weight) * whole[held] + knn_weight * knn_vote(train, held)
            for i in held:
                per_seg = model.predict_proba(seg_x[i])[:, 1]
                seg[i] = per_seg.max()
                if not y[i]:
                    benign.append(per_seg)
        long_t = float(min(0.99, max(np.quantile(np.concatenate(benign), LONG_QUANTILE), max(fill) + 0.05)))
        return whole, seg, round(long_t, 2)

    every = np.arange(len(cases))
    routine = every[source == "routine"]
    writers = tuple(WRITERS)
    cross: Splits = [  # leave one writer out: fit on the others, score it
        (np.concatenate([every[(source != b) & scored], routine]), every[source == b]) for b in writers
    ]
    within: Splits = [
        (np.concatenate([every[scored][tr], routine]), every[scored][te])
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(every[scored], y[scored])
    ]

    def figures(flag: npt.NDArray[np.bool_], ev: npt.NDArray[np.bool_]) -> dict[str, object]:
        out: dict[str, object] = {
            "recall": round(float(flag[y & ev].mean()), 4),
            "false_positives": round(float(flag[~y & ev].mean()), 4),
        }
        for s in STYLES:
            if (ev & (style == s)).any():
                out[s] = f"recall {flag[y & ev & (style == s)].mean():.3f} fp {flag[~y & ev & (style == s)].mean():.3f}"
        return out

    def flagger(whole: Array, seg: Array, long_t: float) -> Callable[[float], npt.NDArray[np.bool_]]:
        return lambda t: (whole >= t) | (long_msg & (seg >= max(t, long_t))) | rule_hit

    report: dict[str, object] = {
        "tuned_on": ", ".join(
            f"{name}: {' + '.join(files)} ({len(by_writer[name])})" for name, files in WRITERS.items()
        )
        + f", routine questions ({int((~scored).sum())}), {len(ex_texts) + len(lk_texts)} exemplars",
        "rules alone": {w: figures(rule_hit, source == w) for w in writers},
    }
    chosen: dict[str, float] = {}
    for name, spec in MODELS.items():
        whole, seg, long_t = held_out(spec, cross)
        flag = flagger(whole, seg, long_t)
        threshold = next(
            (
                float(t)
                for t in np.round(np.arange(0.99, 0.01, -0.01), 2)
                if flag(t)[y & scored & (style != "non_english")].mean() >= TARGET_RECALL
            ),
            0.02,
        )
        # The probe's veto over the rules' weaker categories: the highest peak below which overruling them would have
        # lost no held-out emergency (the product reads the whole message's probability, or a long one's best part).
        peak = np.where(long_msg, np.maximum(whole, seg), whole)
        quiet_rules = vetoable & (whole < threshold) & ~(long_msg & (seg >= max(threshold, long_t)))
        veto = next(
            (float(v) for v in np.round(np.arange(0.30, 0.0, -0.01), 2) if not (quiet_rules & (peak < v) & y).any()),
            0.0,
        )
        overruled = quiet_rules & (peak < veto) & scored
        vetoed_flag = flag(threshold) & ~overruled
        entry: dict[str, object] = {
            "threshold": threshold,
            "veto": veto,
            "pooled with the veto": figures(vetoed_flag, scored),
            "overruled look-alikes (pooled)": int((overruled & ~y).sum()),
            "long_segment_threshold": long_t,
            "pooled": figures(flag(threshold), scored),
            "pooled, English only (the target)": figures(flag(threshold), scored & (style != "non_english")),
            **{f"held out {w}": figures(flag(threshold), source == w) for w in writers},
            "previous operating point (0.12, 0.99), held out v3": figures(
                (whole >= 0.12) | (long_msg & (seg >= 0.99)) | rule_hit, source == "v3"
            ),
            "curve (pooled)": {
                str(t): "recall {recall} fp {false_positives}".format(**figures(flag(t), scored))
                for t in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7)
            },
        }
        w_whole, w_seg, w_long = held_out(spec, within)
        entry["within-writer 5-fold at the same thresholds"] = figures(
            (w_whole >= threshold) | (long_msg & (w_seg >= max(threshold, w_long))) | rule_hit, scored
        )
        report[f"leave-one-writer-out {name}"] = entry
        if name == CHOSEN:
            chosen = {"threshold": threshold, "long_threshold": long_t, "veto": veto}
        print(name, json.dumps(entry, indent=1), flush=True)
    model = fit(MODELS[CHOSEN][0], *training(every))
    assert isinstance(model, MLPClassifier)
    vectorizer, words = fit_words_model(word_bank + wholes, np.concatenate([bank_y, y]))
    save(WORDS, vectorizer, words.coef_[0], float(words.intercept_[0]), chosen["threshold"])
    writer_keys = [sorted(c.categories)[0] for c in cases if c.emergency]
    keep = [len(ex_texts) + i for i in capped(writer_keys)]
    bank_texts = ex_texts + [t for t, c in zip(texts, cases, strict=True) if c.emergency]
    bank_keys = [k for k, _ in emergencies] + writer_keys
    bank_texts = bank_texts[: len(ex_texts)] + [bank_texts[i] for i in keep]
    bank_keys = bank_keys[: len(ex_texts)] + [bank_keys[i] for i in keep]
    np.savez_compressed(
        PROBE,
        w1=model.coefs_[0].astype(np.float32),
        b1=model.intercepts_[0].astype(np.float32),
        w2=model.coefs_[1][:, 0].astype(np.float32),
        b2=np.float32(model.intercepts_[1][0]),
        threshold=np.float32(chosen["threshold"]),
        long_threshold=np.float32(chosen["long_threshold"]),
        veto=np.float32(chosen["veto"]),
        bank=embedder.embed(bank_texts).astype(np.float32),
        bank_keys=np.array(bank_keys),
        bank_texts=np.array(bank_texts),
    )
    report["chosen"] = {"model": CHOSEN, **chosen, "target_recall": TARGET_RECALL}
    (PROBE.parent / "probe.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["chosen"]))


if __name__ == "__main__":
    main()
