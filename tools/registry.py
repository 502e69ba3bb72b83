"""The LangChain tools the agent binds, built from the plain tool functions and their shared resources.

Adding a tool: write the plain function in its package, then add one ``StructuredTool`` line in ``build_tools``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from tools.contract import ToolOutput
from tools.drugs import DrugKnowledgeBase, DrugNameResolver, check_drug_interactions
from tools.drugs.render import interaction_output


class DrugCheckInput(BaseModel):
    """Arguments of check_drug_interactions."""

    drugs: list[str] = Field(description="Medicine names as written (generic, brand or misspelled); up to 50.")


@dataclass(slots=True)
class ToolResources:
    """Expensive things the tools share, built once per process."""

    kb: DrugKnowledgeBase
    resolver: DrugNameResolver


def _timed(fn: Callable[..., ToolOutput]) -> Callable[..., tuple[str, dict[str, Any]]]:
    def run(**kwargs: Any) -> tuple[str, dict[str, Any]]:
        started = time.perf_counter()
        output = fn(**kwargs)
        content, artifact = output.as_message()
        artifact["duration_ms"] = round((time.perf_counter() - started) * 1000, 3)
        return content, artifact

    return run


def build_tools(res: ToolResources) -> list[BaseTool]:
    """Every tool the product offers; personas then choose which of them a turn may use."""

    def drugs(drugs: list[str]) -> ToolOutput:
        return interaction_output(check_drug_interactions(drugs, res.kb, res.resolver))

    return [
        StructuredTool.from_function(
            func=_timed(drugs),
            name="check_drug_interactions",
            description=(
                "Check every pair of medicines in a list for interactions against the bundled, sourced "
                "knowledge base. Use whenever the user names two or more medicines."
            ),
            args_schema=DrugCheckInput,
            response_format="content_and_artifact",
        ),
    ]
