"""Log fixes as steps for a technician, and document passages quoted with their ids."""

from __future__ import annotations

import re
from typing import Any

from retrieval.records import ACTION_SEPARATOR

# Dosing and stop-taking language in a retrieved passage: a patient is never shown it as if it were advice (a
# poisoned note once told a patient to double a warfarin dose). The passage is cited, not quoted.
_DOSING = re.compile(
    r"\b(double|triple|halve|increase|decrease|reduce|raise|lower|skip|stop|discontinue|quit|extra)\b[^.]{0,40}"
    r"\b(dose|doses|dosage|tablets?|pills?|taking|medicine|medication|warfarin|insulin)\b|\b\d+\s?(mg|mcg|ml|units?)\b",
    re.IGNORECASE,
)


def compose_logs(data: dict[str, Any], persona: str) -> str:
    """Maintenance-log hits: the likely causes and the recorded fixes as steps, each with its log id."""
    if data.get("error"):
        return f"The log search could not run: {data['error']}"
    hits = data.get("hits", [])
    if not hits:
        where = ", ".join(f"{k}={v}" for k, v in (data.get("filters") or {}).items())
        return "No log entry matched" + (f" with {where}" if where else "") + ". Describe the fault, alarm or asset id."
    lines = ["Recorded fixes for similar faults, closest first:"]
    for n, hit in enumerate(hits, 1):
        if hit.get("suspicious"):
            lines.append(f"{n}. An entry that contains instruction-like text; not quoted [{hit['citation_id']}]")
            continue
        problem, _, action = hit["snippet"].partition(ACTION_SEPARATOR)
        meta = hit.get("metadata", {})
        where = ", ".join(str(meta[k]) for k in ("asset_id", "equipment", "date") if meta.get(k))
        step = f"{n}. {problem.strip()}" + (f" ({where})" if where else "")
        step += f" - fix recorded: {action.strip()} [{hit['citation_id']}]" if action else f" [{hit['citation_id']}]"
        lines.append(step)
        for other in hit.get("other_fixes", [])[:3]:
            lines.append(f"   - another fix for the same problem: {other['action']} [{other['citation_id']}]")
    if persona == "technician":
        lines.append("Isolate and lock out before opening the equipment; follow the manufacturer's service manual.")
    return "\n".join(lines)


def compose_docs(data: dict[str, Any], persona: str = "nurse", withheld: list[str] | None = None) -> str:
    """Document passages, quoted with their ids; dosing or stop-taking text is not quoted to a patient."""
    if data.get("error"):
        return f"The document search could not run: {data['error']}"
    hits = data.get("hits", [])
    if not hits:
        return "No vetted document matched this question."
    lines = ["From the documents:"]
    for hit in hits[:3]:
        vetted = (hit.get("metadata") or {}).get("trust", "vetted") == "vetted"
        if hit.get("suspicious"):
            lines.append(f"- {hit['title']}: contains instruction-like text; not quoted [{hit['citation_id']}]")
            continue
        if persona == "patient" and not vetted:  # nobody vouched for it: a patient gets the citation, not the text
            lines.append(f"- {hit['title']} (an unvetted document): not quoted [{hit['citation_id']}]")
            if withheld is not None:
                withheld.append(hit["citation_id"])
            continue
        if persona == "patient" and _DOSING.search(hit["snippet"]):
            lines.append(
                f"- {hit['title']}: mentions doses or stopping a medicine, which only your doctor or "
                f"pharmacist can advise on for you; not quoted [{hit['citation_id']}]"
            )
            if withheld is not None:
                withheld.append(hit["citation_id"])
            continue
        label = "" if vetted else " (unvetted document)"
        lines.append(f'- {hit["title"]}{label}: "{hit["snippet"][:300].strip()}" [{hit["citation_id"]}]')
    return "\n".join(lines)
