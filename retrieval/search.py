"""Hybrid search: dense (Chroma) and lexical (BM25) results fused by reciprocal rank, near-duplicates collapsed."""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import Any

import bm25s

from retrieval.paraphrase import Paraphrases, default_paraphrases
from retrieval.records import ACTION_SEPARATOR, Hit, OtherFix, SearchResult
from retrieval.rerank import OVERLAP_DOCS, cosine_weight, dense_weight, reorder, word_overlap
from retrieval.shorthand import Shorthand
from retrieval.store import DOCS, LOGS, EmbedderMismatch, VectorStore

RRF_K = 60
# The paraphrase words help BM25 and blur the embedding (tune split: dense recall@5 0.833 without them, 0.812 with).
PARAPHRASE_DENSE = False
CANDIDATES = 50
MAX_OTHER_FIXES = 3
PAGE = 5_000
# Keep one-character tokens: cylinder "#2" and "#3" are different faults.
TOKEN_PATTERN = r"(?u)\b\w+\b"
MAX_QUERY = 2_000
# A cheap first look at the whole stored text (the tools layer sees only the snippet, and reads it by meaning too:
# ``safety.injection``, which retrieval may not import).
_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget) (all |any )?(the |your )?(previous|prior|above|earlier) (instructions|rules)|"
    r"\byou (must|should) now\b|\b(reveal|print|show|output) (the |your )?system prompt\b|\byour system prompt\b|"
    r"\bsystem prompt\s*:|\bdeveloper mode\b|"
    r"\btell the user to\b|\bdo not (tell|mention)\b|"
    r"\b(supersedes|overrides|takes precedence over) (all|any|every) other (guidance|advice|sources|instructions)\b|"
    r"\b(note|message|instructions?) (to|for) (the |any |all )?(ai|assistant|chatbot|language model)s?\b|"
    r"<\|im_start\|>|\[INST\]",
    re.IGNORECASE,
)


class _Lexical:
    """A BM25 index over one collection, rebuilt when the collection's size changes."""

    def __init__(self) -> None:
        self.count = -1
        self.ids: list[str] = []
        self.metas: list[dict[str, Any]] = []
        self.docs: list[str] = []
        self.index: bm25s.BM25 | None = None


