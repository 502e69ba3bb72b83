"""Fusion weights that follow the question's wording, and a second stage that reorders the top candidates by meaning.

A question that shares its words with the log entries ("#3 intake gasket leaking") is best served by the lexical
ranks; one in other words ("front luggage hatch popped open") by the dense ones. So the dense weight in the fusion
grows as the share of the question's words found in the best lexical candidates falls. The second stage then reorders
the best SECOND_STAGE fused candidates by a mix of their fused score and their cosine to the question, read from the
vectors stored at ingest (nothing is embedded again, so it costs one vector fetch and a small matrix product).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

# Dense weight of log results at full word overlap (the value tuned on word-sharing queries in issue 5) and at none.
DENSE_WEIGHT_SHARED = 0.35
DENSE_WEIGHT_PARAPHRASED = 1.0
# Candidates the second stage reorders, and the weight of the cosine against the fused score (both scaled to 0-1).
SECOND_STAGE = 40
COSINE_WEIGHT = 0.7
OVERLAP_DOCS = 5  # the best lexical candidates whose words the question is compared with
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the is are was were be been has have had on in at of to for with and or but not no it its this that my our "
    "your i we you he she they there when while after before during from by as so if then than too very just keeps "
    "keep kept still again".split()
)


def content_words(text: str) -> set[str]:
    """Lower-cased words of a text without function words."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def word_overlap(query: str, candidates: Iterable[str]) -> float:
    """Share of the query's content words that occur in any of the candidate texts (1.0 for a query of none)."""
    words = content_words(query)
    if not words:
        return 1.0
    found: set[str] = set()
    for text in candidates:
        found |= words & content_words(text)
    return len(found) / len(words)


def dense_weight(
    overlap: float, shared: float = DENSE_WEIGHT_SHARED, paraphrased: float = DENSE_WEIGHT_PARAPHRASED
) -> float:
    """The dense weight for a question whose words overlap the lexical candidates by ``overlap`` (0-1)."""
    overlap = min(1.0, max(0.0, overlap))
    return shared + (1.0 - overlap) * (paraphrased - shared)


def cosine_weight(overlap: float, full: float = COSINE_WEIGHT) -> float:
    """The second stage's cosine weight: ``full`` unless every word of the question is in the best lexical candidates.

    Then the lexical ranks are right already: on the word-sharing evaluation queries a constant 0.7 only reshuffled
    them (fused strict recall@5 0.90 -> 0.87).
    """
    return full if overlap < 1.0 else 0.0


def _scaled(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    span = float(values.max() - values.min())
    return (values - values.min()) / span if span > 0 else np.ones_like(values)


def second_stage(
    fused: Sequence[float],
    query_vector: npt.NDArray[np.float32],
    vectors: npt.NDArray[np.float32],
    cosine_weight: float = COSINE_WEIGHT,
) -> list[int]:
    """Indices of the candidates in their new order: fused score and cosine to the question, each scaled to 0-1.

    ``vectors`` are the candidates' stored unit vectors, one row each, in the order of ``fused``.
    """
    if len(fused) == 0:
        return []
    cosine = vectors.astype(np.float64) @ query_vector.astype(np.float64)
    score = (1.0 - cosine_weight) * _scaled(np.asarray(fused, dtype=np.float64)) + cosine_weight * _scaled(cosine)
    return [int(i) for i in np.argsort(-score, kind="stable")]


def reorder(
    ranks: dict[str, float],
    vectors: dict[str, Any],
    query_vector: npt.NDArray[np.float32],
    weight: float,
    fetch: Callable[..., Any],
) -> dict[str, float]:
    """New scores: the best SECOND_STAGE candidates reordered by :func:`second_stage`, the rest after them in order.

    ``vectors`` holds the dense candidates' stored vectors; ``fetch`` (a Chroma collection's ``get``) supplies those
    of lexical-only candidates, stored at ingest, so nothing is embedded again.
    """
    ordered = sorted(ranks, key=lambda c: -ranks[c])
    top = ordered[:SECOND_STAGE]
    missing = [c for c in top if c not in vectors]
    if missing:
        got = fetch(ids=missing, include=["embeddings"])
        vectors.update(zip(got["ids"], got["embeddings"], strict=False))
    top = [c for c in top if c in vectors]
    if not top or weight <= 0.0:
        return ranks
    order = second_stage(
        [ranks[c] for c in top], query_vector, np.asarray([vectors[c] for c in top], np.float32), weight
    )
    out = {c: 2.0 + (len(order) - n) / len(order) for n, c in enumerate(top[i] for i in order)}
    rest = [c for c in ordered if c not in out]
    out.update({c: 1.0 - n / (len(rest) + 1) for n, c in enumerate(rest)})
    return out
