"""Retrieval: evaluation (recall@5, MRR by mode), ingest throughput against a naive baseline, query latency at scale.

Evaluation queries are derived from the logs themselves: a problem text with its shorthand expanded, about a third of
its words dropped and the rest partly reordered. The right answers are every entry with the same problem text.
"""

from __future__ import annotations

import csv
import random
import re
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from bench.machine import summary
from retrieval import DEMO_DATA, default_embedder
from retrieval.ingest import ingest_logs
from retrieval.records import ACTION_SEPARATOR
from retrieval.search import Retriever
from retrieval.shorthand import default_shorthand
from retrieval.store import LOGS, VectorStore, open_client

FILES = ("medical_equipment_logs.csv", "maintnet_aviation_logs.csv")
NOTES = """
Evaluation: 200 queries derived from log problems of the bundled corpora (6,475 entries: MaintNet aviation and
CareForge medical-equipment logs): shorthand expanded, words dropped at random ("mild" about one in five, "hard" one in
three), two neighbours swapped. Judges: "strict" counts a hit only if its problem text equals the query's source once
normalised; "same_words" also counts a problem with the same content words in another order ("2 cylinder has low
compression" for "2 cylinder compression low"); "answerable_strict" is the strict judge on the queries whose words
still occur together in at most 5 distinct problems (the "answerable" count). A query worn down to "#3 & rocker
leaking" fits dozens of problems equally well, and no ranking can tell which one it was cut from: those queries are
most of the remaining misses. Tuning used queries drawn with seed 7; the figures here use seed 11.

What moved recall (strict, mild, fused): shorthand pairs that rewrite real words dropped ("out" -> "output", "timer" ->
"tyre"): 0.78 -> 0.81; dense ranks of log results weighed 0.35 in the fusion: -> 0.855; entries with the same problem
grouped into one hit that lists the other fixes, so five copies of "2 4 intake gaskets leaking" no longer fill the
top 5; and the embedding model reading normalised text ("remove and replace battery") instead of abbreviations with
their expansions appended, on both the indexed and the query side: -> 0.90. BM25 k1/b and other dense weights were
tried on the tuning queries and changed nothing beyond noise. Target recall@5 >= 0.9 fused: met on mild queries by the
strict judge, and on answerable queries at both levels; not on all hard queries (about 0.71).

Ingest: 3,000 log entries into embedded Chroma, three alternating rounds, median of the per-round ratios. Baselines:
sentence-transformers `encode` and one upsert per batch of 32, embedding either each stored document (problem and fix,
what a naive pipeline embeds) or the very texts ours embeds (normalised problems). Ours parses and validates the file,
skips unchanged entries, embeds each distinct text once (also across batches), sorts by length, runs ONNX Runtime and
upserts 256 at a time. Against the same-texts baseline the float32 gain is de-duplication and ONNX Runtime only: the
model is compute-bound on 2 cores (about 70% of the CPU's peak FLOPs in a batch). `CAREFORGE_EMBEDDING_INT8=1`
quantises the weights per channel (int8 MatMuls after ORT's graph fusion; mean cosine 0.991 to float32 over 1,500 log
problems): the `_int8` evaluations and `ours_int8` show what it costs and gains. A collection remembers which embedder
filled it and refuses the other. Tried and not kept: storing in a background thread (no gain), ORT graph fusion alone
(~5%), per-tensor int8 (mean cosine 0.95-0.98).

Query latency: the real logs scaled up with perturbed copies of their vectors and texts, stored with the metadata
ingestion writes; the query is embedded on ONNX Runtime (exported once from the bundled weights, checked against
torch), Chroma's count is cached briefly, and near-duplicate keys are computed at ingest. Target (issue 26) p95 < 50
ms at 100k with the second stage; these queries share the entries' words, so the second stage (which acts when a
question word is missing from the best lexical candidates) runs on few of them. "fusion" is fused without the second
stage; "fused" is the tools' mode. Paraphrase evaluation: docs/retrieval-evaluation.md.
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


def _problem_words() -> list[frozenset[str]]:
    """The content words of every distinct problem in the corpora."""
    keys = set()
    for name in FILES:
        with (DEMO_DATA / name).open(encoding="utf-8-sig") as fh:
            keys |= {_key(row.get("problem") or row.get("PROBLEM") or "") for row in csv.DictReader(fh)}
    return [_content(k) for k in keys]


def evaluate(retriever: Retriever, n: int = 200, drop: float = 0.2, seed: int = 11) -> dict[str, object]:
    """recall@5 and MRR per mode, under two judges, and strict recall@5 on the queries that still name their source.

    strict: the hit's problem text equals the source once normalised (or it is a source entry itself).
    same_words: the hit's problem has the same content words as the source, in any order, function words aside.
    answerable: queries whose words occur together in at most 5 distinct problems; "#3 & rocker leaking" fits dozens
    of problems equally well, and no ranking can tell which one it was cut from.
    """
    queries = _queries(n, seed=seed, drop=drop)
    problems = _problem_words()
    answerable = [sum(_content(_key(q)) <= words for words in problems) <= 5 for q, _, _ in queries]
    scores: dict[str, object] = {"queries": n, "words_dropped": drop, "answerable": sum(answerable)}
    for mode in ("dense", "lexical", "fusion", "fused"):  # fusion: without the second stage
        found = {"strict": 0, "same_words": 0, "answerable_strict": 0}
        rr = {"strict": 0.0, "same_words": 0.0}
        for (query, relevant, key), can in zip(queries, answerable, strict=True):
            hits = retriever.search_logs(query, k=5, mode=mode).hits
            keys = [_key(h.snippet.partition(ACTION_SEPARATOR)[0]) for h in hits]
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
                    if judge == "strict" and can:
                        found["answerable_strict"] += 1
        scores[mode] = {
            f"{judge}_{metric}": round(value / n, 3)
            for judge in rr
            for metric, value in (("recall@5", found[judge]), ("mrr", rr[judge]))
        } | {"answerable_strict_recall@5": round(found["answerable_strict"] / max(1, sum(answerable)), 3)}
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


def ingest_throughput(limit: int = 3000, rounds: int = 3) -> dict[str, object]:
    """Ours against sentence-transformers ``encode`` + one upsert a batch of 32, alternating, ``rounds`` times.

    Two baselines: one embeds each stored document (problem and fix), as a naive pipeline would; the other embeds the
    very texts ours embeds (the normalised problem), which isolates the pipeline from the choice of what to embed.
    Each round starts from empty collections and a fresh embedder (nothing remembered from an earlier round).
    """
    from sentence_transformers import SentenceTransformer

    from retrieval import DEFAULT_CACHE
    from retrieval.embeddings import MiniLMEmbedder, bundled_model_path

    rows = _all_rows()[:limit]
    shorthand = default_shorthand()
    baselines = {
        "documents": [f"{p}{ACTION_SEPARATOR}{a}" if a else p for p, a in rows],
        "same_texts": [shorthand.normalise(p) for p, _ in rows],
    }
    model = SentenceTransformer(str(bundled_model_path()), device="cpu")
    times: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "logs.csv"
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["log_id", "problem", "action"])
            w.writerows([f"L{n}", p, a] for n, (p, a) in enumerate(rows))
        for r in range(rounds):
            for name, texts in baselines.items():
                col = open_client("embedded", Path(tmp) / f"{name}-{r}").get_or_create_collection(
                    "baseline-logs", embedding_function=None
                )
                started = time.perf_counter()
                for i in range(0, len(texts), 32):
                    part = texts[i : i + 32]
                    vectors = model.encode(part, batch_size=32)
                    col.upsert(ids=[f"b{i + j}" for j in range(len(part))], embeddings=vectors.tolist(), documents=part)
                times[name].append(time.perf_counter() - started)
            for ours, int8 in (("ours", False), ("ours_int8", True)):
                fresh = MiniLMEmbedder(cache_dir=DEFAULT_CACHE, int8=int8)
                store = VectorStore(open_client("embedded", Path(tmp) / f"{ours}-{r}"), fresh)
                started = time.perf_counter()
                ingest_logs(path, store, shorthand)
                times[ours].append(time.perf_counter() - started)
    out: dict[str, object] = {"documents": len(rows), "rounds": rounds}
    for name in baselines:
        out[f"baseline_{name}_docs_per_s"] = round(len(rows) / statistics.median(times[name]), 1)
    for ours in ("ours", "ours_int8"):
        out[f"{ours}_docs_per_s"] = round(len(rows) / statistics.median(times[ours]), 1)
        for name in baselines:
            ratios = [b / o for b, o in zip(times[name], times[ours], strict=True)]
            out[f"{ours}_vs_{name}"] = {
                "median": round(statistics.median(ratios), 2),
                "rounds": [round(x, 2) for x in ratios],
            }
    out["target"] = ">= 2.5x"
    return out


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
    out["target"] = "p95 < 50 ms at 100k, query embedding and second stage included"
    return out


def run() -> dict[str, object]:
    out: dict[str, object] = {}
    for suffix, int8 in (("", False), ("_int8", True)):
        with tempfile.TemporaryDirectory() as tmp:
            store = VectorStore(open_client("embedded", Path(tmp)), default_embedder(int8=int8))
            for name in FILES:
                ingest_logs(DEMO_DATA / name, store, default_shorthand())
            retriever = Retriever(store, default_shorthand())
            out[f"evaluation_mild{suffix}"] = evaluate(retriever, drop=0.2)
            out[f"evaluation_hard{suffix}"] = evaluate(retriever, drop=0.33)
    return {**out, "ingest": ingest_throughput(), **query_latency()}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
