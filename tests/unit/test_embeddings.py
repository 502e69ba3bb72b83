"""The embedder on ONNX Runtime gives torch's vectors, and any trouble with its cache falls back or repairs."""

from __future__ import annotations

import logging
import shutil

import numpy as np

from retrieval import DEFAULT_CACHE, default_embedder
from retrieval.embeddings import MiniLMEmbedder

TEXTS = [
    "no 2 cyl low compression",
    "Ventilator high pressure alarm after a filter change; replaced the expiratory filter.",
    "no 2 cyl low compression",  # a duplicate is embedded once and returned twice
    "pump " * 400,  # longer than the 256-token window: truncated the same way on both backends
]


def test_onnx_embeddings_match_torch() -> None:
    onnx = default_embedder()
    assert onnx.backend == "onnxruntime"
    torch_vectors = MiniLMEmbedder().embed(TEXTS)
    vectors = onnx.embed(TEXTS)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert (vectors * torch_vectors).sum(1).min() > 0.9999
    assert np.array_equal(vectors[0], vectors[2])


def test_an_unwritable_cache_falls_back_to_torch(tmp_path, caplog) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    with caplog.at_level(logging.WARNING, logger="retrieval.embeddings"):
        embedder = MiniLMEmbedder(cache_dir=blocker)
    assert embedder.backend == "torch"
    assert "using torch" in caplog.text
    assert embedder.embed(["alarm"]).shape == (1, 384)


def test_a_damaged_cached_export_is_exported_again(tmp_path) -> None:
    first = MiniLMEmbedder(cache_dir=tmp_path)
    (cached,) = tmp_path.glob("*.onnx")
    cached.write_bytes(b"not an onnx model")
    again = MiniLMEmbedder(cache_dir=tmp_path)
    assert again.backend == "onnxruntime"
    assert cached.stat().st_size > 1_000_000
    assert (again.embed(TEXTS[:2]) * first.embed(TEXTS[:2])).sum(1).min() > 0.9999


def test_recent_texts_are_not_embedded_again_and_memory_stays_bounded(monkeypatch) -> None:
    embedder = MiniLMEmbedder(cache_dir=DEFAULT_CACHE, memory=2)
    ran: list[list[str]] = []
    real = embedder._hidden
    monkeypatch.setattr(embedder, "_hidden", lambda texts: ran.append(texts) or real(texts))
    first = embedder.embed(["alarm", "filter"])
    again = embedder.embed(["filter", "pump", "filter"])
    assert ran == [["alarm", "filter"], ["pump"]]  # "filter" came from memory, "pump" ran once
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[0], again[2])
    embedder.embed(["alarm"])  # memory holds two texts: "alarm" was dropped for "pump"
    assert ran[-1] == ["alarm"]


def test_int8_weights_stay_close_to_float_and_are_named_apart(tmp_path) -> None:
    default_embedder()  # makes sure the float export is in the cache
    exported = next(p for p in DEFAULT_CACHE.glob("*.onnx") if "int8" not in p.name)
    shutil.copy(exported, tmp_path / exported.name)  # spare the test a second export
    int8 = MiniLMEmbedder(cache_dir=tmp_path, int8=True)
    assert (int8.backend, int8.name) == ("onnxruntime", "all-MiniLM-L6-v2-int8")
    (quantised,) = tmp_path.glob("*-int8.onnx")
    assert quantised.stat().st_size < exported.stat().st_size * 0.8
    cosines = (int8.embed(TEXTS) * default_embedder().embed(TEXTS)).sum(1)
    assert cosines.min() > 0.97
    quantised.write_bytes(b"damaged")
    again = MiniLMEmbedder(cache_dir=tmp_path, int8=True)
    assert again.name.endswith("-int8") and quantised.stat().st_size > 1_000_000
    assert np.allclose(again.embed(TEXTS), int8.embed(TEXTS), atol=1e-6)
