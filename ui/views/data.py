"""Data: ingest maintenance logs (CSV/JSONL) and documents, with progress and the ingest report."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app.service import CareForge
from ui.runtime import save_upload


def page(agent: CareForge) -> None:
    """Upload and ingest."""
    st.header("Data")
    if agent.resources.retriever is None:
        st.warning("This deployment has no vector store configured.")
        return
    from retrieval.ingest import ingest_docs, ingest_logs

    logs = st.file_uploader("Maintenance log (CSV or JSONL)", type=["csv", "jsonl"], key="log-upload")
    if logs is not None and st.button("Ingest log", type="primary"):
        path = save_upload(logs.name, logs.getvalue(), agent.settings.upload_dir)
        total = max(1, logs.getvalue().count(b"\n"))
        bar = st.progress(0.0, text=f"Ingesting {logs.name}...")
        retriever = agent.resources.retriever()

        def progress(read: int) -> None:
            bar.progress(min(1.0, read / total), text=f"{read} of ~{total} rows")

        report = ingest_logs(path, retriever.store, retriever.shorthand, progress=progress)
        bar.progress(1.0, text="Done")
        (st.error if report.error else st.success)(
            report.error
            or f"Read {report.read}, added {report.added}, unchanged {report.unchanged}, malformed {report.malformed}"
        )
        st.json(report.model_dump(mode="json"))

    docs = st.file_uploader(
        "Documents (Markdown, text or PDF, with a 'Source:' line)",
        type=["md", "txt", "pdf"],
        accept_multiple_files=True,
    )
    if docs and st.button("Ingest documents"):
        with tempfile.TemporaryDirectory() as folder, st.spinner("Embedding documents..."):
            for doc in docs:
                (Path(folder) / Path(doc.name).name).write_bytes(doc.getvalue())
            report = ingest_docs(Path(folder), agent.resources.retriever().store)
        (st.error if report.error else st.success)(
            report.error or f"{report.read} documents: added {report.added} chunks, unchanged {report.unchanged}"
        )
        st.json(report.model_dump(mode="json"))
