"""Data: a maintenance log (preview, a confirmed column mapping, what was added or skipped and why) and documents."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.ingestion import FIELDS, IGNORE, Outcome, can_ingest, ingest_documents, ingest_log, preview
from app.service import CareForge

_OPTIONS = [IGNORE, *FIELDS]


def _label(field: str) -> str:
    return FIELDS.get(field, "Ignore this column")


def outcome(result: Outcome, what: str, unit: str) -> None:
    """The counts, the reasons rows were skipped, and a warning (never a success) when nothing was added."""
    if result.error:
        st.error(f"{what} was not ingested: {result.error}")
        return
    read, added, unchanged, skipped = st.columns(4)
    read.metric("Read", f"{result.read:,}")
    added.metric("Added", f"{result.added:,}")
    unchanged.metric("Already stored", f"{result.unchanged:,}")
    skipped.metric("Skipped", f"{result.skipped:,}")
    if result.added:
        st.success(f"{what}: added {result.added:,} {unit}.", icon=":material/check_circle:")
    elif result.unchanged:
        st.warning(
            f"{what}: nothing new was added; all {result.unchanged:,} {unit} were already stored.",
            icon=":material/warning:",
        )
    else:
        st.warning(
            f"{what}: nothing was added. Check the column mapping and the reasons below.", icon=":material/warning:"
        )
    if result.reasons:
        st.markdown("**Why rows were skipped** (first examples):\n" + "\n".join(f"- {r}" for r in result.reasons))


def _log(agent: CareForge) -> None:
    st.subheader("Maintenance log")
    st.caption(
        "A CSV with a header row, or JSON lines. Each entry needs the **problem** (what went wrong); the **action** "
        "(what fixed it), date, equipment, asset id, entry id and location are used when present."
    )
    upload = st.file_uploader("Maintenance log (CSV or JSONL)", type=["csv", "jsonl"], key="log-upload")
    if upload is None:
        st.session_state.pop("log-result", None)
        return
    data = upload.getvalue()
    shown = preview(upload.name, data)
    if shown.error:
        st.error(f"{upload.name}: {shown.error}")
        return
    st.caption(f"First rows of **{upload.name}**")
    st.table(pd.DataFrame(shown.rows, columns=shown.columns))
    with st.form("mapping"):
        st.markdown("**Which field is each column?** Check the suggestions, then confirm.")
        mapping: dict[str, str] = {}
        grid = st.columns(min(len(shown.columns), 4))
        for n, target in enumerate(shown.columns):
            mapping[target] = grid[n % len(grid)].selectbox(
                target,
                _OPTIONS,
                index=_OPTIONS.index(shown.suggested.get(target, IGNORE)),
                format_func=_label,
                key=f"map-{upload.name}-{target}",
            )
        confirmed = st.form_submit_button("Ingest with this mapping", type="primary")
    if confirmed:
        rows = max(1, data.count(b"\n"))
        bar = st.progress(0.0, text=f"Ingesting {upload.name}...")

        def progress(read: int) -> None:
            bar.progress(min(1.0, read / rows), text=f"{read:,} of about {rows:,} rows")

        result = ingest_log(
            agent,
            upload.name,
            data,
            mapping,
            progress=progress,
        )
        bar.empty()
        st.session_state["log-result"] = (upload.name, result)
    kept = st.session_state.get("log-result")
    if kept and kept[0] == upload.name:
        outcome(kept[1], kept[0], "entries")


def _documents(agent: CareForge) -> None:
    st.subheader("Documents")
    st.caption("Markdown, text or PDF, each with a 'Source:' line naming where it comes from. Stored as vetted.")
    docs = st.file_uploader(
        "Documents (Markdown, text or PDF)", type=["md", "txt", "pdf"], accept_multiple_files=True, key="doc-upload"
    )
    if docs and st.button("Ingest documents", key="ingest-docs"):
        with st.spinner(f"Reading and embedding {len(docs)} document(s)..."):
            result = ingest_documents(agent, [(d.name, d.getvalue()) for d in docs])
        outcome(result, f"{len(docs)} document(s)", "passages")


def page(agent: CareForge) -> None:
    """Upload and ingest."""
    st.header("Data")
    if not can_ingest(agent):
        st.warning("This deployment has no vector store configured.")
        return
    _log(agent)
    st.divider()
    _documents(agent)
