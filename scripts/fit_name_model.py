"""Fit the learned person-name model (``safety.redaction.learned``), validated leave-one-writer-out.

Every word the current redactor leaves standing that could be a name is a sample: label 1 when it lies inside an
identifier of kind "name", 0 otherwise (words inside keep items are the negatives that matter; words inside other
identifiers are left out). For each writer in turn the model is fitted on all the others and scores the held-out
writer; one probability threshold is chosen on the pooled held-out scores so that destroyed keep items grow by at
most 0.1% of all keep items and non-name words redacted stay under 1% of the non-name candidates. The table shows
name and overall identifier recall and destroyed keep items per held-out writer, before (the rules) and after (the
rules plus the model), scored as ``scripts/redaction_eval.py`` scores. With ``--save`` the model fitted on every
writer is written to ``safety/redaction/data/name_model.npz`` with that threshold.

    .venv/bin/python scripts/fit_name_model.py            # LOWO table only
    .venv/bin/python scripts/fit_name_model.py --save     # and write the model
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import safety.redaction.learned as learned  # noqa: E402
from safety import privacy  # noqa: E402
from scripts.redaction_eval import _pct, outcome  # noqa: E402
from tools.drugs import name_words  # noqa: E402

DATA = ROOT / "evaluation" / "data"
# Writer 1 wrote redaction_set.jsonl; redaction_own.jsonl is ours and goes with it. Writers 2 to 12 whole (their test
# halves are scored and spent); of writer 13 only the tune half, whose test half stays held out.
WRITERS = (
    {"w1": ["redaction_set.jsonl", "redaction_own.jsonl"]}
    | {f"w{n}": [f"redaction_set_v{n}.jsonl"] for n in range(2, 13)}
    | {"w13": ["redaction_set_v13_tune.jsonl"]}
)
KEEP_BUDGET = 0.001  # at most this share of all keep items may be newly destroyed (about 10 of 9,600)
FP_BUDGET = 0.01  # and at most this share of non-name candidate words redacted
C = 0.3


_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    parts = [re.escape(p) for p in value.split()]
    if not parts:
        return []
    return [m.span() for m in re.finditer(r"\s+".join(parts), text, re.I)]


def load() -> dict[str, list[dict[str, Any]]]:
    """The rows of each writer."""
    return {
        w: [json.loads(line) for f in files for line in (DATA / f).read_text().splitlines() if line.strip()]
        for w, files in WRITERS.items()
    }


def base_outputs(rows: list[dict[str, Any]], protected: frozenset[str]) -> list[str]:
    """The current redactor's output, with the learned model switched off."""
    off = learned.NameModel(Path("/nonexistent"))
    original = learned.default_model
    setattr(learned, "default_model", lambda: off)  # noqa: B010  (a seam for fitting, not an API)
    try:
        return [privacy.redact(r["text"], protected=protected) for r in rows]
    finally:
        setattr(learned, "default_model", original)  # noqa: B010


def samples(row: dict[str, Any], out: str, protected: frozenset[str]) -> tuple[learned.Candidates, list[int | None]]:
    """Candidate words of the redacted text and their labels (1 name, 0 not, None inside another identifier)."""
    cands = learned.Candidates(out, protected)
    names = [sp for i in row["identifiers"] if i["kind"] == "name" for sp in _occurrences(out, i["value"])]
    others = [sp for i in row["identifiers"] if i["kind"] != "name" for sp in _occurrences(out, i["value"])]
    # A word of a name the rules redacted in part ("[NAME] Anh") still leaks that name.
    name_words = {w.lower() for i in row["identifiers"] if i["kind"] == "name" for w in _WORDS.findall(i["value"])}
    keep_words = {w.lower() for k in row.get("keep", []) for w in _WORDS.findall(k)}
    labels: list[int | None] = []
    for s, e in cands.spans:
        word = out[s:e].lower()
        if any(a <= s and e <= z for a, z in names) or word in name_words and word not in keep_words:
            labels.append(1)
        elif any(a < e and s < z for a, z in others):
            labels.append(None)
        else:
            labels.append(0)
    return cands, labels


def apply(out: str, spans: list[tuple[int, int]], scores: np.ndarray, threshold: float) -> str:
    """The text with candidate words at or above ``threshold`` (log-odds) replaced."""
    pieces, pos = [], 0
    for (s, e), sc in zip(spans, scores, strict=True):
        if sc >= threshold:
            pieces += [out[pos:s], "[NAME]"]
            pos = e
    return "".join(pieces) + out[pos:]


