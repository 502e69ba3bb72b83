"""Embeddings, the Chroma store, ingestion and hybrid search over maintenance logs and vetted documents.

Importing the package is cheap; chromadb, bm25s and the embedding model load only when a retriever is built, so
turns that never search do not pay for them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.embeddings import Embedder, MiniLMEmbedder
    from retrieval.search import Retriever

DEMO_DATA = Path(__file__).resolve().parent / "data"
# Derived model files (the ONNX export of the embedder), shared by every data directory on the machine.
DEFAULT_CACHE = Path.home() / ".cache" / "careforge"


def build_retriever(
    mode: str,
    path: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    embedder: Embedder | None = None,
    cache_dir: Path = DEFAULT_CACHE,
    int8: bool = False,
) -> Retriever:
    """A retriever on the configured Chroma (embedded or server) with the bundled embedder."""
    from retrieval.search import Retriever
    from retrieval.shorthand import default_shorthand
    from retrieval.store import VectorStore, open_client

    store = VectorStore(open_client(mode, path, host, port), embedder or default_embedder(cache_dir, int8))
    return Retriever(store, default_shorthand())


@lru_cache(maxsize=2)
def default_embedder(cache_dir: Path = DEFAULT_CACHE, int8: bool = False) -> MiniLMEmbedder:
    """The bundled all-MiniLM-L6-v2 on ONNX Runtime (exported into ``cache_dir`` once), loaded once per process."""
    from retrieval.embeddings import MiniLMEmbedder

    return MiniLMEmbedder(cache_dir=cache_dir, int8=int8)


__all__ = ["DEFAULT_CACHE", "DEMO_DATA", "build_retriever", "default_embedder"]
