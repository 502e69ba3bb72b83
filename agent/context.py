"""Per-run parameters (LangGraph runtime context) and the long-lived services nodes use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.tools import BaseTool

from agent.llm import Capabilities
from agent.planner import RulePlanner
from agent.settings import RoutingMode


@dataclass(frozen=True, slots=True)
class Context:
    """What may change from one run to the next."""

    persona: str = "patient"
    routing_mode: RoutingMode = RoutingMode.HYBRID
    max_steps: int = 4
    redact_model_input: bool = False
    model_timeout_s: float = 30.0


@dataclass(slots=True)
class Services:
    """Built once per process and shared by every run."""

    model: Callable[[], BaseChatModel]  # the model for the running event loop
    tools: list[BaseTool]
    planner: RulePlanner
    capabilities: Callable[[], Capabilities]
    on_model_error: Callable[[str], None] = lambda _error: None
