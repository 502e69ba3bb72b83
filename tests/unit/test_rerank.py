"""The paraphrase table, the adaptive fusion weight and the second stage, without a store."""

from __future__ import annotations

from typing import Any

import numpy as np

from retrieval.paraphrase import Paraphrases, default_paraphrases
from retrieval.rerank import cosine_weight, dense_weight, reorder, second_stage, word_overlap


def test_lay_words_gain_the_log_words_and_keep_their_own() -> None:
    table = Paraphrases({"luggage": ["baggage"], "hatch": ["door"], "drip": ["leaking"]})
    assert table.expand("front luggage hatch dripped") == "front luggage hatch dripped baggage door leaking"
    assert table.additions("baggage door") == []  # nothing for words the table does not know


def test_bundled_table_maps_common_lay_words_to_log_words() -> None:
    table = default_paraphrases()
    assert "engine" in table.additions("motor sputtered")
    assert "occlusion" in table.additions("pump beeping about a blockage")


def test_dense_counts_more_when_the_question_shares_fewer_words() -> None:
    shared = word_overlap("intake gasket leaking", ["#2 intake gasket leaking"])
    other = word_overlap("induction seal dripping", ["#2 intake gasket leaking"])
    assert shared == 1.0 and other == 0.0
    assert dense_weight(shared) < dense_weight(0.5) < dense_weight(other)


def test_second_stage_acts_only_when_words_are_missing() -> None:
    assert cosine_weight(1.0) == 0.0
    assert cosine_weight(0.5) > 0.0


def test_second_stage_lifts_the_candidate_closest_in_meaning() -> None:
    query = np.array([1.0, 0.0], dtype=np.float32)
    vectors = np.array([[0.0, 1.0], [0.6, 0.8], [1.0, 0.0]], dtype=np.float32)
    assert second_stage([0.03, 0.02, 0.01], query, vectors, 0.0) == [0, 1, 2]
    assert second_stage([0.03, 0.02, 0.01], query, vectors, 0.9)[0] == 2


def test_reorder_fetches_stored_vectors_of_lexical_only_candidates() -> None:
    fetched: list[list[str]] = []

    def fetch(ids: list[str], include: list[str]) -> dict[str, Any]:
        fetched.append(ids)
        return {"ids": ids, "embeddings": [[1.0, 0.0] for _ in ids]}

    ranks = {"a": 0.03, "b": 0.02, "lex": 0.01}
    vectors: dict[str, Any] = {"a": [0.0, 1.0], "b": [0.0, 1.0]}
    out = reorder(ranks, vectors, np.array([1.0, 0.0], dtype=np.float32), 0.9, fetch)
    assert fetched == [["lex"]]
    assert max(out, key=lambda c: out[c]) == "lex"
    assert reorder(ranks, vectors, np.array([1.0, 0.0], dtype=np.float32), 0.0, fetch) == ranks
