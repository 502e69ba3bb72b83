"""Retrieval: evaluation (recall@5, MRR by mode), ingest throughput against a naive baseline, query latency at scale.

Evaluation queries are derived from the logs themselves: a problem text with its shorthand expanded, about a third of
its words dropped and the rest partly reordered. The right answers are every entry with the same problem text.
"""

from __future__ import annotations

import csv
import random
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from bench.machine import summary
from retrieval import DEMO_DATA, default_embedder
from retrieval.ingest import ingest_logs
from retrieval.search import Retriever
from retrieval.shorthand import default_shorthand
from retrieval.store import LOGS, VectorStore, open_client

FILES = ("medical_equipment_logs.csv", "maintnet_aviation_logs.csv")
NOTES = """
Evaluation: 200 queries derived from log problems of the bundled corpora (6,475 entries: MaintNet aviation and
CareForge medical-equipment logs): shorthand expanded, words dropped at random ("mild" about one in five, "hard" one in
three), two neighbours swapped. Two judges: "strict" counts a hit only if its problem text equals the query's source
once normalised; "same_words" also counts a problem with the same content words in another order ("2 cylinder has low
compression" for "2 cylinder compression low"). A query worn down to "#2 &" has many equally good answers under
either. BM25 keeps one-character tokens (cylinder "#2" vs "#3"). The shorthand table drops MaintNorm pairs that
rewrite real words only in some contexts ("out" -> "output", "hand" -> "handrail", "timer" -> "tyre"): fused strict
recall@5 rose from 0.78 to 0.81 with that fix. Fusion then weighs the dense ranks of log results 0.35 (chosen on
tuning queries drawn with seed 7; the figures here use seed 11): mild strict 0.81 -> 0.855, and fusion now beats
either side alone. Target recall@5 >= 0.9 fused: met only by the same_words judge on mild queries.

Ingest: 3,000 log entries into embedded Chroma; the baseline is sentence-transformers `encode` with one upsert per
batch of 32, ours de-duplicates, sorts by length and batches 64 (both compute-bound on 2 cores; storing in a
background thread gained nothing). Target 2.5x: not met reliably, 2.1x to 2.6x across this session's runs.

Query latency: the real logs scaled up with perturbed copies of their vectors and texts, stored with the metadata
ingestion writes; the query is embedded on ONNX Runtime (exported once from the bundled weights, checked against
torch), Chroma's count is cached briefly, and near-duplicate keys are computed at ingest. Target p95 < 25 ms at 100k.
"""


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", default_shorthand().normalise(text)).strip()


def _queries(n: int, seed: int = 11, drop: float = 0.2, min_words: int = 5) -> list[tuple[str, set[str], str]]:
    """(query, ids of the right entries, normalised problem text of the right entries).

    ``drop`` is the share of words removed; 0.2 removes about one word in five ("mild"), 0.33 a third ("hard").
    """
    rng = random.Random(seed)
    by_problem: dict[str, set[str]] = defaultdict(set)
    problems: dict[str, str] = {}
    for name in FILES:
        with (DEMO_DATA / name).open(encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh):
                problem = row.get("problem") or row.get("PROBLEM") or ""
                log_id = row.get("log_id") or row.get("IDENT") or ""
                if len(problem.split()) >= min_words:
                    by_problem[_key(problem)].add(f"log:{log_id}")
                    problems.setdefault(_key(problem), problem)
    out = []
    for key in rng.sample(sorted(problems), n):
        words = default_shorthand().normalise(problems[key]).split()
        kept = [w for w in words if rng.random() > drop] or words[:2]
        if len(kept) > 3:  # swap two neighbours
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
        out.append((" ".join(kept).lower(), by_problem[key], key))
    return out


# Function words a maintainer would not call a different fault: "2 cylinder has low compression" states the same
# problem as "2 cylinder compression low".
_FUNCTION_WORDS = frozenset("a an the is are was were has have had on in at of to for with and".split())


def _content(key: str) -> frozenset[str]:
    return frozenset(w for w in key.split() if w not in _FUNCTION_WORDS)


def evaluate(retriever: Retriever, n: int = 200, drop: float = 0.2) -> dict[str, object]:
    """recall@5 and MRR per mode, under two judges.

    strict: the hit's problem text equals the source once normalised (or it is a source entry itself).
    same_words: the hit's problem has the same content words as the source, in any order, function words aside.
    """
    queries = _queries(n, drop=drop)
    scores: dict[str, object] = {"queries": n, "words_dropped": drop}
    for mode in ("dense", "lexical", "fused"):
        found = {"strict": 0, "same_words": 0}
        rr = {"strict": 0.0, "same_words": 0.0}
        for query, relevant, key in queries:
            hits = retriever.search_logs(query, k=5, mode=mode).hits
            keys = [_key(h.snippet.split(" | Action:")[0]) for h in hits]
            judges = {
                # a collapsed near-duplicate stands for its twins, so the same problem text also counts
                "strict": [h.citation_id in relevant or k == key for h, k in zip(hits, keys, strict=True)],
                "same_words": [
                    h.citation_id in relevant or _content(k) == _content(key) for h, k in zip(hits, keys, strict=True)
                ],
            }
            for judge, right in judges.items():
                rank = next((i for i, ok in enumerate(right) if ok), None)
                if rank is not None:
                    found[judge] += 1
                    rr[judge] += 1 / (rank + 1)
        scores[mode] = {
            f"{judge}_{metric}": round(value / n, 3)
            for judge in found
            for metric, value in (("recall@5", found[judge]), ("mrr", rr[judge]))
        }
    return scores


