"""The answer of a turn: the composed findings first, then at most a few model sentences the results support.

What streams is what stays: the composed head is shown as soon as the tools finish; the model's passage is held
back until every sentence of it has been checked against the results (``safety.grounding``), and only the sentences
that pass are added, before the sources and the safety net.
"""

from __future__ import annotations

from langchain_core.messages import AnyMessage, HumanMessage, SystemMessage

from agent import prompts
from agent.compose import compose_head, compose_tail
from agent.personas import Persona, PersonaName
from agent.state import Citation, Flags, ToolResult
from safety import guards
from safety.grounding import Evidence, ground


def brief_messages(head: str, question: str, persona: Persona, redact: bool, redactor: object) -> list[AnyMessage]:
    """The model's tight brief: the composed findings as data, and the user's question."""
    system = prompts.BRIEF_TEMPLATE.format(persona=persona.system_prompt, rules=prompts.BRIEF_RULES, findings=head)
    if redact and callable(redactor):
        system, question = str(redactor(system)), str(redactor(question))
    return [SystemMessage(system), HumanMessage(question)]


def evidence(
    results: list[ToolResult], citations: list[Citation], head: str, question: str, persona: Persona
) -> Evidence:
    """What the turn's tools established, for checking the model's sentences."""
    drug = [r for r in results if r["artifact"].get("kind") == "drug_interactions" and r["ok"]]
    findings = [f for r in drug for f in (r["artifact"].get("data") or {}).get("interactions", [])]
    images = [r for r in results if r["artifact"].get("kind") == "image_analysis"]
    return Evidence(
        text="\n".join([head, *(r["summary"] for r in results)]),
        cited={c["id"]: f"{c['title']} {c['snippet']}" for c in citations},
        severities=frozenset(str(f["severity"]) for f in findings),
        findings=bool(findings),
        drug_checked=bool(drug),
        vision_read=any((r["artifact"].get("data") or {}).get("reading") for r in images),
        patient=persona.name is PersonaName.PATIENT,
    )


def finish(
    head: str,
    prose: str,
    results: list[ToolResult],
    citations: list[Citation],
    persona: Persona,
    question: str,
    flags: Flags,
) -> str:
    """The final answer: the head as shown, the supported model sentences, then sources and safety net."""
    addendum = ""
    prose = guards.tidy_prose(prose)
    if prose:
        whole_problems = guards.prose_problems(prose)
        if whole_problems:
            flags["prose_dropped"] = [f"(all): {p}" for p in whole_problems]
        else:
            grounded = ground(prose, evidence(results, citations, head, question, persona))
            addendum = grounded.text
            if grounded.dropped:
                flags["prose_dropped"] = [f"{s} ({why})" for s, why in grounded.dropped]
    tail = compose_tail(citations, persona)
    return "\n\n".join(p for p in (head, addendum, tail) if p)


__all__ = ["brief_messages", "compose_head", "evidence", "finish"]
