"""Reports: review a draft (edit, approve, reject) and download approved reports."""

from __future__ import annotations

import streamlit as st

from agent.personas import Persona
from app.service import CareForge
from tools.reports import ExportRefused, Report, ReviewDecision, export, formats_for, to_markdown
from ui.runtime import run, signed_in

_MIME = {
    "md": "text/markdown",
    "json": "application/json",
    "pdf": "application/pdf",
    "fhir": "application/fhir+json",
    "cmms": "application/json",
}


def _review(agent: CareForge, persona: Persona, thread_id: str, report: Report) -> None:
    st.subheader(f"{report.title} - awaiting review")
    approvers = sorted(agent.resources.report_policy.allowed(report.kind))
    st.caption(f"{report.id}; may be approved by: {', '.join(approvers)}")
    with st.form(f"review-{report.id}"):
        edits = {}
        for name, section in report.sections().items():
            new = st.text_area(name.replace("_", " ").capitalize(), section.text, key=f"{report.id}-{name}")
            if section.citations:
                st.caption("Sources: " + ", ".join(section.citations))
            if new.strip() != section.text.strip():
                edits[name] = new
        user = signed_in()
        st.caption(f"Deciding as {user.display_name} ({user.role.value})" if user else "Not signed in")
        note = st.text_input("Note (optional)", key=f"{report.id}-note")
        approve, reject = st.columns(2)
        # A fixed label: a label that changed with the edits would give the button a new identity and drop the click.
        approved = approve.form_submit_button("Approve", type="primary", help="Edited sections are saved with it.")
        rejected = reject.form_submit_button("Reject")
    if not (approved or rejected):
        return
    if user is None:
        st.error("Sign in to decide a report.")
        return
    # Edits are saved first, then the approval: two explicit decisions, each recorded with the signed-in reviewer.
    steps = (["edit"] if approved and edits else []) + ["reject" if rejected else "approve"]
    for step in steps:
        decision = ReviewDecision(
            decision=step,
            editor=user.display_name,
            role=user.role.value,
            edits=edits if step == "edit" else {},
            note=note,
        )
        result = run(agent.adecide(thread_id, decision, persona=persona.name.value, user=user))
        if result.review is not None and result.review.get("error"):
            st.error(f"Not applied: {result.review['error']}")
            return
    st.success("Report rejected." if rejected else "Report approved" + (" with your edits." if edits else "."))
    st.rerun()


def _downloads(report: Report) -> None:
    formats = formats_for(report)
    columns = st.columns(len(formats))
    for column, fmt in zip(columns, formats, strict=True):
        try:
            data = export(report, fmt)  # type: ignore[arg-type]
        except ExportRefused as exc:
            column.caption(str(exc))
            continue
        suffix = {"fhir": "fhir.json", "cmms": "cmms.json"}.get(fmt, fmt)
        column.download_button(
            f"Download {fmt.upper()}", data, f"{report.id}.{suffix}", _MIME[fmt], key=f"dl-{report.id}-{fmt}"
        )


def page(agent: CareForge, persona: Persona, thread_id: str) -> None:
    """The reports of the current thread."""
    st.header("Reports")
    try:
        reports = run(agent.areports(thread_id, user=signed_in()))
    except PermissionError:
        st.error("This conversation is not yours. Start a new one or pick one of yours in the sidebar.")
        return
    if not reports:
        st.info("No report in this conversation yet. Ask for one in the chat, e.g. 'draft an SBAR handoff'.")
        return
    for report in reversed(reports):
        if report.status == "draft":
            _review(agent, persona, thread_id, report)
        else:
            badge = "✅ approved" if report.status == "approved" else "❌ rejected"
            with st.expander(f"{report.title} {report.id} - {badge} by {report.decided_by}", expanded=True):
                st.markdown(to_markdown(report))
                if report.status == "approved":
                    _downloads(report)
