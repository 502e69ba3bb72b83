"""The composer: the answer a person reads, written by code from the tool results, per persona, without the model.

Emergency guidance comes first, then each tool's findings in words (no tool names), then sources once, then the
safety net. The model may add a short, checked passage between the findings and the sources (see
``agent.nodes``); nothing here depends on it.
"""

from __future__ import annotations

from agent.compose.drugs import compose_drugs
from agent.compose.other import compose_docs, compose_logs
from agent.personas import Persona, PersonaName
from agent.state import Citation, Flags, ToolResult


def _body(result: ToolResult, persona: str, withheld: list[str]) -> str:
    artifact = result["artifact"]
    data = artifact.get("data") or {}
    kind = artifact.get("kind")
    if kind == "drug_interactions":
        return compose_drugs(data, persona)
    if kind == "maintenance_logs":
        return compose_logs(data, persona)
    if kind == "knowledge":
        return compose_docs(data, persona, withheld)
    # image facts and report drafts are already written for people by their tools
    return result["summary"] if result["ok"] else f"A step failed: {result['summary']}"


def compose_head(flags: Flags, results: list[ToolResult], persona: Persona) -> str:
    """Emergency guidance and the findings: shown as soon as the tools finish."""
    parts: list[str] = []
    if flags.get("emergency_guidance"):
        parts.append(flags["emergency_guidance"])
    withheld: list[str] = []
    # after a review decision the draft's "waits for review" no longer holds: the decision line says what happened
    shown = [r for r in results if not (flags.get("report_decisions") and r["artifact"].get("kind") == "report_draft")]
    bodies = [b for b in (_body(r, persona.name.value, withheld) for r in shown) if b]
    if withheld:
        flags["withheld_passages"] = withheld
    if bodies:
        parts.extend(dict.fromkeys(bodies))
    elif not flags.get("emergency_guidance"):
        parts.append(_nothing_ran(persona))
    if flags.get("report_decisions"):
        parts.append("\n".join(f"Report decision: {d}." for d in flags["report_decisions"]))
    return "\n\n".join(parts)


def compose_tail(citations: list[Citation], persona: Persona) -> str:
    """Sources, once each, and the persona's safety net."""
    parts: list[str] = []
    if citations:
        parts.append("Sources:\n" + "\n".join(_source_line(c) for c in citations))
    if persona.safety_net:
        parts.append(persona.safety_net)
    return "\n\n".join(parts)


def _nothing_ran(persona: Persona) -> str:
    if persona.name is PersonaName.TECHNICIAN:
        return "I could not match this to the maintenance logs. Describe the equipment, its asset id and the fault."
    return (
        "I can check medicines for interactions, look at an image, search the vetted notes or draft a report. "
        "Name the medicines, attach an image, or ask about a topic."
    )


def _source_line(citation: Citation) -> str:
    # a log entry without asset or date is titled by its file, which is also its source: name it once
    sources = [part for part in citation["source"].split("; ") if part]
    first = sources[0][:160] if sources else ""
    more = f" (+{len(sources) - 1} more sources)" if len(sources) > 1 else ""
    where = f" - {first}{more}" if first and first != citation["title"] else ""
    return f"- [{citation['id']}] {citation['title']}{where}"


__all__ = ["compose_head", "compose_tail"]
