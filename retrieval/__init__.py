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


def build_retriever(
    mode: str, path: Path, host: str = "127.0.0.1", port: int = 8000, embedder: Embedder | None = None
) -> Retriever:
    """A retriever on the configured Chroma (embedded or server) with the bundled embedder."""
    from retrieval.search import Retriever
    from retrieval.shorthand import default_shorthand
    from retrieval.store import VectorStore, open_client

    store = VectorStore(open_client(mode, path, host, port), embedder or default_embedder())
    return Retriever(store, default_shorthand())


@lru_cache(maxsize=1)
def default_embedder() -> MiniLMEmbedder:
    """The bundled all-MiniLM-L6-v2, loaded once per process."""
    from retrieval.embeddings import MiniLMEmbedder

    return MiniLMEmbedder()


__all__ = ["DEMO_DATA", "build_retriever", "default_embedder"]
