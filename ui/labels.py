"""Words the page shows for what CareForge does: no function names, one phrase per step."""

from __future__ import annotations

from typing import Any

# What each tool is called on the page (every persona: function names are for the audit trail, not for people).
TOOL_NAMES = {
    "check_drug_interactions": "Medicine interaction check",
    "analyze_image": "Image reading",
    "draft_report": "Report draft",
    "search_maintenance_logs": "Maintenance log search",
    "search_knowledge": "Vetted notes search",
}


def tool_name(tool: str) -> str:
    """The plain name of a tool."""
    return TOOL_NAMES.get(tool, tool.replace("_", " ").capitalize())


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def step(tool: str, args: dict[str, Any], entries: int | None = None) -> str:
    """What the page says while a tool runs: "Checking 2 medicines...", "Searching 1,204 log entries...".

    ``entries`` is the size of the collection a search runs over, when the page knows it.
    """
    if tool == "check_drug_interactions":
        return f"Checking {_count(len(args.get('drugs') or []), 'medicine')} for interactions..."
    if tool == "analyze_image":
        return "Reading the attached image..."
    if tool == "draft_report":
        kind = str(args.get("kind") or "report").replace("_", " ")
        return f"Drafting the {kind}..."
    if tool == "search_maintenance_logs":
        asset = args.get("asset")
        what = f"{entries:,} maintenance log entries" if entries else "the maintenance log"
        return f"Searching {what}{f' for {asset}' if asset else ''}..."
    if tool == "search_knowledge":
        return f"Searching {f'{entries:,} passages of ' if entries else ''}the vetted notes..."
    return f"{tool_name(tool)}..."


def finished(tool: str) -> str:
    """What the page says when a tool has answered."""
    return f"{tool_name(tool)} done"


READING = "Reading your message..."
WRITING = "Writing the answer..."
