"""Present an InteractionReport: a summary for the model and citations for the answer."""

from __future__ import annotations

from tools.contract import SourceRef, ToolOutput
from tools.drugs.models import InteractionReport, Resolution


def interaction_output(report: InteractionReport) -> ToolOutput:
    """Wrap a report as the tool's output."""
    citations = [
        SourceRef(
            id=i.id,
            kind="drug_interaction",
            title=f"{i.drug_a} + {i.drug_b} ({i.severity.value})",
            snippet=f"{i.effect} Management: {i.management}",
            source="; ".join(i.sources),
        )
        for i in report.interactions
    ]
    return ToolOutput(
        kind="drug_interactions",
        summary=summarize(report),
        data=report.model_dump(mode="json"),
        citations=citations,
        error=report.error,
    )


def summarize(report: InteractionReport) -> str:
    """A compact, complete text of the findings (what the model is allowed to say)."""
    if report.error:
        return f"Drug check failed: {report.error}"
    lines = []
    for m in report.names:
        if m.resolution in (Resolution.BRAND, Resolution.SYNONYM, Resolution.SALT, Resolution.FUZZY):
            lines.append(f"Read '{m.typed}' as {' + '.join(m.ingredients)} ({m.resolution.value}).")
    if report.interactions:
        lines.append(f"{len(report.interactions)} interaction finding(s), most severe first:")
        for i in report.interactions:
            lines.append(
                f"- [{i.id}] {i.severity.value.upper()}: {i.drug_a} + {i.drug_b}. {i.effect} Management: {i.management}"
            )
    else:
        lines.append(
            f"No interaction found in the knowledge base among: {', '.join(report.checked_ingredients) or 'none'}."
        )
    if report.unknown:
        lines.append(f"Unknown names (not checked): {', '.join(report.unknown)}.")
    for m in report.ambiguous:
        lines.append(f"Ambiguous name '{m.typed}': could be {', '.join(m.candidates)} (not checked).")
    lines.append(report.disclaimer)
    return "\n".join(lines)
