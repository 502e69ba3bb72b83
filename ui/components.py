"""How tool results, citations, guard flags and reports look in the UI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from app.conversations import Persona
from app.service import CareForge
from ui.labels import tool_name

SEVERITY_COLOURS = {
    "contraindicated": "background-color: #7f1d1d; color: white",
    "major": "background-color: #fecaca",
    "moderate": "background-color: #fde68a",
    "minor": "background-color: #d9f99d",
}
PERSONA_LOOK = {"patient": "#2563eb", "nurse": "#059669", "technician": "#d97706"}


# What CareForge does for each persona, in plain words (no function names), and what it does not do.
WELCOME = {
    "patient": (
        "I can check your medicines for interactions, read a photo of a label or prescription, and explain what the "
        "vetted notes say. I am not a doctor: I do not diagnose or change doses, and in an emergency I tell you to "
        "call for help first.",
        [
            "Can I take ibuprofen with my warfarin?",
            "Is St John's wort safe with my birth control pill?",
            "I take Zocor and was prescribed clarithromycin. Is that ok?",
        ],
    ),
    "nurse": (
        "I check medication lists against a sourced interaction knowledge base, give a preliminary read of images for "
        "a clinician to confirm, search the vetted notes and draft handoffs and reports for you to review and sign.",
        [
            "Patient on Coumadin asks whether Advil is fine for knee pain.",
            "Check lithium, lisinopril and furosemide",
            "Bed 4 on warfarin 5 mg, INR 3.4, asks about ibuprofen: prepare an SBAR handoff",
        ],
    ),
    "technician": (
        "I search the maintenance logs for recorded fixes (each cited), read error screens and nameplates in photos, "
        "and draft work orders and incident reports. Safety first: I tell you to stop work when something is live.",
        [
            "Ventilator shows a high pressure alarm after a filter change, what fixed this before?",
            "Infusion pump occlusion alarm keeps coming back",
            "Write a work order for IP-0121 battery fault",
        ],
    ),
}


def persona_badge(persona: Persona) -> None:
    """The persona's icon and colour, and what CareForge does for it, in plain words."""
    colour = PERSONA_LOOK[persona.name.value]
    does, _examples = WELCOME[persona.name.value]
    st.markdown(
        f"<div style='border-left: 6px solid {colour}; padding-left: 8px'><b>{persona.title}</b><br>"
        f"<small>{does}</small></div>",
        unsafe_allow_html=True,
    )


def examples(persona: Persona) -> str | None:
    """Three example questions for an empty conversation; the one clicked, if any."""
    _does, questions = WELCOME[persona.name.value]
    st.caption("Try one of these:")
    chosen = None
    for n, (column, question) in enumerate(zip(st.columns(len(questions)), questions, strict=True)):
        if column.button(question, key=f"example-{persona.name.value}-{n}"):
            chosen = question
    return chosen


def emergency(flags: dict[str, Any]) -> None:
    """Red-flag guidance, shown before anything else."""
    if flags.get("emergency_guidance"):
        st.error(flags["emergency_guidance"], icon=":material/emergency:")
    if flags.get("injection_suspected"):
        st.warning("Instructions inside the message were treated as data, not followed.", icon=":material/shield:")


def interaction_table(data: dict[str, Any]) -> None:
    """Drug-interaction findings as a table coloured by severity, every column readable (text wraps)."""
    rows = [
        {
            "Severity": i["severity"],
            "Medicines": f"{i['drug_a']} + {i['drug_b']}",
            "What can happen": i["effect"],
            "What to do": i["management"],
            "Source": "; ".join(i["sources"]),
        }
        for i in data.get("interactions", [])
    ]
    if rows:
        frame = pd.DataFrame(rows)
        st.table(frame.style.apply(lambda col: [SEVERITY_COLOURS.get(v, "") for v in col], subset=["Severity"]))
    elif data.get("interactions") is not None:
        st.info("No interaction found in the knowledge base (that does not prove the combination is safe).")
    for name in data.get("unknown", []):
        st.warning(f"Unknown medicine: {name}")


