"""Input and output guards: deterministic guarantees that hold whatever the model writes."""

from __future__ import annotations

import re

from agent.personas import Persona, PersonaName
from agent.state import Citation, Flags, ToolResult
from agent.triage import detect_red_flags

_INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any )?(the |your )?(previous|prior|above|earlier) (instructions|rules|prompts?)|"
    r"you are now|system prompt|developer mode|jailbreak|reveal (your|the) (prompt|instructions)|"
    r"act as (an? )?(unrestricted|different)",
    re.IGNORECASE,
)
_SAYS_SAFE = re.compile(
    r"\b(no (known |significant |major |serious )?interactions?|safe to (take|use|combine|mix)|"
    r"(does not|doesn't|do not|don't|won't|will not) interact|no (risk|problem|concern)s?|perfectly safe|"
    r"completely safe|(yes,? )?you (can|may) (safely )?(take|use|combine|have)|"
    r"(it'?s|it is|that'?s|that is) (fine|ok|okay|safe|alright)|(fine|ok|okay|alright) to (take|use|combine)|"
    r"(is|are|'s) not (a |an )?(problem|issue|concern|dangerous|harmful)|nothing to worry|no need to worry|"
    r"(harmless|not harmful))\b",
    re.IGNORECASE,
)
_DOSING_ADVICE = re.compile(
    r"\b(stop (taking|using)|discontinue|quit taking|double (your|the) dose|(increase|decrease|reduce|lower|raise) "
    r"(your|the) (dose|dosage)|skip (a|your|the next) dose|take (an )?extra (dose|tablet|pill))\b",
    re.IGNORECASE,
)
# Prose that reports what an image shows; only allowed when the image tool returned a visual read.
_VISUAL_CLAIM = re.compile(
    r"\b(the (image|x-?ray|scan|photo|picture|film|radiograph) (shows?|reveals?|demonstrates?|is normal|looks)|"
    r"i (can )?see|(is|are) (visible|seen)|(consistent|compatible) with|suggestive of|(no|evidence of) "
    r"(pneumothorax|fracture|effusion|consolidation|crack|porosity|infection|mass)|(looks|appears) (normal|healthy|"
    r"infected|fine|broken|cracked))\b",
    re.IGNORECASE,
)
_SEVERITIES = ("minor", "moderate", "major", "contraindicated")
_CITATION = re.compile(r"\[([a-z_]+:[^\]\s]+)\]")


def input_flags(text: str, persona: Persona) -> Flags:
    """Red flags and injection suspicion for the user's message."""
    flags: Flags = {}
    hits = detect_red_flags(text, persona.red_flag_domain)
    if hits:
        flags["red_flags"] = [h.key for h in hits]
        heading = "EMERGENCY" if persona.red_flag_domain == "clinical" else "STOP WORK"
        flags["emergency_guidance"] = "\n".join(f"**{heading} - {h.label}:** {h.guidance}" for h in hits)
    if _INJECTION.search(text):
        flags["injection_suspected"] = True
    return flags


def _drug_findings(results: list[ToolResult]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for r in results:
        if r["ok"] and r["artifact"].get("kind") == "drug_interactions":
            found.extend(r["artifact"].get("data", {}).get("interactions", []))
    return found


def _unread_images(results: list[ToolResult]) -> bool:
    return any(
        r["artifact"].get("kind") == "image_analysis" and not (r["artifact"].get("data") or {}).get("reading")
        for r in results
    )


_TURN_MARKER = re.compile(r"^\s*(user|assistant|system|human|ai)\s*:", re.IGNORECASE | re.MULTILINE)
_SCAFFOLD = ("TOOL RESULTS", "<<<", ">>>", "USER MESSAGE:")


def tidy_prose(prose: str) -> str:
    """Cut what small models add after their answer: invented conversation turns."""
    marker = _TURN_MARKER.search(prose)
    return (prose[: marker.start()] if marker else prose).strip()


def _repetitive(prose: str) -> bool:
    lines = [line.strip() for line in re.split(r"[\n.!?]+", prose) if len(line.strip()) > 12]
    return any(lines.count(line) >= 3 for line in set(lines))


def check_prose(prose: str, results: list[ToolResult], citations: list[Citation], persona: Persona) -> list[str]:
    """Reasons the model's prose must not be shown as written (empty when it may)."""
    problems: list[str] = []
    if any(mark in prose for mark in _SCAFFOLD):
        problems.append("answer echoed the prompt")
    if _repetitive(prose):
        problems.append("answer repeats itself")
    findings = _drug_findings(results)
    if findings:
        if _SAYS_SAFE.search(prose):
            problems.append("answer denied an interaction the knowledge base reports")
        top = max(_SEVERITIES.index(str(f["severity"])) for f in findings)
        named = [i for i, s in enumerate(_SEVERITIES) if re.search(rf"\b{s}\b", prose, re.IGNORECASE)]
        if named and max(named) < top:
            problems.append(f"answer lowered the severity below {_SEVERITIES[top]}")
    if _unread_images(results) and _VISUAL_CLAIM.search(prose):
        problems.append("answer described an image that no vision model read")
    if persona.name is PersonaName.PATIENT and _DOSING_ADVICE.search(prose):
        problems.append("dosing or stop-taking advice to a patient")
    known = {c["id"] for c in citations}
    unknown = sorted({c for c in _CITATION.findall(prose) if c not in known})
    if unknown:
        problems.append(f"citations to items that were not retrieved: {', '.join(unknown)}")
    if len(prose.strip()) < 2:
        problems.append("empty answer")
    return problems


def template_prose(results: list[ToolResult], persona: Persona) -> str:
    """A plain answer written by code from the tool results (used when the model is down or overruled)."""
    if not results:
        if persona.name is PersonaName.TECHNICIAN:
            return "No tool matched this request. Describe the equipment, its asset id and the fault or alarm."
        return "No tool matched this request. Name the medicines, attach an image, or ask about a topic."
    return "Here is what the tools found:"


def findings_section(results: list[ToolResult]) -> str:
    """The deterministic record of every tool that ran, with its result."""
    lines = []
    for r in results:
        status = "" if r["ok"] else " (failed)"
        lines.append(f"**{r['tool']}**{status}:\n{r['summary']}")
    return "\n\n".join(lines)


def compose_answer(
    prose: str, flags: Flags, results: list[ToolResult], citations: list[Citation], persona: Persona
) -> str:
    """The final answer: red flags first, then prose, the tool findings, sources and the safety net."""
    parts: list[str] = []
    if flags.get("emergency_guidance"):
        parts.append(flags["emergency_guidance"])
    if flags.get("model_unavailable"):
        parts.append("_Model unavailable: this answer was assembled from the tool results only._")
    parts.append(prose.strip())
    if flags.get("report_decisions"):
        parts.append("\n".join(f"Report decision: {d}." for d in flags["report_decisions"]))
    if results:
        parts.append(findings_section(results))
    if citations:
        parts.append("Sources:\n" + "\n".join(_source_line(c) for c in citations))
    if persona.safety_net:
        parts.append(persona.safety_net)
    return "\n\n".join(p for p in parts if p)


def _source_line(citation: Citation) -> str:
    # a log entry without asset or date is titled by its file, which is also its source: name it once
    where = f" - {citation['source']}" if citation["source"] and citation["source"] != citation["title"] else ""
    return f"- [{citation['id']}] {citation['title']}{where}"
