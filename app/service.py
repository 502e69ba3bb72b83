"""The agent's Python API: the CLI, the UI and the benchmarks all go through ``CareForge``."""

from __future__ import annotations

import asyncio
import dataclasses
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import BaseTool
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command

from agent.context import Context, Services
from agent.graph import build_graph
from agent.personas import get_persona
from agent.planner import RulePlanner
from app.privacy import redact
from app.resources import default_resources, retriever_for, triage_for
from app.schemas import StreamEvent, TurnResult
from app.turn_input import run_context, turn_input
from core.audit import AuditLog
from core.database import conversation_saver, prepare_conversations
from core.endpoint import ModelEndpoint
from core.llm import Capabilities
from core.settings import RoutingMode, Settings
from core.telemetry import traced
from core.threads import ThreadIndex
from core.users import User, UserStore
from tools.registry import ToolResources, build_tools
from tools.reports import Report, ReviewDecision

__all__ = ["CareForge", "StreamEvent", "TurnResult", "default_resources", "retriever_for"]


class CareForge:
    """One configured agent. Build once per process; every method is safe to call from many tasks."""

    def __init__(
        self,
        settings: Settings,
        *,
        model: BaseChatModel | None = None,
        tools: Sequence[BaseTool] | None = None,
        resources: ToolResources | None = None,
        capabilities: Capabilities | None = None,
        checkpointer: BaseCheckpointSaver[Any] | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        """Wire the model, tools and stores; anything not given is built from settings."""
        self.settings = settings
        self.resources = resources or default_resources(settings)
        self.endpoint = ModelEndpoint(settings, model, capabilities)
        if self.resources.vision is None:  # a copy: resources may be shared by several agents
            self.resources = dataclasses.replace(self.resources, vision=self.endpoint.vision_model)
        self.tools = list(tools) if tools is not None else build_tools(self.resources)
        self._checkpointer = checkpointer
        if checkpointer is None:
            prepare_conversations(settings.conversation_store)
        # SQLite files in DATA_DIR, or one PostgreSQL database shared by every instance (CAREFORGE_DATABASE_URL)
        self.audit = audit if audit is not None else AuditLog(settings.audit_store, redact)
        self.threads = ThreadIndex(settings.threads_store, redact)
        self.users = UserStore(settings.users_store)
        self.services = Services(
            model=self.model,
            tools=self.tools,
            planner=RulePlanner(self.resources.resolver),
            capabilities=self.capabilities,
            redact=redact,
            on_model_error=self.endpoint.mark_unreachable,
            triage=triage_for(settings),
            crisis_line=settings.crisis_line,
            report_policy=self.resources.report_policy,
            audit=self.audit,  # the graph's record node writes the audit row and the thread index
            threads=self.threads,
            model_name=settings.model_name,
        )
        self._builder = build_graph(self.tools)
        self._compiled = self._builder.compile(checkpointer=checkpointer)

    def model(self) -> BaseChatModel:
        """The chat model for the running event loop."""
        return self.endpoint.model()

    def capabilities(self, *, refresh: bool = False) -> Capabilities:
        """The model endpoint's probed capabilities (fixed ones when given, e.g. in tests)."""
        return self.endpoint.capabilities(refresh=refresh)

    @asynccontextmanager
    async def graph(self) -> AsyncIterator[CompiledStateGraph[Any, Any, Any, Any]]:
        """The compiled graph bound to the conversation store for the duration of the block."""
        if self._checkpointer is not None:
            yield self._compiled
            return
        # A per-turn SQLite connection, or PostgreSQL: the server loop's pool (core.database.conversation_saver).
        async with conversation_saver(self.settings.conversation_store) as saver:
            # Compiling costs ~12 ms; a copy bound to this saver costs microseconds.
            yield self._compiled.copy(update={"checkpointer": saver})

    def authorize(self, user: User | None, thread_id: str | None, persona: str | None = None) -> None:
        """Raise PermissionError unless the signed-in user may use this persona and open this conversation.

        No user means a trusted in-process caller (a test, a script); every front end passes its signed-in user.
        Someone else's conversation reads as a missing one, so its existence does not leak.
        """
        if persona is not None:
            get_persona(persona)  # an unknown persona is a usage error (ValueError), not a refusal
        if user is None:
            return
        if persona is not None and not user.may_use(persona):
            raise PermissionError(f"a {user.role.value} chats as {' or '.join(user.personas)}, not as {persona}")
        if thread_id is not None:
            exists, owner = self.threads.owner(thread_id)
            if exists and not self.users.may_open(user, owner):
                raise PermissionError(f"no conversation {thread_id} for {user.username}")

    def visible_threads(self, user: User | None, limit: int = 100) -> list[Any]:
        """The conversations a user may list: their own (an admin's list is everyone's)."""
        if user is None or user.role.value == "admin":
            return self.threads.list(limit=limit)
        return self.threads.list(limit=limit, owners=[user.username])

    def _begin(
        self, persona: str, thread_id: str | None, routing: RoutingMode | str | None, user: User | None = None
    ) -> tuple[Context, str, RunnableConfig, float]:
        """Validate the run's parameters and the user's rights, and start its clock."""
        self.authorize(user, thread_id, persona)
        thread_id = thread_id or uuid.uuid4().hex
        config = traced({"configurable": {"thread_id": thread_id}}, self.settings, redact, persona, str(routing or ""))
        return run_context(self.settings, self.services, persona, routing, user), thread_id, config, time.perf_counter()

    async def astream(
        self,
        text: str,
        *,
        persona: str = "patient",
        thread_id: str | None = None,
        attachments: Sequence[str | Path] = (),
        routing: RoutingMode | str | None = None,
        user: User | None = None,
    ) -> AsyncIterator[StreamEvent]:
        """Run one turn, yielding guard flags, tool results and answer tokens as they happen."""
        ctx, thread_id, config, started = self._begin(persona, thread_id, routing, user)
        emitted: set[str] = set()
        shown = ""  # what the user has seen of the answer: every later text only extends it
        async with self.graph() as graph:
            async for chunk in graph.astream(
                turn_input(text, attachments, self.settings.max_message_chars),
                config,
                context=ctx,
                stream_mode="updates",
            ):
                for node, update in cast(dict[str, Any], chunk).items():
                    if not isinstance(update, dict):  # "__interrupt__" carries a tuple: the review waits
                        continue
                    if node == "input_guard" and update.get("flags"):
                        yield StreamEvent(type="flags", data=update["flags"])
                    if node == "planner":  # the calls about to run, so a front end can name the step
                        for message in update.get("messages", []):
                            for call in getattr(message, "tool_calls", None) or []:
                                yield StreamEvent(type="step", data={"tool": call["name"], "args": call["args"]})
                    if node == "collect":
                        for result in update.get("results", []):  # the turn's list so far
                            if result["call_id"] not in emitted:
                                emitted.add(result["call_id"])
                                yield StreamEvent(type="tool", data=result)
                    text_now = update.get("answer") or update.get("head") or ""
                    if text_now.startswith(shown) and len(text_now) > len(shown):
                        yield StreamEvent(type="token", data=text_now[len(shown) :])
                        shown = text_now
            state, review = await self._snapshot(graph, config)
        yield StreamEvent(type="done", data=self._result(state, thread_id, ctx, text, started, review))

    async def arun(
        self,
        text: str,
        *,
        persona: str = "patient",
        thread_id: str | None = None,
        attachments: Sequence[str | Path] = (),
        routing: RoutingMode | str | None = None,
        user: User | None = None,
    ) -> TurnResult:
        """Run one turn to completion."""
        ctx, thread_id, config, started = self._begin(persona, thread_id, routing, user)
        async with self.graph() as graph:
            await graph.ainvoke(turn_input(text, attachments, self.settings.max_message_chars), config, context=ctx)
            state, review = await self._snapshot(graph, config)
        return self._result(state, thread_id, ctx, text, started, review)

    async def adecide(
        self,
        thread_id: str,
        decision: ReviewDecision | dict[str, Any],
        *,
        persona: str = "nurse",
        routing: RoutingMode | str | None = None,
        user: User | None = None,
    ) -> TurnResult:
        """Resume a turn paused for report review with the reviewer's decision.

        With a signed-in ``user`` the editor and role are theirs, whatever the decision says.

        An invalid decision (a patient approving a clinical report, an unknown section) pauses again with the reason
        in ``review["error"]``; nothing is lost.
        """
        ctx, thread_id, config, started = self._begin(persona, thread_id, routing, user)
        value = decision.model_dump() if isinstance(decision, ReviewDecision) else dict(decision)
        if user is not None:
            value.update(editor=user.display_name, role=user.role.value)
        async with self.graph() as graph:
            before, pending = await self._snapshot(graph, config)
            if pending is None:
                raise ValueError(f"thread {thread_id} has no report awaiting review")
            await graph.ainvoke(Command(resume=value), config, context=ctx)
            state, review = await self._snapshot(graph, config)
        question = f"[review] {value.get('decision')} by {value.get('editor')} ({value.get('role')})"
        return self._result(state, thread_id, ctx, question, started, review)

    async def areports(self, thread_id: str, user: User | None = None) -> list[Report]:
        """The thread's reports: decided ones, then any draft awaiting review."""
        self.authorize(user, thread_id)
        async with self.graph() as graph:
            state, review = await self._snapshot(graph, RunnableConfig(configurable={"thread_id": thread_id}))
        reports = [Report.model_validate(r) for r in state.get("reports", [])]
        if review is not None:
            reports.append(Report.model_validate(review["report"]))
        return reports

    @staticmethod
    async def _snapshot(
        graph: CompiledStateGraph[Any, Any, Any, Any], config: RunnableConfig
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The thread's state and the pending review payload, if the run is paused for one."""
        snapshot = await graph.aget_state(config)
        pending = [i.value for i in snapshot.interrupts if isinstance(i.value, dict)]
        return dict(snapshot.values), (pending[0] if pending else None)

    def ask(self, text: str, **kwargs: Any) -> TurnResult:
        """Synchronous ``arun`` for scripts and the CLI."""
        return asyncio.run(self.arun(text, **kwargs))

    async def ahistory(self, thread_id: str, user: User | None = None) -> list[dict[str, str]]:
        """The visible conversation of a thread: user messages and final answers."""
        self.authorize(user, thread_id)
        async with self.graph() as graph:
            state = (await graph.aget_state(RunnableConfig(configurable={"thread_id": thread_id}))).values
        out = []
        for m in state.get("messages", []):
            if isinstance(m, HumanMessage):
                out.append({"role": "user", "content": m.text})
            elif isinstance(m, AIMessage) and not m.tool_calls:
                out.append({"role": "assistant", "content": m.text})
        return out

    def _result(
        self,
        state: dict[str, Any],
        thread_id: str,
        ctx: Context,
        text: str,
        started: float,
        review: dict[str, Any] | None = None,
    ) -> TurnResult:
        result = TurnResult.from_state(
            state,
            thread_id=thread_id,
            persona=ctx.persona,
            routing_mode=ctx.routing_mode.value,
            model=self.settings.model_name,
            question=text,
            review=review,
        )
        result.timings["total_ms"] = round((time.perf_counter() - started) * 1000, 3)
        return result  # the graph's record node has written the audit row and the thread index