def score_rows(rows: list[dict[str, Any]], outs: list[str]) -> dict[str, int]:
    """Name and all identifiers redacted, keep items destroyed, as ``redaction_eval`` counts them."""
    c = {"name": 0, "names": 0, "found": 0, "idents": 0, "destroyed": 0, "keep": 0}
    for row, out in zip(rows, outs, strict=True):
        gone_flags, survived = outcome(row, out)
        for i, gone in zip(row["identifiers"], gone_flags, strict=True):
            c["found"] += gone
            c["idents"] += 1
            if i["kind"] == "name":
                c["name"] += gone
                c["names"] += 1
        c["destroyed"] += survived.count(False)
        c["keep"] += len(survived)
    return c


def fit(features: list[list[str]], labels: list[int], c: float = C) -> tuple[Any, Any]:
    """Binary features seen at least twice, a class-balanced L2 logistic regression."""
    from sklearn.feature_extraction.text import CountVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    vec = CountVectorizer(analyzer=lambda f: f, binary=True, min_df=2, lowercase=False)
    x = vec.fit_transform(features)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="liblinear")
    return vec, model.fit(x, labels)


def to_npz(path: Path, vec: Any, model: Any, threshold: float) -> None:
    """Write vocabulary, coefficients, intercept and threshold (log-odds) in the form ``NameModel`` reads."""
    np.savez_compressed(
        path,
        terms=np.array(vec.get_feature_names_out(), dtype=str),
        coef=model.coef_[0].astype(np.float64),
        intercept=float(model.intercept_[0]),
        threshold=float(threshold),
    )


