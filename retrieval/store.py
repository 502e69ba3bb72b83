"""The Chroma vector store: embedded (PersistentClient) by default, a Chroma server when settings say so."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings

from retrieval.embeddings import Embedder

LOGS = "maintenance-logs"
DOCS = "knowledge-docs"


def open_client(mode: str, path: Path, host: str = "127.0.0.1", port: int = 8000) -> ClientAPI:
    """A Chroma client; telemetry off because this machine has no network."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if mode == "http":
        return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class EmbedderMismatch(ValueError):
    """A collection was filled by another embedding model: its vectors and this store's queries do not compare."""


class VectorStore:
    """Collections with our own embeddings (Chroma's default embedder would download a model)."""

    def __init__(self, client: ClientAPI, embedder: Embedder, count_ttl_s: float = 2.0) -> None:
        """Bind a client and an embedder; counts are cached ``count_ttl_s`` (writes here refresh them at once)."""
        self.client = client
        self.embedder = embedder
        self.count_ttl_s = count_ttl_s
        self._collections: dict[str, Any] = {}
        self._counts: dict[str, tuple[float, int]] = {}

    def collection(self, name: str) -> Any:
        """Get or create a cosine-space collection that records which embedder filled it.

        Raises EmbedderMismatch for a collection another embedder filled: searching it would return noise.
        """
        if name not in self._collections:
            collection = self.client.get_or_create_collection(
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": self.embedder.name},
            )
            filled_by = (collection.metadata or {}).get("embedder")
            if filled_by and filled_by != self.embedder.name:
                raise EmbedderMismatch(
                    f"the {name!r} collection holds {filled_by} vectors, and this store embeds with "
                    f"{self.embedder.name}: use the same embedder setting, or ingest into another data directory"
                )
            self._collections[name] = collection
        return self._collections[name]

    def existing(self, name: str, ids: Sequence[str]) -> dict[str, str]:
        """Content hashes of the ids already stored."""
        got = self.collection(name).get(ids=list(ids), include=["metadatas"])
        return {i: (m or {}).get("content_hash", "") for i, m in zip(got["ids"], got["metadatas"] or [], strict=False)}

    def upsert(
        self,
        name: str,
        ids: Sequence[str],
        documents: Sequence[str],
        index_texts: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
    ) -> None:
        """Embed ``index_texts`` and store them with the original ``documents``."""
        vectors = self.embedder.embed(list(index_texts))
        self.collection(name).upsert(
            ids=list(ids), embeddings=vectors.tolist(), documents=list(documents), metadatas=list(metadatas)
        )
        self._counts.pop(name, None)

    def count(self, name: str) -> int:
        """Number of items in a collection, cached briefly.

        At 100k entries Chroma's count costs ~7 ms a query; another process's writes show within ``count_ttl_s``.
        """
        now = time.monotonic()
        cached = self._counts.get(name)
        if cached is None or now - cached[0] > self.count_ttl_s:
            cached = (now, int(self.collection(name).count()))
            self._counts[name] = cached
        return cached[1]
