"""Status: the model endpoint and what it can do, the vector store, the knowledge-base version."""

from __future__ import annotations

import streamlit as st

from app.service import CareForge


def page(agent: CareForge) -> None:
    """Probe and show every dependency."""
    st.header("Status")
    caps = agent.capabilities(refresh=st.button("Probe again"))
    model, tools, images = st.columns(3)
    model.metric("Model endpoint", "up" if caps.reachable else "down", caps.model or agent.settings.model_name)
    tools.metric("Native tool calls", "yes" if caps.accepts_tools else "no (rules route)")
    images.metric("Images", "yes" if caps.vision_usable else "no (facts only)")
    st.caption(f"{caps.base_url}" + (f" - {caps.error}" if caps.error else ""))
    kb = agent.resources.kb
    st.metric("Drug knowledge base", kb.version, f"{kb.meta.get('facts', '?')} facts")
    if agent.resources.retriever is not None:
        try:
            from retrieval.store import DOCS, LOGS

            store = agent.resources.retriever().store
            st.metric("Vector store", agent.settings.chroma_mode.value, f"{store.count(LOGS)} log entries")
            st.caption(f"{store.count(DOCS)} document chunks")
        except Exception as exc:  # noqa: BLE001 - the page must render whatever the store does
            st.error(f"Vector store unavailable: {type(exc).__name__}: {exc}")
