"""Per-run parameters (LangGraph runtime context) and the long-lived services nodes reach through it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.tools import BaseTool
from pydantic import InstanceOf
from pydantic.json_schema import SkipJsonSchema

from agent.planner import RulePlanner
from core.llm import Capabilities
from core.settings import RoutingMode
from safety.triage import DEFAULT_CRISIS_LINE, Triage
from tools.reports import ReviewPolicy


class AuditTrail(Protocol):
    """Where the record node appends one row per run (``core.audit.AuditLog``)."""

    def record(self, turn: dict[str, Any]) -> None:
        """Append one turn."""


class ThreadBook(Protocol):
    """Where the record node notes that a thread was used (``core.threads.ThreadIndex``)."""

    def touch(self, thread_id: str, persona: str, first_question: str, owner: str | None = None) -> None:
        """Create or refresh the thread's index row."""


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
    audit: AuditTrail | None = None  # None: runs are not audited (tests of the graph alone)
    threads: ThreadBook | None = None  # None: no thread index
    model_name: str = ""  # as the audit names it


@dataclass(frozen=True, slots=True)
class Context:
    """What may change from one run to the next, and the services the nodes use (never serialised)."""

    persona: str = "patient"
    routing_mode: RoutingMode = RoutingMode.HYBRID
    max_steps: int = 4
    redact_model_input: bool = False
    model_timeout_s: float = 30.0
    addendum_tokens: int = 40  # the model's short passage on top of the composed answer; 0 leaves it out
    addendum_timeout_s: float = 15.0  # the findings are already shown: a hung model costs this once, then is skipped
    user: str | None = None  # the signed-in user: owner of a thread the run starts
    # InstanceOf: pydantic checks the type without describing it; SkipJsonSchema: clients never see it
    services: SkipJsonSchema[InstanceOf[Services] | None] = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Accept the routing mode as text, as a LangGraph client sends it."""
        object.__setattr__(self, "routing_mode", RoutingMode(self.routing_mode))

    def require_services(self) -> Services:
        """The services of the run; a context without them is a wiring error."""
        if self.services is None:
            raise RuntimeError("the run's context carries no services: build it with Context(services=...)")
        return self.services
