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
three), two neighbours swapped. A hit is right only if its problem text equals the query's source once normalised, so
the judge is strict: "baffle plugs are worn" does not count for "baffle plugs are worn output", and a query worn down
to "#2 &" has many equally good answers. Target recall@5 >= 0.9 fused: not met. BM25 keeps one-character tokens
(cylinder "#2" vs "#3"); lexical alone beats fusion on this corpus of short, near-identical entries.

Ingest: 3,000 log entries into embedded Chroma; the baseline is sentence-transformers `encode` with one upsert per
batch of 32, ours de-duplicates, sorts by length and batches 64 (both compute-bound on 2 cores; storing in a
background thread gained nothing). Target 2.5x: not met (2.2x-2.5x across runs).

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


def evaluate(retriever: Retriever, n: int = 200, drop: float = 0.2) -> dict[str, object]:
    queries = _queries(n, drop=drop)
    scores: dict[str, object] = {"queries": n, "words_dropped": drop}
    for mode in ("dense", "lexical", "fused"):
        found, rr = 0, 0.0
        for query, relevant, key in queries:
            hits = retriever.search_logs(query, k=5, mode=mode).hits
            # a collapsed near-duplicate stands for its twins, so the same problem text also counts
            rank = next(
                (
                    i
                    for i, h in enumerate(hits)
                    if h.citation_id in relevant or _key(h.snippet.split(" | Action:")[0]) == key
                ),
                None,
            )
            if rank is not None:
                found += 1
                rr += 1 / (rank + 1)
        scores[mode] = {"recall@5": round(found / n, 3), "mrr": round(rr / n, 3)}
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