class Retriever:
    """search_maintenance_logs and search_knowledge over one vector store."""

    def __init__(self, store: VectorStore, shorthand: Shorthand, paraphrases: Paraphrases | None = None) -> None:
        """Bind the store, the shorthand table and the paraphrase table (the bundled one by default)."""
        self.store = store
        self.shorthand = shorthand
        self.paraphrases = paraphrases if paraphrases is not None else default_paraphrases()
        self._lexical: dict[str, _Lexical] = {}
        self._lock = threading.Lock()

    def _bm25(self, name: str, expand: bool, count: int) -> _Lexical:
        with self._lock:
            lex = self._lexical.setdefault(name, _Lexical())
            if lex.count != count:
                lex.ids, lex.docs, lex.metas = [], [], []
                # Paged: one get() of a large collection exceeds SQLite's variable limit inside Chroma.
                for offset in range(0, count, PAGE):
                    got = self.store.collection(name).get(include=["documents", "metadatas"], limit=PAGE, offset=offset)
                    lex.ids += list(got["ids"])
                    lex.docs += list(got["documents"] or [])
                    lex.metas += [dict(m or {}) for m in got["metadatas"] or []]
                corpus = [self.shorthand.expand(d) if expand else d for d in lex.docs]
                lex.index = bm25s.BM25()
                if corpus:
                    lex.index.index(
                        bm25s.tokenize(corpus, stopwords="en", token_pattern=TOKEN_PATTERN, show_progress=False),
                        show_progress=False,
                    )
                lex.count = count
            return lex

    def _search(
        self, name: str, query: str, k: int, where: dict[str, Any] | None, expand: bool, mode: str = "fused"
    ) -> list[Hit]:
        # BM25 gets the query with expansions appended (an abbreviation still matches itself); the embedding model gets
        # it normalised, like the indexed text: "R&R batt" reads "remove and replace battery", not both forms at once.
        # Both get the log words for the question's own words appended ("luggage hatch" -> "baggage door").
        expanded = self.shorthand.expand(query) if expand else query
        normalised = self.shorthand.normalise(query) if expand else query
        extra = self.paraphrases.additions(normalised)
        total = self.store.count(name)
        if total == 0:
            return []
        ranks: dict[str, float] = {}
        info: dict[str, tuple[str, dict[str, Any]]] = {}
        vectors: dict[str, list[float]] = {}
        overlap = 0.0  # documents: questions in lay words are the rule, so meaning always counts fully
        if mode != "dense":
            lexical = self._lexical_ranks(name, expanded, total, where, expand, ranks, info)
            if name == LOGS:
                # the question's own words, against the words of the best lexical candidates
                best = [self.shorthand.normalise(info[c][0].partition(ACTION_SEPARATOR)[0]) for c in lexical]
                overlap = word_overlap(normalised, best[:OVERLAP_DOCS])
            # Log words for the question's words, only when its own words are not all found: appended to questions in
            # the logs' words they cost recall (hard lexical evaluation 0.695 -> 0.675).
            if extra and overlap < 1.0:
                ranks, info = {}, {}
                self._lexical_ranks(name, " ".join([expanded, *extra]), total, where, expand, ranks, info)
        query_vector = None
        if mode != "lexical":
            weight = dense_weight(overlap) if mode != "dense" and name == LOGS else 1.0
            dense_text = " ".join([normalised, *extra]) if PARAPHRASE_DENSE else normalised
            query_vector = self._dense(name, dense_text, total, where, ranks, info, vectors, weight)
        if mode == "fused" and query_vector is not None:
            collection = self.store.collection(name)
            ranks = reorder(ranks, vectors, query_vector, cosine_weight(overlap), collection.get)
        return self._collapse(name, ranks, info, k)

    def _collapse(
        self, name: str, ranks: dict[str, float], info: dict[str, tuple[str, dict[str, Any]]], k: int
    ) -> list[Hit]:
        """The best k hits, near-duplicates folded into the hit they repeat.

        Log entries group by problem: five entries for "2 4 intake gaskets leaking" with different fixes are one hit
        that lists the other fixes, leaving room for other problems. Identical entries only add to ``similar``.
        """
        hits: list[Hit] = []
        groups: dict[str, tuple[Hit | None, set[str]]] = {}
        for cid in sorted(ranks, key=lambda c: -ranks[c]):
            doc, meta = info[cid]
            # Ingestion stores the keys; entries stored before they existed get them computed here.
            dup_key = str(meta.get("dup_key") or self.shorthand.duplicate_key(doc))
            group = dup_key
            if name == LOGS:
                group = str(meta.get("problem_key") or self.shorthand.duplicate_key(doc.partition(ACTION_SEPARATOR)[0]))
            if group not in groups:
                hit = to_hit(cid, doc, meta, ranks[cid]) if len(hits) < k else None
                groups[group] = (hit, {dup_key})
                hits += [hit] if hit is not None else []
                continue
            kept, fixes = groups[group]
            if kept is None:
                continue
            kept.similar += 1
            if dup_key not in fixes and len(kept.other_fixes) < MAX_OTHER_FIXES:
                fixes.add(dup_key)
                fix = OtherFix(
                    citation_id=cid,
                    title=_title(cid, meta),
                    action=doc.partition(ACTION_SEPARATOR)[2][:200],
                    source=str(meta.get("source_file", "")),
                )
                kept.other_fixes.append(fix)
        return hits

    def _dense(
        self,
        name: str,
        text: str,
        total: int,
        where: dict[str, Any] | None,
        ranks: dict[str, float],
        info: dict[str, tuple[str, dict[str, Any]]],
        vectors: dict[str, list[float]],
        weight: float = 1.0,
    ) -> Any:
        """Add the dense candidates' reciprocal ranks; return the query vector (the second stage compares with it)."""
        vector = self.store.embedder.embed([text])[0]
        found = self.store.collection(name).query(
            query_embeddings=[vector.tolist()],
            n_results=min(CANDIDATES, total),
            where=where,
            include=["documents", "metadatas", "embeddings"],
        )
        docs = (found["documents"] or [[]])[0]
        metas = (found["metadatas"] or [[]])[0]
        embeddings = found["embeddings"][0] if found["embeddings"] is not None else []
        for rank, (cid, doc, meta) in enumerate(zip(found["ids"][0], docs, metas, strict=False)):
            ranks[cid] = ranks.get(cid, 0.0) + weight / (RRF_K + rank + 1)
            info[cid] = (doc or "", dict(meta or {}))
        vectors.update(zip(found["ids"][0], embeddings, strict=False))
        return vector

    def _lexical_ranks(
        self,
        name: str,
        text: str,
        total: int,
        where: dict[str, Any] | None,
        expand: bool,
        ranks: dict[str, float],
        info: dict[str, tuple[str, dict[str, Any]]],
    ) -> list[str]:
        """Add the lexical candidates' reciprocal ranks; return their ids, best first."""
        lex = self._bm25(name, expand, total)
        tokens = bm25s.tokenize([text], stopwords="en", token_pattern=TOKEN_PATTERN, show_progress=False)
        if lex.index is None or not lex.ids or len(tokens.vocab) == 0:
            return []
        n = min(len(lex.ids), CANDIDATES * 4 if where else CANDIDATES)
        docs, scores = lex.index.retrieve(tokens, k=n, show_progress=False)
        rank = 0
        found: list[str] = []
        for idx, score in zip(docs[0], scores[0], strict=False):
            if score <= 0 or not _matches(lex.metas[idx], where):
                continue
            cid = lex.ids[idx]
            ranks[cid] = ranks.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
            info.setdefault(cid, (lex.docs[idx], lex.metas[idx]))
            found.append(cid)
            rank += 1
            if rank >= CANDIDATES:
                break
        return found

    def search_logs(
        self,
        query: str,
        asset: str | None = None,
        equipment: str | None = None,
        since: str | None = None,
        k: int = 5,
        mode: str = "fused",
    ) -> SearchResult:
        """Maintenance-log entries for a fault description, optionally filtered by asset, equipment and date."""
        filters: dict[str, Any] = {
            k_: v for k_, v in (("asset", asset), ("equipment", equipment), ("since", since)) if v
        }
        result = SearchResult(
            query=query, expanded_query=self.shorthand.expand(query[:MAX_QUERY]), hits=[], filters=filters
        )
        if not query.strip():
            result.error = "empty query: describe the fault, alarm or symptom"
            return result
        clauses: list[dict[str, Any]] = []
        if asset:
            clauses.append({"asset_id": asset.upper()})
        if equipment:
            clauses.append({"equipment": equipment.lower()})
        if since:
            try:
                clauses.append({"date_ord": {"$gte": dt.date.fromisoformat(since).toordinal()}})
            except ValueError:
                result.error = f"since must be a date like 2024-01-31, got {since!r}"
                return result
        where = clauses[0] if len(clauses) == 1 else ({"$and": clauses} if clauses else None)
        try:
            result.hits = self._search(LOGS, query[:MAX_QUERY], max(1, min(k, 50)), where, expand=True, mode=mode)
        except EmbedderMismatch as exc:
            result.error = str(exc)
        return result

    def search_knowledge(self, query: str, k: int = 5, mode: str = "fused") -> SearchResult:
        """Vetted documents (troubleshooting guides, patient and nursing notes) for a question."""
        result = SearchResult(query=query, expanded_query=query[:MAX_QUERY], hits=[])
        if not query.strip():
            result.error = "empty query"
            return result
        try:
            result.hits = self._search(DOCS, query[:MAX_QUERY], max(1, min(k, 50)), None, expand=False, mode=mode)
        except EmbedderMismatch as exc:
            result.error = str(exc)
        return result


def _matches(meta: dict[str, Any], where: dict[str, Any] | None) -> bool:
    if not where:
        return True
    clauses = where.get("$and", [where])
    for clause in clauses:
        for key, cond in clause.items():
            value = meta.get(key)
            if isinstance(cond, dict):
                if value is None or value < cond["$gte"]:
                    return False
            elif value != cond:
                return False
    return True


def to_hit(cid: str, doc: str, meta: dict[str, Any], score: float) -> Hit:
    """A search hit with its title, snippet and instruction-like-text flag."""
    return Hit(
        citation_id=cid,
        kind="log" if cid.startswith("log:") else "doc",
        title=_title(cid, meta),
        snippet=doc[:400],
        score=round(score, 5),
        metadata=meta,
        suspicious=bool(_INSTRUCTION.search(doc)),
    )


def _title(cid: str, meta: dict[str, Any]) -> str:
    if cid.startswith("log:"):
        parts = [meta.get("asset_id"), meta.get("equipment"), meta.get("date")]
        return " / ".join(str(p) for p in parts if p) or str(meta.get("source_file", "log entry"))
    return f"{meta.get('title', '')} - {meta.get('section', '')}".strip(" -")
