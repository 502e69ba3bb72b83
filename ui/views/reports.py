"""Reports: review a draft (edit, approve, reject) and download approved reports."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.conversations import ExportRefused, Persona, Report, ReviewDecision, export, formats_for, to_markdown
from app.service import CareForge
from ui.runtime import run, signed_in

_MIME = {
    "md": "text/markdown",
    "json": "application/json",
    "pdf": "application/pdf",
    "fhir": "application/fhir+json",
    "cmms": "application/json",
}


def _decide(report: Report, decision: str) -> None:
    """Take the form's edits and note now (the disabled form that follows is a new widget) and mark it busy."""
    edits = {}
    for name, section in report.sections().items():
        text = str(st.session_state.get(f"{report.id}-{name}", section.text))
        if text.strip() != section.text.strip():
            edits[name] = text
    note = str(st.session_state.get(f"{report.id}-note", ""))
    st.session_state["deciding"] = {"report": report.id, "decision": decision, "edits": edits, "note": note}


_SAVING = {"approve": "Saving your approval...", "reject": "Recording the rejection..."}


def _save(agent: CareForge, persona: Persona, thread_id: str, report: Report, deciding: dict[str, Any]) -> None:
    """Apply the decision (edits first, then approve or reject) while the form shows disabled; keep the outcome."""
    user = signed_in()
    outcomes: dict[str, tuple[str, str]] = st.session_state.setdefault("decided", {})
    decision, edits = str(deciding["decision"]), dict(deciding["edits"])
    with st.status(_SAVING.get(decision, "Saving..."), expanded=True) as progress:
        if user is None:
            outcomes[thread_id] = ("error", "Sign in to decide a report.")
            return
        # Edits are saved first, then the decision: two explicit decisions, each recorded with the reviewer.
        steps = (["edit"] if decision == "approve" and edits else []) + [decision]
        for step in steps:
            progress.write("Saving your edits..." if step == "edit" else f"Recording: {step}")
            verdict = ReviewDecision(
                decision=step,
                editor=user.display_name,
                role=user.role.value,
                edits=edits if step == "edit" else {},
                note=str(deciding["note"]),
            )
            result = run(agent.adecide(thread_id, verdict, persona=persona.name.value, user=user))
            if result.review is not None and result.review.get("error"):
                outcomes[thread_id] = ("error", f"Not applied: {result.review['error']}")
                progress.update(label="Not applied", state="error")
                return
        done = "rejected" if decision == "reject" else "approved" + (" with your edits" if edits else "")
        outcomes[thread_id] = ("success", f"{report.title} {report.id} {done} by {user.display_name}.")
        progress.update(label="Saved", state="complete")


def _review(agent: CareForge, persona: Persona, thread_id: str, report: Report) -> None:
    st.subheader(f"{report.title} - awaiting review")
    approvers = sorted(agent.resources.report_policy.allowed(report.kind))
    st.caption(f"{report.id}; may be approved by: {', '.join(approvers)}")
    deciding = st.session_state.get("deciding") or {}
    busy = deciding.get("report") == report.id
    with st.form(f"review-{report.id}"):
        for name, section in report.sections().items():
            label = name.replace("_", " ").capitalize()
            if busy:  # the text being saved, read-only until the decision is recorded
                shown = deciding["edits"].get(name, section.text)
                st.text_area(label, shown, key=f"{report.id}-{name}-saving", disabled=True)
            else:
                st.text_area(label, section.text, key=f"{report.id}-{name}")
            if section.citations:
                st.caption("Sources: " + ", ".join(section.citations))
        user = signed_in()
        st.caption(f"Deciding as {user.display_name} ({user.role.value})" if user else "Not signed in")
        st.text_input(
            "Note (optional)",
            deciding.get("note", "") if busy else "",
            key=f"{report.id}-note{'-saving' * busy}",
            disabled=busy,
        )
        approve, reject = st.columns(2)
        # Fixed labels: a label that changed with the edits would give the button a new identity and drop the click.
        approve.form_submit_button(
            "Approve",
            type="primary",
            help="Edited sections are saved with it.",
            disabled=busy,
            on_click=_decide,
            args=(report, "approve"),
        )
        reject.form_submit_button("Reject", disabled=busy, on_click=_decide, args=(report, "reject"))
    if busy:
        _save(agent, persona, thread_id, report, deciding)
        st.session_state.pop("deciding", None)
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
    outcome = st.session_state.get("decided", {}).get(thread_id)
    if outcome:  # stays until the next decision in this conversation
        (st.success if outcome[0] == "success" else st.error)(
            outcome[1], icon=":material/check_circle:" if outcome[0] == "success" else ":material/warning:"
        )
    if not reports:
        st.info("No report in this conversation yet. Ask for one in the chat, e.g. 'draft an SBAR handoff'.")
        return
    for report in reversed(reports):
        if report.status == "draft":
            _review(agent, persona, thread_id, report)
        else:
            badge = ":material/check_circle: approved" if report.status == "approved" else ":material/cancel: rejected"
            with st.expander(f"{report.title} {report.id} - {badge} by {report.decided_by}", expanded=True):
                st.markdown(to_markdown(report))
                if report.status == "approved":
                    _downloads(report)
