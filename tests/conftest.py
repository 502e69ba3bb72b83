"""Shared fixtures: settings in a temporary data directory, the bundled knowledge base, scripted models."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk

from core.llm import Capabilities
from core.settings import Settings
from retrieval import DEFAULT_CACHE, default_embedder
from safety.triage import SemanticDetector, Triage
from tools.drugs import DrugNameResolver, default_knowledge_base
from tools.drugs.knowledge_base import DrugKnowledgeBase
from tools.registry import ToolResources


class ScriptedToolModel(GenericFakeChatModel):
    """A scripted chat model that accepts ``bind_tools`` and records what it was sent."""

    seen: list[list[BaseMessage]] = []

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedToolModel:  # type: ignore[override]
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.seen.append(list(messages))
        return super()._generate(messages, *args, **kwargs)

    def _stream(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        # The parent cannot stream a message that has tool calls and no text: send it as one chunk.
        self.seen.append(list(messages))
        message = next(self.messages)
        calls = [
            {"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i}
            for i, c in enumerate(message.tool_calls)
        ]
        yield ChatGenerationChunk(message=AIMessageChunk(content=message.content, tool_call_chunks=calls))


def scripted(*replies: AIMessage | str) -> ScriptedToolModel:
    messages: Iterator[AIMessage] = iter(r if isinstance(r, AIMessage) else AIMessage(content=r) for r in replies)
    return ScriptedToolModel(messages=messages, seen=[])


def tool_call(name: str, args: dict[str, Any], call_id: str = "call-1") -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id}])


TOOL_CAPABLE = Capabilities(base_url="fake://", reachable=True, model="fake", accepts_tools=True)
TEXT_ONLY = Capabilities(base_url="fake://", reachable=True, model="fake", accepts_tools=False)
DOWN = Capabilities(base_url="fake://", reachable=False, error="ConnectError: refused")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, model_base_url="http://127.0.0.1:9/v1", request_timeout_s=2.0)


@pytest.fixture(scope="session")
def resources() -> ToolResources:
    kb = default_knowledge_base()
    return ToolResources(kb=kb, resolver=DrugNameResolver(kb))


@pytest.fixture(scope="session")
def kb(resources: ToolResources) -> DrugKnowledgeBase:
    """The bundled drug knowledge base, loaded once per test session."""
    return resources.kb


@pytest.fixture(scope="session")
def resolver(resources: ToolResources) -> DrugNameResolver:
    """The free-text name reader on the bundled knowledge base."""
    return resources.resolver


@pytest.fixture(scope="session")
def triage() -> Triage:
    """Both detectors, the semantic one on the bundled embedder (loaded once per test session)."""
    return Triage(SemanticDetector(default_embedder(DEFAULT_CACHE)))


class EchoModel(GenericFakeChatModel):
    """Answers each call with the last user message it saw, after a short pause: shows which session it served."""

    delay_s: float = 0.01

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        from langchain_core.outputs import ChatGeneration, ChatResult

        question = next((m.text for m in reversed(messages) if m.type == "human"), "")
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=f"echo: {question}"))])

    async def _agenerate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        import asyncio

        await asyncio.sleep(self.delay_s)  # lets other sessions interleave, as a real server would
        return self._generate(messages)

    async def _astream(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        result = await self._agenerate(messages)
        yield ChatGenerationChunk(message=AIMessageChunk(content=result.generations[0].message.content))


def echo_model(delay_s: float = 0.01) -> EchoModel:
    return EchoModel(messages=iter(()), delay_s=delay_s)
