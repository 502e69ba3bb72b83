"""Status: the model endpoint and what it can do, the vector store, the knowledge-base version."""

from __future__ import annotations

import streamlit as st

from app.ingestion import store_counts
from app.service import CareForge


def _count(value: object) -> str:
    text = str(value or "")
    return f"{int(text):,}" if text.isdigit() else "not recorded"


def page(agent: CareForge) -> None:
    """Probe and show every dependency (values, not changes: no arrows)."""
    st.header("Status")
    caps = agent.capabilities(refresh=st.button("Probe again"))
    model, tools, images = st.columns(3)
    model.metric("Model endpoint", "up" if caps.reachable else "down")
    model.caption(f"{caps.model or agent.settings.model_name} at {caps.base_url}")
    tools.metric("Native tool calls", "yes" if caps.accepts_tools else "no (rules route)")
    images.metric("Images", "yes" if caps.vision_usable else "no (facts only)")
    if caps.error:
        st.warning(f"Last probe: {caps.error}")
    kb = agent.resources.kb
    knowledge, store, docs = st.columns(3)
    knowledge.metric("Drug knowledge base", kb.version)
    knowledge.caption(f"{_count(kb.meta.get('facts'))} interaction facts")
    try:
        counts = store_counts(agent)
    except Exception as exc:  # noqa: BLE001 - the page must render whatever the store does
        st.error(f"Vector store unavailable: {type(exc).__name__}: {exc}")
        return
    if counts is None:
        store.metric("Vector store", "not configured")
        return
    store.metric("Maintenance log entries", f"{counts[0]:,}")
    store.caption(f"Vector store: {agent.settings.chroma_mode.value}")
    docs.metric("Document passages", f"{counts[1]:,}")
