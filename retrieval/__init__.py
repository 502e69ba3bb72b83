"""Embeddings, the Chroma store, ingestion and hybrid search (issue 5: not built yet)."""
