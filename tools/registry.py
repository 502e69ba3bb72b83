"""The LangChain tools the agent binds, built from the plain tool functions and their shared resources.

Adding a tool: write the plain function in its package, then add one ``StructuredTool`` line in ``build_tools``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, ToolMessage
from langchain_core.tools import BaseTool, StructuredTool
from langgraph.prebuilt import InjectedState
from pydantic import BaseModel, Field

from tools.contract import ToolOutput
from tools.drugs import DrugKnowledgeBase, DrugNameResolver, check_drug_interactions
from tools.drugs.render import interaction_output
from tools.images import ImageLimits, analyze_image
from tools.reports import ReportKind, ReviewPolicy, draft_report, gather
from tools.reports.render import report_output
from tools.search_render import search_output

if TYPE_CHECKING:
    from retrieval.search import Retriever


class DrugCheckInput(BaseModel):
    """Arguments of check_drug_interactions."""

    drugs: list[str] = Field(description="Medicine names as written (generic, brand or misspelled); up to 50.")


class LogSearchInput(BaseModel):
    """Arguments of search_maintenance_logs."""

    query: str = Field(description="The fault, alarm or symptom, in the technician's words.")
    asset: str | None = Field(None, description="Asset id, e.g. VNT-0107.")
    equipment: str | None = Field(None, description="Equipment type, e.g. ventilator.")
    since: str | None = Field(None, description="Only entries on or after this ISO date.")
    k: int = Field(5, ge=1, le=50)


class ImageInput(BaseModel):
    """Arguments of analyze_image."""

    path: str = Field(description="Path of the uploaded DICOM, PNG, JPEG or WebP file.")
    question: str = Field("", description="What the user wants to know about the image.")
    persona: str = Field("nurse", description="Who asks: patient, nurse or technician (chooses the reading domain).")


class ReportInput(BaseModel):
    """Arguments of draft_report."""

    kind: ReportKind = Field(description="radiology, nursing_handoff, visit_summary, work_order or incident.")
    request: str = Field("", description="The user's request, e.g. 'draft a work order for VNT-0107'.")
    # The conversation so far, injected by the graph's tool node (never written by the model).
    state: Annotated[dict[str, Any], InjectedState] = Field(default_factory=dict)


class KnowledgeSearchInput(BaseModel):
    """Arguments of search_knowledge."""

    query: str = Field(description="The question to answer from vetted documents.")
    k: int = Field(5, ge=1, le=50)


@dataclass(slots=True)
class ToolResources:
    """Expensive things the tools share, built once per process (the retriever on first use)."""

    kb: DrugKnowledgeBase
    resolver: DrugNameResolver
    retriever: Callable[[], Retriever] | None = None
    # The vision model when the endpoint's image reading is usable, else None (checked at each call).
    vision: Callable[[], BaseChatModel | None] | None = None
    image_limits: ImageLimits = field(default_factory=ImageLimits)
    preview_dir: Path | None = None
    # Applied to text the image tool sends to the model (identifier redaction when configured).
    model_text_filter: Callable[[str], str] = lambda text: text
    # Applied to text read from images before it reaches anything (summary, thread, audit): always redaction in the
    # app, since a wristband or a label carries identifiers whatever the model setting is.
    read_text_filter: Callable[[str], str] = lambda text: text
    report_policy: ReviewPolicy = field(default_factory=ReviewPolicy)  # who may approve which report kind
    report_names: bool = False  # whether a drafted report may carry the patient's name


def _timed(fn: Callable[..., ToolOutput]) -> Callable[..., tuple[str, dict[str, Any]]]:
    def run(**kwargs: Any) -> tuple[str, dict[str, Any]]:
        started = time.perf_counter()
        output = fn(**kwargs)
        content, artifact = output.as_message()
        artifact["duration_ms"] = round((time.perf_counter() - started) * 1000, 3)
        return content, artifact

    return run


def _tool(fn: Callable[..., ToolOutput], name: str, description: str, schema: type[BaseModel]) -> BaseTool:
    """A timed tool whose ToolOutput travels as (summary for the model, artifact for the UI and guards)."""
    return StructuredTool.from_function(
        func=_timed(fn), name=name, description=description, args_schema=schema, response_format="content_and_artifact"
    )


def build_tools(res: ToolResources) -> list[BaseTool]:
    """Every tool the product offers; personas then choose which of them a turn may use."""

    def drugs(drugs: list[str]) -> ToolOutput:
        return interaction_output(check_drug_interactions(drugs, res.kb, res.resolver))

    def image(path: str, question: str = "", persona: str = "nurse") -> ToolOutput:
        return analyze_image(
            path,
            res.model_text_filter(question),
            persona,
            vision=res.vision() if res.vision else None,
            limits=res.image_limits,
            preview_dir=res.preview_dir,
            text_filter=res.read_text_filter,
            resolver=res.resolver,
        )

    def report(kind: ReportKind, request: str = "", state: dict[str, Any] | None = None) -> ToolOutput:
        messages = (state or {}).get("messages", [])
        evidence = gather(
            [m.text for m in messages if isinstance(m, HumanMessage)],
            [m.artifact for m in messages if isinstance(m, ToolMessage) and isinstance(m.artifact, dict)],
            [g for g in [((state or {}).get("flags") or {}).get("emergency_guidance")] if g],
            reader=res.resolver.find_in_text,  # the resolver already built, not a second one
        )
        report = draft_report(kind, evidence, request, allow_names=res.report_names)
        return report_output(report, res.report_policy)

    tools = [
        _tool(
            drugs,
            "check_drug_interactions",
            "Check every pair of medicines in a list for interactions against the bundled, sourced knowledge base. "
            "Use whenever the user names two or more medicines.",
            DrugCheckInput,
        ),
        _tool(
            image,
            "analyze_image",
            "Analyse an attached X-ray, CT/MR slice, ultrasound, skin or wound photo, weld/PCB/equipment photo, or a "
            "video (as key frames): metadata, quality and the printed text (labels, screens, nameplates) always, a "
            "preliminary visual read when the model can see images.",
            ImageInput,
        ),
        _tool(
            report,
            "draft_report",
            "Draft a report (radiology, nursing handoff, visit summary, work order, incident) from the conversation "
            "and the tool results so far; a person approves, edits or rejects it before it is final.",
            ReportInput,
        ),
    ]
    if res.retriever is not None:
        retriever = res.retriever

        def logs(
            query: str, asset: str | None = None, equipment: str | None = None, since: str | None = None, k: int = 5
        ) -> ToolOutput:
            r = retriever()
            return search_output(r.search_logs(query, asset, equipment, since, k), "maintenance_logs", r.store.embedder)

        def knowledge(query: str, k: int = 5) -> ToolOutput:
            r = retriever()
            return search_output(r.search_knowledge(query, k), "knowledge", r.store.embedder)

        tools.append(
            _tool(
                logs,
                "search_maintenance_logs",
                "Find past maintenance-log entries (problem and fix) similar to a fault description.",
                LogSearchInput,
            )
        )
        tools.append(
            _tool(
                knowledge,
                "search_knowledge",
                "Find passages in vetted troubleshooting guides and patient or nursing notes.",
                KnowledgeSearchInput,
            )
        )
    return tools