def _image(data: dict[str, Any]) -> None:
    preview = data.get("preview_path")
    if preview and Path(preview).is_file():
        st.image(preview, caption=data.get("file"), width=320)
    metadata = {k: v for k, v in (data.get("metadata") or {}).items() if v not in (None, "")}
    if metadata:
        st.table(pd.DataFrame({"Detail": list(metadata), "Value": [str(v) for v in metadata.values()]}))
    issues = (data.get("quality") or {}).get("issues") or ["no problems detected"]
    st.caption("Quality: " + "; ".join(issues))
    for warning in data.get("warnings", []):
        st.warning(warning)
    if data.get("reading"):
        st.json(data["reading"])
    st.caption(data.get("vision_status", ""))


def tool_panel(result: dict[str, Any], persona: str) -> None:
    """One step's details, collapsed: what it found; inputs and timing for staff (never function names for patients)."""
    artifact = result.get("artifact") or {}
    mark = ":material/check_circle:" if result["ok"] else ":material/warning:"
    with st.expander(f"{mark} Details: {tool_name(result['tool'])}", expanded=False):
        if artifact.get("error"):
            st.warning(f"This step could not finish: {artifact['error']}")
        if artifact.get("kind") == "image_analysis" and not artifact.get("error"):
            _image(artifact.get("data") or {})
        else:
            st.markdown(result.get("summary", ""))
        if persona != "patient":
            st.caption(
                f"`{result['tool']}` proposed by {result.get('proposed_by', '?')}, "
                f"{result.get('duration_ms', 0):.0f} ms"
            )
            st.json({k: v for k, v in result.get("args", {}).items() if k != "state"}, expanded=False)


_SOURCES = re.compile(r"(?ms)^Sources:\n(?:- .*?(?:\n|$))+")


def answer_body(answer: str, has_citations: bool) -> str:
    """The answer without its plain-text source list when the sources are shown below it (once)."""
    return _SOURCES.sub("", answer).strip() if has_citations else answer


def citations(items: list[dict[str, Any]]) -> None:
    """Each source the answer rests on, once, opening to its full text."""
    if not items:
        return
    st.caption("Sources")
    for c in items:
        with st.expander(f"[{c['id']}] {c['title']}"):
            st.markdown(c.get("snippet") or "")
            if c.get("source"):
                st.caption(f"Source: {c['source']}")


@st.cache_data(show_spinner=False, max_entries=256)
def _thumbnail(_agent: CareForge, path: str) -> tuple[bytes | None, str | None]:
    from app.conversations import thumbnail

    thumb = thumbnail(_agent, path)
    return thumb.png, thumb.error


def attachments(agent: CareForge, files: list[dict[str, str]]) -> None:
    """The files of a user's message: a thumbnail and the original name each (or why it cannot be shown)."""
    if not files:
        return
    for column, item in zip(st.columns(min(len(files), 4)), files, strict=False):
        png, error = _thumbnail(agent, item["path"])
        with column:
            if png is not None:
                st.image(png, caption=item["name"], width=160)
            else:
                st.caption(f":material/attach_file: {item['name']}" + (f" ({error})" if error else ""))


def findings(result: dict[str, Any]) -> None:
    """The structured findings that belong next to the answer: the severity table of each interaction check."""
    for call in result.get("tool_calls", []):
        artifact = call.get("artifact") or {}
        if artifact.get("kind") == "drug_interactions" and not artifact.get("error"):
            interaction_table(artifact.get("data") or {})


def turn(result: dict[str, Any]) -> None:
    """A finished turn: guard flags, the answer with its key findings, the steps' details, the sources once."""
    persona = str(result.get("persona", "patient"))
    emergency(result.get("flags", {}))
    if result.get("answer"):
        st.markdown(answer_body(result["answer"], bool(result.get("citations"))))
    findings(result)
    if result.get("review"):
        st.info("A report was drafted and waits for review on the **Reports** page.", icon=":material/rate_review:")
    for call in result.get("tool_calls", []):
        tool_panel(call, persona)
    citations(result.get("citations", []))