def _all_rows() -> list[tuple[str, str]]:
    rows = []
    for name in FILES:
        with (DEMO_DATA / name).open(encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh):
                p = row.get("problem") or row.get("PROBLEM") or ""
                a = row.get("action") or row.get("ACTION") or ""
                rows.append((p, a))
    return rows


def ingest_throughput(limit: int = 3000) -> dict[str, object]:
    """Ours (dedup, length-sorted batches, skip unchanged) against sentence-transformers encode + one upsert a batch."""
    from sentence_transformers import SentenceTransformer

    from retrieval.embeddings import bundled_model_path

    texts = [f"{p} | Action: {a}" if a else p for p, a in _all_rows()][:limit]
    with tempfile.TemporaryDirectory() as tmp:
        client = open_client("embedded", Path(tmp) / "baseline")
        col = client.get_or_create_collection("baseline-logs", embedding_function=None)
        model = SentenceTransformer(str(bundled_model_path()), device="cpu")
        started = time.perf_counter()
        for i in range(0, len(texts), 32):
            part = texts[i : i + 32]
            vectors = model.encode(part, batch_size=32)
            col.upsert(ids=[f"b{i + j}" for j in range(len(part))], embeddings=vectors.tolist(), documents=part)
        baseline = time.perf_counter() - started

        path = Path(tmp) / "logs.csv"
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["log_id", "problem", "action"])
            for n, (p, a) in enumerate(_all_rows()[:limit]):
                w.writerow([f"L{n}", p, a])
        store = VectorStore(open_client("embedded", Path(tmp) / "ours"), default_embedder())
        started = time.perf_counter()
        ingest_logs(path, store, default_shorthand())
        ours = time.perf_counter() - started
    return {
        "documents": len(texts),
        "baseline_docs_per_s": round(len(texts) / baseline, 1),
        "ours_docs_per_s": round(len(texts) / ours, 1),
        "speedup": round(baseline / ours, 2),
        "target": ">= 2.5x",
    }


def query_latency(sizes: tuple[int, ...] = (10_000, 100_000), queries: int = 60) -> dict[str, object]:
    """Scale the real logs up synthetically (perturbed copies of real vectors and texts), then time real queries."""
    embedder = default_embedder()
    base = [f"{p} | Action: {a}" if a else p for p, a in _all_rows()]
    base_vectors = embedder.embed(base)
    rng = np.random.default_rng(5)
    qs = [q for q, _, _ in _queries(queries)]
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = VectorStore(open_client("embedded", Path(tmp)), embedder)
        col = store.collection(LOGS)
        filled = 0
        for size in sizes:
            while filled < size:
                n = min(5000, size - filled)
                idx = rng.integers(0, len(base), n)
                vectors = base_vectors[idx] + rng.normal(0, 0.02, (n, base_vectors.shape[1])).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                docs = [f"{base[i]} (unit {filled + j})" for j, i in enumerate(idx)]
                col.add(
                    ids=[f"log:S{filled + j}" for j in range(n)],
                    embeddings=vectors.tolist(),
                    documents=docs,
                    # what ingestion stores with each entry
                    metadatas=[
                        {"log_id": f"S{filled + j}", "dup_key": default_shorthand().duplicate_key(d)}
                        for j, d in enumerate(docs)
                    ],
                )
                filled += n
            retriever = Retriever(store, default_shorthand())
            retriever.search_logs("warm up the lexical index")
            times = []
            for q in qs:
                started = time.perf_counter()
                retriever.search_logs(q)
                times.append(time.perf_counter() - started)
            out[f"query_{size}"] = summary(times)
    out["target"] = "p95 < 25 ms at 100k, query embedding included"
    return out


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        store = VectorStore(open_client("embedded", Path(tmp)), default_embedder())
        for name in FILES:
            ingest_logs(DEMO_DATA / name, store, default_shorthand())
        retriever = Retriever(store, default_shorthand())
        mild, hard = evaluate(retriever, drop=0.2), evaluate(retriever, drop=0.33)
    return {"evaluation_mild": mild, "evaluation_hard": hard, "ingest": ingest_throughput(), **query_latency()}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
