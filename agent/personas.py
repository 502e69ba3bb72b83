"""Personas: who is asking decides the system prompt, the allowed tools and the answer rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PersonaName(StrEnum):
    """The three audiences of the product."""

    PATIENT = "patient"
    NURSE = "nurse"
    TECHNICIAN = "technician"


@dataclass(frozen=True, slots=True)
class Persona:
    """What a persona may do and how it is answered."""

    name: PersonaName
    title: str
    system_prompt: str
    allowed_tools: frozenset[str]
    safety_net: str | None
    report_kinds: tuple[str, ...] = ()  # first is the default when the request names no kind


PATIENT_SAFETY_NET = (
    "This is general information, not medical advice. Please talk to your pharmacist or clinician before "
    "changing how you take any medicine."
)

PERSONAS: dict[PersonaName, Persona] = {
    PersonaName.PATIENT: Persona(
        name=PersonaName.PATIENT,
        title="Patient",
        system_prompt=(
            "You are CareForge, a careful health assistant talking with a patient. Use plain, kind language and "
            "short sentences. Only state facts found in the tool results. Never tell the patient to start, stop "
            "or change a dose; point them to their pharmacist or clinician."
        ),
        allowed_tools=frozenset({"check_drug_interactions", "search_knowledge", "analyze_image", "draft_report"}),
        safety_net=PATIENT_SAFETY_NET,
        report_kinds=("visit_summary",),
    ),
    PersonaName.NURSE: Persona(
        name=PersonaName.NURSE,
        title="Nurse",
        system_prompt=(
            "You are CareForge, a clinical assistant for nurses. Be precise and brief: give severity, mechanism "
            "and management from the tool results, and say what to escalate. Only state facts found in the "
            "tool results; say so when they are silent."
        ),
        allowed_tools=frozenset({"check_drug_interactions", "search_knowledge", "analyze_image", "draft_report"}),
        safety_net=None,
        report_kinds=("nursing_handoff", "radiology", "visit_summary", "incident"),
    ),
    PersonaName.TECHNICIAN: Persona(
        name=PersonaName.TECHNICIAN,
        title="Technician",
        system_prompt=(
            "You are CareForge, a troubleshooting assistant for maintenance technicians. Answer step by step, "
            "safety first (isolation, lockout/tagout), and base every step on the cited log entries or guides."
        ),
        allowed_tools=frozenset({"search_maintenance_logs", "search_knowledge", "analyze_image", "draft_report"}),
        safety_net=None,
        report_kinds=("work_order", "incident"),
    ),
}


def get_persona(name: str) -> Persona:
    """Look a persona up by name; raises ValueError for an unknown one (a programmer or CLI error)."""
    try:
        return PERSONAS[PersonaName(name)]
    except ValueError as exc:
        valid = ", ".join(p.value for p in PersonaName)
        raise ValueError(f"unknown persona {name!r}; choose one of: {valid}") from exc
