"""Per-run parameters (LangGraph runtime context) and the long-lived services nodes use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from langchain_core.language_models import BaseChatModel
from langchain_core.tools import BaseTool

from agent.planner import RulePlanner
from core.llm import Capabilities
from core.settings import RoutingMode
from safety.triage import DEFAULT_CRISIS_LINE, Triage
from tools.reports import ReviewPolicy


@dataclass(frozen=True, slots=True)
class Context:
    """What may change from one run to the next."""

    persona: str = "patient"
    routing_mode: RoutingMode = RoutingMode.HYBRID
    max_steps: int = 4
    redact_model_input: bool = False
    model_timeout_s: float = 30.0
    addendum_tokens: int = 40  # the model's short passage on top of the composed answer; 0 leaves it out
    addendum_timeout_s: float = 15.0  # the findings are already shown: a hung model costs this once, then is skipped


@dataclass(slots=True)
class Services:
    """Built once per process and shared by every run."""

    model: Callable[[], BaseChatModel]  # the model for the running event loop
    tools: list[BaseTool]
    planner: RulePlanner
    capabilities: Callable[[], Capabilities]
    redact: Callable[[str], str]  # the product's redactor, for model input when ``Context.redact_model_input``
    on_model_error: Callable[[str], None] = lambda _error: None
    triage: Triage = field(default_factory=Triage)  # rules only unless the service adds the semantic detector
    crisis_line: str = DEFAULT_CRISIS_LINE
    report_policy: ReviewPolicy = field(default_factory=ReviewPolicy)
