"""The vector store searched without the agent: the configured retriever, and its log and document searches."""

from __future__ import annotations

from app.resources import retriever_for
from core.settings import Settings
from retrieval.records import SearchResult
from retrieval.search import Retriever

__all__ = ["Retriever", "SearchResult", "retriever", "search"]


def retriever(settings: Settings) -> Retriever:
    """The retriever on the configured vector store."""
    return retriever_for(settings)


def search(
    store: Retriever,
    query: str,
    *,
    docs: bool = False,
    asset: str | None = None,
    equipment: str | None = None,
    since: str | None = None,
    k: int = 5,
) -> SearchResult:
    """The ``k`` best documents (``docs``), else maintenance-log entries filtered by asset, equipment and date."""
    if docs:
        return store.search_knowledge(query, k)
    return store.search_logs(query, asset=asset, equipment=equipment, since=since, k=k)