def main() -> None:
    """LOWO validation, threshold choice, table; ``--save`` writes the model fitted on all writers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--cache", type=Path, help="keep the rules' outputs in this file between runs (any path)")
    args = parser.parse_args()
    protected = name_words()
    data = load()
    if args.cache and args.cache.is_file():
        base = json.loads(args.cache.read_text())
    else:
        base = {w: base_outputs(rows, protected) for w, rows in data.items()}
        if args.cache:
            args.cache.write_text(json.dumps(base))
    cand: dict[str, list[tuple[learned.Candidates, list[int | None]]]] = {
        w: [samples(r, o, protected) for r, o in zip(data[w], base[w], strict=True)] for w in data
    }

    def flat(ws: list[str]) -> tuple[list[list[str]], list[int]]:
        xs, ys = [], []
        for w in ws:
            for c, labels in cand[w]:
                for f, y in zip(c.features, labels, strict=True):
                    if y is not None:
                        xs.append(f)
                        ys.append(y)
        return xs, ys

    held: dict[str, list[np.ndarray]] = {}
    folds: dict[str, learned.NameModel] = {}
    for w in data:
        xs, ys = flat([v for v in data if v != w])
        vec, model = fit(xs, ys, args.c)
        m = learned.NameModel(Path("/nonexistent"))
        m.index = {str(t): i for i, t in enumerate(vec.get_feature_names_out())}
        m.coef, m.intercept = model.coef_[0].astype(np.float64), float(model.intercept_[0])
        held[w] = [m.scores(c) if c.features else np.zeros(0) for c, _ in cand[w]]
        folds[w] = m
        print(f"fold {w}: {len(ys)} training words, {sum(ys)} names", file=sys.stderr)

    before = {w: score_rows(data[w], base[w]) for w in data}
    total_keep = sum(b["keep"] for b in before.values())
    negatives = sum(y == 0 for w in data for _, ls in cand[w] for y in ls)

    def after(t: float) -> tuple[dict[str, dict[str, int]], int]:
        res, fp = {}, 0
        for w in data:
            outs = [apply(o, c.spans, s, t) for o, (c, _), s in zip(base[w], cand[w], held[w], strict=True)]
            res[w] = score_rows(data[w], outs)
            fp += sum(
                int(sc >= t)
                for (_, ls), s in zip(cand[w], held[w], strict=True)
                for y, sc in zip(ls, s, strict=True)
                if y == 0
            )
        return res, fp

    print("\nthreshold sweep (pooled held-out):  p  | name recall | all recall | keep destroyed | non-name redacted")
    chosen = math.inf
    for p in [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999]:
        t = math.log(p / (1 - p))
        res, fp = after(t)
        tot = {k: sum(r[k] for r in res.values()) for k in ("name", "names", "found", "idents", "destroyed")}
        extra_keep = tot["destroyed"] - sum(b["destroyed"] for b in before.values())
        print(
            f"  {p:5.3f} | {tot['name']}/{tot['names']} | {tot['found']}/{tot['idents']} | "
            f"{tot['destroyed']} (+{extra_keep}) | {fp}/{negatives} ({100 * fp / negatives:.2f}%)"
        )
        if extra_keep <= KEEP_BUDGET * total_keep and fp <= FP_BUDGET * negatives and t < chosen:
            chosen = t
    if not math.isfinite(chosen):
        print("no threshold meets the budgets: the model is not used")
        return
    res, fp = after(chosen)
    print(f"\nchosen threshold: p >= {1 / (1 + math.exp(-chosen)):.3f} (log-odds {chosen:.3f})")
    print("\n| writer | name recall before | after | all recall before | after | keep destroyed before | after |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    keys = ("name", "names", "found", "idents", "destroyed", "keep")
    pooled_b, pooled_a = dict.fromkeys(keys, 0), dict.fromkeys(keys, 0)
    for w in data:
        b, a = before[w], res[w]
        for k in pooled_b:
            pooled_b[k] += b[k]
            pooled_a[k] += a[k]
        print(
            f"| {w} | {b['name']}/{b['names']} {_pct(b['name'], b['names'])} | {a['name']}/{a['names']} "
            f"{_pct(a['name'], a['names'])} | {_pct(b['found'], b['idents'])} | {_pct(a['found'], a['idents'])} | "
            f"{b['destroyed']}/{b['keep']} | {a['destroyed']}/{a['keep']} |"
        )
    b, a = pooled_b, pooled_a
    print(
        f"| **pooled** | {b['name']}/{b['names']} {_pct(b['name'], b['names'])} | {a['name']}/{a['names']} "
        f"{_pct(a['name'], a['names'])} | {b['found']}/{b['idents']} {_pct(b['found'], b['idents'])} | "
        f"{a['found']}/{a['idents']} {_pct(a['found'], a['idents'])} | {b['destroyed']}/{b['keep']} | "
        f"{a['destroyed']}/{a['keep']} |"
    )
    print(f"non-name candidate words redacted: {fp}/{negatives}")
    # The same, through the product: each fold's model wired into ``safety.privacy.redact`` (its fixed-point loop
    # lets other rules read the new placeholders), on the writer it never saw.
    print("\nthrough the product (privacy.redact with the fold's model):")
    keys2 = ("name", "names", "found", "idents", "destroyed", "keep")
    prod = dict.fromkeys(keys2, 0)
    original = learned.default_model
    elapsed, rows_run = 0.0, 0
    try:
        for w in data:
            folds[w].threshold = chosen
            setattr(learned, "default_model", lambda m=folds[w]: m)  # noqa: B010
            start = time.perf_counter()
            outs = [privacy.redact(r["text"], protected=protected) for r in data[w]]
            elapsed, rows_run = elapsed + time.perf_counter() - start, rows_run + len(outs)
            a = score_rows(data[w], outs)
            for k in prod:
                prod[k] += a[k]
            print(
                f"| {w} | name {a['name']}/{a['names']} {_pct(a['name'], a['names'])} | all "
                f"{_pct(a['found'], a['idents'])} | keep destroyed {a['destroyed']}/{a['keep']} |"
            )
    finally:
        setattr(learned, "default_model", original)  # noqa: B010
    print(
        f"| **pooled** | name {prod['name']}/{prod['names']} {_pct(prod['name'], prod['names'])} | all "
        f"{prod['found']}/{prod['idents']} {_pct(prod['found'], prod['idents'])} | keep destroyed "
        f"{prod['destroyed']}/{prod['keep']} | {1000 * elapsed / rows_run:.2f} ms per row |"
    )
    if args.save:
        xs, ys = flat(list(data))
        vec, model = fit(xs, ys, args.c)
        to_npz(learned.MODEL_PATH, vec, model, chosen)
        print(f"saved {learned.MODEL_PATH} ({len(vec.get_feature_names_out())} features, {len(ys)} words)")
    start = time.perf_counter()
    _ = [learned.Candidates(o, protected) for o in base["w2"][:50]]
    print(f"feature time: {1000 * (time.perf_counter() - start) / 50:.2f} ms per row", file=sys.stderr)


if __name__ == "__main__":
    main()
